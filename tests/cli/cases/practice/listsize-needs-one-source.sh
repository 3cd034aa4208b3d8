pcreg listsize --network U99002 --commissioner 08C
