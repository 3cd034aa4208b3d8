pcreg report commissioning --as-of 2016-04-01 --no-total --no-header
