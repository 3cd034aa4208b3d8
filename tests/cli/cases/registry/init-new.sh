pcreg --db new.db init
pcreg --db new.db init
pcreg --db new.db migrate --status
