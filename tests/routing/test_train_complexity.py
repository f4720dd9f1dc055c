"""The lexical trainer's ensemble export matches serving, and its report gives the three figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from kakehashi.routing import complexity as cx

pytest.importorskip("sklearn")  # a training-time dependency only; serving is pure Python

_SPEC = importlib.util.spec_from_file_location(
    "train_complexity", Path(__file__).resolve().parents[2] / "scripts" / "train_complexity.py"
)
assert _SPEC and _SPEC.loader
train = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = train  # dataclasses look their module up while the class is built
_SPEC.loader.exec_module(train)


@pytest.fixture(scope="module")
def data() -> object:
    rows = train.load_rows(train.DEFAULT_DATA)
    rng = np.random.default_rng(0)
    keep = sorted(rng.choice(len(rows), size=240, replace=False))
    return train.Data([rows[i] for i in keep])


def test_exported_ensemble_scores_like_the_fitted_one(data: object) -> None:
    idx = np.flatnonzero(data.trainable)  # type: ignore[attr-defined]
    fitted = train.fit("ensemble", (0.5, 1.0), data.ngrams[idx], data.hand[idx], data.y[idx])  # type: ignore[attr-defined]
    assert fitted.gbm is not None
    served = cx.ComplexityModel.from_json(train.export(fitted, 0.5))
    assert served.trees is not None and not served.ngram_weights
    rows = data.rows[:60]  # type: ignore[attr-defined]
    expected = fitted.predict(data.ngrams[:60], data.hand[:60])  # type: ignore[attr-defined]
    got = np.array([served.score_text(r.prompt) for r in rows])
    assert np.abs(expected - got).max() < 1e-4  # only the export's rounding differs


def test_report_separates_the_original_groups(data: object) -> None:
    rows = data.rows  # type: ignore[attr-defined]
    scores = np.array([r.label * 0.8 + 0.1 for r in rows], dtype=float)
    report = train.breakdown(rows, scores, 0.5)
    original = [r for r in rows if r.group in train.ORIGINAL_GROUPS]
    assert 0 < len(original) < len(rows)
    assert report["original_9_groups"]["overall"]["n"] == len(original)
    assert set(report["original_9_groups"]["by_lang"]) == {"en", "ja"}
    assert {"varied_en", "benchstyle_ja", "mt_bench"} <= set(report["by_source_group"])
