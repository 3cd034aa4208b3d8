pcreg import epraccur
