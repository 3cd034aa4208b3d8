# 08F's successor is not in the registry: it is shown without a name
printf '%s\n' '"08F","A3A8R","","20210401","0"' > succ.csv
pcreg import --quiet succ succ.csv >/dev/null
pcreg resolve 08F --as-of 2021-04-01
