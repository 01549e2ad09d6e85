"""The Python package against the command line it mirrors: the same story
gives the same records.  Run with the package on PYTHONPATH (or
bindings/python) and CURLEW_BIN naming the curlew program to compare with;
CURLEW_LIB may name the shared library.  Ends "N passed, M failed"."""
import json
import os
import subprocess
import sys
import tempfile

import curlew

BIN = os.environ.get("CURLEW_BIN", "curlew")
SAMPLES = os.environ.get("SAMPLES", "samples")
passed = failed = 0


def check(name, cond):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name)


def cli(args, stdin=None):
    return subprocess.run([BIN] + args, input=stdin, capture_output=True, check=True).stdout


story = {"id": "py1", "date": "2024-03-15", "url": "https://example.org/a", "title": "Gaza",
         "publisher": "Wire",
         "text": "Israeli troops attacked Palestinian militants in Gaza. The Egyptian "
                 "government urged both sides to negotiate."}
want = [json.loads(l) for l in cli(["code", "--quiet"], json.dumps(story).encode()).splitlines()]
got = curlew.code(story["text"], date=story["date"], id="py1", url=story["url"],
                  title=story["title"], publisher=story["publisher"])
check("code() gives the CLI's records (%d)" % len(want), got == want and len(want) >= 2)
check("codes are strings with their zeros", all(isinstance(r["cameo"], str) for r in got)
      and any(r["cameo"].startswith("0") for r in got))
check("provenance in every record", all(r["url"] == story["url"] and r["publisher"] == "Wire"
                                        for r in got))
check("no provenance keys when the input has none",
      "url" not in curlew.code("Israeli troops attacked Palestinian militants.", id="x")[0])

coder = curlew.Coder()
path = os.path.join(SAMPLES, "stories.jsonl")
want = [json.loads(l) for l in cli(["code", "--quiet", path]).splitlines()]
got = list(coder.code_file(path))
check("Coder.code_file() gives the CLI's records (%d)" % len(want), got == want and want)
coder.close()

try:
    curlew.Coder(data_dir="/nonexistent")
    check("a bad data directory raises CurlewError", False)
except curlew.CurlewError as e:
    check("a bad data directory raises CurlewError naming it", "/nonexistent" in str(e))

# A build without the store (make CURLEW_STORE=0; tests/run.sh sets this)
# has no query to test, only its refusal.
if os.environ.get("CURLEW_NO_STORE"):
    try:
        curlew.query(path)    # a file that exists, so that the store is what is missing
        check("without the store, query raises", False)
    except curlew.CurlewError as e:
        check("without the store, query raises saying so", "built without the store" in str(e))
else:
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "events.sqlite")
        cli(["code", "--quiet", "--db", db, path])
        rows = curlew.query(db, "events")
        n = int(cli(["query", "--db", db, "--tsv", "summary"]).splitlines()[1].split(b"\t")[2])
        check("query(db, 'events') gives every event (%d)" % n, len(rows) == n and n > 0)
        check("query rows keep codes as strings", all(isinstance(r["cameo"], str) and
                                                      len(r["cameo"]) >= 3 for r in rows))
        check("query rows carry the story's title", any(r["title"] for r in rows))
        counts = curlew.query(db, "counts", by="month", cls="quad")
        check("query(db, 'counts', by='month') sums to the events",
              sum(r["events"] for r in counts) == n)
        try:
            curlew.query(db, "counts", by="fortnight")
            check("a bad query word raises CurlewError", False)
        except curlew.CurlewError as e:
            check("a bad query word raises CurlewError saying the choices", "week" in str(e))
        try:
            curlew.query(os.path.join(tmp, "typo.sqlite"))
            check("a missing store raises", False)
        except curlew.CurlewError:
            check("a missing store raises, and is not created",
                  not os.path.exists(os.path.join(tmp, "typo.sqlite")))

check("version() is the CLI's", "curlew " + curlew.version() == cli(["--version"]).decode().strip())
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
