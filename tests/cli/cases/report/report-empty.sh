pcreg report cqc --as-of 2017-04-18 --commissioner 99Z
