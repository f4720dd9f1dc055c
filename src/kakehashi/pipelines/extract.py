"""`kakehashi extract`: answer questions from many documents with a (small, local) model, with citations."""

from __future__ import annotations

import asyncio
import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kakehashi.errors import KakehashiError
from kakehashi.pipelines.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S
from kakehashi.pipelines.llm import DEFAULT_REQUEST_TIMEOUT_S, open_endpoint
from kakehashi.pipelines.pipeline import ExtractSettings, SourceSpec, run_extraction
from kakehashi.pipelines.report import Failure, Report, to_json, to_markdown

app = typer.Typer(add_completion=False, no_args_is_help=True)


class LangChoice(str, Enum):
    en = "en"
    ja = "ja"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kakehashi" / "extract"


@app.command(
    epilog=(
        "Examples: kakehashi extract -q 'How do I find memory leaks?' --dir /usr/share/doc/valgrind/html\n\n"
        "kakehashi extract --search '東京の人口は？' --search-dir ./docs --lang ja"
    )
)
def extract(
    question: Annotated[list[str], typer.Option("--question", "-q", help="A question (repeatable).")] = [],  # noqa: B006
    questions_file: Annotated[
        Path | None, typer.Option(help="File with one question a line.", exists=True, dir_okay=False)
    ] = None,
    urls: Annotated[Path | None, typer.Option(help="File with one URL (or local path) a line.")] = None,
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Directory of HTML, Markdown, text and PDF files.")
    ] = None,
    search: Annotated[
        str | None, typer.Option(help="Search for QUERY (also the question when no -q is given).")
    ] = None,
    search_dir: Annotated[
        Path | None, typer.Option(help="Search this directory offline instead of SerpAPI.")
    ] = None,
    search_limit: Annotated[int, typer.Option(help="How many search hits to read.")] = 5,
    llm_keywords: Annotated[
        bool, typer.Option(help="Let the model turn the search query into keywords first.")
    ] = True,
    base_url: Annotated[
        str | None,
        typer.Option(
            envvar="KAKEHASHI_BASE_URL",
            help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (default: embedded engine).",
        ),
    ] = None,
    api_key: Annotated[str | None, typer.Option(envvar="KAKEHASHI_API_KEY", help="Bearer token.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name (default: the endpoint's first).")] = None,
    model_path: Annotated[
        Path | None, typer.Option(help="GGUF for the embedded engine (default: the bundled model).")
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Chunks in flight at once.")] = 4,
    chunk_chars: Annotated[int, typer.Option(min=200, help="Maximum characters per chunk.")] = 2000,
    overlap: Annotated[int, typer.Option(min=0, help="Characters shared by neighbouring chunks.")] = 200,
    max_facts: Annotated[int, typer.Option(min=0, help="Facts to extract per chunk, at most.")] = 3,
    max_tokens: Annotated[int, typer.Option(min=16, help="Completion token limit per chunk.")] = 1024,
    keep_ungrounded: Annotated[
        bool, typer.Option(help="Keep answers and facts whose words and numbers are not in their chunk.")
    ] = False,
    lang: Annotated[LangChoice, typer.Option(help="Prompt and report language.")] = LangChoice.en,
    template_dir: Annotated[
        Path | None, typer.Option(help="Directory of .jinja files overriding the built-in prompts.")
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(help="Where results and pages are cached (default: ~/.cache/kakehashi/extract)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option(help="Keep nothing between runs.")] = False,
    request_timeout: Annotated[
        float, typer.Option(help="Seconds to wait for one chunk's answer (slow CPUs need long).")
    ] = DEFAULT_REQUEST_TIMEOUT_S,
    fetch_timeout: Annotated[
        float, typer.Option(help="Seconds allowed per page download.")
    ] = DEFAULT_TIMEOUT_S,
    max_bytes: Annotated[int, typer.Option(help="Largest page or file read, in bytes.")] = DEFAULT_MAX_BYTES,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON instead of Markdown.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
) -> None:
    """Extract cited answers and facts from many documents, chunk by chunk, in parallel."""
    stderr = Console(stderr=True)
    questions = list(question)
    if questions_file is not None:
        lines = questions_file.read_text(encoding="utf-8").splitlines()
        questions += [line.strip() for line in lines if line.strip()]
    try:
        sources = SourceSpec(
            urls_file=urls,
            directory=directory,
            search_query=search,
            search_dir=search_dir,
            search_limit=search_limit,
            keywords_by_llm=llm_keywords,
        )
        settings = ExtractSettings(
            questions=questions,
            model=model,
            lang=lang.value,
            template_dir=template_dir,
            concurrency=concurrency,
            chunk_chars=chunk_chars,
            overlap_chars=min(overlap, chunk_chars - 1),
            max_facts=max_facts,
            max_tokens=max_tokens,
            require_grounding=not keep_ungrounded,
            cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
            fetch_timeout_s=fetch_timeout,
            max_bytes=max_bytes,
        )
        report = asyncio.run(
            _run(
                settings,
                sources,
                base_url=base_url,
                api_key=api_key,
                model_path=model_path,
                request_timeout_s=request_timeout,
                console=stderr,
            )
        )
    except KakehashiError as exc:
        stderr.print(f"[red]error:[/red] {exc.message}", highlight=False)
        raise typer.Exit(2) from None

    text = to_json(report) if json_output else to_markdown(report)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)
    _print_summary(report, stderr)
    if report.stats.documents == 0:
        raise typer.Exit(1)
    if report.stats.chunks_failed:
        # The report is written, but incomplete: scripts must not take it for a full answer.
        _print_chunk_failures(report, stderr)
        raise typer.Exit(1)


async def _run(
    settings: ExtractSettings,
    sources: SourceSpec,
    *,
    base_url: str | None,
    api_key: str | None,
    model_path: Path | None,
    request_timeout_s: float,
    console: Console,
) -> Report:
    async with open_endpoint(
        base_url,
        api_key=api_key,
        model_path=str(model_path) if model_path else None,
        timeout_s=request_timeout_s,
    ) as http:
        with Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[detail]}"),
            console=console,  # stderr: stdout carries only the report
            transient=False,
        ) as progress:
            return await run_extraction(settings, sources, http, progress=progress)


def _print_chunk_failures(report: Report, console: Console) -> None:
    """Why chunks failed, grouped by kind of error (the text before its first colon), one example each."""
    groups: dict[str, list[Failure]] = {}
    for failure in report.failures:
        if failure.stage == "extract":
            groups.setdefault(failure.message.split(":", 1)[0], []).append(failure)
    console.print(
        f"[red]{report.stats.chunks_failed} of {report.stats.chunks} chunks failed[/] (the report lacks them; "
        "a re-run retries only these):",
        highlight=False,
    )
    for kind, failures in sorted(groups.items(), key=lambda item: -len(item[1])):
        example = failures[0]
        detail = example.message[len(kind) :].lstrip(": ")
        where = f"{Path(example.location).name}#{example.chunk}"
        console.print(
            f"  {len(failures)}x {kind}  (e.g. {where}{': ' + detail[:160] if detail else ''})", highlight=False
        )


def _print_summary(report: Report, console: Console) -> None:
    stats = report.stats
    tokens_per_s = stats.completion_tokens / stats.elapsed_s if stats.elapsed_s else 0.0
    console.print(
        f"{stats.documents} documents, {stats.chunks} chunks: {stats.chunks_extracted} extracted, "
        f"{stats.chunks_from_cache} from cache, {stats.chunks_failed} failed; "
        f"dropped as ungrounded: {stats.ungrounded_answers} answers, {stats.ungrounded_facts} facts; "
        f"{stats.llm_requests} LLM requests, {stats.completion_tokens} completion tokens "
        f"({tokens_per_s:.1f}/s) in {stats.elapsed_s:.1f}s; {len(report.failures)} failures",
        highlight=False,
    )
