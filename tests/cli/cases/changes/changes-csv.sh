pcreg changes --import 8 --format csv
