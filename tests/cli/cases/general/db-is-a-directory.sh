pcreg --db data imports
