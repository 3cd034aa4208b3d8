pcreg import auto bad/epraccur-unterminated-quote.csv
