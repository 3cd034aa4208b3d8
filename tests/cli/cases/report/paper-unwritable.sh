# a page that cannot be written leaves nothing behind
pcreg paper --as-of 2017-04-18 --commissioner 07L -o nodir/paper.html || echo "exit $?"
ls
