pcreg report networks --as-of 2019-07-01 --commissioner 08C --min 30000 --max 70000 --format csv
