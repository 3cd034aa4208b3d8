pcreg network members U99005 --as-of 2019-07-01
