"""`kakehashi usage`: tokens, cost and savings from the ledger, as tables, JSON or a PNG chart."""

from __future__ import annotations

import json
import sqlite3
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from kakehashi.accounting.ledger import LedgerError, LedgerNotFound, connect_readonly, default_ledger_path
from kakehashi.accounting.report import (
    DIMENSIONS,
    DayPoint,
    Dimension,
    UsageGroup,
    UsageReport,
    build_report,
    daily_series,
    empty_report,
    report_to_json,
    window_start,
)

app = typer.Typer(add_completion=False, help="Report tokens, cost and savings from the ledger.")


class By(str, Enum):
    day = "day"
    backend = "backend"
    reason = "reason"
    key = "key"


_TITLES: dict[Dimension, tuple[str, str]] = {  # dimension -> (table title, first column)
    "day": ("By day (UTC)", "Day"),
    "backend": ("By backend", "Backend"),
    "reason": ("By route reason", "Reason"),
    "key": ("By API key", "API key"),
}


@app.command()
def usage(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            dir_okay=False,
            help="Ledger file. Default: $KAKEHASHI_LEDGER or ~/.local/share/kakehashi/ledger.sqlite3.",
        ),
    ] = None,
    since: Annotated[int, typer.Option("--since", min=1, help="Last N UTC days, today included.")] = 30,
    by: Annotated[
        By | None, typer.Option("--by", help="Show one breakdown only (default: all four).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    png: Annotated[
        Path | None,
        typer.Option("--png", dir_okay=False, help="Also write a chart: daily cost vs cloud-only baseline."),
    ] = None,
) -> None:
    """Report tokens, cost and savings recorded by the gateway."""
    path = db if db is not None else default_ledger_path()
    now = time.time()
    start = window_start(since, now)
    dimensions: tuple[Dimension, ...] = DIMENSIONS if by is None else (by.value,)
    # With --json, stdout carries only the JSON object; every message goes to stderr.
    out = Console()
    messages = Console(stderr=True) if as_json else out
    errors = Console(stderr=True)

    try:
        report, missing = _load(path, start, dimensions), False
    except LedgerNotFound as exc:
        report, missing = empty_report(start, dimensions), True
        messages.print(f"[yellow]{exc}[/]")
    except LedgerError as exc:
        errors.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc

    if as_json:
        document = {"ledger": str(path), "days": since, **report_to_json(report)}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif report.empty:
        if not missing:
            out.print(f"No requests recorded in the last {since} day(s) in {path}.")
    else:
        _print_tables(out, report, since, path)

    if png is not None:
        if report.empty:
            errors.print("[red]error:[/] nothing to plot: no requests in the window; no PNG written")
            raise typer.Exit(1)
        by_day = report.groups["day"] if "day" in report.groups else _by_day(path, start)
        write_chart(daily_series(by_day, start, now), png)
        messages.print(f"Wrote {png}")


def _load(path: Path, start: float, dimensions: tuple[Dimension, ...]) -> UsageReport:
    conn = connect_readonly(path)
    try:
        return build_report(conn, start, dimensions)
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"cannot read the ledger {path}: {exc}") from exc
    finally:
        conn.close()


def _by_day(path: Path, start: float) -> list[UsageGroup]:
    return _load(path, start, ("day",)).groups["day"]


def _money(value: float) -> str:
    return f"{value:,.4f}"


def _tokens(value: int, narrow: bool) -> str:
    if not narrow or value < 100_000:
        return f"{value:,}"
    return f"{value / 1e6:.2f}M" if value >= 1_000_000 else f"{value / 1e3:.1f}k"


def _cells(group: UsageGroup, narrow: bool = False) -> list[str]:
    return [
        f"{group.requests:,}",
        f"{group.errors:,}",
        _tokens(group.prompt_tokens, narrow),
        _tokens(group.completion_tokens, narrow),
        _money(group.cost),
        _money(group.baseline_cost),
        _money(group.savings),
        "-" if group.p50_latency_ms is None else f"{group.p50_latency_ms:,.0f}",
    ]


# Below this width the wide headers get cut ("Reque…") and dates wrap: switch to the narrow layout.
_NARROW_BELOW = 120
_HEADINGS = ("Requests", "Errors", "Prompt tok", "Completion tok", "Cost", "Cloud-only", "Savings", "p50 ms")
_NARROW_HEADINGS = ("Req", "Err", "In tok", "Out tok", "Cost", "Cloud", "Saved", "p50ms")


def no_baseline(report: UsageReport) -> bool:
    """True when the ledger's rows look priced without a cloud baseline.

    Without `[accounting] baseline` the pricing records baseline_cost == cost for every request, so the
    cloud-only column repeats the cost and savings are zero everywhere.
    """
    totals = report.totals
    return totals.requests > 0 and abs(totals.baseline_cost - totals.cost) < 1e-12 and totals.savings == 0


def _print_tables(console: Console, report: UsageReport, days: int, path: Path) -> None:
    narrow = console.width < _NARROW_BELOW
    for dimension, groups in report.groups.items():
        title, first_column = _TITLES[dimension]
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
                      pad_edge=not narrow)
        table.add_column(first_column, overflow="fold", no_wrap=dimension == "day", min_width=10)
        for heading in _NARROW_HEADINGS if narrow else _HEADINGS:
            table.add_column(heading, justify="right", no_wrap=True)
        for group in groups:
            table.add_row(group.name, *_cells(group, narrow))
        table.add_section()
        table.add_row("Total", *_cells(report.totals, narrow), style="bold")
        console.print(table)
    if narrow:
        console.print("[dim]In/Out tok: prompt/completion tokens; Cloud: cost on the cloud-only baseline; "
                      "p50ms: median latency[/]")
    totals = report.totals
    console.print(
        f"Last {days} day(s), {path}: {totals.requests:,} requests, cost {_money(totals.cost)}, "
        f"cloud-only {_money(totals.baseline_cost)}, saved [bold green]{_money(totals.savings)}[/]"
    )
    if no_baseline(report):
        console.print(
            "[yellow]note:[/] no savings recorded: the cloud-only column equals the cost, as it does when no "
            "[bold]\\[accounting] baseline[/] = \"backend/model\" is set in kakehashi.toml (savings are priced "
            "on that model). Set one and restart `kakehashi serve`; rows already recorded keep their values."
        )


def write_chart(points: list[DayPoint], path: Path) -> None:
    """Per-day actual cost against the cloud-only baseline (bars) and cumulative savings (line), as PNG."""
    # Imported here: matplotlib takes about a second to import and only --png needs it. The Figure
    # API with an explicit Agg canvas avoids pyplot's global state and any GUI backend.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 5), layout="constrained")
    FigureCanvasAgg(figure)
    costs = figure.add_subplot()
    positions = list(range(len(points)))
    width = 0.4
    costs.bar([x - width / 2 for x in positions], [p.cost for p in points], width, label="actual cost")
    costs.bar(
        [x + width / 2 for x in positions],
        [p.baseline_cost for p in points],
        width,
        label="cloud-only baseline",
    )
    costs.set_xlabel("day (UTC)")
    costs.set_ylabel("cost per day")
    step = max(1, len(points) // 15)  # at most ~15 readable date labels
    costs.set_xticks(positions[::step], [p.day for p in points][::step], rotation=45, ha="right")

    cumulative = costs.twinx()
    cumulative.plot(
        positions,
        [p.cumulative_savings for p in points],
        color="tab:green",
        marker=".",
        label="cumulative savings",
    )
    cumulative.set_ylabel("cumulative savings")

    bar_handles, bar_labels = costs.get_legend_handles_labels()
    line_handles, line_labels = cumulative.get_legend_handles_labels()
    costs.legend(bar_handles + line_handles, bar_labels + line_labels, loc="upper left")
    costs.set_title(f"kakehashi: daily cost vs cloud-only baseline, {points[0].day} to {points[-1].day}")
    figure.savefig(path, format="png", dpi=100)
