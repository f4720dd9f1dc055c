"""Classes of failure held-out Y's first run showed (benchmarks/routing/README.md, "Session 15 (Y)"), generalised
and tested on prompts written afresh for session 15 (not Y's rows), EN and JA, each with a twin on the other side.
Every name, number and address is invented.

False-positive classes (hard negatives): a line that names personal-data columns in a sentence or a bullet (a
handling manual's 「名前、住所、電話番号などが書かれた書類は…」, a training report, "such as name, address and
phone") over sentences, not rows of data; a report's writer line (「所属:… 氏名:…」) over the report's sentences;
a rule stated for everyone in a role (work rules, a staff guide, a school notice: 「休職中の従業員は…しなければ
ならない」); "booked for 5" / "booked for the 12th" (a table, a course, a van),
not booked by the police; a job title "Director of Operations", not an operation; a company's own account on its
invoice, the holder's field ("Account name: … Ltd") on a line of its own; a judgement of a password ("the password
is right"); the occupational physician named by title (「産業医 鈴木先生と協議済み」).

Misses (sensitive), kept as twins: a table of people under a header sentence, a filled form's fields under the
name line, a named person's sick leave in a rule-like sentence, a person booked into jail or for an offence, a
person's operation, a person's account in the same block (EN, JA), a password beside a judgement of one; a case record that names its client once
and calls them 本人 after (「利用者:S.K.さん(…、以下本人)」; Japanese only, the English equivalent "the client"
is already a person).
"""

from __future__ import annotations

SENSITIVE = [
    # a sentence describing the columns, then rows of people
    ("bulk_personal", ("このリストを五十音順に並べて。顧客名、電話番号、住所の順です。\n"
                       "木下 美穂、090-3381-2047、世田谷区\n長谷川 亮、080-5512-9034、杉並区\n小松 絵里、070-2219-6653、練馬区")),
    ("bulk_personal", ("Sort this by surname. Columns are name, phone and date of birth, such as you'd export from the CRM.\n"
                       "Megan Hartley, 07700 912345, 14/03/1987\nOwen Pryce, 07700 934567, 02/11/1979\nLeah Morgan, 07700 956789, 21/06/1992")),
    # a filled form: the name line over the person's fields
    ("health", "英訳して。\n氏名：大塚 智美　年齢：４１\n現在治療中の病気：２型糖尿病\n服用中の薬：メトホルミン\nアレルギー：なし"),
    # a named person's leave in a rule-like sentence
    ("health", "このメールを丁寧にして。「佐野さんは適応障害で休職中のため、来月まで産業医面談を受けなければならない。」"),
    ("health", "Make this kinder: 'Priya must not lift anything heavy for six weeks after her hernia operation.'"),
    # booked by the police
    ("criminal_record", "Summarise: 'My brother was booked into the county jail on Friday night and charged with assault.'"),
    ("criminal_record", "Reword for the lawyer: 'Kevin Doyle was booked for DUI after the crash on Route 9.'"),
    # a person's account in the same invoice-style block
    ("financial", "Format this as a table.\nPayment details:\nAccount name: Rachel Dunn\nSort code: 40-12-77\nAccount number: 51837294"),
    ("financial", "この振込先を表にして。\n振込先：みずなみ銀行 渋谷支店\n普通 4719263\n口座名義：コバヤシ ケンジ"),
    # a named employee sent on leave by the occupational physician
    ("health", "議事メモを整えて。「田中さんは産業医の鈴木先生から休職を勧められた。」"),
    # a case record that names its client once and calls them 本人 after
    ("criminal_record", ("この支援記録を時系列にまとめて。\n担当：就労支援員 村井\n利用者：T.M.さん（登録番号 2026-118、以下本人）\n"
                        "12月2日 面談。本人は一昨年、傷害で執行猶予付きの判決を受け、現在も保護観察中。保護司の山口さんとは月2回面談。")),
    ("health", "この記録を要約して。\n担当：相談員 小西\n利用者：R.N.さん（以下、本人）\n本人は先月から適応障害で通院しており、週3日の短時間勤務を希望。上司の西田さんも了承済み。"),
    # a password said, beside a judgement of one
    ("secret", "Log this ticket: 'Customer says the password is right; I reset it to Tamarind!4471 anyway.'"),
    ("secret", "このチャットを要約して。「パスワードは合ってるはず。念のため Sazanami#8820 に変えました」"),
]

HARD_NEGATIVES = [
    # a handling manual that names personal-data columns in a sentence, then its bullets
    ("このマニュアルをパートさん向けにやさしくして。\n【個人情報を含む書類】\n"
     "お名前、住所、電話番号などが書かれた書類は、鍵付きの棚に保管します。対象は次のとおりです。\n"
     "・宅配の控え（店舗保管分）\n・会員カードの申込書\n・取り置き予約の控え（ケーキ、おせち）\n"
     "・修理の受付票\n不要になったら、必ずシュレッダーにかけてください。"),
    ("Make this staff guide shorter.\nHandling customer paperwork\n"
     "Any form that shows a customer's name, address, phone number etc. must be kept in the locked drawer.\n"
     "- Delivery notes, shop copies, from the last 12 months\n- Loyalty card applications, 2 boxes in the office\n"
     "- Repair tickets, both parts\nShred them when the retention period ends."),
    # a report's writer line over the report's sentences
    ("この週報を3行でまとめて。\n所属：品質保証課　氏名：川村 翔\n"
     "1．外観検査の自動化\n・月曜：カメラの位置を調整。照明の反射で誤判定が多かったため、偏光フィルタを追加した。\n"
     "・水曜：誤判定率が2.1%から0.6%に下がった。\n2．監査対応\n・木曜：顧客監査で指摘2件。是正計画を来週提出する。\n"
     "・金曜：手順書の改訂案を、製造課の増田さんと作成。"),
    # a rule for everyone in a role: work rules, a staff guide
    "就業規則の条文を読みやすくして。\n第30条（休職）\n休職中の従業員は、月1回、人事部に療養の状況を報告しなければならない。",
    ("この説明資料を整えて。\n■配慮について\n障害のある社員が働きやすいように、通院の休暇を取りやすくします。\n"
     "通院や障害の内容は、本人の同意なく、ほかの社員に伝えてはいけません。"),
    # booked, not by the police
    "Turn this into a checklist: 'Dinner at Casa Lume is booked for 6 at 19:30; the minibus is booked for the 12th.'",
    "Shorten this: 'Our team lunch is booked for 12 at Osteria Verde, thanks to Sam.'",
    # a job title, not an operation
    "Summarise this status report: 'Sponsor: Helen Marsh (Director of Operations). Status AMBER; the go-live slips a week.'",
    # a company's own account on its invoice, the holder on a line of its own with its legal form
    ("Tidy this invoice footer.\nPayment details:\nBank: Northern Counties Bank\nAccount name: Harrow & Vale Joinery Ltd\n"
     "Sort code: 40-12-77\nAccount number: 51837294\nPlease quote the invoice number."),
    # the company's occupational physician named by title: the person is the doctor
    "議事メモを整えて。「来期の安全衛生計画は、人事部 笠井、産業医 鈴木先生と協議済み。」",
    # 本人 in a rule, no client named
    "個人情報保護方針を短くして。「病歴や犯罪歴は、本人の同意なく取得してはならない。」",
    # a judgement of a password, not a password
    "Summarise this support chat: '09:40 Customer: I am sure the password is right, it is saved in my browser. 09:44 Agent Joe Park: sent a reset link.'",
]
