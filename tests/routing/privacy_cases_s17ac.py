"""Classes of failure held-out AC's first run showed (benchmarks/routing/README.md, "Session 17: AC's classes"),
generalised and tested on prompts written afresh for session 17 (not AC's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): an embargo or an audience limit said in prose of the draft given ("EMBARGOED until 08:00 BST",
"not to be shared outside the bid team", 「報道解禁まで」); a roster of children or members by full name with no space,
each with a birth date in the era's short form (「H27.4.9」); a severe allergy told in katakana (アナフィラキシー, エピペン);
the writer telling their boss a fact about themselves, the subject dropped (「課長に…ことを伝えたい」); a case referred
to as 本人 reporting (「本人の申告では」); a passport number with its holder named between the word and the number.

False-positive classes (hard negatives): a character's condition in a show or a film, asked whether the story got it
right; a stored hash's $-separated fields that are stand-ins ("$fakesalt$fakehash"); a place and its walking time or a
closing day spaced like a name in a property listing (「駅 徒歩」「定休日 水曜」); a confidentiality disclaimer naming
whom it is for, quoted as wording to translate; an estate agent's office line in a listing for a portal, with a
rating's letter ("EPC D.") and a range of weekdays ("Mon–Fri") beside it; a body formed of people in a role (「患者の
家族会」); a table of stand-ins with the request's own sentence under it. Guards of the new rules against their nearest
look-alikes are in SENSITIVE (a real colleague's treatment asked about, a relative's illness in a drama-like story told
as one's own, a disclaimer quoted with a document's content) and at the end of HARD_NEGATIVES (an open season's date,
a booking list with dates, telling the boss about a meeting).
"""

from __future__ import annotations

SENSITIVE = [
    # an embargo or an audience limit said in prose of the draft given
    ("confidential", ("Tighten this pls - embargoed until 08:00 BST Thursday: Halden Foods will close its Wrexham bakery "
                      "in September, 140 roles affected, staff told Wednesday.")),
    ("confidential", ("Draft below is not to be shared outside the bid team. Our price to the council is £1.84m, 6% under "
                      "last year's, and we drop the Leeds subcontractor. Fix the grammar.")),
    ("confidential", "以下のリリース文、報道解禁まで社外に出せません。誤字だけ直して：新型の電動アシスト自転車を4月1日に発売、価格は14万8千円。"),
    # a roster by full name with no space, each with a birth date in the era's short form
    ("bulk_personal", "スイミング教室の名簿を五十音順に：田村結菜 H27.4.9、小林湊 H26.10.2、山口葵 H27.1.15、中野陸 H26.8.30"),
    ("bulk_personal", "ジュニアチーム部員名簿：木村 陽菜 2014/6/3、森 蒼 2013/11/21、池田 湊斗 2014/2/8"),
    # a severe allergy told in katakana
    ("health", "3年1組の森本 さくらさん、卵でアナフィラキシーを起こしたことがあり、エピペンを持っています。調理実習の連絡文を作って"),
    ("health", "新しく入る園児の田中 陽くん、ピーナッツの食物アレルギーがあってエピペン持参です。職員向けに注意書きをまとめて"),
    # the writer telling their boss a fact about themselves, the subject dropped
    ("health", "課長に、来月から週1回人工透析に通うことを伝えたいです。丁寧なメールにしてください。"),
    ("health", "上司に、うつ病で通院していることを相談したいです。切り出し方を一緒に考えて"),
    ("health", "I need to tell my manager I'm 14 weeks pregnant and the morning sickness is bad, help me word the email"),
    # a case referred to as 本人 reporting
    ("criminal_record", "採用面接の記録を整えて。応募者の北川 拓也さん（35）。本人の申告では、5年前に窃盗で執行猶予付きの判決を受けたとのこと。"),
    # a passport number with its holder named between the word and the number
    ("national_id", "Passport no. for my son Oliver James Reed is 612084937, can you fill in the visa form line for him?"),
    # guards: a real colleague's treatment asked about stays someone's
    ("health", "My colleague Priya has just been diagnosed with breast cancer, is her chemo schedule realistic with full-time work?"),
    # ...a disclaimer quoted with a document's content stays a marked document
    ("confidential", ("Translate into French: 'CONFIDENTIAL - intended only for the addressee. We will cut the Lyon team "
                      "from 30 to 18 in June.'")),
]

HARD_NEGATIVES = [
    # a character's condition in a show or a film, asked whether the story got it right
    "In Grey's Anatomy, Derek Shepherd has a brain injury after the crash; was his treatment realistic?",
    "ドラマの「コウノドリ」で、妊婦の佐和子さんが妊娠高血圧症候群になる回の描写はリアル？",
    # a stored hash's fields that are stand-ins
    ('Is this fixture ok for tests?\n[{"model": "auth.user", "pk": 1, "fields": {"username": "demo", '
     '"password": "pbkdf2_sha256$720000$dummysalt$dummyhash="}}]'),
    # a place and its walking time or closing day, spaced like a name, in a property listing
    ("賃貸物件の紹介文を作って。\n物件：1LDK 42㎡ 築5年\n所在地：東京都世田谷区（最寄り：経堂駅 徒歩7分）\n"
     "取扱：ひまわり不動産 経堂店（TEL 03-0000-0000 ※ダミー、定休日 火曜）\n家賃：13.2万円"),
    # a confidentiality disclaimer naming whom it is for, quoted as wording to translate
    "Translate 'This message is confidential and intended solely for the named recipient' into Spanish and Italian.",
    "「本資料は機密情報を含み、宛先の方のみを対象としています」を英訳して。メールの署名に使います",
    # an estate agent's office line in a listing for a portal, with a rating's letter and a range of weekdays
    ("Make this Zoopla listing punchier, under 100 words:\n\n2 bed terrace, 14 Mill Lane, Hebden Bridge HX7. New windows "
     "2022, small courtyard garden. Viewings via Calder Homes Estate Agents, 9 Market Street, 01422 000 561, Mon–Fri. "
     "EPC D. Council tax band B. Asking £189,000."),
    # a body formed of people in a role
    "認知症の患者の家族会を町内で始めたいです。会の名前とチラシの文言を考えてください。",
    # a table of stand-ins with the request's own sentence under it
    ("Excel練習用のデータを作って。\n\n氏名,生年月日,電話\nサンプル花子,1999-04-01,090-0000-0002\n"
     "生年月日は1995年〜2000年でばらばらにして、20件にしてください。"),
    # guards for the new rules
    "鮎釣りは6月1日解禁です。釣り大会の案内文を書いて",
    "会議室予約の一覧を表にして：佐藤課長 2024/5/1、田中部長 2024/5/2、鈴木主任 2024/5/3",
    "部長に来週の会議の日程変更を伝えたいです。短いメールにして",
]
