#!/bin/sh
# The Python example (examples/python/seed004_cqc.py) on a freshly built
# sample registry: its output must equal examples/python/seed004_cqc.expected.
# The environment (PCREG_LIBRARY, PYTHONPATH, and in a sanitizer build
# PCREG_PRELOAD, the libasan to preload) comes from ctest; the runtime is
# preloaded into the interpreter only, not into the shell or the CLI.
# usage: example.sh SOURCE_DIR PCREG_CLI PYTHON
set -eu
src=$1 cli=$2 python=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sh "$src/examples/load_sample.sh" "$cli" "$out/sample.db" >/dev/null
if [ -n "${PCREG_PRELOAD-}" ]; then
	LD_PRELOAD=$PCREG_PRELOAD "$python" "$src/examples/python/seed004_cqc.py" \
		"$out/sample.db" >"$out/got"
else
	"$python" "$src/examples/python/seed004_cqc.py" "$out/sample.db" >"$out/got"
fi
diff -u "$src/examples/python/seed004_cqc.expected" "$out/got"
echo "the Python example printed what it should"
