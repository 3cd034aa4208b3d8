pcreg help
