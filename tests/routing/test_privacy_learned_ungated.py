"""The learned verdict's two thresholds (session 24): from `threshold` the subject gate must hold, from
`ungated_threshold` the verdict stands alone (benchmarks/routing/README.md, "Session 24").

A stand-in model with zero weights gives every text the probability its bias says, so each case sits exactly
where it is meant to; the texts decide the gate (subject.about_someone)."""

import math

import numpy as np
import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy import learned
from kakehashi.routing.privacy.subject import about_someone

HEADS = ("sensitive", *privacy.CATEGORIES)
NO_PERSON = "Sort this list of SKUs by warehouse bay and count the pallets per bay."
ABOUT_SOMEONE = "My colleague Dana Whitfield was diagnosed with diabetes last month."


def model_at(p: float, ungated: float | None) -> learned.LearnedModel:
    bias = np.zeros(len(HEADS))
    bias[0] = math.log(p / (1 - p))
    bias[1 + privacy.CATEGORIES.index("health")] = 1.0
    weights = np.zeros((1 << learned.BITS, len(HEADS)), dtype=np.float32)
    return learned.LearnedModel(HEADS, weights, bias, 0.65, {}, 0.38, ungated)


def test_the_texts_sit_on_both_sides_of_the_gate():
    assert not about_someone(NO_PERSON) and about_someone(ABOUT_SOMEONE)


@pytest.mark.parametrize(
    ("p", "text", "counts"),
    [
        (0.60, ABOUT_SOMEONE, False),  # under the threshold: never
        (0.70, NO_PERSON, False),  # in the gated band without a person
        (0.70, ABOUT_SOMEONE, True),  # in the gated band, the gate holds
        (0.80, NO_PERSON, True),  # at or above the ungated threshold the verdict stands alone
    ],
)
def test_gated_band_and_ungated_verdict(p, text, counts):
    verdict = model_at(p, ungated=0.74).assess(text)
    assert (verdict is not None) == counts
    if counts:
        assert verdict[1] == "health"


def test_without_an_ungated_threshold_the_gate_always_applies():
    assert model_at(0.95, ungated=None).assess(NO_PERSON) is None
    assert model_at(0.95, ungated=None).assess(ABOUT_SOMEONE) is not None


def test_the_shipped_model_has_both_thresholds_in_order():
    model = learned.load_model()
    assert model.ungated_threshold is not None
    assert model.clear_below < model.threshold < model.ungated_threshold < 1.0


def test_the_thresholds_survive_a_save_and_load(tmp_path):
    path = tmp_path / "m.npz"
    learned.save_model(model_at(0.5, ungated=0.74), path)
    loaded = learned.load_model(path)
    assert (loaded.threshold, loaded.ungated_threshold, loaded.clear_below) == (0.65, 0.74, 0.38)
