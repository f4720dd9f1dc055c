"""Session 23 (held-out BR's br-060): a name with 先生 (a teacher's, a doctor's) names the special-category finding's person
as a name with さん does (person.names_its_person), so the learned model's clearing spares the finding
(tests/routing/test_privacy_clear.py). Prompts written for this file; names invented."""

from __future__ import annotations

from kakehashi.routing.privacy.person import names_its_person


def test_a_surname_with_sensei_names_the_person():
    assert names_its_person("今年度の分会長は吉田 真一先生です。")
    assert names_its_person("教職員組合の支部長は藤井先生です。")


def test_sensei_without_a_name_names_no_one():
    assert not names_its_person("組合費の手続きは事務の先生にお願いします。")
    assert not names_its_person("担任の先生が組合の集会に行ったらしい。")
