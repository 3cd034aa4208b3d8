pcreg import --strict --lenient auto data/04-epraccur.csv
