pcreg commissioner show 08C --as-of 2019-07-01 --format json
