pcreg changes --import x
