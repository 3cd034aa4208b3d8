# What the folder's imports were: a workbook is its two sheets' kinds.
pcreg --db fresh.db init >/dev/null
mkdir -p folder
cp good/eccg.csv good/epraccur.csv good/ePCN.xlsx folder/
pcreg --db fresh.db import --quiet auto folder >/dev/null
pcreg --db fresh.db imports --format csv | cut -d, -f2,3
