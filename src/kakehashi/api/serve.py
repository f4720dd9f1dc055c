"""`kakehashi serve`: compose the gateway from settings and run it under uvicorn."""

from __future__ import annotations

import ipaddress
import logging
import os
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, help="Start the OpenAI-compatible server.")

log = logging.getLogger("kakehashi")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_model_arg(arg: str) -> tuple[str, Path]:
    """`NAME=PATH` or just `PATH` (the name is then the file's stem, lower-cased)."""
    name, sep, path = arg.partition("=")
    if not sep:
        path, name = arg, Path(arg).stem.lower()
    return name, Path(path).expanduser()


@app.command()
def serve(
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="GGUF to serve, as PATH or NAME=PATH; repeat for several models. "
                     "Default: the embedded SmolLM2-135M-Instruct."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to bind. Non-loopback needs --api-key or --insecure.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    api_key: Annotated[
        list[str] | None,
        typer.Option("--api-key", envvar="KAKEHASHI_API_KEY",
                     help="Require 'Authorization: Bearer KEY'. Repeatable; the env var may hold a comma-separated list."),
    ] = None,
    insecure: Annotated[bool, typer.Option("--insecure", help="Allow a non-loopback bind without an API key.")]
    = False,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", envvar="KAKEHASHI_CONFIG", help="kakehashi.toml with backends and routing.")
    ] = None,
    slots: Annotated[int, typer.Option(help="Sequences decoded together per model (continuous batching).")] = 16,
    ctx_size: Annotated[int, typer.Option(help="Context window of each sequence, in tokens.")] = 2048,
    batch_size: Annotated[int, typer.Option(help="Token budget of one engine step (decode + prefill chunks).")]
    = 512,
    max_waiting: Annotated[int, typer.Option(help="Requests that may wait for a slot before 503.")] = 256,
    threads: Annotated[int, typer.Option(help="CPU threads for llama.cpp (0 = all cores).")] = 0,
    max_body_bytes: Annotated[int, typer.Option(help="Largest accepted request body.")] = 8 * 1024 * 1024,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Serve the OpenAI API (chat, completions, models) on an in-process llama.cpp engine."""
    from kakehashi.api.compose import ServeSettings, build_server

    keys = [k.strip() for arg in (api_key or []) for k in arg.split(",") if k.strip()]
    if not is_loopback(host) and not keys and not insecure:
        typer.echo(
            f"Refusing to bind {host} without an API key: anyone on the network could use it.\n"
            "Pass --api-key KEY (or set KAKEHASHI_API_KEY), or --insecure if you really mean it.",
            err=True,
        )
        raise typer.Exit(2)
    settings = ServeSettings(
        models=[parse_model_arg(m) for m in (model or [])],
        api_keys=keys,
        config_path=config,
        slots=slots,
        ctx_size=ctx_size,
        batch_size=batch_size,
        max_waiting=max_waiting,
        threads=threads,
        max_body_bytes=max_body_bytes,
    )
    try:
        server_app = build_server(settings)
    except (FileNotFoundError, ValueError) as e:
        typer.echo(f"kakehashi serve: {e}", err=True)
        raise typer.Exit(2) from e

    import uvicorn

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    typer.echo(f"kakehashi listening on http://{host}:{port}/v1 (pid {os.getpid()})", err=True)
    uvicorn.run(server_app, host=host, port=port, log_level=log_level, access_log=False, timeout_graceful_shutdown=10)
