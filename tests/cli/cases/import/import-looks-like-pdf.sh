# a file of no kind: the library says so, the tool says what it looks like
printf "%%PDF-1.4 junk\n" > report.pdf
pcreg import auto report.pdf
