pcreg changes --import 99
