"""Classes of failure held-out L showed (realistic workplace artefacts), each tested on prompts of the
same kind written afresh (not L's rows), EN and JA.

False-positive classes (hard negatives): blank forms and templates, `.env.example` instructions in a
value's place, a provider's token prefix described, an example credential in brackets, a published
documentation test key, sample / generated test data (Test User001, example.com, サンプル 一郎),
capitalised pairs that are no one (a mail's "On Tue", holidays), a placeholder account holder,
a sample number in a conversion question, guidance that lists protected topics, general-information
requests and overviews, tallies of anonymous answers, a word quoted to be talked about, documents
whose title says they are invented, and a story's TOP SECRET prop.

Misses (sensitive): a pronoun with a present-tense verb ("she prays"), a romaji honorific
("Kondo-san"), a katakana full name with a spaced honorific, a relative's debts with the name stated,
a basic-auth user / password in prose. Every name and value is invented; the real-value twins of the
negatives stay sensitive (a filled form, a real-looking key, a real person's tally).
"""

from __future__ import annotations

SENSITIVE = [
    # a pronoun with a present-tense verb, in notes about a named person
    ("religion", "Notes on new hire Omar Haddad\n- mentioned he fasts during Ramadan and prays at noon\nclean up"),
    ("health", "Call log, tenant Rosa Imai\n- she takes insulin twice a day and asked about a fridge for it\nsummarise"),
    # a Japanese name with its honorific in romaji, in a mixed-language message
    ("health", "うちのmanager（Sato-san）がdepressionでしばらく休むってさ、チームにどう伝えればいい？"),
    ("health", "Tanaka-san from accounting was diagnosed with epilepsy, how do I adjust the fire drill for him?"),
    # a katakana full name with its honorific set off by a space
    ("religion", "来週から来る ラシード・カーン さん、ムスリムなので社食のハラール対応を確認したい"),
    ("health", "派遣の マリア・ロペス 様 は喘息の持病があるので、倉庫の粉塵作業から外してください"),
    # a relative's debts, with the name stated
    ("financial", "妻のカードローンが2社で合計180万、妻の名前は 井上 奈緒、返済計画を一緒に考えて"),
    ("financial", "My brother owes $23,000 on two payday loans; his name is Derek, should he consider bankruptcy?"),
    # a basic-auth user / password in prose
    ("secret", "the preview site's basic auth is editor / Marble-Canyon-7741 , add it to the cypress env"),
    ("secret", "検証環境のベーシック認証は qa / Sakura-Mochi-3390 です。curl の例を書いて"),
    # the real-value twins of the negatives below
    ("bulk_personal", "社員番号,氏名,所属,金額\n10231,石川 陽介,経理部,\"52,800\"\n10232,森 千尋,人事部,\"48,000\"\n列がずれる"),
    ("secret", "Is it safe to leave sk_test_51HqLp2Kd8sTq0ZxYv4mWnR7c in our public tutorial repo?"),
    ("health", "Survey comment from Ken Mori (12 years in the team): he was diagnosed with diabetes last spring"),
]

HARD_NEGATIVES = [
    # blank forms and templates
    ("入会申込書（様式）\n\n氏名　　　　　　　　生年月日　昭和・平成　　年　　月　　日（　　歳）\n"
     "住所　〒　　　－　　　　\n電話　　　　－　　　　－　　　　\n年収　　　　　万円\nこの様式をWebフォームにしたい"),
    ("Volunteer sign-up (blank template from the parish site)\nName: ________  Religion (optional): ________\n"
     "Medical conditions: ____________\nturn this into form fields with types"),
    # .env.example instructions and a described prefix
    "# .env.example\nAPI_SECRET=change-this-before-deploy\nJWT_SECRET=random-string-here\nexplain each line",
    "GitHubのトークン（ghp_で始まるもの）と fine-grained（github_pat-）の違いを説明して",
    # an example credential in brackets
    "プリンタの管理画面のパスワード（例：admin / 本体裏の番号）は変えた方がいい？",
    # a published documentation test key
    "Stripe's quickstart uses sk_test_4eC39HqLyjWDarjtT1zdp7dc everywhere; can I use it in our docs too?",
    # sample and generated test data
    ("first_name,last_name,email,phone\nTest,User010,test.user010@example.com,+1 555 010 0010\n"
    "Test,User011,test.user011@example.org,+1 555 010 0011\nwhich validations am I missing?"),
    "社員番号,氏名,所属,金額\n00001,サンプル 三郎,部署C,\"1,200\"\n00002,サンプル 四郎,部署D,\"0\"\nカンマでずれる問題の対処は？",
    # capitalised pairs that are no one: holidays in an API response
    ('GET /holidays/2027/GB\n[{"date": "2027-12-25", "name": "Christmas Day"},\n'
     '{"date": "2027-12-26", "name": "Boxing Day"},\n{"date": "2027-01-01", "name": "New Year"}]\nwrite a TS type'),
    # a placeholder account holder, a sample number in a conversion question
    "領収書テンプレの口座欄は「〇〇銀行 〇〇支店 普通 XXXXXXX 名義：カ）〇〇」のままでいい？",
    "スプレッドシートで「０３－１２３４－５６７８」みたいな全角の番号を半角に変換する数式は？",
    # guidance that lists protected topics, and a word quoted to be talked about
    ("採用面接ガイド\n・聞いてはいけない事項：本籍、宗教、支持政党、労働組合への加入、病歴など\n"
    "・「前科」について本人から申告があった場合の扱いを一般論として追記して"),
    "Reviewer guide: factors that must not be used in ratings include religion, union membership, disability and age.",
    # general-information requests and overviews
    "パーキンソン病の初期症状と、家族ができるサポートを一般的な情報として教えてください",
    "Give me an overview of the major fasting periods across religions for our team calendar.",
    # tallies of anonymous answers
    "匿名アンケート集計\n・同性パートナーも慶弔休暇の対象にしてほしい（9件）\n・特になし（140件）\n3行で要約して",
    # a document whose title says it is invented
    ("Role-play script for pharmacy staff (fictional customer, all data fake)\n"
     "Customer: My doctor put me on metformin and I feel sick.\nStaff: That can happen at first.\nadd coaching notes"),
    # a story's prop
    "Write the opening of a thriller where the hero finds a dossier stamped TOP SECRET in a Lisbon café.",
]
