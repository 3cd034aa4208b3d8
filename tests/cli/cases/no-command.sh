pcreg
