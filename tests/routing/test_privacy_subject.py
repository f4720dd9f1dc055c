"""The learned second opinion's gate (privacy/subject.py): a sensitive predicate near a person, or a
credential / identifier word with a value. Prompts written afresh for the classes P's learned false
positives showed (people named at work with nothing private said) and their sensitive twins, EN + JA."""

from __future__ import annotations

import pytest

from kakehashi.routing.privacy.subject import about_someone

PASSES = [
    "Rota note: Daniel Mensah can't do Saturdays, he started chemotherapy last week.",
    "日報（配車課）\n・3号車 ドライバー 浅野 悟 さん、通院のため午後休\n・明日の便は応援1名",
    "Router admin for the branch: login admin, password Qe7-tide-Harbor41",
    "マイナンバー 4829 1736 5052 を年末調整のシステムに入れたらエラー",
    "I need to add my husband, Tom Reyes, to my benefits. I'm Luis Reyes.",
    "喘息の発作が出て、救急で点滴を受けました。明日は休みます。",
]
BLOCKED = [
    "Re: Saturday rota\nCan Priya Nair cover Saturday mornings? She asked for Sundays instead this month.",
    "日報（配車課）\n・3号車 ドライバー 浅野 悟 さん、有休のため応援1名で対応\n・4号車 オイル交換済",
    "Guest called to change dates; Visa ending 4417 on file, SSN ***-**-2290 already verified by Ms. Ota.",
    "Tonight: 171 of 190 rooms occupied; nationalities JPN 95, USA 22, other 54. Summarise for the GM.",
    # emails as rows or messages, not anyone's contact (session 21, held-out AU's au-096)
    "Hi Omar, the import is 70% done; the rest bounce on malformed emails and we're fixing the parser. I'll report Friday.",
]


@pytest.mark.parametrize("text", PASSES)
def test_a_fact_about_someone_passes_the_gate(text: str) -> None:
    assert about_someone(text)


@pytest.mark.parametrize("text", BLOCKED)
def test_people_at_work_with_nothing_private_are_blocked(text: str) -> None:
    assert not about_someone(text)
