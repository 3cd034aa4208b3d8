# the figure: an SVG document, the same every time
pcreg report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N --format svg > a.svg
pcreg report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N --format svg -o b.svg
cmp a.svg b.svg && head -c 38 a.svg && echo
pcreg report pms --as-of 2017-04-18 --format png -o pms.png && od -An -c -N4 pms.png
