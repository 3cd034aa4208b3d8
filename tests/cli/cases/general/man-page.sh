groff -man -Tutf8 -ww -z pcreg.1
MANWIDTH=80 groff -man -Tutf8 -P-cbou pcreg.1 2>/dev/null | grep -c 'EXIT STATUS'
