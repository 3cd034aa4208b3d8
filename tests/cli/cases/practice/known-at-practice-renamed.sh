pcreg --known-at 2017-04-18 practice show F91002 --as-of 2017-04-18
