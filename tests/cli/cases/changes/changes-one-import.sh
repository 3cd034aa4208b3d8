pcreg changes --import 9
