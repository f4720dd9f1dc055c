"""Requests and tokens per minute (per API key and global) and concurrent requests per key.

Admission reserves 1 request and `prompt estimate + max_tokens` tokens in every configured window;
when the request ends, `settle` gives back the tokens it did not use and its concurrency slot. A
request refused by one window takes back what it already added to the others, so refusals do not
eat the budget of later requests. Windows are the `limits` library's fixed windows (one minute from
the first hit); we call its storage's counter directly rather than `FixedWindowRateLimiter.hit`
because the headers and refunds need the count itself, not just a yes/no.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field

from limits import RateLimitItem, RateLimitItemPerMinute

from kakehashi.errors import Overloaded, RateLimited
from kakehashi.state.base import SharedState, StateUnavailable

log = logging.getLogger(__name__)

ANONYMOUS = "-"  # the per-key bucket of requests made without an API key (auth off)
_CONCURRENCY_TTL_S = 900.0  # a crashed replica's slots free themselves after this long idle


@dataclass(frozen=True, slots=True)
class RateLimits:
    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None
    per_key_requests_per_minute: int | None = None
    per_key_tokens_per_minute: int | None = None
    per_key_concurrent: int | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (
            self.requests_per_minute, self.tokens_per_minute, self.per_key_requests_per_minute,
            self.per_key_tokens_per_minute, self.per_key_concurrent,
        ))


@dataclass(slots=True)
class _Hit:
    item: RateLimitItem
    key: str
    amount: int
    kind: str  # "requests" or "tokens"


@dataclass(slots=True)
class Lease:
    """What one admitted request holds until `RateLimiter.settle`."""

    tokens: int = 0
    token_hits: list[_Hit] = field(default_factory=list)
    concurrency_key: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    settled: bool = False


def _duration(seconds: float) -> str:
    """OpenAI's reset format: "1s", "6m0s"."""
    s = max(0, math.ceil(seconds))
    return f"{s // 60}m{s % 60}s" if s >= 60 else f"{s}s"


class RateLimiter:
    def __init__(self, state: SharedState, limits: RateLimits, *, fail_open: bool = True) -> None:
        self.state = state
        self.limits = limits
        self.fail_open = fail_open
        self._last_warning = 0.0

    def _windows(self, key: str) -> list[tuple[RateLimitItem, str, str]]:
        """(item, counter key, kind) for every configured window, global first."""
        lim = self.limits
        out: list[tuple[RateLimitItem, str, str]] = []
        for amount, counter, kind in (
            (lim.requests_per_minute, "rpm:*", "requests"),
            (lim.per_key_requests_per_minute, f"rpm:key:{key}", "requests"),
            (lim.tokens_per_minute, "tpm:*", "tokens"),
            (lim.per_key_tokens_per_minute, f"tpm:key:{key}", "tokens"),
        ):
            if amount is not None:
                out.append((RateLimitItemPerMinute(amount), counter, kind))
        return out

    async def admit(self, api_key_id: str | None, tokens: int) -> Lease:
        """Reserve a request and `tokens`; raise RateLimited (429) when a window is full."""
        if not self.limits.any:
            return Lease()
        try:
            return await self._admit(api_key_id or ANONYMOUS, max(0, tokens))
        except StateUnavailable as exc:
            return self._unavailable(exc)

    async def _admit(self, key: str, tokens: int) -> Lease:
        lease = Lease(tokens=tokens)
        windows = self._windows(key)
        hits = [_Hit(item, counter, 1 if kind == "requests" else tokens, kind) for item, counter, kind in windows]
        per_key = self.limits.per_key_concurrent
        ckey = f"conc:key:{key}" if per_key is not None else None
        results, running = await self.state.windows_add(
            [(h.item, h.key, h.amount) for h in hits], (ckey, 1, _CONCURRENCY_TTL_S) if ckey else None
        )
        tightest: dict[str, tuple[int, int, float]] = {}  # kind -> (left, limit, reset in s)
        refused: tuple[_Hit, int, float] | None = None
        for hit, (total, reset) in zip(hits, results, strict=True):
            left = hit.item.amount - total
            if left < 0 and refused is None:
                refused = (hit, total, reset)
            best = tightest.get(hit.kind)
            if best is None or left < best[0]:
                tightest[hit.kind] = (left, hit.item.amount, reset)
        if refused is not None:
            await self._undo_quietly(hits, ckey)
            hit, total, reset = refused
            item, kind, amount = hit.item, hit.kind, hit.amount
            headers = self._headers(tightest) | {
                f"x-ratelimit-limit-{kind}": str(item.amount),
                f"x-ratelimit-remaining-{kind}": str(max(0, item.amount - (total - amount))),
                f"x-ratelimit-reset-{kind}": _duration(reset),
            }
            scope = "per API key" if ":key:" in hit.key else "global"
            if kind == "tokens" and amount > item.amount:
                message = (f"Request too large: {amount} tokens (prompt estimate + max_tokens) exceed the {scope} "
                           f"limit of {item.amount} tokens per minute")
            else:
                message = (f"Rate limit reached: {scope} limit of {item.amount} {kind} per minute; "
                           f"try again in {_duration(reset)}")
            raise RateLimited(message, kind=kind, retry_after=max(reset, 1.0), headers=headers)
        if ckey is not None and running is not None and per_key is not None:
            if running > per_key:
                await self._undo_quietly(hits, ckey)
                raise RateLimited(f"Too many concurrent requests for this API key (limit {per_key})",
                                  retry_after=1.0, code="concurrency_limit_exceeded")
            lease.concurrency_key = ckey
        lease.token_hits = [h for h in hits if h.kind == "tokens"]
        lease.headers = self._headers(tightest)
        return lease

    def _headers(self, tightest: dict[str, tuple[int, int, float]]) -> dict[str, str]:
        h: dict[str, str] = {}
        for kind, (left, limit, reset) in tightest.items():
            h[f"x-ratelimit-limit-{kind}"] = str(limit)
            h[f"x-ratelimit-remaining-{kind}"] = str(max(0, left))
            h[f"x-ratelimit-reset-{kind}"] = _duration(reset)
        return h

    async def _undo_quietly(self, hits: list[_Hit], gauge: str | None = None) -> None:
        try:
            await self.state.windows_add([(h.item, h.key, -h.amount) for h in hits],
                                         (gauge, -1, _CONCURRENCY_TTL_S) if gauge else None)
        except StateUnavailable:
            pass

    def _unavailable(self, exc: StateUnavailable) -> Lease:
        now = time.monotonic()
        if now - self._last_warning > 10:
            self._last_warning = now
            log.warning("rate limits %s: %s", "not enforced (fail open)" if self.fail_open else "refusing (fail closed)",
                        exc.message)
        if self.fail_open:
            return Lease()
        raise Overloaded("rate-limit store unavailable; refusing requests (state.on_unavailable = 'closed')",
                         retry_after=1.0, code="state_unavailable") from exc

    async def settle(self, lease: Lease, used_tokens: int | None) -> None:
        """The request ended: give back unused reserved tokens and the concurrency slot. Never raises."""
        if lease.settled:
            return
        lease.settled = True
        refunds: list[tuple[RateLimitItem, str, int]] = []
        if used_tokens is not None and used_tokens != lease.tokens:
            # negative: a refund; positive: the estimate was short
            refunds = [(h.item, h.key, used_tokens - lease.tokens) for h in lease.token_hits]
        gauge = (lease.concurrency_key, -1, _CONCURRENCY_TTL_S) if lease.concurrency_key else None
        try:
            await self.state.windows_add(refunds, gauge)
        except StateUnavailable as exc:
            log.warning("rate-limit settle failed (slots expire on their own): %s", exc.message)
