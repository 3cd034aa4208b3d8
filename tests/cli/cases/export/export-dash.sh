# -o - is standard output.
pcreg export commissioner -o - | head -n 3
