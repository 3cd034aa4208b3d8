pcreg help practice
