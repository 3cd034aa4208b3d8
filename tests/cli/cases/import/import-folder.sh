# A folder, recursively: data files recognised and loaded in order (the
# commissioners first), files that are not data named as skipped, a .csv
# of no known kind reported while the rest still load; exit 1.
pcreg --db fresh.db init >/dev/null
mkdir -p folder/ods/older folder/pcn
cp good/epraccur.csv folder/ods/
cp good/eccg.csv folder/ods/older/
cp good/icb_names_codes_dec_2024.csv folder/
cp good/ePCN.xlsx folder/pcn/
printf 'read me\n' >folder/README.md
printf 'x,y\n1,2\n' >folder/pcn/notes.csv
pcreg --db fresh.db import --quiet auto folder
