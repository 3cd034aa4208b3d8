pcreg contract list --practice F93001
