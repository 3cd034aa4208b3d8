# A later release: E91002 moved from U99002 to U99003 on 2020-04-01 (ePCN
# ends one row and starts another), and E91003 closed on 2020-09-30 (an epraccur
# release of 30 April 2021: one of the same date as the sample's would be
# ordered by its digest, not by when it was loaded).
sed -e 's/^\(E91002,.*,U99002,.*\),20190701,,TRUE/\1,20190701,20200331,TRUE/' \
	data/09-ePCN_PCN_Core_Partner_Details.csv > partners.csv
grep -a '^E91002,' data/09-ePCN_PCN_Core_Partner_Details.csv |
	sed -e 's/U99002,FICTIONAL WHARFSIDE PCN/U99003,FICTIONAL PARKLAND PCN/' -e 's/,20190701,,/,20200401,,/' >> partners.csv
sed -e '/^"E91003"/s/"19850101","","A"/"19850101","20200930","C"/' data/04-epraccur.csv > epraccur.csv
pcreg import --quiet pcn-partners partners.csv
pcreg import --quiet --released 2021-04-30 epraccur epraccur.csv
pcreg changes --since 2020-01-01
pcreg changes --import 16 --format csv
pcreg network members U99003 --as-of 2020-04-01
