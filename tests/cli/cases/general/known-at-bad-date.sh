pcreg --known-at 2017-02-30 report cqc
