pcreg listsize e91002 E91003 --as-of 2019-07-01 --format csv
