pcreg network members u99002 --as-of 2019-07-01 --no-total
