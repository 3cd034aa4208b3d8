pcreg import spreadsheet data/04-epraccur.csv
