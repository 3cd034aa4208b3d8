pcreg export practises
