"""The extraction run, stage by stage: sources -> fetch + convert -> chunks -> extraction -> merge -> report.

Every stage reports its failures instead of raising them, so one bad page or one garbled answer
never costs the rest of the run.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from rich.progress import Progress, TaskID

from kakehashi.content import small_model_tokens
from kakehashi.errors import InvalidRequest, KakehashiError
from kakehashi.pipelines.cache import ChunkCache, cache_key
from kakehashi.pipelines.chunking import DEFAULT_CHUNK_CHARS, DEFAULT_OVERLAP_CHARS, Chunk, split_into_chunks
from kakehashi.pipelines.convert import Document, convert
from kakehashi.pipelines.errors import FetchError, SourceError
from kakehashi.pipelines.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, Fetcher
from kakehashi.pipelines.grounding import drop_ungrounded
from kakehashi.pipelines.llm import ChatClient, first_model
from kakehashi.pipelines.merge import ChunkResult, merge_answers, merge_facts
from kakehashi.pipelines.prompts import Lang, Prompts
from kakehashi.pipelines.report import Failure, FailureStage, Report, RunStats, SourceInfo
from kakehashi.pipelines.schema import (
    ChunkExtraction,
    KeywordAnswer,
    bounds_for,
    extraction_schema,
    keywords_schema,
    parse_extraction,
    parse_keywords,
    parse_truncated_extraction,
)
from kakehashi.pipelines.sources import choose_search_provider, list_documents, read_url_list, search_keywords

# Bump when the meaning of a cached result changes (schema semantics, parsing), so old entries miss.
_CACHE_VERSION = 3
_FETCH_CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """Exactly one of `urls_file`, `directory` and `search_query` is set."""

    urls_file: Path | None = None
    directory: Path | None = None
    search_query: str | None = None
    search_dir: Path | None = None
    search_limit: int = 5
    keywords_by_llm: bool = True  # turn the search query into keywords with the model first

    def __post_init__(self) -> None:
        given = [self.urls_file, self.directory, self.search_query]
        if sum(value is not None for value in given) != 1:
            raise InvalidRequest("give exactly one source: --urls FILE, --dir PATH or --search QUERY")


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    questions: list[str]
    model: str | None = None  # None: the first model the endpoint lists
    lang: Lang = "en"
    template_dir: Path | None = None
    concurrency: int = 4
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    overlap_chars: int = DEFAULT_OVERLAP_CHARS
    max_facts: int = 3
    max_tokens: int = 1024
    cache_dir: Path | None = None  # None: results are kept in memory for this run only
    fetch_timeout_s: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_BYTES
    max_keywords: int = 5
    require_grounding: bool = True  # drop answers and facts their chunk does not support
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise InvalidRequest("--concurrency must be at least 1", param="concurrency")
        if self.max_facts < 0:
            raise InvalidRequest("--max-facts must not be negative", param="max_facts")


@dataclass(slots=True)
class _Pending:
    """One distinct extraction to run: identical chunks (same text, title and prompt) share it."""

    key: str
    messages: list[dict[str, str]]
    schema: dict[str, Any]  # string bounds depend on the chunk's script (schema.bounds_for)
    positions: list[int]  # indexes into the run's chunk list
    cost: int = 0  # the chunk's estimated tokens: see dispatch_order


def dispatch_order(jobs: list[_Pending]) -> list[_Pending]:
    """The jobs largest first (LPT scheduling, for the run's makespan).

    With N chunks in flight a run ends when its last answer does: a long answer started last decodes
    alone at the end while the other slots sit idle. A chunk's size in tokens is the estimate of its
    work: its prefill, and its answer, which a small model writes longer for a longer input (it
    copies the text into the strings; Japanese chunks, ~2 tokens a character, had the longest
    answers of the generated corpus). Stable: equal sizes keep reading order. Results are stored by
    chunk position, so the report's order does not depend on this.
    """
    return sorted(jobs, key=lambda job: job.cost, reverse=True)


async def run_extraction(
    settings: ExtractSettings,
    sources: SourceSpec,
    http: httpx.AsyncClient,
    *,
    progress: Progress | None = None,
) -> Report:
    started = time.perf_counter()
    questions = list(settings.questions) or ([sources.search_query] if sources.search_query else [])
    if not questions:
        raise InvalidRequest("give at least one question (--question / -q)", param="question")
    model = settings.model or await first_model(http)
    client = ChatClient(http, model=model)
    prompts = Prompts(settings.lang, settings.template_dir)
    failures: list[Failure] = []
    report = Report(model=model, lang=settings.lang, questions=[], facts=[], sources=[], failures=failures)

    locations = await _locations(sources, settings, client, prompts, report)
    cache = ChunkCache(settings.cache_dir)
    fetch_cache = settings.cache_dir / "pages" if settings.cache_dir is not None else None
    try:
        async with Fetcher(
            timeout_s=settings.fetch_timeout_s, max_bytes=settings.max_bytes, cache_dir=fetch_cache
        ) as fetcher:
            documents = await _read_documents(locations, fetcher, failures, progress)
        chunks, titles = _chunk_documents(documents, settings)
        report.sources = [
            SourceInfo(location=d.source, title=d.title, chunks=sum(c.source == d.source for c in chunks))
            for d in documents
        ]
        results = await _extract_chunks(
            chunks, titles, questions, settings, client, prompts, cache, report.stats, failures, progress
        )
    finally:
        cache.close()

    ordered = [result for result in results if result is not None]  # reading order, for a stable merge
    if settings.require_grounding:
        grounded = drop_ungrounded(ordered, questions)
        ordered = grounded.results
        report.stats.ungrounded_answers = grounded.dropped_answers
        report.stats.ungrounded_facts = grounded.dropped_facts
    report.questions = merge_answers(questions, ordered)
    report.facts = merge_facts(ordered)
    stats = report.stats
    stats.documents, stats.chunks = len(documents), len(chunks)
    stats.llm_requests = client.stats.requests
    stats.malformed_retries = client.stats.malformed_retries
    stats.salvaged_answers = client.stats.salvaged
    stats.prompt_tokens = client.stats.prompt_tokens
    stats.completion_tokens = client.stats.completion_tokens
    stats.elapsed_s = round(time.perf_counter() - started, 3)
    return report


async def _locations(
    sources: SourceSpec, settings: ExtractSettings, client: ChatClient, prompts: Prompts, report: Report
) -> list[str]:
    if sources.urls_file is not None:
        return list(dict.fromkeys(read_url_list(sources.urls_file)))
    if sources.directory is not None:
        return list_documents(sources.directory)
    assert sources.search_query is not None  # SourceSpec guarantees one source
    provider = choose_search_provider(sources.search_dir, settings.env, lang=settings.lang)
    keywords = await _keywords(sources, settings, client, prompts)
    report.search_query, report.search_keywords = sources.search_query, keywords
    try:
        hits = await provider.search(" ".join(keywords), limit=sources.search_limit)
        plain = search_keywords(sources.search_query)
        if not hits and keywords != plain:
            # A small model's keywords can miss everything; the query's own words are the fallback.
            hits = await provider.search(" ".join(plain), limit=sources.search_limit)
    except SourceError as exc:
        report.failures.append(Failure(stage="search", location=provider.name, message=exc.message))
        return []
    return list(dict.fromkeys(hit.location for hit in hits))


async def _keywords(
    sources: SourceSpec, settings: ExtractSettings, client: ChatClient, prompts: Prompts
) -> list[str]:
    """Search keywords for the query: the model's, or the query's own words when it gives none."""
    query = sources.search_query or ""
    if sources.keywords_by_llm:
        try:
            answer = await client.structured(
                prompts.keywords(query=query, max_keywords=settings.max_keywords),
                schema=keywords_schema(settings.max_keywords),
                schema_name="search_keywords",
                parse=parse_keywords,
                max_tokens=128,
            )
        except KakehashiError:
            answer = KeywordAnswer(keywords=[])
        keywords = list(dict.fromkeys(k.strip() for k in answer.keywords if k.strip()))
        if keywords:
            return keywords[: settings.max_keywords]
    return search_keywords(query)


async def _read_documents(
    locations: list[str], fetcher: Fetcher, failures: list[Failure], progress: Progress | None
) -> list[Document]:
    task = progress.add_task("Fetching", total=len(locations), detail="") if progress else None
    gate = asyncio.Semaphore(_FETCH_CONCURRENCY)

    async def read(location: str) -> Document | None:
        async with gate:
            try:
                fetched = await fetcher.fetch(location)
                # trafilatura and pypdf are CPU-bound: keep the event loop free for the downloads.
                return await asyncio.to_thread(convert, location, fetched.data, fetched.content_type)
            except SourceError as exc:
                stage: FailureStage = "fetch" if isinstance(exc, FetchError) else "convert"
                failures.append(Failure(stage=stage, location=location, message=exc.message))
                return None
            finally:
                _advance(progress, task)

    documents = await asyncio.gather(*(read(location) for location in locations))
    return [document for document in documents if document is not None]


def _chunk_documents(
    documents: list[Document], settings: ExtractSettings
) -> tuple[list[Chunk], list[str | None]]:
    chunks: list[Chunk] = []
    titles: list[str | None] = []
    for document in documents:
        pieces = split_into_chunks(
            document.text,
            document.source,
            max_chars=settings.chunk_chars,
            overlap_chars=settings.overlap_chars,
            markdown=document.markdown,
        )
        chunks += pieces
        titles += [document.title] * len(pieces)
    return chunks, titles


async def _extract_chunks(
    chunks: list[Chunk],
    titles: list[str | None],
    questions: list[str],
    settings: ExtractSettings,
    client: ChatClient,
    prompts: Prompts,
    cache: ChunkCache,
    stats: RunStats,
    failures: list[Failure],
    progress: Progress | None,
) -> list[ChunkResult | None]:
    """Each chunk's result, at the chunk's position; None where extraction failed."""
    results: list[ChunkResult | None] = [None] * len(chunks)
    task = progress.add_task("Extracting", total=len(chunks), detail="") if progress else None
    generated = 0

    def tokens_arrived(count: int) -> None:
        """Progress inside a chunk: one answer can take minutes on a small CPU."""
        nonlocal generated
        generated += count
        if progress is not None and task is not None:
            progress.update(task, detail=f"{generated:,} tokens")

    on_tokens = tokens_arrived if progress is not None else None
    pending: dict[str, _Pending] = {}
    for position, chunk in enumerate(chunks):
        messages = prompts.extraction(
            chunk=chunk.text, title=titles[position], questions=questions, max_facts=settings.max_facts
        )
        schema = extraction_schema(len(questions), settings.max_facts, bounds_for(chunk.text))
        key = cache_key(_CACHE_VERSION, client.model, messages, schema, settings.max_tokens, client.seed)
        if key in pending:
            pending[key].positions.append(position)
            continue
        cached = cache.get(key)
        if cached is not None:
            results[position] = ChunkResult(chunk, ChunkExtraction.model_validate(cached))
            stats.chunks_from_cache += 1
            _advance(progress, task)
        else:
            pending[key] = _Pending(key=key, messages=messages, schema=schema, positions=[position],
                                    cost=round(small_model_tokens(chunk.text)))

    async def extract(job: _Pending) -> None:
        first = chunks[job.positions[0]]
        try:
            extraction = await client.structured(
                job.messages,
                schema=job.schema,
                schema_name="chunk_extraction",
                parse=lambda content: parse_extraction(content, len(questions), settings.max_facts),
                salvage=lambda content: parse_truncated_extraction(content, len(questions), settings.max_facts),
                max_tokens=settings.max_tokens,
                on_tokens=on_tokens,
            )
        except KakehashiError as exc:
            stats.chunks_failed += len(job.positions)
            failures.append(
                Failure(stage="extract", location=first.source, chunk=first.index, message=exc.message)
            )
        else:
            cache.put(job.key, extraction.model_dump())
            for position in job.positions:
                results[position] = ChunkResult(chunks[position], extraction)
        finally:
            stats.chunks_extracted += len(job.positions)
            for _ in job.positions:
                _advance(progress, task)

    await _run_bounded(dispatch_order(list(pending.values())), extract, settings.concurrency)
    return results


async def _run_bounded(
    jobs: list[_Pending], work: Callable[[_Pending], Awaitable[None]], concurrency: int
) -> None:
    """`work(job)` for every job with at most `concurrency` in flight: that many requests keep the
    server's continuous batching full, without queueing thousands of requests on it at once."""
    queue: asyncio.Queue[_Pending] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)

    async def worker() -> None:
        while not queue.empty():
            await work(queue.get_nowait())

    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(jobs)))))


def _advance(progress: Progress | None, task: TaskID | None) -> None:
    if progress is not None and task is not None:
        progress.advance(task)
