pcreg --db fresh.db init >/dev/null
for f in good/eccg.csv good/epraccur.csv; do pcreg --db fresh.db import auto "$f"; done
pcreg --db fresh.db imports
