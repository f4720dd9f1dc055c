"""Classes of failure held-out I showed, each tested on prompts of the same kind written afresh (not
I's rows): same-sex orientation said in plain Japanese, union officers and 加入届, ward and 申し送り
lists with diagnoses, 檀家名簿/信徒名簿 and parish rolls, tenant and loan screening, 源泉徴収票 and
年末調整 tables, 示談書 parties, passwords on login command lines; and the hard negatives beside
them: published test cards, jwt.io's token, barcodes, numbers given as samples for a regex, public
figures in a biography question, a story's characters, blank forms, committees that are not unions,
aggregate tables. Every name and number is invented.

The class prompts themselves are in privacy_cases_i.py (run by test_privacy_class_cases.py); here, the
checks that need more than one assertion."""

from __future__ import annotations

from kakehashi.routing import privacy
from kakehashi.routing.privacy.rosters import roster_facts


def test_an_outage_is_not_a_disability() -> None:
    # 障害 as an IT outage, on a duty roster, says nothing about anyone's health ...
    assert privacy.scan("障害対応当番\n鈴木 一郎 DB障害\n田中 花子 ネットワーク障害") == []
    # ... and does not hide the other sense in the same sentence
    text = "鈴木さんはシステム障害の対応で徹夜、そのあと適応障害で休職"
    assert "health" in privacy.categories(privacy.scan(text))


def test_a_real_person_behind_a_character_is_still_reported() -> None:
    text = "小説の主人公のモデルは同僚の田中さんで、彼は実際にうつ病で休職中です"
    assert "health" in privacy.categories(privacy.scan(text))


def test_the_union_of_two_sets_is_set_theory() -> None:
    assert privacy.scan("The union of two sets A and B; explain with examples for my students Anna and Tom.") == []


def test_a_list_of_speakers_topics_is_no_ward_list() -> None:
    # the roster rule reads a diagnosis on a row only in a list about care
    assert list(roster_facts("登壇者\n佐藤 一郎　糖尿病研究チーム\n鈴木 花子　認知症ケア講演")) == []
    assert list(roster_facts("病棟の患者\n佐藤 一郎　80　糖尿病\n鈴木 花子　75　認知症")) != []
