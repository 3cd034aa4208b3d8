pcreg --db nowhere.db imports
