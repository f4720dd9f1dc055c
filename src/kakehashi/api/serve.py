"""`kakehashi serve`: compose the gateway from settings and run it under uvicorn."""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from kakehashi.engine.settings import setting_help

if TYPE_CHECKING:
    from kakehashi.api.shutdown import DrainingServer
    from kakehashi.config import KakehashiConfig
    from kakehashi.gateway.compose import ServeSettings

app = typer.Typer(add_completion=False, help="Start the OpenAI-compatible server.")

log = logging.getLogger("kakehashi")


class EngineChoice(str, Enum):
    auto = "auto"
    llama = "llama"
    mlx = "mlx"


class Pooling(str, Enum):
    mean = "mean"
    cls = "cls"
    last = "last"


class LogFormat(str, Enum):
    text = "text"
    json = "json"


class FlashAttn(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


class PrefixCacheMode(str, Enum):
    shared = "shared"
    slot = "slot"
    off = "off"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_model_arg(arg: str) -> tuple[str, Path]:
    """`NAME=MODEL` or just `MODEL`, where MODEL is anything the model resolver takes: a path, `default`,
    a cached name, an Ollama model or `hf:OWNER/REPO[:QUANT]` (pulled when missing). Without NAME the
    served name is the file's stem (lower-cased) for a path, otherwise MODEL as written."""
    from kakehashi.models.cli import resolve_for_cli

    name, sep, spec = arg.partition("=")
    if not sep:
        return resolve_for_cli(arg)
    return name, resolve_for_cli(spec)[1]


@app.command()
def serve(
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="Model to serve, as MODEL or NAME=MODEL; repeat for several. MODEL is a "
                     "GGUF path, a name from `kakehashi ls` (cached or Ollama's), hf:OWNER/REPO[:QUANT] (pulled "
                     "if missing) or `default`, the embedded SmolLM2-135M-Instruct (used when -m is absent)."),
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
    slots: Annotated[int | None, typer.Option(help=setting_help("slots"))] = None,
    ctx_size: Annotated[int | None, typer.Option(help=setting_help("ctx_size"))] = None,
    batch_size: Annotated[int | None, typer.Option(help=setting_help("batch_size"))] = None,
    max_waiting: Annotated[int | None, typer.Option(help=setting_help("max_waiting"))] = None,
    threads: Annotated[int | None, typer.Option(help=setting_help("threads"))] = None,
    flash_attn: Annotated[FlashAttn | None, typer.Option(help=setting_help("flash_attn"))] = None,
    step_target_ms: Annotated[int | None, typer.Option(help=setting_help("step_target_ms"))] = None,
    prefix_cache: Annotated[PrefixCacheMode | None, typer.Option(help=setting_help("prefix_cache"))] = None,
    cache_ram: Annotated[int | None, typer.Option(help=setting_help("cache_ram"))] = None,
    max_body_bytes: Annotated[int | None, typer.Option(help="Largest accepted request body \\[default: 8 MiB].")]
    = None,
    docs: Annotated[bool | None, typer.Option(
        "--docs/--no-docs", help="Interactive API docs at /docs \\[default: on when bound to loopback].")] = None,
    embedding_model: Annotated[
        list[str] | None,
        typer.Option("--embedding-model", "-e", help="GGUF to serve for /v1/embeddings, as PATH or NAME=PATH "
                     "(GGUFs whose metadata says embedding model are detected under -m too)."),
    ] = None,
    pooling: Annotated[Pooling | None, typer.Option(
        help="Pooling for --embedding-model files \\[default: the GGUF's own, else mean].")] = None,
    default_embeddings: Annotated[bool, typer.Option(
        "--default-embeddings/--no-default-embeddings",
        help="Serve the bundled multilingual-e5-small for /v1/embeddings.")] = True,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
    log_format: Annotated[LogFormat, typer.Option(help="text, or json: one JSON object per line for log shippers.")]
    = LogFormat.text,
    drain_timeout: Annotated[float, typer.Option(help="On SIGTERM/SIGINT: seconds in-flight requests get to "
                                                 "finish before they are cut \\[default: 30].")] = 30.0,
) -> None:
    """Serve the OpenAI API (chat, completions, models) on an in-process llama.cpp engine."""
    from kakehashi.api.request_log import configure_logging
    from kakehashi.api.server import build_server
    from kakehashi.config import ConfigError, load_config
    from kakehashi.errors import KakehashiError
    from kakehashi.gateway.compose import ServeSettings

    configure_logging(log_level, log_format.value)
    try:
        cfg = load_config(config)
    except ConfigError as e:
        fail(str(e), 2)
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
    try:
        models = [parse_model_arg(m) for m in (model or [])]
        embedding_models = [
            (*parse_model_arg(m), pooling.value if pooling else None) for m in (embedding_model or [])
        ]
    except KakehashiError as e:
        fail(e.message, 2)
    settings = ServeSettings(
        models=models,
        model_engine=engine.value if engine else None,
        api_keys=keys,
        config_path=config,
        engine={"slots": slots, "ctx_size": ctx_size, "batch_size": batch_size, "max_waiting": max_waiting,
                "threads": threads, "flash_attn": flash_attn.value if flash_attn else None,
                "step_target_ms": step_target_ms, "prefix_cache": prefix_cache.value if prefix_cache else None,
                "cache_ram": cache_ram},
        max_body_bytes=max_body_bytes,
        docs=is_loopback(host) if docs is None else docs,
        embedding_models=embedding_models,
        default_embeddings=default_embeddings,
    )
    fatal: list[str] = []
    server: DrainingServer | None = None

    def on_fatal(reason: str) -> None:
        fatal.append(reason)
        if server is not None:
            server.should_exit = True

    try:
        server_app = build_server(settings, cfg, on_fatal=on_fatal)
    except (OSError, ValueError, KakehashiError) as e:
        fail(str(e), 2)

    import sys

    import uvicorn

    from kakehashi.api.shutdown import DrainingServer

    # Bind first: "listening" is printed only once the port is ours, and a taken port is a clean exit.
    try:
        sock = bind_socket(host, port)
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}", 1)
    for line in startup_summary(settings, cfg):
        log.info("%s", line)
    typer.echo(f"kakehashi listening on http://{host}:{sock.getsockname()[1]}/v1 (pid {os.getpid()})", err=True)

    # The engine thread needs the GIL back the moment llama_decode returns; with the default 5 ms
    # switch interval it can wait behind the event loop's SSE writing for most of that.
    sys.setswitchinterval(0.001)
    server = DrainingServer(
        uvicorn.Config(server_app, log_level=log_level, access_log=False, log_config=None,
                       timeout_graceful_shutdown=drain_timeout),
        on_drain=server_app.state.lifecycle.drain,
    )
    server.run(sockets=[sock])
    if fatal:
        fail(fatal[0], 1)
    log.info("kakehashi stopped")


def fail(reason: str, code: int) -> NoReturn:
    typer.echo(f"kakehashi serve: {reason}", err=True)
    raise typer.Exit(code)


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart over TIME_WAIT
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def startup_summary(settings: ServeSettings, cfg: KakehashiConfig) -> list[str]:
    """What this server will run, one fact per line, for the operator reading the start-up log."""
    from kakehashi.accounting.ledger import default_ledger_path
    from kakehashi.gateway.compose import local_model_specs

    specs = local_model_specs(settings, cfg)
    e = settings.engine_config(cfg)
    lines = [f"model {s.name}: {s.path}" for s in specs] or ["models: none in-process (pure gateway)"]
    if specs:
        llama_only = (f"threads {e.threads or 'all'}, flash-attn {e.flash_attn}, "
                      f"step target {e.step_target_ms or 'off'} ms, host prompt cache {e.cache_ram} MiB, "
                      if any(s.engine == "llama" for s in specs) else "")
        engines = " + ".join(sorted({"llama.cpp" if s.engine == "llama" else "MLX" for s in specs}))
        lines.append(f"engine ({engines}): ctx {e.ctx_size} per sequence, {e.slots} slots, batch {e.batch_size}, "
                     f"max waiting {e.max_waiting}, {llama_only}prefix cache {e.prefix_cache}")
    for name, b in cfg.backends.items():
        key = "no key" if not b.api_key_env else (f"key from {b.api_key_env}" if b.api_key() else
                                                   f"key variable {b.api_key_env} NOT SET")
        lines.append(f"backend {name} ({b.kind}): {b.base_url} models {', '.join(b.models)}; {key}")
    if cfg.accounting.enabled:
        ledger = settings.ledger_path or (Path(cfg.accounting.ledger).expanduser() if cfg.accounting.ledger
                                          else default_ledger_path())
        lines.append(f"ledger: {ledger}")
    else:
        lines.append("ledger: off")
    lines.append(f"auth: {'on, ' + str(len(settings.api_keys)) + ' key(s)' if settings.api_keys else 'off'}")
    return lines
