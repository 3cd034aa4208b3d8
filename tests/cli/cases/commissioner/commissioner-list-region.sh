pcreg commissioner list --region Y56 --as-of 2015-09-15 --format csv | head -4
