# 07L became the sub-ICB location A3A8R on 2021-04-01 (ODS's succ and eccg)
printf '%s\n' '"07L","A3A8R","","20210401","0"' > succ.csv
printf '%s\n' '"A3A8R","NHS NORTH EAST LONDON ICB - A3A8R","Y56","QMF","","","","","","","20210401","","","","","","","","","","","0","","","","",""' > eccg.csv
pcreg import --quiet eccg eccg.csv >/dev/null
pcreg import --quiet succ succ.csv
pcreg resolve 07L --as-of 2021-04-01
pcreg resolve 07L --as-of 2021-03-31 --format json
pcreg commissioner show 07L --as-of 2021-04-01 --format csv
