pcreg practice show E91001 --as-of 2019-07-01
