pcreg practice list --commissioner 08C --as-of 2019-07-01 --no-header
