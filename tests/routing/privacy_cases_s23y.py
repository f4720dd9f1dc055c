"""Classes of failure held-out BS's and BU's first runs showed (benchmarks/routing/s23-y-classes.md: bs-027, bu-097, bu-106,
bu-137), generalised and tested on prompts written afresh for session 23 (not the rows), EN and JA where the class exists in
both. Every name, number and figure is invented.

Misses (sensitive): national mobile numbers of the major countries in their spaced national shapes (UK 07xxx xxx xxx, ES
6xx xxx xxx beside a Spanish cue, FR 06 xx xx xx xx, DE 015x/016x/017x), also in a booking list where a party size
("x4", "×2") stands in the column before the number; a Spanish DNI/NIE with its check letter set off by a hyphen
("DNI 30571846-D"); a confidentiality mark said to be IN the document's footer, header or watermark
(「フッターに「社外秘」って入ってるんですが、<content with figures>」, '"Confidential" in the footer, and it lists …'); a UK
NI number in a row quoted from a real data file (an HR extract's failing row: id, full name, number, birth date), HMRC's
QQ prefix and all; the person an incident report names referred back to in its next field (「同人は…で逮捕」「同氏は」),
the criminal fact told there.

False-positive classes (hard negatives): Ofcom's drama range and 555 numbers; a booking template with blank rows; a DNI
format question with a fake value; what a footer's "Confidential" means; a marking policy; a question about removing the
mark; a regex question over a sample row.
"""

from __future__ import annotations

SENSITIVE = [
    # national mobiles in spaced national shapes, a count column before them
    ("contact", ("Type up tonight's walk-ins list for the host stand:\n\n6:30  Pemberton x3  07912 448 215  booth\n"
                 "6:45  Osei x2  07588 301 764\n7:10  Lindqvist ×5  07456 902 318  allergy: nuts")),
    ("contact", "Guest list for Saturday's tasting: Harrington x2 07841 556 209, Mbeki x4 07391 624 870. Make it a table."),
    ("contact", "Cliente Lucía Ferrández, de Valencia (Spain), pide que la llamemos al 634 215 887 por la tarde. Draft a reply in English."),
    ("contact", "Our French supplier's rep, Mathilde Roux, said to text her on 06 47 21 93 58 when the pallets leave."),
    ("contact", "ドイツの取引先の担当 Jonas Weber さんの携帯は 0171 4829 365 です。訪問日程の連絡文を作ってください。"),
    ("contact", "予約表を清書して。\n18:00  佐伯様 x4  090-3318-7426\n18:30  北村様 x2  080-5529-1064"),
    # a Spanish DNI / NIE, check letter hyphenated
    ("national_id", "Customer Álvaro Quintana sent his DNI 30571846-D so we can reissue the invoice. Write the SQL update."),
    ("national_id", "スペイン人スタッフ Carmen Ortega さんの NIE Y-4817263-R を雇用契約書に記載したいので、書式を整えて。"),
    # a mark said to be in the document's footer/header, its content then told with figures
    ("confidential", ("この提案書、ヘッダーに「部外秘」と書いてあるんですが、来期の人員を12名削減する計画と各部門の削減額（営業 3,400万円、"
                      "製造 2,100万円）がまとまっています。要約してください。")),
    ("confidential", ("このスライド、各ページに「関係者外秘」って入ってるんですが、新工場の投資額 48億円と稼働開始 2027年4月の"
                      "スケジュールです。英語にしてください。")),
    ("confidential", ("This deck has \"Confidential\" in the footer, and it lists our H1 margin by region: North 14%, "
                      "South 9%, plus the planned 6% price rise. Help me build a chart.")),
    ("confidential", ("The header says \"Internal Only\" - it is the renewal forecast: Brightwater 1.4m at risk, "
                      "Calloway 650k likely to churn. Summarise it for the VP.")),
    # an NI number in a row quoted from a real data file
    ("national_id", ("Import fails on row 2,318 of the payroll export: `P5521,Gareth Pryce,QQ 12 34 56 C,1979-11-30,Cardiff`. "
                     "The NI number has spaces, how do I strip them in pandas?")),
    ("national_id", ("Our loader chokes on row 77 of the HR file: E4410,Megan Rhys,QQ 12 34 56 A,1992-05-08,Swansea - "
                     "the NI number check rejects it. What's wrong?")),
    # the same person referred back to in a report's next field (同人は / 同氏は), the criminal fact told there
    ("criminal_record", ("事故報告書の案です。\n\n発生状況：派遣社員の石原 健吾が棚卸中に商品券を持ち去った\n"
                         "その後：同人は2023年10月に窃盗容疑で書類送検、現在起訴待ち\n\n取引先への説明文を作ってください。")),
    ("criminal_record", ("苦情対応メモ：\n概要：元アルバイトの森田 翔太が店のSNSアカウントを乗っ取った\n"
                         "続報：同人は2024年9月に不正アクセス禁止法違反で逮捕、公判中\n株主向けの説明をどう書けばいい？")),
]

HARD_NEGATIVES = [
    # published / fiction numbers, a template with blank rows
    "For the radio play script, the detective's number is 07700 900 461. Make the scene tenser.",
    ("Make a booking sheet template for the host stand with columns Time, Name, Covers (e.g. x4) and Phone (e.g. 07700 900 123), "
     "ten blank rows."),
    "In the sitcom episode the pizza place number is 555-0142. Write the phone gag.",
    # DNI / NIE format talk with a fake
    "What format is a Spanish DNI? e.g. 12345678-Z: eight digits and a check letter. How is the letter computed?",
    "Regex para validar un NIE como X-0000000-T, ¿me ayudas?",
    # the mark's meaning, a policy, removing it
    "What does the footer \"Confidential\" mean on our slides?",
    "Our policy: every board paper must carry \"Confidential\" in the footer. It is reviewed every 12 months.",
    "この資料、フッターに「社外秘」って入ってるんですが、2019年の古い資料なので消してもいいですか？",
    "フッターに「社外秘」って入れるのはどういう意味がありますか？",
    # 同人 as fan works, no one referred back
    "同人誌の即売会で、同人は趣味として続けたいと話した作家さんが逮捕されたニュースの記事を要約して",
    "同人サークルの活動で逮捕されることってありますか？",
    # an NI regex over a sample row
    "Write a regex for UK NI numbers like QQ 12 34 56 C. Sample row for the test: E1,Jane Smith,QQ 12 34 56 C,1990-01-01,York",
]
