pcreg report pms --max 10
