pcreg migrate --to 3 || echo "exit $?"
pcreg migrate --to "$(pcreg version | sed 's/.*schema version \([0-9]*\).*/\1/')"
