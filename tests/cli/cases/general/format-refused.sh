# a command that prints no rows refuses --format rather than ignoring it
pcreg init --format csv
