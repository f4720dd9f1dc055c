"""`kakehashi doctor`: what this machine can run, each check ok / warning / failed with a hint."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kakehashi.tools.doctor_checks import Check, run_all

app = typer.Typer(add_completion=False, help="Check what this machine can run.")

_STYLE = {"ok": "[green]ok[/]", "warning": "[yellow]warning[/]", "failed": "[red]failed[/]"}


def render(console: Console, checks: list[Check]) -> None:
    table = Table(title="kakehashi doctor", show_lines=False)
    table.add_column("check", style="bold")
    table.add_column("status")
    table.add_column("detail")
    for check in checks:
        detail = check.detail + (f"\n[dim]hint: {check.hint}[/]" if check.hint else "")
        table.add_row(check.name, _STYLE[check.status], detail)
    console.print(table)


def _parse_url(value: str, index: int) -> tuple[str, str]:
    """'URL' or 'name=URL' -> (name, url)."""
    name, sep, url = value.partition("=")
    if not sep or "://" in name:
        return f"url{index + 1}", value
    return name, url


def _config_checks(path: Path) -> list[Check]:
    from kakehashi.config import ConfigError, load_config
    from kakehashi.tools.doctor_checks import ConfiguredBackend, check_configured_backends

    try:
        cfg = load_config(path)
    except ConfigError as exc:
        return [Check("config", "failed", str(exc), "fix the file; `kakehashi serve` would refuse it too")]
    checks = [Check("config", "ok", f"{path}: valid, {len(cfg.backends)} backend(s)")]
    for model in cfg.models:
        if model.path == "default":
            continue
        file = Path(model.path).expanduser()
        if not file.is_file():
            checks.append(Check(f"model {model.name}", "failed", f"{file}: no such file",
                                "fix path in [[models]], or get the GGUF with `kakehashi pull`"))
    specs = [
        ConfiguredBackend(name, b.base_url, b.kind, tuple(b.models), b.api_key_env, b.api_key())
        for name, b in cfg.backends.items()
    ]
    return checks + check_configured_backends(specs)


@app.command()
def doctor(
    url: Annotated[
        list[str] | None,
        typer.Option("--url", help="OpenAI-compatible server to probe (repeatable): URL or name=URL."),
    ] = None,
    api_key: Annotated[str | None, typer.Option(help="API key sent to every --url.")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", envvar="KAKEHASHI_CONFIG",
        help="kakehashi.toml: check each backend (reachable, API key set, models listed) and [[models]] files.",
    )] = None,
    skip_model: Annotated[bool, typer.Option("--skip-model", help="Do not load the default model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """CPU features, RAM, GPUs, llama.cpp backends, the default model, and reachable backends."""
    backends: list[tuple[str, str, str | None]] = []
    for i, value in enumerate(url or []):
        name, base = _parse_url(value, i)
        backends.append((name, base, api_key))
    checks = run_all(backends, load_model=not skip_model)
    if config is not None:
        checks += _config_checks(config)
    if as_json:
        typer.echo(json.dumps([asdict(c) for c in checks], ensure_ascii=False, indent=2))
    else:
        render(Console(), checks)
    if any(c.status == "failed" for c in checks):
        raise typer.Exit(1)
