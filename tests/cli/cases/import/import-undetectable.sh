pcreg import auto bad/unknown-kind.csv
