pcreg practice show E91001 E91002
