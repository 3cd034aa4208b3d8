sqlite3 registry.db 'PRAGMA user_version = 99'
pcreg report cqc --as-of 2017-04-18
