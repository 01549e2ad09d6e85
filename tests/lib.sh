# tests/lib.sh -- the shell tests' shared tally, sourced from the repo root:
#   . tests/lib.sh
# ok/bad count a result, check runs a command as one, finish prints the
# closing "N passed, M failed" line and exits with the verdict.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() {   # check DESCRIPTION COMMAND...
	what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}
