"""Every class of failure a held-out privacy split showed, tested on prompts of the same kind written afresh
(never the split's own rows): the scanner finds and names the category of each sensitive prompt and stays
silent on each hard negative. One module of cases per round (privacy_cases_<split>.py, its docstring says
what the round was about); the rules only (privacy.scan), not the learned second opinion."""

from __future__ import annotations

import privacy_cases_i
import privacy_cases_k
import privacy_cases_l
import privacy_cases_mn
import privacy_cases_o
import privacy_cases_p
import privacy_cases_q
import privacy_cases_r
import privacy_cases_s13
import privacy_cases_s13s
import privacy_cases_s13t
import privacy_cases_s14u
import privacy_cases_s14v
import privacy_cases_s14w
import privacy_cases_s15x
import privacy_cases_s15y
import privacy_cases_s16aa
import privacy_cases_s16ab
import privacy_cases_s16z
import privacy_cases_s17ac
import privacy_cases_s17ad
import privacy_cases_s18ae
import privacy_cases_s18afg
import privacy_cases_s19ah
import privacy_cases_s19aj
import privacy_cases_s19ak
import privacy_cases_s19al
import privacy_cases_s20am
import privacy_cases_s20an
import privacy_cases_s20aoap
import privacy_cases_s20aq
import privacy_cases_s20ar
import privacy_cases_s20as
import privacy_cases_s21at
import privacy_cases_s21au
import privacy_cases_s21ax
import pytest

from kakehashi.routing import privacy

ROUNDS = {"i": privacy_cases_i, "k": privacy_cases_k, "l": privacy_cases_l, "mn": privacy_cases_mn,
          "o": privacy_cases_o, "p": privacy_cases_p, "q": privacy_cases_q,
          "r": privacy_cases_r, "s13": privacy_cases_s13, "s13s": privacy_cases_s13s, "s13t": privacy_cases_s13t,
          "s14u": privacy_cases_s14u, "s14v": privacy_cases_s14v,
          "s14w": privacy_cases_s14w, "s15x": privacy_cases_s15x,
          "s15y": privacy_cases_s15y, "s16z": privacy_cases_s16z,
          "s16aa": privacy_cases_s16aa, "s16ab": privacy_cases_s16ab, "s17ac": privacy_cases_s17ac,
          "s17ad": privacy_cases_s17ad, "s18ae": privacy_cases_s18ae,
          "s18afg": privacy_cases_s18afg, "s19ah": privacy_cases_s19ah,
          "s19aj": privacy_cases_s19aj, "s19ak": privacy_cases_s19ak,
          "s19al": privacy_cases_s19al, "s20am": privacy_cases_s20am,
          "s20an": privacy_cases_s20an, "s20aoap": privacy_cases_s20aoap,
          "s20aq": privacy_cases_s20aq, "s20ar": privacy_cases_s20ar,
          "s20as": privacy_cases_s20as, "s21at": privacy_cases_s21at,
          "s21au": privacy_cases_s21au, "s21ax": privacy_cases_s21ax}
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
