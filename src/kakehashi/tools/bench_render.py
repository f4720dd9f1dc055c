"""Turn a BenchResult into a rich table, JSON, CSV or a PNG chart."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kakehashi.tools.bench_core import BenchConfig, BenchResult, LevelStats, Target

_COLUMNS = (
    "target", "concurrency", "wall_s", "attempted", "succeeded", "errors",
    "latency_mean_ms", "latency_p95_ms", "ttft_p50_ms", "ttft_p95_ms", "itl_mean_ms", "itl_p95_ms",
    "prompt_tokens", "completion_tokens", "prompt_tok_s", "completion_tok_s", "requests_s", "usage_source",
)  # fmt: skip


def _ms_value(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


def level_row(level: LevelStats) -> dict[str, Any]:
    prompt_tps = level.prompt_tps
    return {
        "target": level.target,
        "concurrency": level.concurrency,
        "wall_s": round(level.wall_s, 6),  # rates are re-derived from it by from_json
        "attempted": level.attempted,
        "succeeded": level.succeeded,
        "errors": sum(level.errors.values()),
        "latency_mean_ms": _ms_value(level.latency_mean_s),
        "latency_p95_ms": _ms_value(level.latency_p95_s),
        "ttft_p50_ms": _ms_value(level.ttft_p50_s),
        "ttft_p95_ms": _ms_value(level.ttft_p95_s),
        "itl_mean_ms": _ms_value(level.itl_mean_s),
        "itl_p95_ms": _ms_value(level.itl_p95_s),
        "prompt_tokens": level.prompt_tokens,
        "completion_tokens": level.completion_tokens,
        "prompt_tok_s": None if prompt_tps is None else round(prompt_tps, 2),
        "completion_tok_s": round(level.completion_tps, 2),
        "requests_s": round(level.requests_per_s, 3),
        "usage_source": level.usage_source,
    }


def ratios(result: BenchResult) -> list[dict[str, Any]]:
    """Second target relative to the first, per level (>1 = the second is faster / slower)."""
    if len(result.targets) < 2:
        return []
    first, second = result.targets[0].name, result.targets[1].name
    by_level = {(s.target, s.concurrency): s for s in result.levels}
    out = []
    for concurrency in result.config.levels:
        a, b = by_level.get((first, concurrency)), by_level.get((second, concurrency))
        if a is None or b is None:
            continue
        out.append({
            "concurrency": concurrency,
            "completion_tok_s": _ratio(b.completion_tps, a.completion_tps),
            "latency_mean": _ratio(b.latency_mean_s, a.latency_mean_s),
            "ttft_p50": _ratio(b.ttft_p50_s, a.ttft_p50_s),
        })  # fmt: skip
    return out


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 3)


def to_json(result: BenchResult) -> str:
    return json.dumps(
        {
            "started_at": result.started_at,
            "targets": [
                {"name": t.name, "url": t.base_url, "model": result.models.get(t.name)}
                for t in result.targets
            ],
            "config": asdict(result.config),
            "levels": [
                level_row(level) | {"error_kinds": level.errors, "error_examples": level.error_examples}
                for level in result.levels
            ],
            "ratios": ratios(result),
        },
        ensure_ascii=False,
        indent=2,
    )


def from_json(text: str) -> BenchResult:
    """Rebuild a result saved with to_json (to re-render a recorded run as a table or chart)."""
    data = json.loads(text)
    targets = tuple(Target(t["name"], t["url"], t.get("model")) for t in data["targets"])
    config = BenchConfig(**{**data["config"], "levels": tuple(data["config"]["levels"])})

    def seconds(value: float | None) -> float | None:
        return None if value is None else value / 1000

    levels = tuple(
        LevelStats(
            target=row["target"],
            concurrency=row["concurrency"],
            wall_s=row["wall_s"],
            attempted=row["attempted"],
            succeeded=row["succeeded"],
            errors=row["error_kinds"],
            error_examples=row["error_examples"],
            latency_mean_s=seconds(row["latency_mean_ms"]),
            latency_p95_s=seconds(row["latency_p95_ms"]),
            ttft_p50_s=seconds(row["ttft_p50_ms"]),
            ttft_p95_s=seconds(row["ttft_p95_ms"]),
            itl_mean_s=seconds(row["itl_mean_ms"]),
            itl_p95_s=seconds(row["itl_p95_ms"]),
            prompt_tokens=row["prompt_tokens"],
            completion_tokens=row["completion_tokens"],
            usage_source=row["usage_source"],
        )
        for row in data["levels"]
    )
    models = {t["name"]: t["model"] for t in data["targets"]}
    return BenchResult(
        targets=targets, models=models, config=config, levels=levels, started_at=data["started_at"]
    )


def to_csv(result: BenchResult) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(_COLUMNS))
    writer.writeheader()
    for level in result.levels:
        writer.writerow(level_row(level))
    return buffer.getvalue()


def _dur(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f}ms" if seconds < 10 else f"{seconds:.1f}s"


def _pair(a: str, b: str) -> str:
    return f"{a} / {b}"


def render_table(console: Console, result: BenchResult) -> None:
    compare = len(result.targets) > 1
    targets = ", ".join(f"{t.name}={t.base_url} ({result.models.get(t.name)})" for t in result.targets)
    console.print(f"[bold]kakehashi bench[/] {targets}", highlight=False)
    table = Table()
    headers = ["conc"] + (["target"] if compare else []) + [
        "ok/tried", "wall", "latency mean / p95", "TTFT p50 / p95", "ITL mean",
        "tokens in / out", "tok/s in / out",
    ]  # fmt: skip
    for header in headers:
        table.add_column(header, justify="left" if header == "target" else "right")
    by_level = {(s.target, s.concurrency): s for s in result.levels}
    ratio_rows = {r["concurrency"]: r for r in ratios(result)}
    fallback = False
    for concurrency in result.config.levels:
        for target in result.targets:
            level = by_level.get((target.name, concurrency))
            if level is None:
                continue
            marker = "*" if level.usage_source not in ("server", "none") else ""
            fallback = fallback or bool(marker)
            ok = f"{level.succeeded}/{level.attempted}"
            if level.succeeded < level.attempted:
                ok = f"[red]{ok}[/]"
            prompt_tps = level.prompt_tps
            table.add_row(
                str(concurrency), *([target.name] if compare else []), ok, f"{level.wall_s:.1f}s",
                _pair(_dur(level.latency_mean_s), _dur(level.latency_p95_s)),
                _pair(_dur(level.ttft_p50_s), _dur(level.ttft_p95_s)),
                _dur(level.itl_mean_s),
                _pair("-" if level.prompt_tokens is None else str(level.prompt_tokens),
                      f"{level.completion_tokens}{marker}"),
                _pair("-" if prompt_tps is None else f"{prompt_tps:.1f}", f"{level.completion_tps:.1f}{marker}"),
            )  # fmt: skip
        ratio = ratio_rows.get(concurrency)
        if compare and ratio is not None:
            table.add_row(
                "", f"[dim]{result.targets[1].name}/{result.targets[0].name}[/]", "", "",
                _fmt_ratio(ratio["latency_mean"]), _fmt_ratio(ratio["ttft_p50"]), "", "",
                _fmt_ratio(ratio["completion_tok_s"]), end_section=True,
            )  # fmt: skip
    console.print(table)
    if fallback:
        console.print("* the server sent no usage: output tokens counted as streamed text chunks (fallback)")
    for level in result.levels:
        for kind, count in level.errors.items():
            example = level.error_examples.get(kind, "")
            console.print(
                f"[red]errors[/] {level.target} @ {level.concurrency}: {count} x {kind}: {example[:160]}",
                highlight=False,
            )


def _fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"[dim]x{value:.2f}[/]"


def plot_png(result: BenchResult, path: Path) -> None:
    """Throughput and latency against concurrency, one line per target."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    fig, (throughput_ax, latency_ax) = plt.subplots(1, 2, figsize=(11, 4.4))
    for target in result.targets:
        levels = result.for_target(target.name)
        x = [s.concurrency for s in levels]
        throughput_ax.plot(x, [s.completion_tps for s in levels], marker="o", label=target.name)
        latency_ax.plot(x, [s.latency_mean_s or 0 for s in levels], marker="o", label=f"{target.name} mean")
        latency_ax.plot(
            x, [s.ttft_p50_s or 0 for s in levels], marker="x", linestyle="--",
            label=f"{target.name} TTFT p50",
        )  # fmt: skip
    throughput_ax.set(xlabel="concurrent requests", ylabel="completion tokens / s", title="Throughput")
    latency_ax.set(xlabel="concurrent requests", ylabel="seconds", title="Latency per request")
    for ax in (throughput_ax, latency_ax):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
        ax.set_xticks(list(result.config.levels))
    # Servers such as llama-cpp-python name the model by its file path: keep the file name.
    models = ", ".join(sorted({Path(m).name for m in result.models.values()}))
    fig.suptitle(f"kakehashi bench ({models}, max_tokens={result.config.max_tokens})", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
