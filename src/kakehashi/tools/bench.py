"""`kakehashi bench URL`: load-test any OpenAI-compatible endpoint over a concurrency sweep."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from kakehashi.errors import KakehashiError
from kakehashi.tools.bench_core import BenchConfig, BenchResult, RequestResult, Target, run_bench
from kakehashi.tools.bench_prompts import PromptSource
from kakehashi.tools.bench_render import plot_png, render_table, to_csv, to_json

app = typer.Typer(add_completion=False, help="Load-test any OpenAI-compatible endpoint.")


def parse_levels(text: str) -> tuple[int, ...]:
    try:
        levels = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"expected comma-separated integers, got {text!r}") from exc
    if not levels or any(level < 1 for level in levels):
        raise typer.BadParameter("concurrency levels must be positive integers")
    return levels


def _run_with_progress(
    targets: list[Target], config: BenchConfig, prompts: PromptSource, err: Console
) -> BenchResult:
    """The live progress bar goes to stderr so --json/--csv output on stdout stays clean."""
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("[red]{task.fields[errors]} errors"), TimeElapsedColumn(),
        console=err, transient=False,
    ) as progress:  # fmt: skip
        tasks: dict[tuple[str, int], TaskID] = {}

        def on_level_start(target: Target, concurrency: int, total: int | None) -> None:
            label = f"{target.name} c={concurrency}"
            tasks[(target.name, concurrency)] = progress.add_task(label, total=total, errors=0)

        def on_result(target: Target, concurrency: int, result: RequestResult) -> None:
            task = tasks[(target.name, concurrency)]
            errors = progress.tasks[task].fields["errors"] + (0 if result.ok else 1)
            progress.update(task, advance=1, errors=errors)

        result = asyncio.run(run_bench(targets, config, prompts, on_result, on_level_start))
        for task in tasks.values():  # --duration levels have no total: close their bars
            if progress.tasks[task].total is None:
                progress.update(task, total=progress.tasks[task].completed)
    return result


@app.command()
def bench(
    url: Annotated[str, typer.Argument(help="Base URL, e.g. http://127.0.0.1:8000 (or .../v1).")],
    model: Annotated[str | None, typer.Option(help="Model to request \\[default: the server's first].")] = None,
    levels: Annotated[str, typer.Option(help="Concurrency levels to sweep.")] = "1,5,10,15,20",
    requests: Annotated[
        int | None, typer.Option(min=1, help="Requests per level \\[default: max(10, 2 x level)].")
    ] = None,
    duration: Annotated[
        float | None, typer.Option(min=0.1, help="Seconds per level instead of --requests.")
    ] = None,
    max_tokens: Annotated[int, typer.Option(help="max_tokens of each request.")] = 128,
    temperature: Annotated[float, typer.Option(help="Sampling temperature.")] = 0.7,
    api_key: Annotated[
        str | None, typer.Option(help="Bearer token for URL.", envvar="KAKEHASHI_BENCH_API_KEY")
    ] = None,
    compare: Annotated[str | None, typer.Option(help="Second endpoint, measured interleaved.")] = None,
    compare_model: Annotated[
        str | None, typer.Option(help="Model for --compare \\[default: its first].")
    ] = None,
    compare_api_key: Annotated[
        str | None, typer.Option(help="Bearer token for --compare \\[default: --api-key].")
    ] = None,
    name: Annotated[str, typer.Option(help="Label of URL in the output.")] = "A",
    compare_name: Annotated[str, typer.Option(help="Label of --compare in the output.")] = "B",
    prompts: Annotated[
        Path | None, typer.Option(help='JSONL prompts: {"prompt"} or {"messages"} per line.')
    ] = None,
    timeout: Annotated[float, typer.Option(help="Per-request timeout in seconds.")] = 300.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV to stdout.")] = False,
    png: Annotated[Path | None, typer.Option(help="Write a throughput/latency chart to this PNG.")] = None,
) -> None:
    """Concurrency sweep: latency, TTFT, inter-token latency, token throughput, errors per level."""
    err = Console(stderr=True)
    if requests is not None and duration is not None:
        raise typer.BadParameter("give --requests or --duration, not both")
    config = BenchConfig(
        levels=parse_levels(levels), requests_per_level=requests, duration_s=duration,
        max_tokens=max_tokens, temperature=temperature, timeout_s=timeout,
    )  # fmt: skip
    targets = [Target(name, url, model, api_key)]
    if compare:
        if compare_name == name:
            compare_name = f"{compare_name}2"
        targets.append(Target(compare_name, compare, compare_model, compare_api_key or api_key))
    try:
        source = PromptSource.from_jsonl(prompts) if prompts else PromptSource.builtin()
        result = _run_with_progress(targets, config, source, err)
    except KakehashiError as exc:
        err.print(f"[red]error:[/] {exc.message}", highlight=False)
        raise typer.Exit(1) from exc
    if png is not None:
        plot_png(result, png)
        err.print(f"wrote {png}")
    if as_json:
        typer.echo(to_json(result))
    elif as_csv:
        typer.echo(to_csv(result), nl=False)
    else:
        render_table(Console(), result)
    if all(level.succeeded == 0 for level in result.levels):
        raise typer.Exit(1)
