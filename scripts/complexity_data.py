"""The complexity router's labelled data and its cross-validation groups, shared by
scripts/train_complexity.py (lexical model) and scripts/train_complexity_e5.py (embedding head)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = tuple(
    ROOT / "data" / name
    for name in (
        "routing-dev.jsonl",
        "complexity-authored.jsonl",
        "complexity-varied.jsonl",
        "complexity-benchstyle.jsonl",
    )
)  # data/complexity-blind.jsonl is a test set only: never add it here
# The 9 source groups of the first grouped-CV report (routing-dev + complexity-authored); figure (b).
ORIGINAL_GROUPS = frozenset(
    {
        "mt_bench", "ja_vicuna", "rakuda", "gsm8k", "humaneval", "self_instruct_seed", "self_instruct_user",
        "authored_work", "authored_study",
    }
)  # fmt: skip
EVAL_ONLY_PREFIX = "self_instruct_user"  # its README asks that it be used for evaluation only


def source_group(category: str) -> str:
    """The benchmark or authored batch a row comes from (translations share their original's group)."""
    prefix = category.split("/", 1)[0]
    if prefix in ("mt_bench", "ja_mt_bench"):
        return "mt_bench"
    if prefix.startswith("self_instruct") and prefix != EVAL_ONLY_PREFIX:
        return "self_instruct_seed"
    if prefix.startswith("authored_"):
        return "authored_" + prefix.rsplit("_", 1)[-1]  # en/ja batches of one kind together
    return prefix
