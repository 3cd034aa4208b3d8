pcreg practice show E91001 --as-of 1/7/2019
