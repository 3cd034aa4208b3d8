pcreg commissioner delete 07L
