pcreg network members U00000 --as-of 2019-07-01
