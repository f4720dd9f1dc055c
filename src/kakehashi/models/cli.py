"""`kakehashi pull`, `kakehashi ls`, `kakehashi rm`: the model cache from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kakehashi.errors import KakehashiError
from kakehashi.models import ollama
from kakehashi.models.cache import CachedModel, ModelCache
from kakehashi.models.hub import Hub, default_endpoint
from kakehashi.models.pull import pull as pull_model
from kakehashi.models.refs import parse_hub_ref
from kakehashi.tools.formatting import human_bytes

pull_app = typer.Typer(add_completion=False, help="Download a GGUF from a Hugging Face-compatible hub.")
ls_app = typer.Typer(add_completion=False, help="List the models kakehashi can serve by name.")
rm_app = typer.Typer(add_completion=False, help="Remove a model from kakehashi's cache.")

_err = Console(stderr=True)


def _fail(exc: KakehashiError) -> typer.Exit:
    _err.print(f"[red]error:[/] {exc.message}", highlight=False)
    return typer.Exit(1)


@pull_app.command(
    epilog="Examples: kakehashi pull bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M\n\n"
    "kakehashi pull unsloth/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf\n\n"
    "HF_ENDPOINT=https://hf-mirror.com kakehashi pull ...   (a mirror; HF_TOKEN for gated repos)"
)
def pull(
    reference: Annotated[str, typer.Argument(
        help="OWNER/REPO[:QUANT] (default quant Q4_K_M, or the repo's only GGUF) or OWNER/REPO/FILE.gguf; "
        "append @REVISION for a branch, tag or commit.", metavar="REPO[:QUANT|/FILE.gguf]")],
    endpoint: Annotated[str | None, typer.Option(
        envvar="HF_ENDPOINT", help="Hub base URL \\[default: https://huggingface.co].")] = None,
    token: Annotated[str | None, typer.Option(
        envvar="HF_TOKEN", help="Access token for gated or private repos.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Download again even when cached.")] = False,
) -> None:
    """Download a model into the cache (resumable, verified against the hub's SHA-256, atomic)."""
    try:
        ref = parse_hub_ref(reference)
        with Hub(endpoint or default_endpoint(), token) as hub:
            model = pull_model(ref, hub=hub, force=force, console=_err)
    except KakehashiError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{model.name}  {human_bytes(model.size)}  {model.path}")
    _err.print(f"serve it with:  kakehashi serve -m {model.name}", highlight=False)


def _describe(model: CachedModel) -> dict[str, Any]:
    """Architecture and context from the GGUF header; a file that does not parse is listed, flagged."""
    from kakehashi.tools.gguf_info import read_gguf
    from kakehashi.tools.inspect import describe

    row: dict[str, Any] = {
        "name": model.name, "path": str(model.path), "bytes": model.size, "quant": model.quant,
        "parts": len(model.files), "commit": model.commit, "pulled_at": model.pulled_at, "source": "cache",
    }  # fmt: skip
    try:
        d = describe(read_gguf(model.path))
    except KakehashiError as exc:
        row["error"] = exc.message
        return row
    row.update(architecture=d.architecture, context_length=d.context_length, quant=model.quant or d.file_type)
    return row


def _describe_ollama(model: ollama.OllamaModel) -> dict[str, Any]:
    from kakehashi.tools.gguf_info import read_gguf
    from kakehashi.tools.inspect import describe

    row: dict[str, Any] = {"name": model.name, "path": str(model.path), "bytes": model.size, "source": "ollama"}
    try:
        d = describe(read_gguf(model.path))
    except KakehashiError as exc:
        row["error"] = exc.message
        return row
    row.update(architecture=d.architecture, context_length=d.context_length, quant=d.file_type)
    return row


@ls_app.command()
def ls(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    with_ollama: Annotated[bool, typer.Option("--ollama/--no-ollama", help="Also list Ollama's models.")] = True,
) -> None:
    """Cached models (and Ollama's): name, size, quantization, context length, architecture."""
    cache = ModelCache()
    rows = [_describe(m) for m in cache.models() if m.present()]
    if with_ollama:
        rows += [_describe_ollama(m) for m in ollama.list_models()]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(f"No models in {cache.root}. Get one with:  kakehashi pull OWNER/REPO:QUANT")
        return
    table = Table(title=f"Models ({cache.root})", title_justify="left")
    for column, justify in (("name", "left"), ("size", "right"), ("quant", "left"), ("context", "right"),
                            ("arch", "left"), ("from", "left")):  # fmt: skip
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in rows:
        context = row.get("context_length")
        table.add_row(
            row["name"], human_bytes(row["bytes"]), row.get("quant") or "-",
            f"{context:,}" if context else "-",
            row.get("architecture") or f"[red]{row.get('error', '?')}[/]", row["source"],
        )  # fmt: skip
    Console().print(table)


@rm_app.command()
def rm(
    names: Annotated[list[str], typer.Argument(help="Cached model names, as `kakehashi ls` shows them.")],
) -> None:
    """Delete cached models (never Ollama's: remove those with `ollama rm`)."""
    cache = ModelCache()
    failed = False
    for name in names:
        try:
            model = cache.find(name.removeprefix("hf:"))
        except KakehashiError as exc:
            _err.print(f"[red]error:[/] {exc.message}", highlight=False)
            failed = True
            continue
        if model is None:
            hint = " (an Ollama model: remove it with `ollama rm`)" if ollama.find(name) else ""
            _err.print(f"[red]error:[/] no cached model named {name!r}{hint}; `kakehashi ls` lists them",
                       highlight=False)
            failed = True
            continue
        freed = cache.remove(model)
        typer.echo(f"removed {model.name} ({human_bytes(freed)})")
    if failed:
        raise typer.Exit(1)


def resolve_for_cli(spec: str, console: Console | None = None) -> tuple[str, Path]:
    """(served name, GGUF path) for a command-line model argument; `hf:` references are pulled if missing."""
    from kakehashi.models.resolve import resolve_model

    def fetch(ref: Any) -> Path:
        return pull_model(ref, console=console or _err).path

    resolved = resolve_model(spec, pull=fetch)
    return resolved.name, resolved.path
