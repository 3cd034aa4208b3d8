pcreg export federation
