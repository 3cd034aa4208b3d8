# one self-contained page: the tables, the figures inline, the releases in the footer
pcreg paper --as-of 2017-04-18 --commissioner 07L,08F,08N -o paper.html
grep -c "<table" paper.html
grep -o "78.95%" paper.html | head -1
grep -c "src=\"http\|href=\"http" paper.html || true
