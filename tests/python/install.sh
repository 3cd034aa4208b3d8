#!/bin/sh
# Installation is what is tested: the library installed by `cmake --install`
# into a scratch prefix, the package installed offline by pip into a venv made
# here (`--system-site-packages`, so Debian's setuptools and pandas are all it
# has), then every test module run against what was installed, with neither
# PCREG_LIBRARY nor PYTHONPATH pointing into the source tree. Then the same
# package installed by `cmake --install --component python` instead of pip.
#
# In a sanitizer build the runtime is passed as PCREG_PRELOAD and preloaded
# into the interpreters that import pcreg only, not into pip or the venv's
# setup; and there PCREG_LIBRARY names the installed library, because the
# search would run pkg-config under the preloaded runtime too, whose leak
# report would make it fail.
# usage: install.sh SOURCE_DIR BUILD_DIR PYTHON PYTHON_INSTALL_DIR
set -eu
src=$1 build=$2 python=$3 sitedir=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset PCREG_LIBRARY PYTHONPATH
export PYTHONDONTWRITEBYTECODE=1

in_dir() { # DIR COMMAND...: run in DIR, with the sanitizer runtime if there is one
	dir=$1
	shift
	if [ -n "${PCREG_PRELOAD-}" ]; then
		(cd "$dir" && LD_PRELOAD=$PCREG_PRELOAD PCREG_LIBRARY="$work/prefix/lib/libpcreg.so.0" "$@")
	else
		(cd "$dir" && "$@")
	fi
}
run_tests() { # PYTHON: run tests/python's modules from a copy of them
	in_dir "$work/tests" "$1" -m unittest -q 2>&1
}

echo "== cmake --install into a scratch prefix"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"

echo "== pip install --no-index --no-build-isolation into a new venv"
if ! "$python" -m venv --system-site-packages "$work/venv" >"$work/venv.log" 2>&1; then
	cat "$work/venv.log"
	echo "install.sh: $python cannot make a venv (Debian: python3-venv; scripts/deps.sh" \
		"installs it)" >&2
	exit 1
fi
# pip builds in the directory it is given: a copy keeps the source tree clean
cp -R "$src/bindings/python" "$work/package"
rm -rf "$work/package/pcreg/__pycache__"
"$work/venv/bin/python" -m pip install --quiet --no-index --no-build-isolation \
	--disable-pip-version-check "$work/package"

cp -R "$src/tests/python" "$work/tests"
# support.py finds the sample data from its own place in the source tree
sed "s|^REPO = .*|REPO = \"$src\"|" "$src/tests/python/support.py" >"$work/tests/support.py"

where=$(in_dir "$work" "$work/venv/bin/python" -c \
	'import pcreg, os; print(os.path.dirname(pcreg.__file__)); print(pcreg.LIBRARY_PATH)')
echo "$where"
package_dir=$(echo "$where" | sed -n 1p)
library=$(echo "$where" | sed -n 2p)
case $package_dir in "$work/venv/"*) ;; *)
	echo "install.sh: pcreg was imported from $package_dir, not the venv" >&2; exit 1 ;;
esac
case $library in "$work/prefix/"*) ;; *)
	echo "install.sh: the library loaded was $library, not the installed one" >&2; exit 1 ;;
esac
[ -f "$package_dir/py.typed" ] || { echo "install.sh: no py.typed installed" >&2; exit 1; }

echo "== the tests, against the pip-installed package"
run_tests "$work/venv/bin/python"

echo "== cmake --install --component python"
cmake --install "$build" --prefix "$work/prefix" --component python >/dev/null
unset PKG_CONFIG_PATH
library=$(PYTHONPATH="$work/prefix/$sitedir" in_dir "$work" "$python" -c \
	'import pcreg; print(pcreg.LIBRARY_PATH)')
echo "$library"
case $library in "$work/prefix/"*) ;; *)
	echo "install.sh: cmake's install loaded $library, not the installed library" >&2; exit 1 ;;
esac
PYTHONPATH="$work/prefix/$sitedir" run_tests "$python"
echo "installed both ways; the tests passed against each"
