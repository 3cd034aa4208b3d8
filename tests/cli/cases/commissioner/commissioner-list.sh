pcreg commissioner list --kind region
