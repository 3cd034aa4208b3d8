pcreg resolve E91002 --as-of 2019-07-01
