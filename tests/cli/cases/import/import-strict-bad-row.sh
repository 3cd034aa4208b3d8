pcreg import epraccur bad/epraccur-impossible-date.csv || echo "exit $?"
# nothing was written: still 14 imports
pcreg imports --format csv | tail -n +2 | wc -l
