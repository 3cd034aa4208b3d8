#!/bin/sh
# The Python examples (examples/python/*.py) on a freshly built sample
# registry: each one's output must equal its .expected file. EXAMPLES below
# lists each with its arguments after the registry.
# The environment (PCREG_LIBRARY, PYTHONPATH, and in a sanitizer build
# PCREG_PRELOAD, the libasan to preload) comes from ctest; the runtime is
# preloaded into the interpreter only, not into the shell or the CLI.
# usage: example.sh SOURCE_DIR PCREG_CLI PYTHON
set -eu
src=$1 cli=$2 python=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sh "$src/examples/load_sample.sh" "$cli" "$out/sample.db" >/dev/null

EXAMPLES="seed004_cqc
seed004_dataframe
pcn_changes
timeline E91002"

failed=0
echo "$EXAMPLES" | while read -r name args; do
	# shellcheck disable=SC2086
	if [ -n "${PCREG_PRELOAD-}" ]; then
		LD_PRELOAD=$PCREG_PRELOAD "$python" "$src/examples/python/$name.py" \
			"$out/sample.db" $args >"$out/$name.got"
	else
		"$python" "$src/examples/python/$name.py" "$out/sample.db" $args >"$out/$name.got"
	fi
	if [ -n "${PCREG_EXAMPLES_UPDATE-}" ]; then
		cp "$out/$name.got" "$src/examples/python/$name.expected"
	fi
	diff -u "$src/examples/python/$name.expected" "$out/$name.got"
	echo "$name.py printed what it should"
done
# every example has an expectation, and every expectation an example
for f in "$src"/examples/python/*.py; do
	name=$(basename "$f" .py)
	echo "$EXAMPLES" | grep -q "^$name\b" || { echo "$name.py is not run here" >&2; failed=1; }
	[ -f "$src/examples/python/$name.expected" ] || { echo "no $name.expected" >&2; failed=1; }
done
exit $failed
