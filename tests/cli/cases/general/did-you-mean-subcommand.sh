pcreg practice lst
