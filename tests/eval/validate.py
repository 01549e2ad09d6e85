#!/usr/bin/env python3
"""Checks a gold file written to tests/eval/GUIDE.md: JSON shape, known CAMEO codes,
actor-code shape, sentence numbers. Usage: validate.py FILE.jsonl"""
import json, os, re, sys
codes = set()
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'cameo-codes.tsv'), encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    codes.add(line.split('\t')[0])
frames = {"asserted", "negated", "demanded", "appealed", "intended", "threatened", "refused",
          "attempted", "continued", "alleged", "denied", "purpose", "reported"}
bad = 0
ids = set()
roots = {}
nstories = nev = nempty = nmulti = 0
for n, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    if not line.strip():
        continue
    try:
        d = json.loads(line)
    except Exception as e:
        print(f"{n}: not JSON: {e}"); bad += 1; continue
    nstories += 1
    for k in ("id", "date", "text", "events"):
        if k not in d:
            print(f"{n}: missing {k}"); bad += 1
    if d.get("id") in ids:
        print(f"{n}: repeated id {d.get('id')}"); bad += 1
    ids.add(d.get("id"))
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", d.get("date", "")):
        print(f"{n}: bad date"); bad += 1
    ev = d.get("events", [])
    if not ev:
        nempty += 1
    nsent = len(re.findall(r"[.!?][\"')\]]?\s+(?=[A-Z\"'])", d.get("text", ""))) + 1
    if nsent > 1:
        nmulti += 1
    for e in ev:
        nev += 1
        c = e.get("cameo")
        if c not in codes:
            print(f"{n}: {d.get('id')}: unknown cameo {c!r}"); bad += 1
        else:
            roots[c[:2]] = roots.get(c[:2], 0) + 1
        for role in ("source", "target"):
            a = e.get(role)
            if role == "source" and a is None:
                print(f"{n}: {d.get('id')}: null source"); bad += 1
            if a is not None and not re.fullmatch(r"[A-Z]{3}([A-Z]{3})*", a):
                print(f"{n}: {d.get('id')}: bad {role} code {a!r}"); bad += 1
        if e.get("frame") is not None and e["frame"] not in frames:
            print(f"{n}: {d.get('id')}: unknown frame {e['frame']!r}"); bad += 1
print(f"{nstories} stories ({nmulti} with more than one sentence, {nempty} with no events), {nev} events, {bad} problems")
print("events by root:", " ".join(f"{r}:{roots[r]}" for r in sorted(roots)))
sys.exit(1 if bad else 0)
