pcreg changes --by-release --import 4
