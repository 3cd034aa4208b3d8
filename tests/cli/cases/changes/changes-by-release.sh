pcreg changes --by-release --code F91002
