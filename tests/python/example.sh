#!/bin/sh
# The Python example (examples/python/seed004_cqc.py) on a freshly built
# sample registry: its output must equal examples/python/seed004_cqc.expected.
# The environment (PCREG_LIBRARY, PYTHONPATH, and in a sanitizer build
# LD_PRELOAD of libasan) comes from ctest; the sample is built by the CLI
# before the sanitizer runtime matters, with LD_PRELOAD unset for it.
# usage: example.sh SOURCE_DIR PCREG_CLI PYTHON
set -eu
src=$1 cli=$2 python=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
preload=${LD_PRELOAD-}
unset LD_PRELOAD
sh "$src/examples/load_sample.sh" "$cli" "$out/sample.db" >/dev/null
if [ -n "$preload" ]; then
	LD_PRELOAD=$preload
	export LD_PRELOAD
fi
"$python" "$src/examples/python/seed004_cqc.py" "$out/sample.db" >"$out/got"
unset LD_PRELOAD
diff -u "$src/examples/python/seed004_cqc.expected" "$out/got"
echo "the Python example printed what it should"
