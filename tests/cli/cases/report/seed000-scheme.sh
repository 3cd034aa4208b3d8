pcreg report scheme --as-of 2017-02-01 --commissioner 07Q --service 'Integrated Case Management'
