# Every row a lenient import left out, from the journal.
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import --lenient epraccur bad/epraccur-unknown-status.csv >/dev/null 2>&1
pcreg --db fresh.db rejections
pcreg --db fresh.db rejections --import 1 --format csv
pcreg --db fresh.db rejections --import 2 --format csv
