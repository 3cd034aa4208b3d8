pcreg listsize E91002 --all --format jsonl
