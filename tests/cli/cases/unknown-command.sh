pcreg frobnicate
