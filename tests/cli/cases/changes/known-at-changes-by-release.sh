pcreg --known-at 2017-04-18 changes --by-release --format json --code F91002
