pcreg export network --format jsonl | head -3
