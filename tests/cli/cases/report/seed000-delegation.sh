pcreg commissioner show 07Q --as-of 2017-03-31 --format csv
pcreg commissioner show 07Q --as-of 2017-04-01 --format csv
