"""`kakehashi serve`: compose the gateway from settings and run it under uvicorn."""

from __future__ import annotations

import ipaddress
import logging
import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, help="Start the OpenAI-compatible server.")

log = logging.getLogger("kakehashi")


class EngineChoice(str, Enum):
    auto = "auto"
    llama = "llama"
    mlx = "mlx"


class FlashAttn(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


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
    engine: Annotated[EngineChoice | None, typer.Option(
        help="Engine for the models: llama (llama.cpp), mlx (MLX: a GGUF of llama architecture or an mlx-lm "
        "directory), or auto = MLX on Apple silicon when it can load the model \\[default: auto; "
        "per model in the TOML].")] = None,
    host: Annotated[str | None, typer.Option(help="Address to bind \\[default: 127.0.0.1]. Non-loopback needs "
                                             "--api-key or --insecure.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on \\[default: 8000].")] = None,
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
    slots: Annotated[int | None, typer.Option(help="Sequences decoded together per model \\[default: 16].")] = None,
    ctx_size: Annotated[int | None, typer.Option(help="Context window of each sequence \\[default: 2048].")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Token budget of one engine step \\[default: 512].")]
    = None,
    max_waiting: Annotated[int | None, typer.Option(help="Requests that may wait for a slot before 503 "
                                                    "[default: 256].")] = None,
    threads: Annotated[int | None, typer.Option(help="CPU threads for llama.cpp \\[default: 0 = all cores].")]
    = None,
    flash_attn: Annotated[FlashAttn | None, typer.Option(
        help="Flash attention: auto = off on CPU-only builds (faster decode there), llama.cpp's choice "
        "otherwise \\[default: auto].")] = None,
    max_body_bytes: Annotated[int | None, typer.Option(help="Largest accepted request body \\[default: 8 MiB].")]
    = None,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Serve the OpenAI API (chat, completions, models) on an in-process llama.cpp engine."""
    from kakehashi.api.compose import ServeSettings, build_server
    from kakehashi.config import ConfigError, load_config

    try:
        cfg = load_config(config)
    except ConfigError as e:
        typer.echo(f"kakehashi serve: {e}", err=True)
        raise typer.Exit(2) from e
    host = host or cfg.server.host
    port = cfg.server.port if port is None else port
    keys = [k.strip() for arg in (api_key or []) for k in arg.split(",") if k.strip()]
    if not keys and cfg.server.api_key_env:
        keys = [k.strip() for k in os.environ.get(cfg.server.api_key_env, "").split(",") if k.strip()]
    if not is_loopback(host) and not keys and not insecure:
        typer.echo(
            f"Refusing to bind {host} without an API key: anyone on the network could use it.\n"
            "Pass --api-key KEY (or set KAKEHASHI_API_KEY), or --insecure if you really mean it.",
            err=True,
        )
        raise typer.Exit(2)
    settings = ServeSettings(
        models=[parse_model_arg(m) for m in (model or [])],
        engine=engine.value if engine else None,
        api_keys=keys,
        config_path=config,
        slots=slots,
        ctx_size=ctx_size,
        batch_size=batch_size,
        max_waiting=max_waiting,
        threads=threads,
        flash_attn=flash_attn.value if flash_attn else None,
        max_body_bytes=max_body_bytes,
    )
    try:
        server_app = build_server(settings, cfg)
    except (FileNotFoundError, ValueError) as e:
        typer.echo(f"kakehashi serve: {e}", err=True)
        raise typer.Exit(2) from e

    import sys

    import uvicorn

    # The engine thread needs the GIL back the moment llama_decode returns; with the default 5 ms
    # switch interval it can wait behind the event loop's SSE writing for most of that.
    sys.setswitchinterval(0.001)

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    typer.echo(f"kakehashi listening on http://{host}:{port}/v1 (pid {os.getpid()})", err=True)
    uvicorn.run(server_app, host=host, port=port, log_level=log_level, access_log=False, timeout_graceful_shutdown=10)
