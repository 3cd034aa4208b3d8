pcreg imports --format json
