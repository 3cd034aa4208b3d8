#!/bin/sh
# Install the Debian packages libpcreg needs to build, test and run its
# examples, if any are missing. Safe to run again: it installs nothing when
# everything is there.
set -eu

packages="build-essential cmake pkg-config
	libsqlite3-dev sqlite3
	libcsv-dev nettle-dev libjansson-dev libunistring-dev
	libzip-dev libxml2-dev
	check libsubunit-dev
	python3 python3-venv python3-setuptools python3-pip python3-pandas
	luajit groff-base doxygen
	clang libclang-rt-dev
	libcairo2-dev libxml2-utils chromium
	tmux"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "deps.sh: installing$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
