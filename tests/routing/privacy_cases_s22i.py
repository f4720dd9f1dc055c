"""Classes of failure held-out BI's first run showed (developers using a coding assistant: code, stack traces, compose
files, fixtures and seed data, CI logs, API payloads; benchmarks/routing/s22-i-classes.md), generalised and tested on
prompts written afresh for session 22 (not BI's rows), EN and JA where the class exists in both. Every name, number
and case is invented.

Misses (sensitive): a pension number in its printed 4-6 shape later in the sentence, after the format is described with
digits of its own; a fixture's or an export's sort-code and account keys (`"sort_code": …, "account": …`); a screening
API's payload naming whom it is about (`"target":"…"`) and an HR record's numbered person with the name in brackets
("employee #4410 (Name Surname)"); a record opening with a full name whose fields are a conviction, a parole or a
diagnosis, and a filled criminal-record field (「罪名：…」 "conviction: …"); a disability field in a seed or a profile
record; a Japanese marking heading a page pasted between rule lines (「━━━\\n社内限り　…」); a pasted 全銀 data record.

False-positive classes (hard negatives): a local compose file's vendor default password (the service's name or the
config's own user); a quoted validation message assigned to a password field; a phone number in a unit test's
assertion; a classification level as an enum member; a security memo's don't about marked material; identifiers the
writer declares dummies; seed data whose characters the writer says are invented; (rules alone) a template engine's
field as an account holder, synthetic records whose columns are listed in brackets, a text adventure's character, a
spec's fields listed by requirement (「- 必須：氏名、…」).
"""

from __future__ import annotations

SENSITIVE = [
    # a pension number after a format note with digits of its own
    ("national_id", "基礎年金番号のバリデーションを直しています。4桁-6桁で入れてもらう想定で、総務の大西さんの 5120-338471 が弾かれます。"),
    ("national_id", "Our pension number check, 4 then 6 digits, rejects 7731-402958 which is Mr Hale's real one. Why?"),
    # a fixture's sort-code and account keys
    ("financial", 'clean up this fixture:\nROWS = [{"name": "Orla Brennan", "sort_code": "09-01-28", "account": "55120837"}]'),
    ("financial", "refunds.csv header is sort_code,account and row 3 is: sort_code=23-14-70 account=61900452 for Keir Doyle"),
    # a screening payload's target, an HR record's numbered person in brackets
    ("criminal_record", '与信APIのレスポンスをパースしたい。\n{"target":"村瀬 拓也","result":[{"type":"逮捕歴","detail":"傷害容疑で逮捕"}]}'),
    ("religion", "Bug: employee #4410 (Nadia Okoro) has `religion` set to \"Sunni Muslim\" and the export shows it unmasked."),
    ("health", "Ticket: patient no. 8821 (Tobias Renner) diagnosis field says type 1 diabetes but the UI shows blank."),
    # a record opening with a full name whose fields are a conviction or a parole, a filled criminal-record field
    ("criminal_record", 'Docs example for our probation tracker: "Selwyn Marsh, on parole until 2027, conviction: aggravated burglary"'),
    ("criminal_record", "採用管理のシードデータです。\n氏名: 北条 司\n罪名：窃盗（2019年）\nこれをJSONにして"),
    # a disability field in a seed or a profile record
    ("health", "accessibility seed: user 'ines.varga', registered disability: severe sight loss, screen reader on. test flag?"),
    ("health", "アクセシビリティ設定の初期データ\n障害名：感音性難聴（両耳）\nユーザー：k.morimoto\n字幕フラグが効かない"),
    # a Japanese marking heading a page pasted between rule lines
    ("confidential", "Notionから貼ります。Goで書き直したい。\n━━━━━━━━━━\n社外秘　値引き承認フロー（改訂版）\n・取引額1000万超は本部長決裁\n━━━━━━━━━━"),
    ("confidential", "これをPythonにしたい\n----------\n社内限り 販売手数料テーブル\n・代理店A：12%\n----------"),
    # a pasted 全銀 data record
    ("financial", "総合振込データのレコード長エラー\n2 0009 ミツイスミトモ 221 シンジユク 1 3650914 ｻｲﾄｳ ﾘｮｳ 0000240000\nどこが悪い？"),
]

HARD_NEGATIVES = [
    # a local compose file's vendor default password
    ("local dev compose:\n  cache:\n    image: rabbitmq:3\n    environment:\n      RABBITMQ_DEFAULT_USER: guest\n"
     "      RABBITMQ_DEFAULT_PASS: guest\nconnection refused from the app container, why?"),
    "開発用の .env です\nMYSQL_USER=mysql\nMYSQL_PASSWORD=mysql\nコンテナから繋がりません",
    # a quoted validation message assigned to a password field
    "if (pw.length < 12) { formErrors.password = 'パスワードは12文字以上で記号を含めてください'; }  これをzodで書き直して",
    # a phone number in a unit test's assertion
    "pytest fails after upgrading phonenumbers:\n    assert fmt_tel('0311112222') == '03-1111-2222'\nwhat changed?",
    "単体テストが落ちます\n  expect(normalizeTel('080 7777 1234')).toBe('08077771234')\nどう直す？",
    # a classification level as an enum member
    "class Sensitivity(Enum):\n    PUBLIC = 1\n    CONFIDENTIAL = 3\nhow do I sort these by value in SQLAlchemy?",
    # a security memo's don't about marked material
    "勉強会メモを整形して\n・パスワードをチャットに貼らない\n・社外秘資料を私物PCに保存しない\n・極秘ファイルは外部に送らないこと",
    # identifiers the writer declares dummies
    "README for our validator, these are the dummy examples only:\n| JP | My Number | 123456789018 |\nis the check digit right?",
    # seed data whose characters the writer says are invented
    ('Demo fixture, characters are from our own sci-fi universe:\n[{"from": "Elder Mirowen", '
     '"text": "The temple priests will pray for you."}]'),
    # a template engine's field as an account holder
    "請求書テンプレートの崩れ\nお振込先：{{bank}} {{branch}} 普通 {{acct_no}}\n口座名義：{{holder_kana}}\nCSSで直せる？",
    # synthetic records to generate, their columns listed in brackets
    "Write a generator for 500 synthetic patient records (names, diagnosis, medication) to seed our staging EHR.",
    "デモ用に架空の利用者データ（氏名・住所・病名・服薬）を1万件作るスクリプトを書いて。",
    # a story game's character
    "I'm writing a text adventure in Rust. The smuggler Captain Orrin has a criminal record (arson, escaped jail) the player uncovers.",
    # a spec's fields listed by requirement
    "会員APIの仕様メモからOpenAPIを作って\n- 必須：氏名、メールアドレス、パスワード\n- 任意：電話番号、住所、生年月日",
]
