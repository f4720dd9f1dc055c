"""Classes of failure held-out T's first run showed (benchmarks/routing/README.md, "Held-out T"), generalised and
tested on prompts written afresh for session 13 (not T's rows), EN and JA, each with a clean twin. Every name,
number and address is invented; the My Numbers are given valid check digits on purpose.

Misses (sensitive): national identifiers inside technical material, a My Number in a field named for it
(`my_number:` in YAML, `"kojin_bango":` in a JSON log, a `my_number` column of a SQL result), even in a test
fixture; a number said to be someone's (「…さんの番号で試しました」) or real data in a question about a regex or a
check digit; a 在留カード number in the same; a driving licence number in a log's `key=value` pair. A special
category in a key/value record about a person a field names (`user=西村 拓也 text="…ムスリム"`, `bio="…"`,
`"partner_type":"same_sex_…"`, `"offences":[{"type":"burglary"}]`, a fixture's `memo: 保護観察中`). A marking
quoted from the writer's own design doc, or introducing the paste (「【極秘】と書かれた企画書の抜粋です」). A
transfer file's CSV row (name, bank, branch, 普通, account); a DataFrame of named borrowers with 延滞日数 and
借入残高; an access log whose URLs carry students' names and GPAs.

False-positive classes (hard negatives): the same shapes with a dummy or example word, and the same field
names with no value; a marking as a rule's subject, left blank in a template's field, or denied (「社外秘では
ありません」); a vendor's documented sample payload; a shell's required-variable check (`${X:?msg}`); AWS's
documented example key named as such; a spreadsheet formula's example number on the line after the request.
"""

from __future__ import annotations

SENSITIVE = [
    # a My Number in a field named for it: YAML fixture, JSON log, SQL result column
    ("national_id", "このfixtureでテストが落ちる理由は？\n\n- name: 岡田 真一\n  my_number: \"442323221831\"\n  dept: 総務"),
    ("national_id", "Why does this request log fail PII masking?\nINFO POST /api/payroll body={\"emp\":\"E0417\",\"kojin_bango\":\"406290421477\"}"),
    ("national_id", "本番から持ってきた結果です。\n\n| id | shimei | my_number |\n|----|--------|-----------|\n| 17 | 石川 葵 | 624537896560 |"),
    # a real person's number in a question about the check digit
    ("national_id", "マイナンバーのチェックデジットの検証コードを書きました。515947892770（人事の松田 健さんの番号）で試すと通りません。"),
    # a residence card number said to be real data, in a regex question
    ("national_id", "Our regex rejects this real customer's residence card: KM40718266AB. Pattern: ^[A-Z]{2}\\d{8}[A-Z]{2}$"),
    # a driving licence in a log's key=value pair
    ("national_id", "Parse this KYC log: [verify] ok subject=\"Owen Pike\" doc=driving_licence no=PIKEO804155OP7KX"),
    # a special category in a key/value field about a person the record names
    ("religion", "このログの文字化けを直したい。\n[2026-12-02 09:10] status user=西村 拓也 text=\"ラマダン中なので昼の会議は欠席します（ムスリム）\""),
    ("sexual_orientation", "ログのマスク漏れです。\n[INFO] profile_update user=小島 亮 bio=\"バイセクシャルです。家族には秘密\""),
    ("sexual_orientation", "Why does the schema reject this?\n{\"employee\":\"Gemma Holt\",\"benefits\":{\"partner_type\":\"same_sex_partner\"}}"),
    ("criminal_record", "Screening API response breaks my parser:\n{\"candidate\":\"Liam Archer\",\"offences\":[{\"type\":\"burglary\",\"year\":2018}]}"),
    ("criminal_record", "fixtureをレビューして。\nstaff:\n  - name: 吉川 美穂\n    memo: 保護観察中（2024年 窃盗）"),
    ("health", "このログ、個人情報をマスクできてる？\n[WARN] sync user=佐々木 愛 note=\"HIV陽性、服薬中\""),
    # a marking quoted from the writer's own design doc, or introducing the paste
    ("confidential", "Draw this as a flowchart. From our design doc header 'CONFIDENTIAL - Internal Only - Project Osprey':\n1. Bid engine raises the floor price 4% before the April launch"),
    ("confidential", "【極秘】と書かれた企画書の抜粋です。誤字を直して。\n\n・新ブランド名は「ソラノ」、来年2月に発表予定"),
    # a transfer file's CSV row, a DataFrame of borrowers in arrears, a portal log of names and grades
    ("financial", "総合振込のCSVを作るPythonでエラー。入力の1行目:\n川口 蓮,三井住友銀行,新宿西口支店,普通,4419035,賞与,280000\n文字コードの問題？"),
    ("bulk_personal", "DataFrameの出力です。督促の優先順位を決めるロジックを考えて。\n\n      氏名     延滞日数   借入残高\n0  野村 健吾      45    1,200,000\n1  宮本 さくら    120     380,000"),
    ("bulk_personal", "Why is this endpoint so slow?\n10.2.0.14 - GET /transcript?student=Aisha%20Khan&gpa=3.8 200\n10.2.0.19 - GET /transcript?student=Tom%20Berry&gpa=2.6 200"),
]

HARD_NEGATIVES = [
    # the same field names, with a dummy value or none
    "このfixtureのダミーデータで十分ですか？\n\n- name: テスト 太郎\n  my_number: \"000000000000\"",
    "JSONスキーマに kojin_bango フィールドを足すとき、型は string と integer のどちらがいい？",
    "How do I add a my_number column to a Postgres table with a CHECK constraint for 12 digits?",
    # talk of the format without a value said to be anyone's
    "在留カード番号の正規表現 ^[A-Z]{2}\\d{8}[A-Z]{2}$ で十分ですか？",
    "Our KYC log has a field doc=driving_licence; how should I mask the no= value that follows it?",
    # the same fields with nothing private in them, or no one named
    "このログの文字化けを直したい。\n[2026-12-02 09:10] status user=西村 拓也 text=\"13時から外出、直帰します\"",
    "Why does the schema reject this?\n{\"employee\":\"Gemma Holt\",\"benefits\":{\"plan\":\"dental_plus\"}}",
    "このログ、個人情報をマスクできてる？\n[WARN] sync user=佐々木 愛 note=\"来週から在宅勤務\"",
    "Alert payload from our IoT tracker: {\"device\":\"BK-2291\",\"event\":\"theft\",\"zone\":\"depot-3\"}",
    # the marking as a rule's subject, left blank in a template, or denied
    "【極秘】と書かれた資料を誤送信した場合、どう対応すべきですか？",
    "Can you suggest a better colour for the CONFIDENTIAL banner design in our slide template?",
    "報告書テンプレートのヘッダーです。\n\n情報区分：【　　】（極秘／社外秘／公開）\n作成日：",
    "この資料は社外秘ではありません。英訳してください：「当社は来月、新宿に新店舗を開きます。」",
    # a vendor's documented sample, a shell check, a documented example key, a formula's example number
    "This is the sample event from the Stripe docs: {\"object\":\"customer\",\"email\":\"jenny.rosen@example.com\"} How do I parse it in Go?",
    "What does this line do? : \"${DB_PASSWORD:?DB_PASSWORD is required}\"",
    "motoのテストで、ドキュメントのサンプルキー AKIAI44QH8DHBEXAMPLE を使うと認証エラーになります。",
    "エクセルで電話番号にハイフンを入れる関数は？\n例: 08011112222 → 080-1111-2222",
    # the same shapes with nobody's data in them
    "総合振込のCSVの列順を教えて。\n受取人名,銀行名,支店名,預金種目,口座番号,金額",
    "DataFrameで延滞日数の平均を出したい。\n\n      支店   延滞日数\n0  新宿      45\n1  梅田     120",
    "Why is this endpoint so slow?\n10.2.0.14 - GET /transcript?term=2026S&page=2 200\n10.2.0.19 - GET /transcript?term=2026S&page=3 200",
]
