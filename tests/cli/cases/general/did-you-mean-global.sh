pcreg --knwon-at 2020-01-01 imports
