pcreg migrate --to 0
