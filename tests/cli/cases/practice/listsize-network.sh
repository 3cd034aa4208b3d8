pcreg listsize --network U99002 --as-of 2019-07-01
