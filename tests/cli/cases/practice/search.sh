pcreg search 'sorrelmist surgery' --limit 5
