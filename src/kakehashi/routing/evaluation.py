"""Measure the privacy scanner on a labelled set: recall and false-positive rate per category.

Rows are JSON objects with `text`, `sensitive` (bool), `categories` (the categories a sensitive
row carries) and `lang`. A sensitive row counts as *caught* when the scanner reports anything
(that alone keeps it off the cloud under the default policy) and as *named* when one finding
carries each labelled category. A clean row is a *false positive* when anything is reported; the
per-category false-positive rate counts clean rows that drew a finding of that category.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Sequence
from typing import Any

from kakehashi.routing import privacy


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate_privacy(rows: Sequence[dict[str, Any]], learned: bool = False, clear: bool | None = None) -> dict[str, Any]:
    """Recall and FPR of `privacy.scan` (with the learned second opinion when `learned`; `clear`: as scan's)."""
    per_cat: dict[str, dict[str, int]] = {
        c: {"n": 0, "caught": 0, "named": 0, "false_positives": 0} for c in privacy.CATEGORIES
    }
    per_lang: dict[str, dict[str, int]] = {}
    missed: list[str] = []
    flagged_clean: list[dict[str, Any]] = []
    times: list[float] = []
    pos = neg = caught = fp = 0
    for row in rows:
        start = time.perf_counter()
        findings = privacy.scan(str(row["text"]), learned=learned, clear=clear)
        times.append((time.perf_counter() - start) * 1000)
        found = set(privacy.categories(findings))
        lang = per_lang.setdefault(str(row.get("lang", "?")), {"sensitive": 0, "caught": 0, "clean": 0, "fp": 0})
        if row["sensitive"]:
            pos += 1
            lang["sensitive"] += 1
            caught += bool(findings)
            lang["caught"] += bool(findings)
            if not findings:
                missed.append(str(row.get("id", row["text"][:60])))
            for c in row.get("categories", []):
                stats = per_cat.setdefault(c, {"n": 0, "caught": 0, "named": 0, "false_positives": 0})
                stats["n"] += 1
                stats["caught"] += bool(findings)
                stats["named"] += c in found
        else:
            neg += 1
            lang["clean"] += 1
            if findings:
                fp += 1
                lang["fp"] += 1
                flagged_clean.append({"id": row.get("id"), "labels": privacy.labels(findings)})
            for c in found:
                per_cat[c]["false_positives"] += 1
    times.sort()
    return {
        "n": len(rows),
        "sensitive_n": pos,
        "clean_n": neg,
        "recall": _ratio(caught, pos),
        "false_positive_rate": _ratio(fp, neg),
        "by_category": {
            c: {
                "n": s["n"],
                "recall": _ratio(s["caught"], s["n"]),
                "named": _ratio(s["named"], s["n"]),
                "false_positive_rate": _ratio(s["false_positives"], neg),
            }
            for c, s in per_cat.items()
        },
        "by_lang": {
            lang: {
                "sensitive_n": s["sensitive"],
                "recall": _ratio(s["caught"], s["sensitive"]),
                "clean_n": s["clean"],
                "false_positive_rate": _ratio(s["fp"], s["clean"]),
            }
            for lang, s in sorted(per_lang.items())
        },
        "missed": missed,
        "false_positives": flagged_clean,
        "scan_ms_p50": round(statistics.median(times), 3) if times else None,
        "scan_ms_p99": round(times[min(len(times) - 1, int(len(times) * 0.99))], 3) if times else None,
    }


def markdown_table(result: dict[str, Any]) -> Iterable[str]:
    yield "| category | sensitive n | recall | category named | FPR (of clean prompts) |"
    yield "|---|---|---|---|---|"
    for c, s in result["by_category"].items():
        if s["n"] or s["false_positive_rate"]:
            yield f"| {c} | {s['n']} | {s['recall']} | {s['named']} | {s['false_positive_rate']} |"
    yield (
        f"| **all** | {result['sensitive_n']} | **{result['recall']}** | | "
        f"**{result['false_positive_rate']}** (n={result['clean_n']}) |"
    )
