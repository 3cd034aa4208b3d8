pcreg practice show Z99999 --as-of 2017-04-18
