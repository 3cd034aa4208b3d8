pcreg migrate --status
pcreg migrate
