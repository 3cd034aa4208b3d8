pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import pcn-partners bad/pcn-partners-unknown-pcn.csv
