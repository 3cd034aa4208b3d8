pcreg --known-at 2015-09-15 report commissioning --as-of 2015-09-15
