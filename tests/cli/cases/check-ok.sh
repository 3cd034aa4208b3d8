pcreg check
