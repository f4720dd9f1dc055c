"""Special categories from the established lists, not from eval examples (session 20).

A sample of `benchmarks/routing/s20_special_taxonomy_probe.py`'s cases: terms from GDPR Art. 9 / Art. 10, the APPI
要配慮個人情報 guideline items, ICD-10 chapters, commonly prescribed medicines (EN generic and brand, JA カタカナ),
treatments and the health processes of work, the stages of a criminal case (England and Wales, US, Japan), union offices
and federations, sexual orientation and gender identity, religions, their denominations, rites and roles. Each said of
a person must be found as its category; each as a topic (no one's fact) must stay clean. In-sample: these are the cases
the rules were written against (benchmarks/routing/s20-special-taxonomy.md), not a held-out result.
"""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy

PERSON_EN = [
    "Daniel Okafor {p}. Please draft a short note to the team about cover for next week.",
    "My colleague {p}; can you help me word an email to HR about it?",
    "Our client Mr Hale {p}. Summarise this for the file.",
    'Reply to this message from Sam: "Hey, just so you know, my brother {p}. Please keep it between us."',
]
PERSON_JA = [
    "田中さんは{p}そうです。シフト調整のお知らせ文を作ってください。",
    "部下の佐藤が{p}と本人から聞きました。上司として配慮すべきことをまとめて。",
    "お客様の山本様は{p}とのことです。申し送りメモにまとめてください。",
    "同僚の鈴木さんからLINEで「実は{p}よ。まだ誰にも言ってない」と来た。返事を考えて。",
]
TOPIC_EN = [
    "What is {t}?",
    "Write a short explainer on {t} for our staff newsletter.",
    "Our policy sets out how information about {t} is handled.",
    "I'm preparing a presentation on {t}; give me five key facts.",
]
TOPIC_JA = [
    "{t}とは何ですか？",
    "{t}について、社内報向けの解説記事を書いて。",
    "当社の規程では、{t}に関する情報の取扱いを定めている。",
    "{t}についてのプレゼン資料を作っています。要点を5つ挙げて。",
]

# (category, language, predicate said of a person, topic noun)
SAMPLE = [
    # health: ICD-10 chapters, medicines, treatments, the health processes of work
    ("health", "en", "is on PrEP", "PrEP"),
    ("health", "en", "has leukaemia", "leukaemia"),
    ("health", "en", "has cerebral palsy", "cerebral palsy"),
    ("health", "en", "had a DVT", "DVT"),
    ("health", "en", "has pre-eclampsia", "pre-eclampsia"),
    ("health", "en", "had a nervous breakdown", "nervous breakdowns"),
    ("health", "en", "is on Biktarvy", "Biktarvy"),
    ("health", "en", "takes montelukast", "montelukast"),
    ("health", "en", "is having CBT", "CBT"),
    ("health", "en", "has an occupational health report recommending reduced hours", "occupational health reports"),
    ("health", "en", "was referred to occupational health", "occupational health referrals"),
    ("health", "en", "claims PIP", "PIP"),
    ("health", "ja", "ALSだ", "ALS"),
    ("health", "ja", "悪性リンパ腫だ", "悪性リンパ腫"),
    ("health", "ja", "切迫早産で安静にしている", "切迫早産"),
    ("health", "ja", "ツルバダを飲んでいる", "ツルバダ"),
    ("health", "ja", "リボトリールを飲んでいる", "リボトリール"),
    ("health", "ja", "体外受精をしている", "体外受精"),
    ("health", "ja", "傷病手当金をもらっている", "傷病手当金"),
    ("health", "ja", "復職面談を控えている", "復職面談"),
    # religion: denominations, new religious movements, rites and roles
    ("religion", "en", "is Ahmadi", "the Ahmadiyya movement"),
    ("religion", "en", "is Mennonite", "Mennonites"),
    ("religion", "en", "is Zoroastrian", "Zoroastrianism"),
    ("religion", "en", "is a churchwarden", "churchwardens"),
    ("religion", "en", "is a lay preacher", "lay preachers"),
    ("religion", "en", "is a deacon", "deacons"),
    ("religion", "ja", "顕正会に入っている", "顕正会"),
    ("religion", "ja", "ものみの塔の集会に通っている", "ものみの塔"),
    ("religion", "ja", "メッカ巡礼に行った", "メッカ巡礼"),
    ("religion", "ja", "布教活動をしている", "布教"),
    ("religion", "ja", "寺の住職だ", "住職"),
    ("religion", "ja", "無神論者だ", "無神論"),
    # criminal records: the stages of a case, and crimes suffered
    ("criminal_record", "en", "was interviewed under caution", "interviews under caution"),
    ("criminal_record", "en", "was bailed pending investigation", "pre-charge bail"),
    ("criminal_record", "en", "is doing a community order", "community orders"),
    ("criminal_record", "en", "wears an electronic tag", "electronic tags"),
    ("criminal_record", "en", "had a hit on his DBS check", "DBS checks"),
    ("criminal_record", "en", "was released on licence", "release on licence"),
    ("criminal_record", "en", "is awaiting trial", "trials"),
    ("criminal_record", "en", "was the victim of a sexual assault", "sexual assault"),
    ("criminal_record", "ja", "家宅捜索を受けた", "家宅捜索"),
    ("criminal_record", "ja", "任意同行を求められた", "任意同行"),
    ("criminal_record", "ja", "保護処分を受けた", "保護処分"),
    ("criminal_record", "ja", "家庭裁判所で審判を受けた", "少年審判"),
    ("criminal_record", "ja", "赤切符を切られた", "赤切符"),
    ("criminal_record", "ja", "ストーカー被害を受けている", "ストーカー被害"),
    # union membership: offices, industrial action, federations
    ("union_membership", "en", "is a union health and safety rep", "union health and safety reps"),
    ("union_membership", "en", "is a member of Prospect", "Prospect"),
    ("union_membership", "en", "is in the FBU", "the FBU"),
    ("union_membership", "en", "is an Equity member", "Equity, the actors' union"),
    ("union_membership", "en", "is a delegate to the TUC congress", "the TUC"),
    ("union_membership", "en", "joined the IWW", "the IWW"),
    ("union_membership", "ja", "連合の役員だ", "連合"),
    ("union_membership", "ja", "春闘で交渉委員をした", "春闘"),
    ("union_membership", "ja", "日本医労連の組合員だ", "日本医労連"),
    ("union_membership", "ja", "ストライキに参加した", "ストライキ"),
    # sexual orientation and gender identity
    ("sexual_orientation", "en", "is demisexual", "demisexuality"),
    ("sexual_orientation", "en", "is intersex", "intersex variations"),
    ("sexual_orientation", "en", "had top surgery", "top surgery"),
    ("sexual_orientation", "en", "is questioning his sexuality", "questioning"),
    ("sexual_orientation", "en", "is bi", "bisexuality"),
    ("sexual_orientation", "ja", "パートナーシップ制度に登録した", "パートナーシップ制度"),
    ("sexual_orientation", "ja", "クエスチョニングだ", "クエスチョニング"),
    ("sexual_orientation", "ja", "彼氏と同棲している男性だ", "男性同士のカップル"),
    ("sexual_orientation", "ja", "ジェンダークリニックに通っている", "ジェンダークリニック"),
]

PERSON_CASES = [
    (cat, (PERSON_EN if lang == "en" else PERSON_JA)[i % 4].format(p=p))
    for i, (cat, lang, p, _) in enumerate(SAMPLE)
]
TOPIC_CASES = [(TOPIC_EN if lang == "en" else TOPIC_JA)[i % 4].format(t=t) for i, (_, lang, _, t) in enumerate(SAMPLE)]


@pytest.mark.parametrize(("category", "text"), PERSON_CASES)
def test_special_category_said_of_a_person_is_found(category: str, text: str) -> None:
    findings = privacy.scan(text)
    assert category in privacy.categories(findings), [(f.label, f.masked) for f in findings]


@pytest.mark.parametrize("text", TOPIC_CASES)
def test_special_category_as_a_topic_stays_clean(text: str) -> None:
    findings = privacy.scan(text)
    assert not findings, [(f.label, f.masked) for f in findings]
