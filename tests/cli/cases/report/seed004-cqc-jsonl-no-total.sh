pcreg report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N --format jsonl --no-total
