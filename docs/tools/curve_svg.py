#!/usr/bin/env python3
"""Draws the model card's curves as SVG with the standard library only.

usage: curve_svg.py [--logx] [--ymax Y] OUT.svg TITLE XLABEL YLABEL SERIES...
SERIES: label=FILE:XCOL:YCOL[:COL=VALUE,...]  (FILE is a CSV with a header row; rows may be filtered by column
values; several series share the axes; --ymax drops points above Y, --logx spaces x logarithmically)
"""
import csv
import math
import sys

W, H, M = 760, 380, 60
COLOURS = ["#036", "#c33", "#393", "#a60", "#639", "#0aa", "#c0c", "#e80", "#777", "#6a0"]


def load(spec, ymax):
    label, rest = spec.split("=", 1)
    parts = rest.split(":")
    where = {}
    if "=" in parts[-1]:
        where = dict(kv.split("=", 1) for kv in parts.pop().split(","))
    path, xcol, ycol = ":".join(parts[:-2]), parts[-2], parts[-1]
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get(xcol) and r.get(ycol) and all(r.get(k) == v for k, v in where.items())]
    pts = sorted((float(r[xcol]), float(r[ycol])) for r in rows)
    return label, [(x, y) for x, y in pts if ymax is None or y <= ymax]


def main():
    args = sys.argv[1:]
    logx, ymax = False, None
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--logx":
            logx = True
        elif flag == "--ymax":
            ymax = float(args.pop(0))
    out, title, xlabel, ylabel, *specs = args
    series = [load(s, ymax) for s in specs]
    if logx:
        series = [(label, [(math.log10(x), y) for x, y in pts]) for label, pts in series]
    xs = [x for _, pts in series for x, _ in pts]
    ys = [y for _, pts in series for _, y in pts]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    pad = 0.05 * (y1 - y0 or 1)
    y0, y1 = y0 - pad, y1 + pad
    px = lambda x: M + (W - 2 * M) * (x - x0) / ((x1 - x0) or 1)
    py = lambda y: H - M - (H - 2 * M) * (y - y0) / (y1 - y0)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
         '<rect width="100%" height="100%" fill="white"/>',
         f'<text x="{M}" y="22" font-size="14">{title}</text>',
         f'<line x1="{M}" y1="{H - M}" x2="{W - M}" y2="{H - M}" stroke="black"/>',
         f'<line x1="{M}" y1="{M}" x2="{M}" y2="{H - M}" stroke="black"/>',
         f'<text x="{W / 2}" y="{H - 15}" text-anchor="middle">{xlabel}</text>',
         f'<text x="15" y="{H / 2}" transform="rotate(-90 15 {H / 2})" text-anchor="middle">{ylabel}</text>']
    for i in range(5):
        y = y0 + (y1 - y0) * i / 4
        s.append(f'<line x1="{M}" y1="{py(y):.1f}" x2="{W - M}" y2="{py(y):.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{M - 5}" y="{py(y) + 4:.1f}" text-anchor="end">{y:.3g}</text>')
        x = x0 + (x1 - x0) * i / 4
        s.append(f'<text x="{px(x):.1f}" y="{H - M + 16}" text-anchor="middle">{10 ** x if logx else x:.4g}</text>')
    for k, (label, pts) in enumerate(series):
        c = COLOURS[k % len(COLOURS)]
        step = max(1, len(pts) // 1500)
        pts = pts[::step] + ([pts[-1]] if (len(pts) - 1) % step else [])
        s.append(f'<polyline fill="none" stroke="{c}" stroke-width="1.5" points="'
                 + " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts) + '"/>')
        if len(pts) < 60:
            s += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"/>' for x, y in pts]
        s.append(f'<text x="{W - M - 5}" y="{M + 16 * k}" text-anchor="end" fill="{c}">{label}</text>')
    s.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(s) + "\n")


if __name__ == "__main__":
    main()
