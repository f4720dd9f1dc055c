"""Compare two `privacy_labels_dump.py` outputs: recall / FPR per file (rules alone and as shipped, each side) as a
Markdown table, then every row whose flag (BETTER / WORSE) or kinds changed.

    python benchmarks/routing/privacy_labels_compare.py MAIN.json BRANCH.json
"""

import json
import sys
from pathlib import Path

a = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
b = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
assert [(r["file"], r["id"]) for r in a] == [(r["file"], r["id"]) for r in b], "different rows"


def rate(rows, key):
    s = [r for r in rows if r["sensitive"]]
    c = [r for r in rows if not r["sensitive"]]
    return f"{sum(bool(r[key]) for r in s) / len(s):.3f} / {sum(bool(r[key]) for r in c) / len(c):.3f}"


print("| file | rules alone: main | branch | as shipped: main | branch |\n|---|---|---|---|---|")
for f in dict.fromkeys(r["file"] for r in a):
    ra = [r for r in a if r["file"] == f]
    rb = [r for r in b if r["file"] == f]
    print(f"| {f} | {rate(ra, 'rules')} | {rate(rb, 'rules')} | {rate(ra, 'shipped')} | {rate(rb, 'shipped')} |")
for key in ("rules", "shipped"):
    for x, y in zip(a, b, strict=True):
        if bool(x[key]) != bool(y[key]):
            better = bool(y[key]) == x["sensitive"]
            print(key, x["file"], x["id"], "sens" if x["sensitive"] else "clean", x[key], "->", y[key], "BETTER" if better else "WORSE")
        elif x[key] != y[key]:
            print(key, x["file"], x["id"], "kinds", x[key], "->", y[key])
