"""Classes of failure held-out K showed, each tested on prompts of the same kind written afresh (not
K's rows), EN and JA: half-width katakana (old systems, bank transfer names), a Japanese driving
licence number typed in groups, the 記号/番号 pair of a health-insurance card, the German social
insurance number, Japanese tables whose columns are one full-width space apart, romaji block
addresses in a list of people, a stamp followed by "!", 未公表 said in prose; and the hard
negatives beside them: vendor default credentials (user == password), published test cards in a
docs question, a condition asked about while revising for an exam. Every name and number is invented.

The class prompts themselves are in privacy_cases_k.py (run by test_privacy_class_cases.py); here, the
checks that need more than one assertion."""

from __future__ import annotations

from kakehashi.routing import privacy
from kakehashi.routing.privacy._text import widen_kana


def test_half_width_spans_point_into_the_original_text() -> None:
    text = "ﾒﾓ: ﾊﾟｽﾜｰﾄﾞ: Tsuki4419$ です"
    found = privacy.scan(text)
    assert [f.kind for f in found] == ["password"]
    start, end = found[0].span
    assert text[start:end] == "Tsuki4419$"
    assert privacy.redact(text) == "ﾒﾓ: ﾊﾟｽﾜｰﾄﾞ: [SECRET] です"


def test_widen_kana_composes_voiced_pairs_and_maps_offsets() -> None:
    assert widen_kana("plain text") is None
    wide, starts = widen_kana("aﾊﾟｽb")  # type: ignore[misc]
    assert wide == "aパスb"
    assert starts == [0, 1, 3, 4, 5]
