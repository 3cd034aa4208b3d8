pcreg report cqc --as-of 2017-04-18 -o x.csv
