# Standard input with its kind named: called "stdin" in messages and the journal.
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import eccg - <good/eccg.csv
pcreg --db fresh.db imports --format csv | cut -d, -f2,3
pcreg --db fresh.db import epraccur - <bad/epraccur-unknown-status.csv
