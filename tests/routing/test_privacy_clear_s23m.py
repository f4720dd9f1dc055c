"""Session 23 (held-out BM's bm-115): a special-category finding whose sentence speaks of a role (新郎, 新婦, "the groom")
that the sentence next to it names (「新郎は坂口 剛くん。」) names its person, so the learned model's clearing spares it, as it
spares a finding whose own sentence names someone (tests/routing/test_privacy_clear.py). Prompts written for this file."""

from __future__ import annotations

from kakehashi.routing import privacy
from kakehashi.routing.privacy.person import role_named_nearby

NAMED_NEXT = [
    "新郎の同期としてのスピーチで「自治労の青年部で一緒に闘ってきた仲間」と言いたいです。新郎は堀内 拓真くん。言い回しを整えてください。",
    "新婦の友人スピーチに「日教組の集会でいつも隣にいた」と入れたい。新婦は三宅 玲奈さんです。自然な表現にして。",
]


def test_a_role_named_in_the_next_sentence_names_the_findings_person():
    for text in NAMED_NEXT:
        findings = privacy.scan(text)
        assert privacy.categories(findings) == ["union_membership"], text
        assert any(role_named_nearby(text, *f.span) for f in findings), text
        assert privacy.categories(privacy.scan(text, learned=True)) == ["union_membership"], text


def test_an_unnamed_role_is_not_named():
    text = "新郎の友人代表スピーチで「労働組合で一緒に闘ってきた」と言いたい。新郎は大学時代の友人です。"
    assert not role_named_nearby(text, 0, text.index("。") + 1)
    other = "「自治労で一緒に闘ってきた仲間」と入れたい。新婦は三宅 玲奈さんです。"
    assert not role_named_nearby(other, 0, other.index("。") + 1)  # the role is not in the finding's sentence
