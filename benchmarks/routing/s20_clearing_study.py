"""Session 20 clearing study (s20-clearing-study.md): may the learned model clear a named person's special-category
finding? Computes, in one pass, the rules alone, as shipped (`scan(learned=True)`) and the variants:

- V   (pre-registered): never clear when a special-category finding's own span names a person (honorific name,
      lexicon name, title + surname, "my colleague" / 「部下の」);
- Vn  (information): V without the relative/colleague clause;
- Vl  (information): protected findings are cleared only below half the clearing threshold.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/routing/s20_clearing_study.py probe
    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/routing/s20_clearing_study.py rows OUTDIR FILES...

`rows` writes OUTDIR/shipped.json, OUTDIR/V.json, OUTDIR/Vn.json, OUTDIR/Vl.json in `privacy_labels_dump.py`'s format
(the "shipped" key holding that variant), for `privacy_labels_compare.py`, and prints recall / FPR per file and pooled.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from kakehashi.routing import privacy
from kakehashi.routing.privacy import learned, person
from kakehashi.routing.privacy.names import name_mentions
from kakehashi.routing.privacy.person import _ROLE_CONTEXT_EN, _ROLE_CONTEXT_JA

# V's name check is the shipped one (person._honorific_name, person._TITLE_EN): the variant was merged as measured.
_honorific = person._honorific_name


def named_in(sentence: str, roles: bool = True) -> bool:
    if _honorific(sentence) or person._TITLE_EN.search(sentence) or name_mentions(sentence, [(0, len(sentence))]):
        return True
    return roles and bool(_ROLE_CONTEXT_EN.search(sentence) or _ROLE_CONTEXT_JA.search(sentence))


def protected(text: str, findings, roles: bool = True) -> bool:
    return any(f.category in privacy.SPECIAL_CATEGORIES and named_in(text[f.span[0]:f.span[1]], roles) for f in findings)


def sensitive_p(text: str) -> float | None:
    pieces = learned.load_model()._pieces(text)
    if not pieces:
        return None
    return max(1 / (1 + np.exp(-float(z[0]))) for _, z in pieces)


def verdicts(text: str) -> dict[str, list[str]]:
    rules = privacy.scan(text)
    shipped = privacy.scan(text, learned=True)
    out = {"rules": privacy.labels(rules), "shipped": privacy.labels(shipped)}
    cleared = bool(rules) and not shipped
    out["V"] = out["rules"] if cleared and protected(text, rules) else out["shipped"]
    out["Vn"] = out["rules"] if cleared and protected(text, rules, roles=False) else out["shipped"]
    if cleared and protected(text, rules):
        p = sensitive_p(text)
        out["Vl"] = out["shipped"] if p is not None and p < learned.load_model().clear_below / 2 else out["rules"]
    else:
        out["Vl"] = out["shipped"]
    return out


KEYS = ("rules", "shipped", "V", "Vn", "Vl")


def probe() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from s20_special_taxonomy_probe import cases

    agg: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    changed = []
    for c in cases():
        v = verdicts(c["text"])
        a = agg[c["cat"], c["lang"], c["type"]]
        a["n"] += 1
        for k in KEYS:
            cats = [lab.split("/")[0] for lab in v[k]]
            a[k] += (c["cat"] in cats) if c["type"] == "person" else bool(v[k])
        if bool(v["V"]) != bool(v["shipped"]):
            changed.append((c["type"], c["cat"], c["lang"], c["text"]))
    print("| category | lang | type | n | " + " | ".join(KEYS) + " |\n|" + "---|" * (4 + len(KEYS)))
    for (cat, lang, typ), a in sorted(agg.items(), key=lambda x: (x[0][2], x[0][0], x[0][1])):
        print(f"| {cat} | {lang} | {typ} | {a['n']} | " + " | ".join(f"{a[k] / a['n']:.3f}" for k in KEYS) + " |")
    for typ in ("person", "topic"):
        for lang in ("en", "ja"):
            rows = [a for (_, la, t), a in agg.items() if t == typ and la == lang]
            n = sum(a["n"] for a in rows)
            print(f"| all | {lang} | {typ} | {n} | " + " | ".join(f"{sum(a[k] for a in rows) / n:.3f}" for k in KEYS) + " |")
    topic_changed = [c for c in changed if c[0] == "topic"]
    print(f"\nprompts whose flag V changes: {len(changed)} (topic templates: {len(topic_changed)})")
    for c in topic_changed:
        print("TOPIC-CHANGED", json.dumps(c, ensure_ascii=False))


def rows(outdir: str, files: list[str]) -> None:
    dumps: dict[str, list[dict]] = {k: [] for k in KEYS[1:]}
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            v = verdicts(r["text"])
            for k, dump in dumps.items():
                dump.append({"file": f.split("/")[-1], "id": r["id"], "sensitive": r["sensitive"],
                                 "rules": v["rules"], "shipped": v[k]})
    Path(outdir).mkdir(parents=True, exist_ok=True)
    for k, d in dumps.items():
        Path(outdir, f"{k}.json").write_text(json.dumps(d), encoding="utf-8")
    print("| file | rules | shipped | V | Vn | Vl |  (recall / FPR)\n|---|---|---|---|---|---|")

    def rate(rs, key, src=None):
        src = src or dumps["shipped"]
        s = [r for r in rs if r["sensitive"]]
        c = [r for r in rs if not r["sensitive"]]
        return f"{sum(bool(r[key]) for r in s) / max(1, len(s)):.3f} / {sum(bool(r[key]) for r in c) / max(1, len(c)):.3f}"

    names = list(dict.fromkeys(r["file"] for r in dumps["shipped"]))
    for f in [*names, "pooled"]:
        sel = (lambda r, f=f: r["file"] == f) if f != "pooled" else (lambda r: True)
        cells = [rate([r for r in dumps["shipped"] if sel(r)], "rules")]
        cells += [rate([r for r in dumps[k] if sel(r)], "shipped") for k in dumps]
        print(f"| {f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "probe":
        probe()
    else:
        rows(sys.argv[2], sys.argv[3:])
