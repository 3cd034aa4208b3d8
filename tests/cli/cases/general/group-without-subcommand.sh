pcreg network
