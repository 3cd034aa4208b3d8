pcreg check --format json
