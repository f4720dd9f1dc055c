"""`kakehashi extract` end to end: the real default model behind a real kakehashi server.

The default model (SmolLM2-135M) is too weak for its answers to be checked for truth; what is
checked is the contract: the report's structure, that every citation points at a real source and
chunk, and that every chunk is sent to the model exactly once — and never again on a resumed run.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kakehashi.default_model import DEFAULT_MODEL_NAME
from kakehashi.pipelines.cache import CACHE_FILE_NAME
from kakehashi.pipelines.extract import app

pytestmark = pytest.mark.slow

PAGES = {
    "tokyo.html": """<html><head><title>Tokyo Tower</title></head><body>
<nav>Home | Shop | Contact</nav>
<article><h1>Tokyo Tower</h1>
<p>Tokyo Tower is a communications tower in Tokyo. It was completed in 1958 and is 333 metres tall.</p>
</article><footer>Copyright 2024</footer></body></html>""",
    "fuji.html": """<html lang="ja"><head><meta charset="utf-8"><title>富士山</title></head><body>
<article><h1>富士山</h1>
<p>富士山は日本で最も高い山です。標高は3776メートルです。</p>
<p>2013年に世界文化遺産に登録されました。</p>
</article></body></html>""",
    "bridge.html": """<html><head><title>Akashi Kaikyo Bridge</title></head><body><article>
<h1>Akashi Kaikyo Bridge</h1>
<p>The Akashi Kaikyo Bridge links Kobe to Awaji Island. It opened in April 1998.</p>
<h2>Size</h2>
<p>Its central span is 1,991 metres long. The whole bridge is 3,911 metres long and its towers are 298 metres
high. For many years it had the longest central span of any suspension bridge in the world.</p>
</article></body></html>""",
}
QUESTIONS = ["How tall is Tokyo Tower?", "富士山の標高は？"]


def _extract(base_url: str, docs: Path, cache: Path, *extra: str) -> tuple[str, int]:
    args = ["--dir", str(docs), "--base-url", base_url, "--model", DEFAULT_MODEL_NAME]
    args += ["--cache-dir", str(cache), "--concurrency", "4", "--chunk-chars", "300", "--overlap", "0"]
    # Few, short answers: the machine running the suite may be small and busy. No request timeout
    # to speak of, because a slow machine must not look like a broken pipeline.
    args += ["--max-facts", "1", "--max-tokens", "400", "--request-timeout", "3600"]
    for question in QUESTIONS:
        args += ["-q", question]
    result = CliRunner().invoke(app, [*args, *extra], catch_exceptions=False)
    # 1: some chunks failed (the 135M model's answer can be cut at --max-tokens); the report is still whole.
    assert result.exit_code in (0, 1), result.output
    assert (result.exit_code == 1) == ("chunks failed" in result.output), result.output
    return result.stdout, result.exit_code


def _citations(report: dict[str, Any]) -> list[dict[str, Any]]:
    cited = [c for q in report["questions"] for a in q["answers"] for c in a["citations"]]
    return cited + [c for fact in report["facts"] for c in fact["citations"]]


def test_extract_over_local_pages_with_the_default_model(kakehashi_server: str, tmp_path: Path) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    for name, html in PAGES.items():
        (docs / name).write_text(html, encoding="utf-8")

    out, code = _extract(kakehashi_server, docs, cache, "--json")
    first = json.loads(out)

    stats = first["stats"]
    assert code == (1 if stats["chunks_failed"] else 0)
    chunks_per_source = {Path(s["location"]).name: s["chunks"] for s in first["sources"]}
    assert set(chunks_per_source) == set(PAGES)
    assert chunks_per_source["bridge.html"] >= 2  # long enough to be cut
    assert stats["documents"] == 3 and stats["chunks"] == sum(chunks_per_source.values())
    # Every chunk went to the model exactly once (one request each, plus a retry per malformed answer).
    assert stats["chunks_extracted"] == stats["chunks"] and stats["chunks_from_cache"] == 0
    assert stats["llm_requests"] == stats["chunks"] + stats["malformed_retries"], first["failures"]
    with sqlite3.connect(cache / CACHE_FILE_NAME) as db:
        (stored,) = db.execute("SELECT COUNT(*) FROM chunk_results").fetchone()
    assert stored == stats["chunks"] - stats["chunks_failed"]
    assert stats["completion_tokens"] > 0
    assert [q["question"] for q in first["questions"]] == QUESTIONS
    for citation in _citations(first):
        assert 0 <= citation["chunk"] < chunks_per_source[Path(citation["source"]).name]
    assert all(f["stage"] == "extract" for f in first["failures"])  # every page was read

    # A resumed run asks the model about no chunk it already has an answer for.
    second = json.loads(_extract(kakehashi_server, docs, cache, "--json")[0])
    assert second["stats"]["chunks_extracted"] == stats["chunks_failed"]
    assert second["stats"]["chunks_from_cache"] == stats["chunks"] - stats["chunks_failed"]
    if stats["chunks_failed"] == 0:
        assert second["stats"]["llm_requests"] == 0
        assert second["questions"] == first["questions"] and second["facts"] == first["facts"]

    markdown = _extract(kakehashi_server, docs, cache)[0]  # the human report, again from the cache
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# Extraction report",
        "## Answers",
        f"### Q1. {QUESTIONS[0]}",
        f"### Q2. {QUESTIONS[1]}",
    ]
    assert headings[4:6] == ["## Facts", "## Sources"]
    listed = re.findall(r"^(\d+)\. .*`(.+?)` \(chunks: (\d+)\)$", markdown, flags=re.MULTILINE)
    assert sorted(Path(location).name for _, location, _ in listed) == sorted(PAGES)
    chunk_counts = {int(number): int(count) for number, _, count in listed}
    for source, chunk in re.findall(r"\[(\d+)#(\d+)\]", markdown):
        assert int(chunk) < chunk_counts[int(source)]
