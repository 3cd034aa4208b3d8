pcreg contract list --federation bromley-gp-alliance --as-of 2018-03-31
pcreg contract list --federation bromley-gp-alliance --as-of 2018-04-01
