pcreg export practice -o practice.csv
wc -l < practice.csv
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import registry-csv practice.csv
