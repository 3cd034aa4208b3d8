pcreg practice show F93001 --as-of 2017-04-18
