"""Spend caps shared by every replica: reserve an estimate at admission, settle the real cost after.

Totals live in the shared store, one float per (UTC day or month, all keys or one key), seeded once
per period from the ledger (the first replica to seed wins, so a restart or a second replica does not
double them). A cloud-bound request adds its estimated cost (prompt estimate + max_tokens at the
model's prices) to each applicable total; if a total was already at or over its cap before this
request, the reservation is taken back and the cap counts as reached. So the caps overshoot by at
most what one request costs beyond its estimate, however many replicas admit at once.

Reconciliation: every `reconcile_s` (in the background, started by a request) each replica raises
the totals it uses to at least what its ledger says was spent in the period. Raise, never lower: a
total is settled spend plus the reservations in flight on every replica, and a replica's ledger knows
only the spend (its history at start plus the rows it wrote since), so a total above the ledger is
normal while one below it is a loss: Redis restarted or was flushed (the totals start again at
zero), or requests were served fail-open while it was down. What this leaves: a replica that dies
between admission and settlement leaves its reservation counted until the period ends (the cap is
reached early, never overshot).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kakehashi.state.base import SharedState, StateUnavailable

log = logging.getLogger(__name__)

_DAY_TTL_S = 3 * 86_400.0
_MONTH_TTL_S = 40 * 86_400.0

# rule name (the BudgetStatus field it sets) -> (period, per key?)
RULES: dict[str, tuple[str, bool]] = {
    "daily_global": ("day", False),
    "monthly_global": ("month", False),
    "daily_key": ("day", True),
    "monthly_key": ("month", True),
}


@dataclass(frozen=True, slots=True)
class Caps:
    daily: float | None = None
    monthly: float | None = None
    per_key_daily: float | None = None
    per_key_monthly: float | None = None

    def of(self, rule: str) -> float | None:
        return {"daily_global": self.daily, "monthly_global": self.monthly,
                "daily_key": self.per_key_daily, "monthly_key": self.per_key_monthly}[rule]

    @property
    def any(self) -> bool:
        return any(self.of(r) is not None for r in RULES)


@dataclass(slots=True)
class Reservation:
    amount: float
    keys: list[tuple[str, float]] = field(default_factory=list)  # (store key, ttl)
    settled: bool = False


# (period start, api key or None, kind) -> spend already in the ledger; Ledger.spent fits.
SpentFn = Callable[[float, str | None], float]


class SharedBudget:
    def __init__(
        self, state: SharedState, caps: Caps, *, seed: SpentFn, day_start: Callable[[float], float],
        month_start: Callable[[float], float], fail_open: bool = True, reconcile_s: float = 60.0,
    ) -> None:
        self.state = state
        self.caps = caps
        self._seed = seed
        self._day_start = day_start
        self._month_start = month_start
        self.fail_open = fail_open
        self._seeded: dict[str, tuple[float, str | None, float]] = {}  # key -> (period start, api key, ttl)
        self.reconcile_s = reconcile_s
        self._reconciled = time.monotonic()
        self._reconciling: asyncio.Task[None] | None = None
        self._last_warning = 0.0

    def _rules(self, api_key_id: str | None, now: float) -> list[tuple[str, str, float, float, float]]:
        """(rule, store key, cap, period start, ttl) for each configured cap that applies."""
        out = []
        day, month = self._day_start(now), self._month_start(now)
        for rule, (period, per_key) in RULES.items():
            cap = self.caps.of(rule)
            if cap is None or (per_key and api_key_id is None):
                continue
            start, ttl = (day, _DAY_TTL_S) if period == "day" else (month, _MONTH_TTL_S)
            who = f"key:{api_key_id}" if per_key else "*"
            out.append((rule, f"spend:{period}:{int(start)}:{who}", cap, start, ttl))
        return out

    async def _ensure_seeded(self, key: str, start: float, api_key_id: str | None, ttl: float) -> None:
        if key not in self._seeded:
            await self.state.money_seed(key, self._seed(start, api_key_id), ttl)
            self._seeded[key] = (start, api_key_id, ttl)

    async def reconcile(self) -> None:
        """Raise this period's totals to at least the ledger's spend (see the module docstring)."""
        now = time.time()
        current = {self._day_start(now), self._month_start(now)}
        self._seeded = {k: v for k, v in self._seeded.items() if v[0] in current}  # past periods: done
        floors = [(key, self._seed(start, api_key_id), ttl) for key, (start, api_key_id, ttl) in self._seeded.items()]
        try:
            await self.state.money_floor(floors)
        except StateUnavailable as exc:
            log.warning("budget reconciliation skipped: %s", exc.message)

    def _maybe_reconcile(self) -> None:
        if time.monotonic() - self._reconciled < self.reconcile_s or (
                self._reconciling is not None and not self._reconciling.done()):
            return
        self._reconciled = time.monotonic()
        self._reconciling = asyncio.get_running_loop().create_task(self.reconcile())

    async def _seeded_rules(self, api_key_id: str | None) -> list[tuple[str, str, float, float, float]]:
        rules = self._rules(api_key_id, time.time())
        for rule, key, _, start, ttl in rules:
            await self._ensure_seeded(key, start, None if rule.endswith("global") else api_key_id, ttl)
        return rules

    async def over(self, api_key_id: str | None) -> frozenset[str]:
        """The rules whose cap is already reached (spend + reservations >= cap)."""
        if not self.caps.any:
            return frozenset()
        self._maybe_reconcile()
        try:
            rules = await self._seeded_rules(api_key_id)
            totals = await self.state.money_add([(key, 0.0, ttl) for _, key, _, _, ttl in rules])
            return frozenset(rule for (rule, _, cap, _, _), total in zip(rules, totals, strict=True) if total >= cap)
        except StateUnavailable as exc:
            return self._unavailable(exc)

    async def reserve(self, api_key_id: str | None, amount: float) -> tuple[Reservation | None, frozenset[str]]:
        """Reserve `amount` against every applicable cap (one round trip). (reservation, set()) when
        admitted, or (None, rules already at their cap) when not; nothing stays reserved then."""
        res = Reservation(amount)
        if not self.caps.any:
            return res, frozenset()
        try:
            rules = await self._seeded_rules(api_key_id)
            keys = [(key, ttl) for _, key, _, _, ttl in rules]
            totals = await self.state.money_add([(key, amount, ttl) for key, ttl in keys])
            res.keys = keys  # only once added: a failed call is not given back
            reached = {rule for (rule, _, cap, _, _), total in zip(rules, totals, strict=True) if total - amount >= cap}
            if reached:
                await self._give_back(res)
                return None, frozenset(reached)
            return res, frozenset()
        except StateUnavailable as exc:
            await self._give_back_quietly(res)
            return res if self.fail_open else None, self._unavailable(exc)

    async def settle(self, res: Reservation, actual: float) -> None:
        """Replace the reservation by the real cost. Never raises."""
        if res.settled:
            return
        res.settled = True
        try:
            await self.state.money_add([(key, actual - res.amount, ttl) for key, ttl in res.keys])
        except StateUnavailable as exc:
            log.warning("budget settle failed; the estimate stays counted: %s", exc.message)

    async def _give_back(self, res: Reservation) -> None:
        res.settled = True
        await self.state.money_add([(key, -res.amount, ttl) for key, ttl in res.keys])

    async def _give_back_quietly(self, res: Reservation) -> None:
        try:
            await self._give_back(res)
        except StateUnavailable:
            pass

    def _unavailable(self, exc: StateUnavailable) -> frozenset[str]:
        now = time.monotonic()
        if now - self._last_warning > 10:
            self._last_warning = now
            log.warning("budget store unavailable (%s): %s", "fail open" if self.fail_open else "fail closed",
                        exc.message)
        # Fail closed treats every cap as reached: the configured budget_action (local or reject) applies.
        return frozenset() if self.fail_open else frozenset(r for r in RULES if self.caps.of(r) is not None)
