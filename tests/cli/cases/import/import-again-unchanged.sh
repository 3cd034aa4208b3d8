pcreg import --quiet epraccur data/04-epraccur.csv
