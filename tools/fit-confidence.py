#!/usr/bin/env python3
"""Fit the confidence stage's weights (data/confidence.tsv) on the dev set.

    python3 tools/fit-confidence.py                  # build/curlew, tests/eval/dev.jsonl
    python3 tools/fit-confidence.py --check          # is data/confidence.tsv this fit?

It runs `curlew eval --features GOLD`, which codes every gold story and
writes one line per coded event: whether its category was right (matched
a gold event's, as `curlew eval` scores) and the features src/coder/confidence.c
computes for it.  A logistic regression with an L2 penalty on the weights
(not on the bias) is fitted by Newton's method; the penalty is the one of a
fixed grid with the lowest log-loss in 5-fold cross-validation, the folds
made of whole stories (every fifth story in the file's order).  Standard
library only, no randomness: the same coder and gold give the same file.

Fit on the development set only: the held-aside set is for reporting
(`curlew eval --curve tests/eval/heldout.jsonl`).  Rerun after the rules
change, as the features' meaning shifts with them.
"""
import argparse
import hashlib
import math
import os
import subprocess
import sys

PENALTIES = [0.3, 1.0, 3.0, 10.0, 30.0]
FOLDS = 5
ITERATIONS = 50          # Newton's method converges in under 10 here
TOLERANCE = 1e-10


def read_features(lines):
    """(feature names, rows): each row (story id, label, feature vector)."""
    header = lines[0].rstrip("\n").split("\t")
    first = header.index("confidence") + 1
    names = header[first:]
    rows = []
    for line in lines[1:]:
        f = line.rstrip("\n").split("\t")
        if len(f) != len(header):
            raise SystemExit("fit-confidence: a line of %d fields, want %d: %s"
                             % (len(f), len(header), line[:80]))
        rows.append((f[0], float(f[3]), [float(v) for v in f[first:]]))
    return names, rows


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def solve(a, b):
    """a x = b by Gaussian elimination with partial pivoting (a is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        if abs(m[p][c]) < 1e-300:
            raise SystemExit("fit-confidence: singular system")
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            k = m[r][c] / m[c][c]
            if k:
                for j in range(c, n + 1):
                    m[r][j] -= k * m[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


def fit(rows, penalty):
    """Weights [bias, w1..wk] minimising log-loss + penalty/2 |w|^2."""
    k = len(rows[0][2]) + 1
    w = [0.0] * k
    for _ in range(ITERATIONS):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for _, y, x in rows:
            v = [1.0] + x
            p = sigmoid(sum(wi * vi for wi, vi in zip(w, v)))
            d = p - y
            s = p * (1 - p)
            for i in range(k):
                if v[i]:
                    grad[i] += d * v[i]
                    hi = hess[i]
                    for j in range(k):
                        if v[j]:
                            hi[j] += s * v[i] * v[j]
        for i in range(1, k):
            grad[i] += penalty * w[i]
            hess[i][i] += penalty
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < TOLERANCE:
            break
    return w


def log_loss(rows, w):
    total = 0.0
    for _, y, x in rows:
        p = sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))
        p = min(max(p, 1e-12), 1 - 1e-12)
        total -= y * math.log(p) + (1 - y) * math.log(1 - p)
    return total / len(rows)


def folds(rows):
    stories = []
    for sid, _, _ in rows:
        if not stories or stories[-1] != sid:
            stories.append(sid)
    fold_of = {sid: i % FOLDS for i, sid in enumerate(stories)}
    return [([r for r in rows if fold_of[r[0]] != f], [r for r in rows if fold_of[r[0]] == f])
            for f in range(FOLDS)]


def cross_validate(rows):
    scores = []
    parts = [(train, test) for train, test in folds(rows) if train and test]
    if not parts:
        raise SystemExit("fit-confidence: too few stories to cross-validate")
    for penalty in PENALTIES:
        loss = sum(log_loss(test, fit(train, penalty)) * len(test) for train, test in parts)
        scores.append((loss / sum(len(test) for _, test in parts), penalty))
    return scores


def render(names, w, rows, gold, penalty, scores):
    digest = hashlib.sha256(open(gold, "rb").read()).hexdigest()[:16]
    nstories = len({r[0] for r in rows})
    right = sum(r[1] for r in rows)
    out = [
        "# The confidence stage's weights (src/coder/confidence.c): a logistic model of the",
        "# chance that an event's category is right.  Generated by",
        "# tools/fit-confidence.py; do not edit by hand, rerun it after the rules change.",
        "# Fitted on %s (sha256 %s): %d coded events of %d stories, %d right."
        % (os.path.basename(gold), digest, len(rows), nstories, int(right)),
        "# L2 penalty %g, chosen by %d-fold cross-validation (log-loss %s)."
        % (penalty, FOLDS, ", ".join("%g: %.4f" % (p, s) for s, p in scores)),
        "# feature\tweight",
        "bias\t%.4f" % w[0],
    ]
    out += ["%s\t%.4f" % (n, wi) for n, wi in zip(names, w[1:])]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--curlew", default="build/curlew")
    ap.add_argument("--gold", default="tests/eval/dev.jsonl")
    ap.add_argument("--data", help="data directory for curlew (default: its own)")
    ap.add_argument("--features", help="read this `curlew eval --features` output instead")
    ap.add_argument("--out", default="data/confidence.tsv")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if --out differs from a fresh fit (nothing written)")
    a = ap.parse_args()
    if "heldout" in os.path.basename(a.gold):
        raise SystemExit("fit-confidence: fit on the development set, not the held-aside one")
    if a.features:
        lines = open(a.features).readlines()
    else:
        cmd = [a.curlew, "eval", "--features", a.gold]
        if a.data:
            cmd[2:2] = ["--data", a.data]
        lines = subprocess.run(cmd, check=True, stdout=subprocess.PIPE,
                               universal_newlines=True).stdout.splitlines(True)
    names, rows = read_features(lines)
    if not rows:
        raise SystemExit("fit-confidence: no coded events to fit on")
    scores = cross_validate(rows)
    best, penalty = min(scores)
    text = render(names, fit(rows, penalty), rows, a.gold, penalty, scores)
    if a.check:
        old = open(a.out).read() if os.path.exists(a.out) else ""
        if old != text:
            print("fit-confidence: %s is not the fit of today's coder on %s; rerun "
                  "tools/fit-confidence.py" % (a.out, a.gold), file=sys.stderr)
            return 1
        print("fit-confidence: %s is up to date" % a.out)
        return 0
    with open(a.out + ".tmp", "w") as f:
        f.write(text)
    os.replace(a.out + ".tmp", a.out)
    print("fit-confidence: wrote %s (penalty %g, cross-validated log-loss %.4f)"
          % (a.out, penalty, best))
    return 0


if __name__ == "__main__":
    sys.exit(main())
