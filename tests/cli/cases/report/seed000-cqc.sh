pcreg report cqc --as-of 2017-02-01 --commissioner 07Q
