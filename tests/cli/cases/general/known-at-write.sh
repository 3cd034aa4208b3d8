pcreg --known-at 2017-01-01 init
