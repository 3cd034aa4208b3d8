#!/bin/sh
# Each report's figure for the sample registry: the SVG is well-formed XML
# and the same bytes run after run, the PNG is a PNG; the seed 004 page is
# the same bytes twice; bad requests fail with a message.
#
# usage: figures.sh PAPER_DRIVER PCREG SOURCE_DIR
set -eu
[ $# -eq 3 ] || { echo "usage: $0 PAPER_DRIVER PCREG SOURCE_DIR" >&2; exit 2; }
driver=$1 pcreg=$2 src=$3
command -v xmllint >/dev/null || { echo "figures.sh: xmllint is missing: run scripts/deps.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/sample.db
sh "$src/examples/load_sample.sh" "$pcreg" "$db" >/dev/null

fail=0
check() { # NAME KIND DATE [options]: SVG twice, PNG once
	name=$1
	shift
	kind=$1 date=$2
	shift 2
	"$driver" "$db" figure "$kind" svg "$date" "$@" >"$work/$name.svg"
	"$driver" "$db" figure "$kind" svg "$date" "$@" >"$work/$name.again.svg"
	"$driver" "$db" figure "$kind" png "$date" "$@" >"$work/$name.png"
	if ! xmllint --noout "$work/$name.svg"; then
		echo "FAIL $name: the SVG is not well-formed XML" >&2
		fail=1
	fi
	if ! cmp -s "$work/$name.svg" "$work/$name.again.svg"; then
		echo "FAIL $name: two runs wrote different SVGs" >&2
		fail=1
	fi
	signature=$(head -c 8 "$work/$name.png" | od -An -tx1 | tr -d ' \n')
	if [ "$signature" != 89504e470d0a1a0a ]; then
		echo "FAIL $name: the PNG starts with $signature, not the PNG signature" >&2
		fail=1
	fi
	echo "ok $name: $(wc -c <"$work/$name.svg") bytes of SVG, $(wc -c <"$work/$name.png") of PNG"
}

check cqc-seed004 cqc 2017-04-18 --commissioner 07L,08F,08N
check cqc-seed000 cqc 2017-02-01 --commissioner 07Q
check pms-seed004 pms 2017-04-18 --commissioner 07L,08F,08N
check networks-seed004 networks 2017-04-18 --commissioner 07L,08F,08N
check networks-seed002 networks 2019-07-01 --commissioner 08C --min 30000 --max 70000
check commissioning-seed001 commissioning 2015-09-15
check scheme-seed000 scheme 2017-02-01 --commissioner 07Q --service "Integrated Case Management"
check cqc-nothing cqc 2017-04-18 --commissioner 99Z

# The page: the same bytes twice. (How it parses and renders is
# browser.sh's test: xmllint's HTML parser knows only HTML 4's elements.)
"$driver" "$db" html 2017-04-18 --commissioner 07L,08F,08N >"$work/paper.html"
"$driver" "$db" html 2017-04-18 --commissioner 07L,08F,08N >"$work/paper.again.html"
if ! cmp -s "$work/paper.html" "$work/paper.again.html"; then
	echo "FAIL paper: two runs wrote different pages" >&2
	fail=1
fi
echo "ok paper: $(wc -c <"$work/paper.html") bytes of HTML"

# Refusals say why, and write nothing.
refused() { # EXPECTED-MESSAGE ARGS...
	expected=$1
	shift
	if "$driver" "$db" "$@" >"$work/out" 2>"$work/err"; then
		echo "FAIL $*: succeeded" >&2
		fail=1
	elif ! grep -q "$expected" "$work/err" || [ -s "$work/out" ]; then
		echo "FAIL $*: wanted \"$expected\" and no output; got:" >&2
		cat "$work/err" >&2
		fail=1
	else
		echo "ok refused $*: $(cat "$work/err")"
	fi
}
refused 'no figure for a report called "bogus"' figure bogus svg 2017-04-18
refused 'scheme figure needs a service' figure scheme svg 2017-04-18 --commissioner 07Q
refused 'date' figure cqc svg 2017-13-45
refused 'scheme report needs a service' html 2017-04-18 --kind scheme
exit $fail
