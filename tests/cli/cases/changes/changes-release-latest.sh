# what the newest release changed, then the one before it, filtered
pcreg changes --release latest
pcreg changes --release -4 --action insert --format csv | head -4
pcreg changes --by-release --field name
