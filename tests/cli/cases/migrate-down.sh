pcreg migrate --to 2 || echo "exit $?"
pcreg migrate --to 4
