pcreg practise list
