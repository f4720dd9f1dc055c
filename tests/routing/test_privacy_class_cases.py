"""Every class of failure a held-out privacy split showed, tested on prompts of the same kind written afresh
(never the split's own rows): the scanner finds and names the category of each sensitive prompt and stays
silent on each hard negative. One module of cases per round (privacy_cases_<split>.py, its docstring says
what the round was about); the rules only (privacy.scan), not the learned second opinion."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from kakehashi.routing import privacy

# Every privacy_cases_<round>.py beside this file (a new round needs no registration here).
ROUNDS = {path.stem.removeprefix("privacy_cases_"): importlib.import_module(path.stem)
          for path in sorted(Path(__file__).parent.glob("privacy_cases_*.py"))}
SENSITIVE = [pytest.param(category, text, id=f"{split}-{n}")
             for split, cases in ROUNDS.items() for n, (category, text) in enumerate(cases.SENSITIVE)]
HARD_NEGATIVES = [pytest.param(text, id=f"{split}-{n}")
                  for split, cases in ROUNDS.items() for n, text in enumerate(cases.HARD_NEGATIVES)]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_class_finds_and_names_the_category(category: str, text: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), (text, privacy.labels(privacy.scan(text)))


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_class_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], privacy.labels(privacy.scan(text))
