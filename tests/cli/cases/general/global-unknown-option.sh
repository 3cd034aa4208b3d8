pcreg --verbose version
