# A file that fails leaves the others in; the exit status says so.
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import eccg good/eccg.csv no-such.csv bad/succ-self.csv
