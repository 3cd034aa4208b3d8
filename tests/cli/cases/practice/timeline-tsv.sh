pcreg timeline E91002 --format tsv
