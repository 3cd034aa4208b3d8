pcreg practice list --commissioner 09W --as-of 2015-09-15 --format csv
