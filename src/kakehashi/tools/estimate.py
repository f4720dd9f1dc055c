"""`kakehashi estimate`: memory a model needs and how fast it can decode, per machine."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kakehashi.errors import KakehashiError
from kakehashi.tools.formatting import human_bytes, human_count
from kakehashi.tools.gguf_info import read_gguf
from kakehashi.tools.hardware import HARDWARE, Fit, Hardware, fits, this_machine
from kakehashi.tools.memory import (
    BITS_PER_WEIGHT_SOURCE,
    KV_CACHE_TYPES,
    MemoryEstimate,
    RuntimeConfig,
    Weights,
    estimate_memory,
    weights_from_gguf,
    weights_from_params,
)
from kakehashi.tools.model_shape import ModelShape, parse_parameter_count, shape_from_gguf, shape_from_params

app = typer.Typer(add_completion=False, help="Estimate memory and decode speed for a model.")

_DEFAULT_CTX = 4096


def estimate_for_file(
    path: Path, config_for: Callable[[ModelShape], RuntimeConfig]
) -> tuple[MemoryEstimate, ModelShape, str]:
    """Estimate for a GGUF file; `config_for` picks the runtime settings once the shape is known."""
    info = read_gguf(path)
    shape = shape_from_gguf(info)
    weights = weights_from_gguf(info, shape)
    name = info.get("general.name")
    return (
        estimate_memory(weights, shape, config_for(shape)),
        shape,
        name if isinstance(name, str) else path.name,
    )


def estimate_mlx_file(path: Path, ctx: int | None, slots: int, prefill_chunk: int) -> tuple[MemoryEstimate, ModelShape, str]:
    """The MLX engine's memory for a GGUF file (memory_mlx.py)."""
    from kakehashi.tools.memory_mlx import mlx_estimate

    info = read_gguf(path)
    shape = shape_from_gguf(info)
    default_ctx = min(_DEFAULT_CTX, shape.n_ctx_train) if shape.n_ctx_train else _DEFAULT_CTX
    name = info.get("general.name")
    return (mlx_estimate(info, shape, ctx or default_ctx, slots, prefill_chunk), shape,
            name if isinstance(name, str) else path.name)


def estimate_to_dict(
    estimate: MemoryEstimate, shape: ModelShape, model_name: str, fit_rows: list[Fit]
) -> dict[str, Any]:
    kv = estimate.kv
    return {
        "model": {
            "name": model_name,
            "architecture": shape.architecture,
            "parameters": estimate.weights.parameter_count,
            "layers": shape.n_layer,
            "heads": shape.n_head,
            "kv_heads": max(shape.n_head_kv),
            "head_dim_k": shape.head_dim_k,
            "head_dim_v": shape.head_dim_v,
            "grouped_query_attention": shape.is_gqa,
            "sliding_window": shape.sliding_window,
            "sliding_window_layers": kv.layers_swa,
            "context_length_trained": shape.n_ctx_train,
            "vocab_size": shape.n_vocab,
        },
        "config": asdict(estimate.config),
        "memory_bytes": {
            "weights": estimate.weights.total_bytes,
            "weights_exact": estimate.weights.exact,
            "kv_cache": kv.bytes,
            "kv_cells_full": kv.cells_full,
            "kv_cells_sliding_window": kv.cells_swa,
            "compute_buffer": estimate.compute_bytes,
            "output_buffer": estimate.output_bytes,
            "total": estimate.total_bytes,
        },
        "decode": {
            "bytes_per_token_empty_context": estimate.decode_bytes_per_token(0.0),
            "bytes_per_token_full_context": estimate.decode_bytes_per_token(1.0),
        },
        "hardware": [
            {
                "name": f.hardware.name,
                "kind": f.hardware.kind,
                "memory_bytes": f.hardware.memory_bytes,
                "usable_bytes": f.hardware.usable_bytes,
                "bandwidth_gb_s": f.hardware.bandwidth_gbs,
                "fits": f.fits,
                "headroom_bytes": f.headroom_bytes,
                "decode_tokens_per_s_ceiling_empty_context": f.decode_tps_empty,
                "decode_tokens_per_s_ceiling_full_context": f.decode_tps_full,
                "source": f.hardware.source,
            }
            for f in fit_rows
        ],
        "notes": list(estimate.notes),
    }


def _render(
    console: Console, estimate: MemoryEstimate, shape: ModelShape, model_name: str, fit_rows: list[Fit]
) -> None:
    cfg = estimate.config
    kv = estimate.kv
    kv_heads = max(shape.n_head_kv)
    console.print(
        f"[bold]{model_name}[/]  {shape.architecture}, {human_count(estimate.weights.parameter_count)} "
        f"parameters, {shape.n_layer} layers, {shape.n_head} heads / {kv_heads} KV heads"
        + (" (GQA)" if shape.is_gqa else "")
        + (f", sliding window {shape.sliding_window} on {kv.layers_swa} layers" if kv.layers_swa else "")
    )
    console.print(
        f"context {cfg.ctx} x {cfg.parallel} sequence(s), KV cache {cfg.cache_type_k}/{cfg.cache_type_v}, "
        f"ubatch {cfg.n_ubatch}, flash attention {'on' if cfg.flash_attn else 'off'}"
    )
    table = Table(title="Memory")
    table.add_column("part")
    table.add_column("bytes", justify="right")
    table.add_column("how")
    weights_how = "tensor table (exact)" if estimate.weights.exact else "parameters x bits per weight"
    table.add_row("weights", human_bytes(estimate.weights.total_bytes), weights_how)
    kv_how = f"{kv.layers_full} layers x {kv.cells_full} cells"
    if kv.layers_swa:
        kv_how += f" + {kv.layers_swa} sliding layers x {kv.cells_swa} cells"
    table.add_row("KV cache", human_bytes(kv.bytes), kv_how)
    table.add_row(
        "compute buffer", human_bytes(estimate.compute_bytes), f"worst-case ubatch of {cfg.n_ubatch}"
    )
    table.add_row("output buffer", human_bytes(estimate.output_bytes), "logits, one row per sequence")
    table.add_row("[bold]total[/]", f"[bold]{human_bytes(estimate.total_bytes)}[/]", "")
    console.print(table)

    hw_table = Table(title="Where it fits (decode ceiling per sequence = bandwidth / bytes read per token)")
    for column, justify in (("hardware", "left"), ("usable", "right"), ("fits", "center"),
                            ("headroom", "right"), ("tok/s empty ctx", "right"),
                            ("tok/s full ctx", "right"), ("src", "right")):  # fmt: skip
        hw_table.add_column(column, justify=justify)  # type: ignore[arg-type]
    sources: list[str] = []
    for f in fit_rows:
        if f.hardware.source not in sources:
            sources.append(f.hardware.source)
        hw_table.add_row(
            f.hardware.name,
            human_bytes(f.hardware.usable_bytes),
            "[green]yes[/]" if f.fits else "[red]no[/]",
            human_bytes(f.headroom_bytes),
            _tps(f.decode_tps_empty),
            _tps(f.decode_tps_full),
            f"[{sources.index(f.hardware.source) + 1}]",
        )
    console.print(hw_table)
    console.print(
        f"bytes read per token: {human_bytes(estimate.decode_bytes_per_token(0.0))} (empty context) .. "
        f"{human_bytes(estimate.decode_bytes_per_token(1.0))} (full context); real engines reach ~50-80%."
    )
    for i, source in enumerate(sources, 1):
        console.print(f"  [{i}] {source}", style="dim", highlight=False)
    if not estimate.weights.exact:
        console.print(f"  bits per weight: {BITS_PER_WEIGHT_SOURCE}", style="dim")
    for note in estimate.notes:
        console.print(f"[yellow]note:[/] {note}")


def _tps(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


@app.command()
def estimate(
    model: Annotated[
        str | None, typer.Argument(
            help="GGUF path or model name as for `inspect` (omit and use --params/--quant instead).",
            metavar="[MODEL]")
    ] = None,
    ctx: Annotated[
        int | None, typer.Option(help="Context tokens per sequence \\[default: min(4096, trained)].")
    ] = None,
    parallel: Annotated[int, typer.Option(help="Sequences served at once (each gets --ctx tokens).")] = 1,
    cache_type: Annotated[str, typer.Option(help=f"KV cache type: {', '.join(KV_CACHE_TYPES)}.")] = "f16",
    cache_type_v: Annotated[str | None, typer.Option(help="V cache type if different from K.")] = None,
    ubatch: Annotated[int, typer.Option(help="Micro-batch size (llama.cpp -ub).")] = 512,
    flash_attn: Annotated[bool, typer.Option(help="Flash attention (llama.cpp's auto enables it).")] = True,
    swa_full: Annotated[bool, typer.Option(help="Full-size cache on sliding-window layers.")] = False,
    params: Annotated[str | None, typer.Option(help="Parameter count without a file, e.g. 8B.")] = None,
    quant: Annotated[str, typer.Option(help="Quantization type with --params, e.g. Q4_K_M.")] = "Q4_K_M",
    layers: Annotated[int | None, typer.Option(help="With --params: number of layers.")] = None,
    kv_heads: Annotated[int | None, typer.Option(help="With --params: KV heads (GQA).")] = None,
    heads: Annotated[int | None, typer.Option(help="With --params: attention heads.")] = None,
    head_dim: Annotated[int | None, typer.Option(help="With --params: head dimension.")] = None,
    embedding: Annotated[int | None, typer.Option(help="With --params: hidden size.")] = None,
    vocab: Annotated[int | None, typer.Option(help="With --params: vocabulary size.")] = None,
    sliding_window: Annotated[int, typer.Option(help="With --params: sliding window tokens.")] = 0,
    swa_period: Annotated[int, typer.Option(help="With --params: 1 full layer every N (gemma3: 6).")] = 0,
    kind: Annotated[str | None, typer.Option(help="Only hardware of this kind: nvidia, apple, cpu.")] = None,
    engine: Annotated[str, typer.Option(
        help="llama (llama.cpp's layout) or mlx (the MLX engine's: weights as MLX arrays, its KV cache).")] = "llama",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Memory (weights, KV cache, compute buffers) and the decode-speed ceiling per machine."""
    console = Console()
    err = Console(stderr=True)

    def config_for(shape: ModelShape) -> RuntimeConfig:
        default_ctx = min(_DEFAULT_CTX, shape.n_ctx_train) if shape.n_ctx_train else _DEFAULT_CTX
        return RuntimeConfig(
            ctx=ctx or default_ctx,
            parallel=parallel,
            cache_type_k=cache_type.lower(),
            cache_type_v=(cache_type_v or cache_type).lower(),
            n_ubatch=ubatch,
            flash_attn=flash_attn,
            swa_full=swa_full,
        )

    if engine not in ("llama", "mlx"):
        raise typer.BadParameter("use llama or mlx", param_hint="--engine")
    try:
        if engine == "mlx":
            if model is None:
                err.print("[red]error:[/] --engine mlx needs a GGUF file (its tensor types set MLX's layout)")
                raise typer.Exit(2)
            from kakehashi.models.resolve import resolve_model

            result, shape, name = estimate_mlx_file(resolve_model(model).path, ctx, parallel, ubatch)
        elif model is not None:
            from kakehashi.models.resolve import resolve_model

            result, shape, name = estimate_for_file(resolve_model(model).path, config_for)
        elif params is not None:
            count = parse_parameter_count(params)
            shape, reference = shape_from_params(
                count, layers=layers, kv_heads=kv_heads, heads=heads, head_dim=head_dim,
                embedding=embedding, vocab=vocab, sliding_window=sliding_window, swa_period=swa_period,
            )  # fmt: skip
            weights: Weights = weights_from_params(count, quant)
            result = estimate_memory(weights, shape, config_for(shape))
            name = f"{params} {quant.upper()} (unset dimensions from {reference})"
        else:
            err.print("[red]error:[/] give a GGUF file or --params (e.g. --params 8B --quant Q4_K_M)")
            raise typer.Exit(2)
    except KakehashiError as exc:
        err.print(f"[red]error:[/] {exc.message}")
        raise typer.Exit(1) from exc

    machines: tuple[Hardware, ...] = HARDWARE
    local = this_machine()
    if local is not None:
        machines = (local, *machines)
    if kind:
        machines = tuple(hw for hw in machines if hw.kind == kind.lower())
    fit_rows = fits(
        machines, result.total_bytes, result.decode_bytes_per_token(0.0), result.decode_bytes_per_token(1.0)
    )
    if as_json:
        typer.echo(json.dumps(estimate_to_dict(result, shape, name, fit_rows), ensure_ascii=False, indent=2))
        return
    _render(console, result, shape, name, fit_rows)
