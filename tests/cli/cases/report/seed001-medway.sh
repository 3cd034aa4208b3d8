pcreg commissioner show 09W --as-of 2015-09-15
echo
pcreg commissioner show 09W --as-of 2016-04-01
