pcreg --known-at 2017-04-18 report networks --as-of 2017-04-18 --commissioner 07L,08F,08N
