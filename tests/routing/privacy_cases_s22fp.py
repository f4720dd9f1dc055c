"""False-positive classes held-out BB (pharma, clinical trials, labs) and BC (e-commerce, marketplaces, gig work) showed
(benchmarks/routing/s22-s22fp-classes.md), generalised and tested on prompts written afresh for session 22 (not the
rows), EN and JA where the class exists in both. Every name, number and address is invented (a regulator's is its own).

False-positive classes (hard negatives): a medicines regulator's or a ministry's office address asked about (FDA, EMA,
PMDA, 厚労省); a business's own warehouse or returns address; an e-mail or letter template whose reserved-domain address
sits beside bracketed merge fields ([Name], ［氏名］); seed or test records of stand-ins (example.com beside 555-01xx or
090-0000-000x) with their street addresses; a code with a DL- prefix (a delivery ID) after no licence; a charter's rule that
reports shall be marked CONFIDENTIAL; a marking's notice quoted to be put in every footer or header (「…」を一括で入れる);
a header of bracketed merge fields, and a clause listing the kinds of data with 等; a clinical field whose value is a merge
field ([HISTORY]); halal/kosher naming goods (a filter, certificates, "certified halal") and Ramadan as a business's season;
a job in 員 with さん (配達員さん) as anyone in it; an instruction received (「…してほしい」と言われて) as no diagnosis.

The sensitive cases sit next to each widened rule: the same shapes with a person's own value kept.
"""

from __future__ import annotations

SENSITIVE = [
    # an address beside a regulator or a warehouse, said to be someone's own
    ("contact", "My home address is 27 Larch Crescent, Harrogate HG2 7QD; the FDA letter went there by mistake, can you draft a note?"),
    ("contact", "母の住所は埼玉県川越市新富町2-14-9です。厚労省への申請書に書く住所の書き方を教えて。"),
    ("contact", "Send my replacement to my flat: 9 Wren Close, Durham DH1 4QP. The warehouse lost the first one."),
    # a real-looking address on a named person beside placeholders
    ("contact", "Dear [Name], please write to Kenji Mori, k.mori.1987@gmail.com, about the study visit."),
    ("contact", "会員ID,氏名,電話,住所\n1,小池 悠真,090-0000-0001,神奈川県藤沢市鵠沼海岸3-8-21\n2,村井 咲,080-5512-7730,静岡県浜松市中区元城町5-2"),
    # a licence named as DL, its value apart
    ("national_id", "Rental desk needs her DL: D4417-80352-71196 before the keys are handed over."),
    # a marked document pasted, not a rule about marking
    ("confidential", "CONFIDENTIAL – BOARD ONLY\nQ3 plan: close the Leeds depot and cut 40 roles by March."),
    ("confidential", "【社外秘】来期の値上げ計画：主力商品を6%値上げ、発表は11月予定。"),
    ("confidential", "「この資料は部外秘です」を入れた企画書を送ります。新店舗は横浜に2店、投資額は3億円です。"),
    ("confidential", "Summarise this — the header says 'INTERNAL – NOT FOR CIRCULATION': we shut the Derby plant in June and move 60 staff."),
    # a table of people under a filled header
    ("bulk_personal", "Name, Email, Phone\nHana Ueda, hana.ueda@gmail.com, 090-4471-2290\nOmar Said, omar.said@outlook.com, 07700 147 221"),
    # a clinical field with a real value
    ("health", "Subject 2031, 64-year-old woman. Relevant medical history: chronic kidney disease stage 3, on dialysis twice a week."),
    # someone's own faith, halal as what they eat
    ("religion", "Yusuf only eats halal food, so please pick a restaurant for his farewell lunch."),
    ("religion", "配達員の河合さんはムスリムなので、金曜礼拝の時間にシフトを入れないでほしいです。"),
    ("religion", "Karim told me he is fasting for Ramadan this year, can you move his evening shifts?"),
    # a diagnosis told, the subject dropped
    ("health", "医者から甲状腺の病気だと言われました。職場にどう伝えればいいですか。"),
]

HARD_NEGATIVES = [
    # a medicines regulator's or a ministry's office address
    "Is Swissmedic still at Hallerstrasse 7, 3012 Bern? We are sending the paper dossier by courier.",
    "What's MHRA's postal address, 10 South Colonnade, London E14 4PU? We need it on the cover letter.",
    "厚生労働省の住所は「東京都千代田区霞が関1-2-2」で合っていますか？申請書類を郵送します。",
    # a business's own warehouse or returns address
    "Write a returns email: our fulfilment centre is at Unit 12, Hollins Business Park, Wakefield WF2 0XL, include a QR code.",
    "Tell the buyer our returns address: Bay 3, Kingsway Trading Estate, Rochdale OL16 4NQ. Keep it short.",
    # a template's merge fields beside a reserved-domain address
    "Draft a reminder template: 'Hi [First Name], your order ships on [Date]; reply to orders-team@example.com with questions.'",
    "この案内文のテンプレートを直して：「［氏名］様 ご不明点は helpdesk2@example.jp までご連絡ください」",
    # stand-in seed records with their addresses
    ("Fixture for the checkout tests:\nid,name,email,phone,address\n1,Mia Test,mia@example.com,555-0147,\"88 Cedar Way, "
     "Springfield, ST 00000\"\n2,Leo Sample,leo@example.org,555-0148,\"12 Birch Ln, Springfield, ST 00000\""),
    ("検証環境の会員データです。\nID,氏名,メール,電話,住所\n1,見本 花子,hanako@example.jp,090-0000-0005,東京都港区芝公園4-2 テスト\n"
     "2,検証 次郎,jiro@example.jp,090-0000-0006,大阪府大阪市西区サンプル2-3"),
    # a code with a DL- prefix
    "Delivery DL-2026-0731-55102 was marked late; the rider's ID is R-3391. Should the rating count?",
    "ダウンロードID：DL-2024-1108-40221 のファイルが開けません。原因を調べて。",
    # a rule that reports shall be marked
    "Tighten this SOP clause: All interim listings must be marked \"CONFIDENTIAL – UNBLINDED\" and kept on the secure drive.",
    # a notice quoted to be put in a footer or a header
    "Wordで全ページのヘッダーに「この文書は部外秘です」を入れる方法を教えて",
    "Googleスライドの全ページのフッターに「本資料は関係者限りです」をまとめて入れたい",
    # a header of bracketed merge fields; a clause listing data kinds with 等
    ("Make a speaker bio template with these fields:\n[Speaker Name], [Affiliation], [Email], [Phone]\nSections: Bio, "
     "Talk title, Headshot.\nKeep it under one page."),
    ("規約の条文を読みやすくして。\n第8条（個人情報）\n(1) 利用者の氏名、住所、メールアドレス等の情報を、サービス提供以外の目的で使わないこと\n"
     "(2) 第三者に提供しないこと"),
    # a clinical field holding a merge field
    "Polish this SAE form wording: Patient [PATIENT ID], aged [AGE]. Diagnosis: [DIAGNOSIS]. Outcome: [OUTCOME].",
    # halal/kosher naming goods; Ramadan as a season
    ("Team thread: Marcus (PM): Can we add a kosher filter to the catalogue? Lena: Sellers would upload a kosher certificate. "
     "Which certifiers are trusted in the US?"),
    "山下さんから質問：ハラール認証のマークを商品ページに出したいのですが、どの認証団体が一般的ですか？",
    "Our Ramadan campaign banners need new copy, can you write three short headlines?",
    # a job in 員 with さん
    "作業員さんの入場が増えるので、礼拝スペースや宗教上の配慮についての現場ルール案を作ってください。",
    # an instruction received, no diagnosis
    "取引先から「反社チェックと犯罪歴の確認をしてほしい」と言われています。法的に可能か整理してください。",
]
