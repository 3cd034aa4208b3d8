#!/bin/sh
# Print the seed papers' tables from the sample registry, each report asked
# as of its paper's date (examples/data/README.md lists them).
#
# usage: seed_tables.sh PCREG REGISTRY
set -eu
[ $# -eq 2 ] || { echo "usage: $0 PCREG REGISTRY" >&2; exit 2; }
pcreg=$1
db=$2

show() {
	title=$1
	shift
	printf '\n== %s\n$ pcreg %s\n' "$title" "$*"
	"$pcreg" --db "$db" "$@"
}

show "Seed 004, BHR CCGs, 18 April 2017: CQC inspections update" \
	report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N
show "Seed 004: local context in BHR (PMS practices and premiums)" \
	report pms --as-of 2017-04-18 --commissioner 07L,08F,08N
show "Seed 004: GP networks and their leads" \
	report networks --as-of 2017-04-18 --commissioner 07L,08F,08N
show "Seed 001, Medway, 15 September 2015: overview of co-commissioning" \
	report commissioning --as-of 2015-09-15
show "Seed 001: Medway CCG's level then" \
	commissioner show 09W --as-of 2015-09-15
show "Seed 000, Bromley, early 2017: CQC outcomes" \
	report cqc --as-of 2017-02-01 --commissioner 07Q
show "Seed 000: the Integrated Case Management LIS" \
	report scheme --as-of 2017-02-01 --commissioner 07Q --service "Integrated Case Management"
show "Seed 000: the access hubs, held by Bromley GP Alliance" \
	contract list --federation bromley-gp-alliance
show "Seed 000: Bromley's delegation from 1 April 2017" \
	commissioner show 07Q --as-of 2017-04-01
show "Seed 002, Hammersmith and Fulham, July 2019: five PCNs against 30,000-70,000 patients" \
	report networks --as-of 2019-07-01 --commissioner 08C --min 30000 --max 70000
show "Seed 003, Southampton: the CCG's level" \
	commissioner show 10X --as-of 2015-09-15
show "Seed 004 again, as the registry knew it on 18 April 2017 (only releases dated by then)" \
	--known-at 2017-04-18 report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N
show "What each release changed, in release order (practice F91002)" \
	changes --by-release --code F91002
