pcreg resolve ZZZ
