pcreg imports
