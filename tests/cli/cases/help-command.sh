pcreg help report
