pcreg resolve 07L --as-of 2019-07-01
