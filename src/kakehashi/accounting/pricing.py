"""What a request cost, and what it would have cost on the cloud baseline. Pure: no I/O, no clock.

Prices are per one million tokens, like every provider's price list. Local models are free unless a
price is configured for them (e.g. to account for electricity). `savings` is what the configured
cloud baseline model would have charged for the same tokens minus what was actually charged.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from kakehashi.errors import KakehashiError

_TOKENS_PER_PRICE_UNIT = 1_000_000


class PricingError(KakehashiError, ValueError):
    """A price table that cannot be used: a negative price, mixed currencies, an unpriced cloud model."""


@dataclass(frozen=True, slots=True)
class Price:
    input_per_1m: float
    output_per_1m: float
    currency: str = "USD"

    def __post_init__(self) -> None:
        for name, value in (("input_per_1m", self.input_per_1m), ("output_per_1m", self.output_per_1m)):
            if not math.isfinite(value) or value < 0:
                raise PricingError(f"Price.{name} must be a finite number >= 0, got {value!r}")
        if not self.currency:
            raise PricingError("Price.currency must not be empty")


FREE = Price(0.0, 0.0)


def cost(price: Price, prompt_tokens: int, completion_tokens: int) -> float:
    """The charge for one request's tokens at `price`."""
    if prompt_tokens < 0 or completion_tokens < 0:
        raise PricingError(f"token counts must be >= 0, got {prompt_tokens} and {completion_tokens}")
    return (
        prompt_tokens * price.input_per_1m + completion_tokens * price.output_per_1m
    ) / _TOKENS_PER_PRICE_UNIT


def savings(baseline_cost: float, actual_cost: float) -> float:
    """Baseline minus actual: positive when routing saved money, negative when it cost more."""
    return baseline_cost - actual_cost


@dataclass(frozen=True, slots=True)
class Charge:
    """One request's money: what it cost and what the cloud baseline would have cost."""

    cost: float
    baseline_cost: float

    @property
    def savings(self) -> float:
        return savings(self.baseline_cost, self.cost)


class PriceBook:
    """Prices for the configured models plus the cloud baseline, all in one currency.

    Lookup order for a request served by `model` on `backend`: "backend/model" (the same model can be
    priced differently by two providers), then "model"; then a local model is FREE and a cloud model
    uses `unknown_cloud`, or raises when that is None, because counting an unpriced cloud model as free
    would silently let it through every budget.
    """

    def __init__(
        self,
        prices: Mapping[str, Price],
        *,
        baseline: Price | None = None,
        unknown_cloud: Price | None = None,
    ) -> None:
        everything = [*prices.values(), *(p for p in (baseline, unknown_cloud) if p is not None)]
        currencies = {p.currency for p in everything}
        if len(currencies) > 1:
            raise PricingError(f"all prices must share one currency, got {sorted(currencies)}")
        self._prices = dict(prices)
        self._baseline = baseline
        self._unknown_cloud = unknown_cloud
        self.currency: str = currencies.pop() if currencies else FREE.currency

    def price_of(self, model: str, *, local: bool, backend: str | None = None) -> Price:
        if backend is not None and (found := self._prices.get(f"{backend}/{model}")) is not None:
            return found
        if (found := self._prices.get(model)) is not None:
            return found
        if local:
            return FREE
        if self._unknown_cloud is not None:
            return self._unknown_cloud
        where = f" on backend {backend!r}" if backend else ""
        raise PricingError(f"no price configured for cloud model {model!r}{where}")

    def charge(
        self,
        model: str,
        *,
        local: bool,
        prompt_tokens: int,
        completion_tokens: int,
        backend: str | None = None,
    ) -> Charge:
        """Actual and baseline cost for one request. Without a baseline, baseline == actual (no savings)."""
        actual = cost(self.price_of(model, local=local, backend=backend), prompt_tokens, completion_tokens)
        if self._baseline is None:
            return Charge(cost=actual, baseline_cost=actual)
        return Charge(cost=actual, baseline_cost=cost(self._baseline, prompt_tokens, completion_tokens))
