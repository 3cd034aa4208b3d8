#!/bin/sh
# odsxml_memory.sh: the ODS XML reader's memory stays flat whatever the
# file's size.
#
#   sh tests/odsxml_memory.sh ODSXML_READ GEN_ODSXML_PY [SANITIZE [PCREG]]
#
# Generates 3,000 and 300,000 organisations (about 6.6 MB and 660 MB) with
# bench/gen_odsxml.py into a temporary folder, reads each to its end with
# tests/odsxml_read (which prints its peak resident memory, VmHWM, read
# from /proc/self/status: the kernel's count, which sees every allocator)
# and fails unless the large file's peak is within 16 MB of the small
# one's. With PCREG (the CLI), each file is also imported into an empty
# registry ('pcreg import ods-xml'), its peak taken by Python's
# getrusage(RUSAGE_CHILDREN), and the same bound applies: what a user runs
# must stay flat too, not only the reader. Under the sanitizers (SANITIZE ON) it skips (exit 77): their
# shadow memory and quarantine grow with the bytes allocated, whatever the
# reader holds. Removes what it generated, however it ends.
set -eu

read_prog=$1
generator=$2
sanitize=${3:-OFF}
pcreg=${4:-}
small=3000
large=300000
limit_kb=16384

case "$sanitize" in
ON | on | TRUE | true | 1 | YES | yes)
	echo "odsxml_memory: skipped under the sanitizers"
	exit 77
	;;
esac
if [ ! -r /proc/self/status ]; then
	echo "odsxml_memory: no /proc/self/status: skipped"
	exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/odsxml-memory.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

# Read FILE, expecting COUNT organisations; prints the peak in kB.
peak() {
	out=$("$read_prog" "$1")
	count=$(printf '%s\n' "$out" | sed -n 's/^organisations //p')
	kb=$(printf '%s\n' "$out" | sed -n 's/^peak_kb //p')
	if [ "$count" != "$2" ]; then
		echo "odsxml_memory: $1: read $count organisations, expected $2" >&2
		exit 1
	fi
	if [ -z "$kb" ] || [ "$kb" -le 0 ]; then
		echo "odsxml_memory: $1: no peak memory reported" >&2
		exit 1
	fi
	echo "$kb"
}

# Import FILE into an empty registry with the CLI; prints its peak in kB.
import_peak() {
	rm -f "$dir/registry.db"
	"$pcreg" --db "$dir/registry.db" init >/dev/null
	python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
		"$pcreg" --db "$dir/registry.db" import --quiet ods-xml "$1"
}

python3 "$generator" "$small" -o "$dir/small.xml"
small_kb=$(peak "$dir/small.xml" "$small")
[ -z "$pcreg" ] || small_import_kb=$(import_peak "$dir/small.xml")
rm -f "$dir/small.xml"
python3 "$generator" "$large" -o "$dir/large.xml"
large_bytes=$(wc -c <"$dir/large.xml")
large_kb=$(peak "$dir/large.xml" "$large")
[ -z "$pcreg" ] || large_import_kb=$(import_peak "$dir/large.xml")
rm -f "$dir/large.xml"

echo "odsxml_memory: $small organisations: peak ${small_kb} kB;" \
	"$large organisations ($large_bytes bytes): peak ${large_kb} kB"
if [ $((large_kb - small_kb)) -gt "$limit_kb" ]; then
	echo "odsxml_memory: FAILED: the large file's peak is $((large_kb - small_kb)) kB above" \
		"the small one's (at most $limit_kb kB)" >&2
	exit 1
fi
if [ -n "$pcreg" ]; then
	echo "odsxml_memory: pcreg import ods-xml: $small organisations: peak ${small_import_kb} kB;" \
		"$large organisations: peak ${large_import_kb} kB"
	if [ $((large_import_kb - small_import_kb)) -gt "$limit_kb" ]; then
		echo "odsxml_memory: FAILED: the large import's peak is" \
			"$((large_import_kb - small_import_kb)) kB above the small one's" \
			"(at most $limit_kb kB)" >&2
		exit 1
	fi
fi
echo "odsxml_memory: ok (within $limit_kb kB)"
