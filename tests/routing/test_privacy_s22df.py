"""The learned side's classes from held-out BF's first run (benchmarks/routing/s22-s22df-classes.md), on prompts written
afresh: an itinerary's or a packing list's field labels (「1日目:」「持ち物:」"Day 2:") are no speakers for the person gate
(subject.about_someone), and the learned model's contact verdict is not taken on an address the rules read as an
organisation's seat (contact.organisation_address_only). Both are checked without loading the model."""

from __future__ import annotations

import pytest

from kakehashi.routing.privacy.contact import organisation_address_only
from kakehashi.routing.privacy.subject import about_someone


@pytest.mark.parametrize(
    "text",
    [
        "旅行メモを整理して。\n1日目: 札幌駅→小樽運河\n2日目: 旭山動物園→富良野\n持ち物: 酔い止め薬、カイロ、充電器",
        "Tidy these trip notes:\nDay 1: Lisbon, tram 28\nDay 2: Sintra palaces\nPacking: sunscreen, travel sickness pills",
    ],
)
def test_itinerary_labels_are_no_speakers(text: str) -> None:
    assert not about_someone(text)


@pytest.mark.parametrize(
    "text",
    [
        "議事録の要約：\n田中: 先週から体調を崩して病院に通っています。\n鈴木: 了解です、無理しないで。",
        "Summarise the chat:\nMaya: I was diagnosed with asthma last month, so I'll skip the run.",
    ],
)
def test_speaker_labels_still_people(text: str) -> None:
    assert about_someone(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son wants to write to the President. Is the White House at 1600 Pennsylvania Avenue NW, Washington, DC 20500?",
        "首相官邸に手紙を出したい。住所は東京都千代田区永田町2-3-1でいい？",
    ],
)
def test_seat_of_government_address_is_an_organisations(text: str) -> None:
    assert organisation_address_only(text)


@pytest.mark.parametrize(
    "text",
    [
        # someone's own address beside an organisation stays theirs (the rules flag it)
        "My sister works at the White House; her home address is 42 Elm Street, Arlington, VA 22201. Format it for an envelope.",
        # no organisation said
        "Is 18 Willow Crescent, Leeds LS6 2AB the right way to write the address on the card?",
        # a named person's form, the organisation their employer (held-out AO's ao-080: the learned model's catch is kept)
        "記入例を作って。\n氏名：田口 大輔\n住所：〒330-0063 埼玉県さいたま市浦和区高砂2丁目4番7号\n勤務先：株式会社みどり物流 大宮センター",
    ],
)
def test_personal_address_not_an_organisations(text: str) -> None:
    assert not organisation_address_only(text)
