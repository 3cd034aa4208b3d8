pcreg practice list --comissioner 07L
