pcreg report quality
