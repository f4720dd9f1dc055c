"""Classes of failure held-out R showed (professionals' desks and exported records: clinicians, HR,
payroll, schools, lawyers, IT support), each tested on prompts of the same kind written afresh (not R's
rows), EN and JA. Every name, number and key is invented.

Misses (sensitive): a union joined or paid by its initials (a rep of a UK union, "joined the NEU",
union subs on a named person's payslip); a man's partner said to be male; a pupil named by class and a
colleague by post in a memo (「3年1組 …」「… 係長」) with a faith or an arrest; a party to a criminal
matter labelled 「被疑者：」; a clinical note's Hx: field; credentials under words the rules did not know
(PW:, an override code, an admin / password pair in brackets, a safe's dial combination); a "NOT FOR
CIRCULATION" marking; a card number whose prefix the table lacked, in a phone memo; an export's name field (XML <Name>, a FHIR "display") heading a condition.

False-positive classes (hard negatives): 同様 / 仕様 read as someone 様; a department called
"Operations"; a politician's own public statement; a support mail that says the PIN is left out;
templates and samples (○○ addresses, a 記入例 payslip, a bracketed payee to fill in, an all-zero sample
statement, the documentation IBAN in an explanation).
"""

from __future__ import annotations

SENSITIVE = [
    # a union by its initials: a rep, joining it, dues on a named person's payslip
    ("union_membership", "Tidy this ward note: \"Charge nurse Tobias Wren is the UNISON rep for theatres and will join the pay meeting.\""),
    ("union_membership", "Proofread: \"Dear Mr Okafor, thanks for letting us know you have joined the NASUWT and will be the staff's workplace rep.\""),
    ("union_membership", "Why is there a deduction on Megan Hollis's payslip?\nBasic 2,100.00\nTax -210.00\nGMB union subs -14.20"),
    # a man's partner said to be male
    ("sexual_orientation", "Summarise for reception: \"Mr Dario Venn asked us to stop writing 'wife' on his file; his partner is male.\""),
    # a pupil by class, a colleague by post
    ("religion", "面談メモを要約して。\n3年1組 森本 陽向の父より：家がエホバの証人の信仰なので、運動会の騎馬戦は見学させたいとの相談。"),
    ("criminal_record", "人事メモを整えて。\n総務課 大西 健太 係長が先月、傷害の容疑で逮捕され、その後不起訴となったとの情報あり。"),
    # a party labelled in a criminal matter
    ("criminal_record", "接見メモを清書して。\n被疑者：アリ・ハッサン（31）\n罪名：詐欺\n本人は容疑を否認。"),
    # a clinical note's history field
    ("health", "Fix the grammar: \"Mrs Ingrid Holm, 74, admitted with a fall. Hx: AF on apixaban, COPD. Lives alone.\""),
    # credentials under words the rules did not know
    ("secret", "引き継ぎメモを整えて。「会計ソフト 管理者ID: keiri01、PW: Rx7#pLm2qa（毎年変更）」"),
    ("secret", "Soften this message to the night nurse: \"The Pyxis override code this month is 829175. Do not tape it to the cabinet.\""),
    ("secret", "Summarise the IT handover:\n- The NAS backs up nightly (admin / QpWmrTzXvk)\n- Printer driver is on the share"),
    ("secret", "金庫のメモを清書して。\n事務所の金庫→ 右に4回 27、左に3回 63、右に 09"),
    # an export's name field heading a condition
    ("health", "Why does this XML fail the schema?\n<Person>\n  <Name>Orla Keane</Name>\n  <Team>Payments</Team>\n  <Absence type=\"sick\" reason=\"Crohn's disease flare, admitted\"/>\n</Person>"),
    ("health", "このFHIRリソースを説明して。\n{\"resourceType\":\"Condition\",\n\"subject\":{\"display\":\"岡田 修\"},\n\"code\":{\"text\":\"2型糖尿病\"}}"),
    # a card number with a prefix outside the table, said to be a card
    ("financial", "電話メモを項目ごとに分けて。「11/28 10:05 村井様 カード番号 5801 2345 6789 0129 有効期限 04/28」"),
    # a marking that keeps a paper in
    ("confidential", "Make this readable for the team leads. Header: NOT FOR CIRCULATION BEYOND SITE MANAGERS. The depot in Hull closes in March and 60 drivers move to Goole."),
]

HARD_NEGATIVES = [
    # 同様 and 仕様 are words, not someone 様
    "社内規程の改定案を作って。同性パートナーシップ証明書を持つ社員も、配偶者と同様に慶弔休暇を取れるようにしたい。",
    "外来カルテの書き方の例を作って。S）2日前から咳と発熱。O）T 38.1℃。A）急性上気道炎。P）対症療法。同僚にも同様の症状。",
    # a department called Operations
    "Why does this XML not validate?\n<Employee><Name>Ivo Brandt</Name><Department>IT Operations</Department><Start>2020-01-06</Start></Employee>",
    # a politician's own public statement
    "A senator said in a television interview that he is a devout Catholic. Write a neutral classroom question about faith in public life.",
    # a PIN said to be left out
    "サポートへの問い合わせ文を整えて。暗証番号は書かないで、エラーコードE517が出ることだけ伝えたい。",
    # an export with only benign fields
    "Why does this XML fail the schema?\n<Person>\n  <Name>Orla Keane</Name>\n  <Team>Payments</Team>\n  <Absence type=\"annual\" days=\"5\"/>\n</Person>",
    # sixteen digits in groups that are no card: an order number
    "注文番号 5801 2345 6789 0129 の配送状況を問い合わせる文を作って。",
    # templates and samples
    "退去通知の文面を丁寧にして。\n〒000-0000 ○○県○○市○○町 ○○ハイツ ○○号室\n入居者 ○○ ○○ 様",
    "給与明細の記入例です。表にして。\n氏名 見本 花子\n基本給 250,000 通勤手当 10,000 差引支給額 215,000",
    "Turn this into a payment letter to the bank:\nPayee: [payee name]\nIBAN: [IBAN]\nAmount: EUR [amount]",
    "Make a CSV from this sample statement:\nACCOUNT NO: 00000000  SORT CODE: 00-00-00\n03 Mar  RENT  -900.00\n05 Mar  PAY  +1,800.00",
    "Explain to a trainee what each part of an IBAN means, using DE89 3704 0044 0532 0130 00 as the example.",
]
