pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import --lenient epraccur bad/epraccur-unknown-status.csv
