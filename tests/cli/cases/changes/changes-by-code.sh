pcreg changes --code E91001
