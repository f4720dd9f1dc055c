from __future__ import annotations

import math

import pytest

from kakehashi.accounting.pricing import FREE, Charge, Price, PriceBook, PricingError, cost, savings


def test_cost_is_per_million_tokens_for_each_direction() -> None:
    price = Price(input_per_1m=2.5, output_per_1m=10.0)
    assert cost(price, 1_000, 500) == pytest.approx((1_000 * 2.5 + 500 * 10.0) / 1_000_000)
    assert cost(price, 1_000_000, 0) == pytest.approx(2.5)
    assert cost(price, 0, 1_000_000) == pytest.approx(10.0)
    assert cost(FREE, 123_456, 7_890) == 0.0


def test_negative_token_counts_are_refused() -> None:
    with pytest.raises(PricingError):
        cost(Price(1.0, 1.0), -1, 0)


@pytest.mark.parametrize("bad", [-0.01, math.nan, math.inf])
def test_a_price_must_be_finite_and_not_negative(bad: float) -> None:
    with pytest.raises(PricingError, match="input_per_1m"):
        Price(bad, 1.0)
    with pytest.raises(PricingError, match="output_per_1m"):
        Price(1.0, bad)


def test_savings_is_baseline_minus_actual() -> None:
    assert savings(baseline_cost=0.5, actual_cost=0.125) == pytest.approx(0.375)
    assert Charge(cost=0.3, baseline_cost=0.1).savings == pytest.approx(-0.2)


def test_local_models_are_free_unless_priced() -> None:
    book = PriceBook({"qwen-local-priced": Price(0.01, 0.02)}, baseline=Price(1.0, 2.0))
    assert book.price_of("smollm2", local=True) == FREE
    assert book.price_of("qwen-local-priced", local=True) == Price(0.01, 0.02)


def test_backend_specific_price_wins_over_model_price() -> None:
    book = PriceBook({"gpt-4o": Price(2.5, 10.0), "azure/gpt-4o": Price(3.0, 12.0)})
    assert book.price_of("gpt-4o", local=False, backend="azure") == Price(3.0, 12.0)
    assert book.price_of("gpt-4o", local=False, backend="openai") == Price(2.5, 10.0)
    assert book.price_of("gpt-4o", local=False) == Price(2.5, 10.0)


def test_an_unpriced_cloud_model_is_an_error_unless_a_fallback_is_configured() -> None:
    with pytest.raises(PricingError, match="no price configured for cloud model 'mystery'"):
        PriceBook({}).price_of("mystery", local=False, backend="openai")
    fallback = Price(5.0, 15.0)
    assert PriceBook({}, unknown_cloud=fallback).price_of("mystery", local=False) == fallback


def test_mixed_currencies_are_refused() -> None:
    with pytest.raises(PricingError, match="one currency"):
        PriceBook({"a": Price(1.0, 1.0, "USD")}, baseline=Price(150.0, 600.0, "JPY"))
    assert PriceBook({"a": Price(1.0, 1.0, "JPY")}, baseline=Price(2.0, 2.0, "JPY")).currency == "JPY"


def test_charge_against_the_cloud_baseline() -> None:
    book = PriceBook(
        {"gpt-4o-mini": Price(0.15, 0.6), "claude-opus": Price(15.0, 75.0)},
        baseline=Price(2.5, 10.0),
    )
    local = book.charge("smollm2", local=True, prompt_tokens=2_000, completion_tokens=1_000)
    assert local.cost == 0.0
    assert local.baseline_cost == pytest.approx((2_000 * 2.5 + 1_000 * 10.0) / 1e6)
    assert local.savings == pytest.approx(local.baseline_cost)

    cheap = book.charge("gpt-4o-mini", local=False, prompt_tokens=2_000, completion_tokens=1_000)
    assert cheap.cost == pytest.approx((2_000 * 0.15 + 1_000 * 0.6) / 1e6)
    assert cheap.savings == pytest.approx(cheap.baseline_cost - cheap.cost)
    assert cheap.savings > 0

    # A model dearer than the baseline costs money compared to cloud-only: negative savings.
    dear = book.charge("claude-opus", local=False, prompt_tokens=2_000, completion_tokens=1_000)
    assert dear.savings < 0


def test_without_a_baseline_there_are_no_savings_to_claim() -> None:
    charge = PriceBook({"gpt-4o": Price(2.5, 10.0)}).charge(
        "gpt-4o", local=False, prompt_tokens=10, completion_tokens=10
    )
    assert charge.baseline_cost == charge.cost
    assert charge.savings == 0.0
