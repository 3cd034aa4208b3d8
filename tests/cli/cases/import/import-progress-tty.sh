# A terminal gets a progress bar on stderr; --quiet silences it. The file is
# the sample's practices thirty times over, under new codes, so the import
# takes more than one step.
awk -F, -v OFS=, '{ for (i = 1; i <= 30; i++) { $1 = sprintf("\"K%05d\"", NR * 100 + i); print } }' \
	data/04-epraccur.csv > big.csv
script -qec 'pcreg import epraccur big.csv' /dev/null | tr '\r' '\n' | grep -c '%.*rows/s' | sed 's/^[1-9][0-9]*$/some progress lines/'
script -qec 'pcreg import --quiet epraccur big.csv' /dev/null | grep -c 'rows/s' || true
