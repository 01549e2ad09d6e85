# tests/lib.sh -- the shell tests' shared tally, sourced from the repo root:
#   . tests/lib.sh
# ok/bad count a result, check runs a command as one, finish prints the
# closing "N passed, M failed" line and exits with the verdict.  Scripts
# with hundreds of checks set TALLY_QUIET=1 (only failures are printed) and
# TALLY_NAME to prefix the closing line.
pass=0
fail=0
ok() { pass=$((pass + 1)); [ -n "${TALLY_QUIET:-}" ] || echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() {   # check DESCRIPTION COMMAND...
	what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}
finish() {
	echo "${TALLY_NAME:+$TALLY_NAME: }$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}
