pcreg commissioner show 10X --as-of 2015-09-15
echo
pcreg practice list --commissioner 10X --as-of 2015-09-15
