pcreg practice list --status open
