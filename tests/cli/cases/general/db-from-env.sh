PCREG_DB=registry.db pcreg --db elsewhere.db version
mv registry.db r.db
PCREG_DB=r.db pcreg commissioner list --kind region
