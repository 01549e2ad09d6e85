#!/usr/bin/env python3
"""Splits the new gold stories into dev and held-aside: stratified by writer and by the category of
the first event (08 in two halves, 'none' for empty stories), shuffled with a fixed seed, 30% of each
group held aside (largest remainder). Usage: split.py OUTDIR FILE..."""
import json, random, sys, collections
random.seed(20261203)
out = sys.argv[1]
groups = collections.defaultdict(list)
for path in sys.argv[2:]:
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            continue
        d = json.loads(line)
        ev = d['events']
        cat = 'none'
        if ev:
            c = ev[0]['cameo']
            cat = c[:2] if c[:2] != '08' else ('08b' if c[2:3] in '4567' and len(c) > 2 else '08a')
        groups[(d['id'][:2], cat)].append(line.rstrip('\n'))
total = sum(len(v) for v in groups.values())
want = round(total * 0.30)
keys = sorted(groups)
shares = {k: len(groups[k]) * want / total for k in keys}
take = {k: int(shares[k]) for k in keys}
rest = want - sum(take.values())
for k in sorted(keys, key=lambda k: shares[k] - int(shares[k]), reverse=True)[:rest]:
    take[k] += 1
dev, held = [], []
for k in keys:
    g = groups[k][:]
    random.shuffle(g)
    held += g[:take[k]]
    dev += g[take[k]:]
key = lambda l: json.loads(l)['id']
open(f'{out}/new-dev.jsonl', 'w').write('\n'.join(sorted(dev, key=key)) + '\n')
open(f'{out}/new-heldout.jsonl', 'w').write('\n'.join(sorted(held, key=key)) + '\n')
print(f'{len(dev)} dev, {len(held)} held aside')
