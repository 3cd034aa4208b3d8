pcreg report commissioning --as-of 2015-09-15
