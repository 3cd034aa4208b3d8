pcreg report scheme --as-of 2017-02-01
