"""Usage reports read straight from the SQLite ledger: requests, tokens, money and p50 latency per group.

The sums are SQL GROUP BYs; the median is computed in SQL too (window functions), so a large ledger
is never pulled into Python. Reads only: pass a connection from ledger.connect_readonly().
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from kakehashi.accounting.ledger import InvalidLedgerQuery, utc_day, utc_day_start

Dimension = Literal["day", "backend", "reason", "key"]
DIMENSIONS: tuple[Dimension, ...] = ("day", "backend", "reason", "key")
NO_KEY = "(no key)"

# SQL expression that names each group. Fixed strings only: never built from user input.
_GROUP_BY: dict[Dimension, str] = {
    "day": "day",
    "backend": "backend",
    "reason": "route_reason",
    "key": f"COALESCE(api_key_id, '{NO_KEY}')",
}
_ORDER_BY: dict[Dimension, str] = {
    "day": "sums.grp",
    "backend": "cost DESC, requests DESC, sums.grp",
    "reason": "requests DESC, sums.grp",
    "key": "cost DESC, requests DESC, sums.grp",
}

# The p50 is the middle row of each group ordered by latency (mean of the two middle rows when the
# count is even): rows at positions (n+1)/2 and (n+2)/2 in integer arithmetic.
_AGGREGATE_SQL = """
WITH windowed AS (
    SELECT {group_expr} AS grp, status, prompt_tokens, completion_tokens,
           cost, baseline_cost, savings, latency_ms
    FROM requests WHERE ts >= :since
),
sums AS (
    SELECT grp, COUNT(*) AS requests, SUM(status != 'ok') AS errors,
           SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
           SUM(cost) AS cost, SUM(baseline_cost) AS baseline_cost, SUM(savings) AS savings
    FROM windowed GROUP BY grp
),
ranked AS (
    SELECT grp, latency_ms,
           ROW_NUMBER() OVER (PARTITION BY grp ORDER BY latency_ms) AS position,
           COUNT(*) OVER (PARTITION BY grp) AS n
    FROM windowed
),
medians AS (
    SELECT grp, AVG(latency_ms) AS p50 FROM ranked
    WHERE position IN ((n + 1) / 2, (n + 2) / 2) GROUP BY grp
)
SELECT sums.grp, requests, errors, prompt_tokens, completion_tokens, cost, baseline_cost, savings, p50
FROM sums LEFT JOIN medians ON medians.grp = sums.grp
ORDER BY {order_by}
"""


@dataclass(frozen=True, slots=True)
class UsageGroup:
    name: str
    requests: int
    errors: int  # requests whose status is not "ok"
    prompt_tokens: int
    completion_tokens: int
    cost: float
    baseline_cost: float
    savings: float
    p50_latency_ms: float | None  # over every request in the group, errors included


_NOTHING = UsageGroup("total", 0, 0, 0, 0, 0.0, 0.0, 0.0, None)


@dataclass(frozen=True, slots=True)
class UsageReport:
    since: float  # unix time the window starts (00:00 UTC)
    totals: UsageGroup
    groups: dict[Dimension, list[UsageGroup]]

    @property
    def empty(self) -> bool:
        return self.totals.requests == 0


@dataclass(frozen=True, slots=True)
class DayPoint:
    day: str
    cost: float
    baseline_cost: float
    cumulative_savings: float


def window_start(days: int, now: float) -> float:
    """00:00 UTC of the first of the last `days` UTC days, today included (days=1 means today)."""
    if days < 1:
        raise InvalidLedgerQuery(f"days must be >= 1, got {days}")
    return utc_day_start(now) - (days - 1) * 86_400.0


def _query(conn: sqlite3.Connection, group_expr: str, order_by: str, since: float) -> list[UsageGroup]:
    sql = _AGGREGATE_SQL.format(group_expr=group_expr, order_by=order_by)
    return [
        UsageGroup(
            name=str(name),
            requests=int(requests),
            errors=int(errors),
            prompt_tokens=int(prompt_tokens),
            completion_tokens=int(completion_tokens),
            cost=float(cost),
            baseline_cost=float(baseline_cost),
            savings=float(savings_),
            p50_latency_ms=None if p50 is None else float(p50),
        )
        for name, requests, errors, prompt_tokens, completion_tokens, cost, baseline_cost, savings_, p50 in (
            conn.execute(sql, {"since": since})
        )
    ]


def aggregate(conn: sqlite3.Connection, dimension: Dimension, since: float) -> list[UsageGroup]:
    """One UsageGroup per day / backend / route reason / API key with rows at or after `since`."""
    return _query(conn, _GROUP_BY[dimension], _ORDER_BY[dimension], since)


def overall(conn: sqlite3.Connection, since: float) -> UsageGroup:
    """Every row at or after `since` as one group named "total" (all zeros when there are none)."""
    rows = _query(conn, "'total'", "sums.grp", since)
    return rows[0] if rows else _NOTHING


def empty_report(since: float, dimensions: tuple[Dimension, ...] = DIMENSIONS) -> UsageReport:
    """The report of a ledger that has no rows (or does not exist yet)."""
    return UsageReport(since=since, totals=_NOTHING, groups={dimension: [] for dimension in dimensions})


def build_report(
    conn: sqlite3.Connection, since: float, dimensions: tuple[Dimension, ...] = DIMENSIONS
) -> UsageReport:
    return UsageReport(
        since=since,
        totals=overall(conn, since),
        groups={dimension: aggregate(conn, dimension, since) for dimension in dimensions},
    )


def daily_series(by_day: list[UsageGroup], since: float, until: float) -> list[DayPoint]:
    """One point per UTC day from `since` to `until` (days without requests are zeros), for charts."""
    recorded = {group.name: group for group in by_day}
    first = datetime.fromtimestamp(since, UTC).date()
    last = datetime.fromisoformat(max([utc_day(until), *recorded])).date()
    points: list[DayPoint] = []
    running = 0.0
    day = first
    while day <= last:
        group = recorded.get(day.isoformat())
        cost, baseline = (group.cost, group.baseline_cost) if group else (0.0, 0.0)
        running += baseline - cost
        points.append(DayPoint(day.isoformat(), cost, baseline, running))
        day += timedelta(days=1)
    return points


def report_to_json(report: UsageReport) -> dict[str, Any]:
    return {
        "since": datetime.fromtimestamp(report.since, UTC).isoformat(),
        "totals": asdict(report.totals),
        **{f"by_{dimension}": [asdict(g) for g in groups] for dimension, groups in report.groups.items()},
    }
