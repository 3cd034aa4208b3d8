pcreg migrate --to 3 || echo "exit $?"
pcreg migrate --to 5
