pcreg changes --release 99
