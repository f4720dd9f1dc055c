"""False-positive classes of held-out BM's, BN's and BO's first runs (matchmaking, trade and shipping, arts and culture) and
older leftovers (BB, BK), generalised and tested on prompts written afresh for session 23 (not the splits' rows), EN and JA
where the class exists in both (benchmarks/routing/s23-s23fp-classes.md). Every name, number and address is invented.

False-positive classes (hard negatives): an organisation's operations mailbox (ops@, dispatch@, boxoffice@) in its
letterhead; a venue's box office or ticket desk, or "call the office" in a job ad, beside a landline; a company's contact
block, its switchboard marked "(switchboard)" or a generic info@ beside the office address; a concert hall or an arena asked
the way to, with its address; a fixture's dummy key, a prefix then one repeated digit ("test_0000000000000000"); a marking
word inside a creative work's quoted title (『極秘…』という公演, the musical "TOP SECRET …"); a blank form's "CONFIDENTIAL
ONCE COMPLETED" (記入後は社外秘) over empty fields; handling rules for a kind of records asked to be drafted, one rule
listed as 「持ち出し禁止など」; a notice about a union's or an agency's dispatched volunteers (「派遣の告知文を」) read
as a temp worker; a form's date left blank (令和　年　月　日); a record's value between two labels
(「工程：打錠　打錠機：」) read as a full name.

Miss class (sensitive) uncovered by the role-mailbox change: a bare "Key:" field in a copied list of API keys ("API Keys\n
Name: … Key: <32 hex>"), which only the ops@ beside it had flagged (held-out J's j-269, rules alone).

The learned second opinion's subject gate (subject.py) is tested in test_privacy_s23fp_gate.py: no predicate inside a hash,
no "email" naming the message to write.

Kept sensitive (the widened rules' edges): a person's mobile beside a box office, a person's address asked the way to, a
named person's e-mail beside an ops@ mailbox, a real key beside a dummy, a stamp on a pasted document about a film, a
filled-in form under "confidential once completed", a customer list pasted under a request for handling rules, a named
worker's health on a form line.
"""

from __future__ import annotations

SENSITIVE = [
    # a person's mobile beside a box office; a person's address asked the way to; a named person's mailbox beside ops@
    ("contact", "If the Alder Theatre box office is shut, ring our volunteer Rhys on his mobile: 07700 151 604."),
    ("contact", "What's the easiest way to get to my cousin's flat at 31 Fenwick Road, Bristol BS5 6QT from the station?"),
    ("contact", "Copy in priya.raman@outlook.com as well as ops@tidewayfreight.co.uk on the customs query."),
    ("contact", "Can you add the yard supervisor's email, dispatch@harlowyard.co.uk, to the rota header? He's the only one on it."),
    ("contact", "劇場の件とは別で、出演者の村瀬 拓海さんの携帯は090-4471-2986です。明日の集合時間を伝えてください。"),
    # a real key beside a dummy
    ("secret", 'config.py has TEST_KEY = "test_0000000000000000" and PROD_API_KEY = "live_9Tq4Zx2Lm7Rw1Kp8Hv3N" — which is safe?'),
    # a stamp on a pasted document about a film
    ("confidential", "【極秘】新作映画の公開日は3月12日に前倒し。配給会社への通知はまだ。"),
    ("confidential", "CONFIDENTIAL: the studio will cut the film's budget by 30% next quarter. Tidy this memo up."),
    # a filled-in form under "confidential once completed"
    ("health", "CONFIDENTIAL ONCE COMPLETED\nName: Gareth Pryce\nDate of birth: 04/11/1979\nDiagnosis: bipolar disorder, on lithium"),
    # a customer list pasted under a request for handling rules
    ("contact", "顧客名簿の取扱いルールを作りたい。以下は現行の名簿です：\n佐野 美咲 090-3318-5527\n北川 亮 080-2294-6613"),
    # a named worker's health on a form line
    ("health", "作業者：森田 浩二（製造課）　うつ病で通院中のため夜勤免除。"),
    ("health", "派遣の田中 美和さんが適応障害で休職します。シフト表を直して。"),
    # a bare "Key:" field in a copied list of API keys (the role mailbox beside it no longer flags the paste)
    ("secret", ("Copied from the console since the screenshot won't upload:\nAPI Keys\nName: billing-sync   "
                "Key: 3b9e41c07d2a58f6e1b4c9d0a7f35e28   Owner: ops@brightfield.io\nWhy do I get 401?")),
    ("secret", "アクセスキー一覧をコピーしました。\n名前: deploy-bot  Key: 8c1f2e7a9b04d63e5f7a1c2b9d8e4f60\nどれを無効化すべき？"),
]

HARD_NEGATIVES = [
    # an organisation's operations mailbox in its letterhead
    ("Letterhead please: Tideway Freight Services Ltd, Unit 7, Riverside Trading Estate, Erith DA8 1PQ, "
     "dispatch@tidewayfreight.co.uk."),
    "Our warehouse team's shared mailbox is ops@kestrel-cargo.com; can you draft an auto-reply for it?",
    # a venue's box office or ticket desk, or the office called in a job ad
    "Does anyone know if the Grand Pavilion box office on 01273 555 904 is staffed on bank holidays?",
    ("Tidy this job advert:\n\nFront of House Assistant, part time\nThe Weaver's Hall, 3 Canal Street, Leeds LS2 7HB\n"
     "Send your CV to jobs@weavershall.org.uk or call the office on 0113 496 2211 for a chat."),
    "市民劇場のチケット売り場は 03-5512-7740 です。日曜も電話がつながるか知っている人いますか？",
    # a company's contact block: its switchboard marked as such, or a generic mailbox beside the address
    ("Format this signature for our sales team:\nSales | Brightwater Packaging\nT: +44 1604 552 100 (switchboard)\n"
     "E: info@brightwaterpack.co.uk\nUnit 9, Brackmills Industrial Estate, Northampton NN4 7PB"),
    ("Fix the layout of this contact card:\nNorthline Logistics\nenquiries@northline-logistics.com\n"
     "120 Robinson Road, #08-01, Singapore 068913"),
    # a concert hall or an arena asked the way to
    "What's the quickest way to get from Euston to the Wigmore Concert Hall (36 Wigmore Street, London W1U 2BP) with a harp?",
    "Best way to get to the arena? It's at Utilita Arena, Arena Way, Newcastle NE4 7NA and we load in at 3pm.",
    # a fixture's dummy key
    'Fixture check before I commit:\n{"api_key": "sk_test_00000000000000000000", "card": "4242424242424242"}',
    "このテスト用の設定、コミットしても大丈夫？\nAPI_TOKEN=dummy_1111111111111111\nCARD=4111111111111111",
    # a marking word inside a creative work's quoted title
    "『極秘任務は給食のあとで』という舞台のあらすじを200字で書いてください。",
    "コント番組「社外秘の男」の新しいコーナー案を5つ出して。",
    'Write a poster tagline for our musical "TOP SECRET TUESDAY", opening 4 May at the Corn Exchange.',
    'Our student film is called "Strictly Confidential: Diary of a Dinner Lady". Can you write a 50-word synopsis?',
    # a blank form's "confidential once completed"
    ("Make this form friendlier:\n\nVOLUNTEER APPLICATION — CONFIDENTIAL WHEN COMPLETED\nName: ______________\n"
     "Phone: ______________\nEmail: ______________\nAny medical conditions: ______________"),
    "この申込用紙をやさしい表現にして。\n記入後は社外秘\n氏名：＿＿＿＿＿＿\n電話：＿＿＿＿＿＿\n緊急連絡先：＿＿＿＿＿＿",
    # handling rules asked to be drafted
    "会員名簿の管理ルールを作りたいです。閲覧できる人、保存期間、持ち出し禁止など、小さな合唱団向けに提案して。",
    "ボランティア名簿の取扱い規程を作成したい。コピー禁止など、最低限入れるべき項目を教えて。",
    # a form's date left blank
    ("この届出様式を入力フォームにしたい。\n届出日：令和　年　月　日\n届出者　住所：＿＿＿＿　氏名：＿＿＿＿\n"
    "　　　　電話：＿＿＿＿　　続柄：□本人 □家族\n対象者　住所：＿＿＿＿　氏名：＿＿＿＿\n発生日：令和　年　月　日"),
    # a notice or a plan for a union's or a staffing agency's volunteers, nobody named
    "労働組合のボランティア派遣の告知文を作って。「組合として○○市に3日間、延べ25名を派遣予定」という内容で。",
    "派遣の募集要項を見直したい。労働組合との協定に触れる書き方の例を教えて。",
    # a key id that is no secret: a GPG key's fingerprint, no list of API keys
    "Our GPG key: 9f2c4e1a7b3d58e0c6a14f92d7b3e0a1c5f8d2b4 is on the keyserver; how do I verify a release with it?",
    # a record's value between two labels
    "検査記録を整えて。\n品名：KX-88錠 50mg　ロット：31B207\n工程：造粒　造粒機：GR-02\n作業者：（署名）",
]
