# dates written the English way get the ISO form suggested
pcreg practice show E91002 --as-of 01/04/2020
