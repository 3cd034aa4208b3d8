# Standard input needs its kind named.
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import auto - <good/eccg.csv
