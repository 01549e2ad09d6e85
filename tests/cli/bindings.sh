#!/bin/sh
# The Python and R packages (bindings/) against the build, before anything
# is installed: Python over build/libcurlew.so, R over build/curlew with the
# package installed into a temporary library.  tests/install.sh runs the
# same tests on an installed tree.  The sanitizer build has no shared
# library: skipped there.
#
#   sh tests/cli/bindings.sh BUILD_DIR      (from the repo root)
BUILD=${1:-build}
TALLY_NAME=bindings.sh
. tests/lib.sh
if [ ! -f "$BUILD/libcurlew.so" ]; then
	echo "skipped: $BUILD has no shared library (the bindings are tested on build/)"
	exit 0
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-bind.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$(pwd)
export CURLEW_BIN="$root/$BUILD/curlew"

if CURLEW_LIB="$root/$BUILD/libcurlew.so" PYTHONPATH="$root/bindings/python" \
	"$PY" tests/bindings/test_python.py > "$tmp/py.out" 2>&1; then
	ok "Python package: $(tail -n 1 "$tmp/py.out")"
else
	bad "Python package"
	grep -v '^ok' "$tmp/py.out" | tail -n 20
fi

if ! command -v R > /dev/null 2>&1; then
	bad "R is installed (make deps installs r-base-core)"
	finish
fi
if R CMD INSTALL --no-docs --no-multiarch -l "$tmp" bindings/R/curlew > "$tmp/r-install.log" 2>&1; then
	ok "R package installs"
else
	bad "R package installs"
	tail -n 20 "$tmp/r-install.log"
fi
if R_LIBS="$tmp" Rscript tests/bindings/test_r.R > "$tmp/r.out" 2>&1; then
	ok "R package: $(tail -n 1 "$tmp/r.out")"
else
	bad "R package"
	grep -v '^ok' "$tmp/r.out" | tail -n 20
fi
finish
