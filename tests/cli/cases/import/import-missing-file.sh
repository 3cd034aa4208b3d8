pcreg import auto no-such-file.csv
