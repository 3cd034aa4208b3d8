pcreg report cqc --colour
