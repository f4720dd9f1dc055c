"""Classes of failure held-out BA's first run showed (gyms, fitness clubs and sports teams: trainers, members, players;
benchmarks/routing/s21-ba-classes.md), generalised and tested on prompts written afresh for session 21 (not BA's rows),
EN and JA where the class exists in both. Every name, number, key and case is invented.

Misses (sensitive): an API key in hex after its name or its header scheme ("Api-Key 5d0c…", 「APIキー 5d0c…」); a letter
to a named person ("Dear Ms. Okafor,") whose debt the later sentences tell as "your account … in arrears"; an athlete's
injury or rehab record headed by the player (「選手：三浦 大翔（…）」, "Player: Callum Reyes"); named workers who joined a
workers' guild or association, or filed for recognition; a Japanese sentence a mail wraps at the line's end after a
particle, the people on one line and what is said of them on the next (「…（森下 陽介さん、大川 美咲さん）が\n地域ユニオンに
加入し…」).

False-positive classes (hard negatives): a company's office with its address in brackets as a letter's 宛先; a policy
that defines its classification levels as lettered clauses ("(a) PUBLIC: …", 「a) 極秘：…」); a public figure's own
disclosure cited in a talk or a workshop; "mental health" naming a workshop or an awareness week; a class of members or
users said with も (「トランスジェンダーの利用者さんにも」); a template roster (「選手A」, "Member,One", phones of zeros);
code that makes fake people with Faker; a privacy policy's numbered clause listing the data it collects.
"""

from __future__ import annotations

SENSITIVE = [
    # an API key in hex after its name or its header scheme
    ("secret", ("Booking sync fails since we rotated keys. New header is Api-Key 5d0c3a9e71f24b68a0e4c2d9b7f13a56, "
               "what curl do I need for the /members endpoint?")),
    ("secret", "予約システムの新しいAPIキー 8e41b0c7d25f4a93b6e0172c9d4f8a31 でテストしたいので、Pythonのrequestsの例を書いて。"),
    # a letter to a named person, their debt told as "your"
    ("financial", ("Please make this reminder friendlier.\n\nDear Ms. Okafor,\nYour membership account is 3 months in arrears "
                  "and the outstanding balance is $284.50. Please contact us to set up a payment plan.\nClub Accounts")),
    ("financial", ("Tidy up this letter:\n\nDear Graham Whitcombe,\nWe note that you owe £1,120 for the spring season and your "
                  "direct debit has failed twice. If we don't hear from you in 14 days we will pass this to a collections agency.")),
    # an athlete's record headed by the player
    ("health", ("トレーナー向けにまとめて。\n選手：三浦 大翔（ラグビー部、FW、20歳）\n受傷：右肩関節脱臼\n経過：術後8週、"
               "夜眠れないと訴えあり、心療内科を受診予定。")),
    ("health", ("Summarise for the physio:\nPlayer: Callum Reyes (U23, midfield)\nInjury: left hamstring tear, grade 2\n"
               "Notes: has been prescribed sertraline for anxiety since March.")),
    # named workers who joined a workers' guild or association, or filed for recognition
    ("union_membership", ("Heads up: Marta Quinn and Deji Bello at the Riverside studio have joined the Climbing Gym Workers "
                         "Association, so please keep their shift changes neutral.")),
    ("union_membership", "Sofia Lindqvist and Raj Menon filed for recognition with the coaches at Eastside last Friday."),
    # a Japanese sentence wrapped at the line's end after a particle
    ("union_membership", ("店長からの連絡です。\n品川店のトレーナー2名（森下 陽介さん、大川 美咲さん）が\n地域ユニオンに加入したと"
                         "報告がありました。\n対応を相談させてください。")),
    ("health", "引き継ぎメモです。\n受付の佐伯 真由さんが\nうつ病の診断を受けて来月から休職します。\nシフトの調整をお願いします。"),
]

HARD_NEGATIVES = [
    # the new rules' words with no one named, or no debt, key or record
    "Make this friendlier:\n\nDear [First Name],\nYour membership account is 3 months in arrears and the balance is $284.50.",
    "Dear Mr. Lawson,\nThank you for renewing. Your next payment of $49 is due on 1 May.",
    "The API key field expects 32 hex characters, e.g. 00000000000000000000000000000000.",
    "試合メンバー表のひな形を作って。\n選手：未定\n背番号：\nポジション：",
    "会員の皆さまが\n快適に過ごせるよう、労働組合との協議で営業時間を見直しました。",
    "In Skyrim I joined the Thieves Guild and the Mages Guild. Which questline is better?",
    # a company's office, its address in brackets
    "取引先への年賀状を作りたい。\n宛先：株式会社ミナトフーズ 大阪支社（大阪府大阪市北区梅田3-1-5）\n差出人：弊社営業部\n丁寧な文面でお願いします。",
    # a policy's levels as lettered clauses
    ("Make this readable for new staff:\n(a) PUBLIC: approved for release (timetables).\n(b) INTERNAL: staff only (rotas).\n"
     "(c) CONFIDENTIAL: member records and payment data.\n(d) RESTRICTED: board papers.\nCONFIDENTIAL files must not be "
     "sent to personal email addresses."),
    "文書区分をわかりやすく説明して。\na) 極秘：役員のみ閲覧\nb) 社外秘：社員のみ閲覧\nc) 公開：誰でも閲覧可",
    # a public figure's own disclosure cited in a talk
    ("Simone Biles has talked openly about her mental health. How could I mention that in a presentation for young "
     "gymnasts without sounding preachy?"),
    # "mental health" as a programme
    "I'm planning a mental health awareness week at our climbing gym. Can I get five session ideas?",
    # a class of members said with も
    "トランスジェンダーの利用者さんにも使いやすいロッカー配置を考えたい。参考になる事例はある？",
    "ゲイの会員さんも気軽に参加できるイベントを企画したい。告知文のアイデアをください。",
    # template rosters
    "会員名簿のCSVの形式を確認して。\n会員番号,氏名,電話番号\n1,会員A,000-0000-0000\n2,会員B,000-0000-0000\n3,会員C,000-0000-0000\n文字化けします。",
    ("Is this import template right?\nid,first_name,last_name,phone\n1,Member,One,000-000-0000\n2,Member,Two,000-000-0000\n"
     "3,Member,Three,000-000-0000\nThe importer rejects the phone column."),
    # code that makes fake people
    ("Why does this fail?\n```python\nfrom faker import Faker\nimport csv\nfake = Faker()\nwith open('members.csv', 'w') as f:\n"
     "    w = csv.writer(f)\n    w.writerow(['name', 'email', 'phone', 'address'])\n    for _ in range(50):\n"
     "        w.writerow([fake.name(), fake.email(), fake.phone_number(), fake.address()])\n```\nIt says ModuleNotFoundError."),
    # a privacy policy's numbered clause listing the data it collects
    ("スポーツクラブの個人情報保護方針の下書きです。足りない点を指摘して。\n1. 収集する情報：氏名、住所、電話番号、生年月日、緊急連絡先\n"
     "2. 利用目的：会員管理、施設の安全管理\n3. 保存期間：退会後3年"),
]
