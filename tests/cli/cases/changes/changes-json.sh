pcreg changes --code E91001 --since 2019-01-01 --format json
