# A terminal gets a progress line on stderr, which says "committing" once
# the file is read; --quiet silences it. The file is the sample's practices
# thirty times over, under new codes, so the import takes more than one step.
awk -F, -v OFS=, '{ for (i = 1; i <= 30; i++) { $1 = sprintf("\"K%05d\"", NR * 100 + i); print } }' \
	data/04-epraccur.csv > big.csv
script -qec 'pcreg import epraccur big.csv' /dev/null | tr '\r' '\n' > tty.out
grep -c '%.* left' tty.out | sed 's/^[1-9][0-9]*$/some progress lines/'
grep -o '100%  committing' tty.out
script -qec 'pcreg import --quiet epraccur big.csv' /dev/null | grep -c -e '%' -e 'left' -e committing || true
