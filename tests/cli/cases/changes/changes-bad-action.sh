pcreg changes --action rename
