"""The whole run against a scripted endpoint: fast, and able to show what the real model cannot be
made to do on demand (fail a chunk, answer identically for two chunks)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.cache import CACHE_FILE_NAME, ChunkCache
from kakehashi.pipelines.pipeline import ExtractSettings, SourceSpec, _Pending, dispatch_order, run_extraction

from .conftest import LocalServer, ScriptedLLM, chat_reply, html_route


def _echo_first_line(delay_s: float = 0.0, in_flight: list[int] | None = None) -> Any:
    """Answers every question with the chunk's first line and states it as a fact."""
    lock = threading.Lock()
    current = [0]

    def step(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        with lock:
            current[0] += 1
            if in_flight is not None:
                in_flight.append(current[0])
        try:
            time.sleep(delay_s)
            user = body["messages"][-1]["content"]
            chunk = user.split('"""')[1].strip()
            first_line = chunk.splitlines()[0]
            count = body["response_format"]["json_schema"]["schema"]["properties"]["answers"]["maxItems"]
            content = json.dumps(
                {
                    "answers": [{"answerable": True, "answer": first_line}] * count,
                    "facts": [{"fact": first_line, "numbers": []}],
                }
            )
            return chat_reply(content)(body)
        finally:
            with lock:
                current[0] -= 1

    return step


def _write_docs(root: Path) -> None:
    root.mkdir()
    (root / "a.md").write_text("Alpha fact one.\n\nMore about alpha.", encoding="utf-8")
    (root / "b.txt").write_text("ベータの事実です。\n続きの文です。", encoding="utf-8")
    (root / "copy-of-a.md").write_text("Alpha fact one.\n\nMore about alpha.", encoding="utf-8")


async def test_a_run_extracts_each_chunk_once_and_a_second_run_only_reads_the_cache(
    scripted_llm: ScriptedLLM, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    _write_docs(docs)
    scripted_llm.script = [_echo_first_line()]
    settings = ExtractSettings(questions=["What is alpha?"], cache_dir=tmp_path / "cache", concurrency=2)

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        first = await run_extraction(settings, SourceSpec(directory=docs), http)
        requests_after_first = len(scripted_llm.chat_requests)
        second = await run_extraction(settings, SourceSpec(directory=docs), http)

    assert first.model == "scripted-model"
    assert (first.stats.documents, first.stats.chunks, first.stats.chunks_extracted) == (3, 3, 3)
    # The two identical files share one request and one cached result.
    assert requests_after_first == first.stats.llm_requests == 2
    assert len(ChunkCache(tmp_path / "cache")) == 2
    assert second.stats.chunks_from_cache == 3 and second.stats.chunks_extracted == 0
    assert len(scripted_llm.chat_requests) == requests_after_first  # nothing asked again
    assert second.questions == first.questions and second.facts == first.facts

    answers = {answer.text: answer.citations for answer in first.questions[0].answers}
    # Two files with the same text: one answer, cited from both, listed first (most support).
    assert first.questions[0].answers[0].text == "Alpha fact one."
    assert [(Path(c.source).name, c.chunk) for c in answers["Alpha fact one."]] == [
        ("a.md", 0),
        ("copy-of-a.md", 0),
    ]
    assert "ベータの事実です。" in answers
    assert (tmp_path / "cache" / CACHE_FILE_NAME).is_file()


async def test_concurrency_bounds_the_requests_in_flight(scripted_llm: ScriptedLLM, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(8):
        (docs / f"{n}.txt").write_text(f"Document number {n}.")
    in_flight: list[int] = []
    scripted_llm.script = [_echo_first_line(delay_s=0.2, in_flight=in_flight)]
    settings = ExtractSettings(questions=["q"], concurrency=3)

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(settings, SourceSpec(directory=docs), http)

    assert report.stats.chunks_extracted == 8
    assert max(in_flight) <= 3
    assert max(in_flight) > 1  # requests really overlap


def test_dispatch_order_is_largest_first_and_stable() -> None:
    jobs = [_Pending(key=name, messages=[], schema={}, positions=[n], cost=cost)
            for n, (name, cost) in enumerate([("a", 10), ("b", 50), ("c", 10), ("d", 30)])]  # fmt: skip
    assert [job.key for job in dispatch_order(jobs)] == ["b", "d", "a", "c"]


async def test_the_largest_chunks_are_sent_first_and_the_report_keeps_reading_order(
    scripted_llm: ScriptedLLM, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "1-short.txt").write_text("Short English text.", encoding="utf-8")
    (docs / "2-japanese.txt").write_text("港町は九州の海沿いにある港町です。", encoding="utf-8")  # ~32 tokens
    (docs / "3-long.txt").write_text("A longer English text about a harbour, its port and its lighthouse.")
    scripted_llm.script = [_echo_first_line()]
    settings = ExtractSettings(questions=["What is it?"], concurrency=1, require_grounding=False)

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(settings, SourceSpec(directory=docs), http)

    sent = [body["messages"][-1]["content"].split('"""')[1].strip() for body in scripted_llm.chat_requests]
    assert [text[:4] for text in sent] == ["港町は九", "A lo", "Shor"]
    reading_order = ["1-short.txt", "2-japanese.txt", "3-long.txt"]
    assert [Path(source.location).name for source in report.sources] == reading_order
    cited = [Path(a.citations[0].source).name for a in report.questions[0].answers]
    assert cited == reading_order  # equal support: reading order


async def test_failed_sources_and_chunks_are_reported_and_skipped(
    scripted_llm: ScriptedLLM, page_server: LocalServer, tmp_path: Path
) -> None:
    page_server.routes["/good.html"] = html_route(
        "<html><body><p>Good page about the bridge.</p></body></html>"
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "\n".join([page_server.url("/good.html"), page_server.url("/gone.html"), str(tmp_path / "absent.md")])
    )
    scripted_llm.script = [chat_reply("this is not JSON")]
    settings = ExtractSettings(questions=["q"], cache_dir=tmp_path / "cache")

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(settings, SourceSpec(urls_file=urls), http)

    stages = sorted((failure.stage, Path(failure.location).name) for failure in report.failures)
    assert stages == [("extract", "good.html"), ("fetch", "absent.md"), ("fetch", "gone.html")]
    assert report.stats.chunks_failed == 1 and report.stats.malformed_retries == 1
    assert report.stats.llm_requests == 2  # the answer and its one retry
    assert len(ChunkCache(tmp_path / "cache")) == 0  # a failure is not cached: a resumed run tries again
    assert report.questions[0].answers == []


async def test_search_turns_the_question_into_keywords_and_reads_the_hits(
    scripted_llm: ScriptedLLM, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fuji.md").write_text("富士山の標高は3776メートルです。")
    (docs / "tokyo.md").write_text("Tokyo Tower is 333 metres tall.")
    keywords = chat_reply(json.dumps({"keywords": ["富士山", "標高"]}))
    scripted_llm.script = [keywords, _echo_first_line()]
    sources = SourceSpec(search_query="富士山はどれくらい高い？", search_dir=docs)

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(ExtractSettings(questions=[], lang="ja"), sources, http)

    assert report.search_keywords == ["富士山", "標高"]
    assert [Path(source.location).name for source in report.sources] == ["fuji.md"]
    assert report.questions[0].question == "富士山はどれくらい高い？"  # the query doubles as the question
    assert "質問" in scripted_llm.chat_requests[1]["messages"][-1]["content"]  # Japanese prompt


def test_exactly_one_source_kind_is_required(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest):
        SourceSpec()
    with pytest.raises(InvalidRequest):
        SourceSpec(directory=tmp_path, search_query="q")


async def test_search_falls_back_to_the_query_words_when_the_model_keywords_find_nothing(
    scripted_llm: ScriptedLLM, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fuji.md").write_text("富士山の標高は3776メートルです。")
    scripted_llm.script = [chat_reply(json.dumps({"keywords": ["unrelated words"]})), _echo_first_line()]
    sources = SourceSpec(search_query="富士山 標高", search_dir=docs)

    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(ExtractSettings(questions=["富士山の標高は？"]), sources, http)

    assert report.search_keywords == ["unrelated words"]
    assert [Path(source.location).name for source in report.sources] == ["fuji.md"]
