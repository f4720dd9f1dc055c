"""Turn the hand-written natural questions (natural.{en,ja}.tsv) into questions_natural.{en,ja}.jsonl.

    python eval/rag/natural.py --corpus /tmp/kk-rag-eval

Each source line is `page<TAB>anchor<TAB>question`: the page (file name without `.1.txt`), a few words
that begin (or occur in) the passage that answers the question, and the question. The gold passage is the
paragraph of the rendered page (lines between blank lines) holding the anchor: an option's entry or a
paragraph of the description. A line is refused, and the script fails, when the anchor is not in the page,
when it occurs in more than one paragraph (and does not begin exactly one of them), or when the same
paragraph (whitespace aside) is also in another page of that language, so every question has one gold
passage. Whitespace in the anchor matches any run of whitespace (the renderer wraps lines and pads words).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_BLANK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: maximal runs of non-blank lines, leading indentation excluded."""
    spans, pos = [], 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        lead = len(block) - len(block.lstrip())
        if block.strip():
            spans.append((pos + lead, pos + len(block.rstrip())))
        pos = m.end() if m else len(text)
    return spans


def squash(s: str) -> str:
    return " ".join(s.split())


def gold_span(text: str, anchor: str) -> tuple[int, int]:
    pattern = re.compile(r"\s+".join(re.escape(w) for w in anchor.split()))
    paras = paragraphs(text)
    holding = [(s, e) for s, e in paras if pattern.search(text, s, e)]
    if len(holding) == 1:
        return holding[0]
    starting = [(s, e) for s, e in holding if pattern.match(text, s)]
    if len(starting) == 1:
        return starting[0]
    raise ValueError(f"anchor {anchor!r} is in {len(holding)} paragraphs ({len(starting)} begin with it)")


def build(corpus: Path, lang: str) -> list[dict[str, object]]:
    pages = {f.name: f.read_text(encoding="utf-8") for f in sorted((corpus / lang).glob("*.txt"))}
    others: dict[str, set[str]] = {}
    for name, text in pages.items():
        for s, e in paragraphs(text):
            others.setdefault(squash(text[s:e]), set()).add(name)
    rows, errors = [], []
    for n, line in enumerate((HERE / f"natural.{lang}.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        page, anchor, question = line.split("\t")
        name = f"{page}.1.txt"
        try:
            if name not in pages:
                raise ValueError(f"no page {name}")
            s, e = gold_span(pages[name], anchor)
            if len(others[squash(pages[name][s:e])]) > 1:
                raise ValueError(f"the passage is also in {sorted(others[squash(pages[name][s:e])] - {name})}")
        except ValueError as exc:
            errors.append(f"natural.{lang}.tsv:{n}: {page}: {exc}")
            continue
        rows.append({"id": f"{lang}-nat-{len(rows):03d}", "lang": lang, "question": question.strip(), "gold_file": name,
                     "gold_start": s, "gold_end": e, "gold_text": pages[name][s:e], "kind": "natural"})
    if errors:
        sys.exit("\n".join(errors))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/kk-rag-eval"))
    ap.add_argument("--langs", default="en,ja")
    a = ap.parse_args()
    for lang in a.langs.split(","):
        rows = build(a.corpus, lang)
        with (HERE / f"questions_natural.{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(lang, len(rows), "questions on", len({r["gold_file"] for r in rows}), "pages")


if __name__ == "__main__":
    main()
