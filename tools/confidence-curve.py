#!/usr/bin/env python3
"""The README's confidence figures: curves and calibration, as tables and an SVG.

    python3 tools/confidence-curve.py            # build/curlew, tests/eval/{dev,heldout}.jsonl

Runs `curlew eval --curve` on the development and the held-aside set and
prints Markdown tables (precision, recall and F1 of the event category at
each threshold; mean confidence against the share right by tenths) and
writes docs/confidence.svg: precision and recall against the threshold
for both sets, and the held-aside calibration.  Standard library only.
"""
import argparse
import datetime
import re
import subprocess

CURVE = re.compile(r"^\s+(0\.\d)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$")
CALIB = re.compile(r"^\s+(\d\.\d)-(\d\.\d)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$")


def run(curlew, gold):
    out = subprocess.run([curlew, "eval", "--curve", gold], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    curve = [tuple(float(g) for g in m.groups()) for m in map(CURVE.match, out.splitlines()) if m]
    calib = [tuple(float(g) for g in m.groups()) for m in map(CALIB.match, out.splitlines()) if m]
    if len(curve) != 10:
        raise SystemExit("confidence-curve: no curve in `curlew eval --curve %s`" % gold)
    return curve, calib


def curve_table(dev, held):
    rows = ["| threshold | held aside: events | precision | recall | F1 | S+E+T | dev: events | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for d, h in zip(dev, held):
        rows.append("| %.1f | %d | %.3f | %.3f | %.3f | %.1f%% | %d | %.3f | %.3f | %.3f |"
                    % (h[0], h[1], h[2], h[3], h[4], h[5], d[1], d[2], d[3], d[4]))
    return "\n".join(rows)


def calib_table(dev, held):
    rows = ["| confidence | held aside: events | mean | right | dev: events | mean | right |",
            "|---|---|---|---|---|---|---|"]
    dv = {(c[0], c[1]): c for c in dev}
    for h in held:
        d = dv.get((h[0], h[1]), (0, 0, 0, 0, 0))
        rows.append("| %.1f-%.1f | %d | %.2f | %.2f | %d | %.2f | %.2f |"
                    % (h[0], h[1], h[2], h[3], h[4], d[2], d[3], d[4]))
    return "\n".join(rows)


def svg(dev, held, calib, date):
    W, H, pad, top, pw = 640, 270, 44, 28, 250
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (W, H),
           '<rect width="100%" height="100%" fill="white"/>']

    def panel(x0, title, xlabel, ylabel):
        ph = H - top - pad
        out.append('<text x="%d" y="16" font-weight="bold">%s</text>' % (x0, title))
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>'
                   % (x0, top, pw, ph))
        for i in range(6):
            v = i / 5
            y = top + ph * (1 - v)
            out.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#eee"/>' % (x0, x0 + pw, y, y))
            out.append('<text x="%d" y="%.1f" text-anchor="end">%.1f</text>' % (x0 - 4, y + 4, v))
            x = x0 + pw * v
            out.append('<text x="%.1f" y="%d" text-anchor="middle">%.1f</text>' % (x, top + ph + 14, v))
        out.append('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (x0 + pw / 2, H - 6, xlabel))
        out.append('<text x="%d" y="%d" transform="rotate(-90 %d %d)" text-anchor="middle">%s</text>'
                   % (x0 - 32, top + ph / 2, x0 - 32, top + ph / 2, ylabel))
        return lambda vx, vy: (x0 + pw * vx, top + ph * (1 - vy))

    def line(pt, pts, colour, dash=""):
        d = " ".join("%.1f,%.1f" % pt(x, y) for x, y in pts)
        out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>'
                   % (d, colour, ' stroke-dasharray="4 3"' if dash else ""))

    pt = panel(pad + 6, "Event category by threshold", "confidence threshold", "")
    for rows, dash in ((dev, 1), (held, 0)):
        line(pt, [(r[0], r[2]) for r in rows], "#1f77b4", dash)
        line(pt, [(r[0], r[3]) for r in rows], "#d62728", dash)
    lx = pad + 14
    for i, (label, colour, dash) in enumerate((("precision", "#1f77b4", 0), ("recall", "#d62728", 0),
                                               ("solid: held aside", "#444", 0),
                                               ("dashed: dev", "#444", 1))):
        y = top + 150 + 13 * i
        out.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="2"%s/>'
                   % (lx, lx + 18, y - 4, y - 4, colour, ' stroke-dasharray="4 3"' if dash else ""))
        out.append('<text x="%d" y="%d">%s</text>' % (lx + 22, y, label))
    pt = panel(W - pw - 20, "Calibration, held aside", "mean confidence", "share right")
    line(pt, [(0, 0), (1, 1)], "#bbb", 1)
    for c in calib:
        x, y = pt(c[3], c[4])
        r = 2 + min(c[2], 240) ** 0.5 / 2
        out.append('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#2ca02c" fill-opacity="0.7"/>' % (x, y, r))
    out.append('<text x="%d" y="%d" fill="#666">%s; dot area: events</text>'
               % (W - pw - 12, top + 14, date))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--curlew", default="build/curlew")
    ap.add_argument("--dev", default="tests/eval/dev.jsonl")
    ap.add_argument("--heldout", default="tests/eval/heldout.jsonl")
    ap.add_argument("--svg", default="docs/confidence.svg")
    ap.add_argument("--date", default=datetime.date.today().isoformat())
    a = ap.parse_args()
    dev, dev_calib = run(a.curlew, a.dev)
    held, held_calib = run(a.curlew, a.heldout)
    print(curve_table(dev, held))
    print()
    print(calib_table(dev_calib, held_calib))
    with open(a.svg, "w") as f:
        f.write(svg(dev, held, held_calib, a.date))


if __name__ == "__main__":
    main()
