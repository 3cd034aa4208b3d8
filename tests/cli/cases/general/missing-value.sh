pcreg report cqc --as-of
