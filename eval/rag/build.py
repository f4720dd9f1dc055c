"""Build the RAG retrieval evaluation from Debian's manual pages (English: man-db/manpages etc.,
Japanese: manpages-ja), and render the corpus it is evaluated on.

    apt-get install -y man-db manpages manpages-ja
    python eval/rag/build.py render --out /tmp/kk-rag-eval        # corpus: {en,ja}/NAME.1.txt
    python eval/rag/build.py questions --corpus /tmp/kk-rag-eval   # rewrites eval/rag/questions.*.jsonl

A question is the one-line description of a page's NAME section with the command name removed
("list directory contents", "ディレクトリの内容をリスト表示する"); its gold passage is that line in that
page (file + character span + text). Only descriptions that occur in exactly one page are kept, so the
gold is unambiguous. Pages are the section-1 commands that have both an English and a Japanese page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAN = Path("/usr/share/man")
MAX_PAGES = 200
MIN_CHARS, MAX_CHARS = 800, 20_000  # skip stubs ("see foo") and book-length pages (bash, gcc)
NAME_HEADING = {"en": "NAME", "ja": "名前"}


def _pages() -> list[str]:
    ja = {p.name for p in (MAN / "ja" / "man1").glob("*.1.gz")}
    en = {p.name for p in (MAN / "man1").glob("*.1.gz")}
    return sorted(n.removesuffix(".gz") for n in ja & en)


def _render(src: Path) -> str:
    out = subprocess.run(["man", "-E", "UTF-8", "-l", str(src)], capture_output=True, check=False,
                         env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MAN_KEEP_FORMATTING": ""})
    plain = subprocess.run(["col", "-bx"], input=out.stdout, capture_output=True, check=True).stdout
    return plain.decode("utf-8", "replace")


def render(out: Path) -> None:
    for lang, root in (("en", MAN / "man1"), ("ja", MAN / "ja" / "man1")):
        (out / lang).mkdir(parents=True, exist_ok=True)
        for name in _pages():
            src = root / f"{name}.gz"
            with gzip.open(src) as fh:
                alias = fh.read(200).startswith(b".so ")
            if alias:
                continue  # an alias page: its text lives in another page
            text = _render(src)
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                (out / lang / f"{name}.txt").write_text(text, encoding="utf-8")


def _name_line(text: str, lang: str) -> tuple[int, int, str] | None:
    """(start, end, description) of the NAME section's description, across wrapped lines."""
    m = re.search(rf"^{NAME_HEADING[lang]}\n((?:[ \t]+\S.*\n)+)", text, re.MULTILINE)
    if m is None:
        return None
    block_start = m.start(1)
    dash = re.search(r"\s[-\u2010-\u2015\u2212]\s+", m.group(1))
    if dash is None:
        return None
    start = block_start + dash.end()
    end = m.end(1) - 1
    desc = " ".join(text[start:end].split())
    return (start, end, desc) if len(desc) >= 4 else None


def questions(corpus: Path) -> None:
    for lang in ("en", "ja"):
        found: dict[str, list[dict[str, object]]] = {}
        for f in sorted((corpus / lang).glob("*.txt")):
            text = f.read_text(encoding="utf-8")
            hit = _name_line(text, lang)
            if hit is None:
                continue
            start, end, desc = hit
            found.setdefault(desc, []).append(
                {"gold_file": f.name, "gold_start": start, "gold_end": end, "gold_text": text[start:end]})
        rows = [{"question": d, **golds[0]} for d, golds in sorted(found.items(), key=lambda kv: kv[1][0]["gold_file"])
                if len(golds) == 1][:MAX_PAGES]
        with (HERE / f"questions.{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for i, row in enumerate(rows):
                fh.write(json.dumps({"id": f"{lang}-{i:03d}", "lang": lang, **row}, ensure_ascii=False) + "\n")
        print(lang, len(rows), "questions")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["render", "questions"])
    ap.add_argument("--out", "--corpus", dest="dir", type=Path, default=Path("/tmp/kk-rag-eval"))
    a = ap.parse_args()
    if a.what == "render":
        render(a.dir)
    else:
        questions(a.dir)


if __name__ == "__main__":
    main()
