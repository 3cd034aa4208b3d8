pcreg network show bd-north --as-of 2017-04-18
