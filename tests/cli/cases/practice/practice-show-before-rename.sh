pcreg practice show F91002 --as-of 2016-01-01
