# ODS codes are upper case; people type them in any case
pcreg practice show e91002 --as-of 2019-07-01
pcreg report cqc --as-of 2017-04-18 --commissioner 07l,08f
