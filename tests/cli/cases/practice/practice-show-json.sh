pcreg practice show F91001 --as-of 2017-04-18 --format json
