pcreg search sorrelmist --format json
