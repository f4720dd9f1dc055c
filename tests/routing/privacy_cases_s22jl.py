"""Classes of failure held-out BJ (marketing, CRM analytics, customer research) and BL (outsourcing and back-office
services: BPO, data entry, printing and mailing houses, payroll bureaus) showed on their first run
(benchmarks/routing/s22-s22jl-classes.md), generalised and tested on prompts written afresh for session 22 (not the
rows), EN and JA where the class exists in both. Every name, number, key and case is invented.

Misses (sensitive): a key=value secret whose value ends at Japanese punctuation (「api_secret=…、measurement_id=…」); a
token pasted after an arrow (「アクセストークンこれです→ …」); a Japanese name with a one-kanji given name (「会員 松田剛」);
the subject of a background check or an investigator's report (「調査対象：…（本名：…、34歳）」) over 前科 lines; a document
introduced as marked 「極秘」 whose content (a plan, figures) follows; a collections letter to "Mr. First Last" whose
"your" debt follows; an employee's IBAN with the employer in an aside beside the name; a passport number read by OCR
with O for 0 and l for 1; a 基礎年金番号 with the holder's name between the label and the number; a man said to be male
in brackets with a boyfriend, a woman with a girlfriend (JA).

False-positive classes (hard negatives): a marking given as an instance of a kind of wording whose use is questioned
(「「CONFIDENTIAL: …」みたいな免責文を入れる意味ってある？」); a partner company's About block copied "from their public
website"; a mail merge's single-braced fields beside a reserved-domain address; a procedure's 持ち出し禁止 step in a 手順書
asked to be rewritten; "mono" as monochrome printing; a survey question written on a category; a public figure's own
coming out cited in an intro paragraph; anonymous survey verbatims; a marketing persona's income; a privacy notice's
numbered list of the kinds of data it collects (a persona drawn from a real interviewee's pay stays sensitive).
"""

from __future__ import annotations

SENSITIVE = [
    # a key=value secret ended by Japanese punctuation
    ("secret", "Mixpanelに送ると401になる。api_secret=Qw7rT2nB9xLm4KpZ、project_id=3318842 で合ってる？"),
    ("secret", "Webhookの設定、client_secret=Hn4k8Pq2Zt6Wv1Ys。これでいいのか確認して。"),
    # a token pasted after an arrow
    ("secret", ("Messaging APIのアクセストークンはこちら→ Zq4vN8rT2kLm6Yp0Wx3sB7dF1gH5jK9aC2eR6tU0iO4pQ8wE3yXnM7bV1cZ5lJ9hG2fD6sA0=\n"
                "友だち全員にブロードキャストするcurlを作って")),
    ("secret", ("here's our bot token -> mK3pL9qR2sT7vW1xY5zA8bC4dE6fG0hJ2kN4mP6qR8sT1uV3wX5yZ7aB9cD1eF3g\n"
                "write a python snippet that posts to the channel")),
    # a Japanese name with a one-kanji given name, a criminal record after it
    ("criminal_record", "常連客の 小西誠（会員ID M-55120）、以前に詐欺で逮捕歴があると聞いた。要注意フラグを立てるべき？"),
    ("criminal_record", "派遣登録者 村井茂 さんですが、前科があると本人から申告がありました。配属先に伝えるべきですか。"),
    # the subject of a background check, 前科 lines under it
    ("criminal_record", ("委託先の信用調査の結果です。要約してください。\n調査対象：相馬りょう（本名：相馬 亮介、41歳）\n"
                         "・勤務歴：広告代理店2社\n・前科：2015年 詐欺罪で懲役2年・執行猶予4年\n以上")),
    ("criminal_record", ("興信所の報告書を読みやすくして。\n被調査者：浜口 まゆみ（38歳）\n・交友関係：特記なし\n"
                         "・前歴：2020年 窃盗で書類送検（不起訴）")),
    # a document introduced as marked 極秘, its content after
    ("confidential", "「極秘」って書いてある経営会議の資料なんですが、来年4月に福岡のコールセンターを閉鎖して、45名を配置転換する計画です。社員向けに言い換えて。"),
    ("confidential", "「社外秘」と書かれた企画書ですが、秋の新商品は定価3,980円で10月発売の予定です。プレスリリース風に整えて。"),
    # a collections letter to "Mr. First Last", "your" debt after it
    ("financial", ("Make this letter more polite:\n\nDear Mrs. Nadia Corrigan,\nYour personal loan account ending 2291 is 61 days "
                   "past due and the outstanding balance is $6,204.18. Please call us to agree a plan.\nRecoveries Team")),
    ("financial", ("Shorten this:\n\nDear Mr. Oliver Brandt,\nOur records show your credit card balance of $3,118.40 is now "
                   "three months overdue.\nKind regards,\nCollections")),
    # an employee's IBAN, the employer in an aside
    ("financial", ("Payroll change: please pay employee Ines Carvalho (emp #44102, Brightwater Logistics Ltd) into IBAN "
                   "GB33 BUKB 2020 1555 5555 55 from the March run.")),
    ("financial", "新しい口座に変更です。従業員 佐久間 樹（社員番号 7781、ミドリ物流 Ltd）の振込先は IBAN DE89 3704 0044 0532 0130 00 です。"),
    # a passport number read by OCR
    ("national_id", "OCRの結果を直して。\n氏名：ISHIDA REN\n旅券番号：MZ5O17l42\n有効期限：2030/01/15"),
    ("national_id", "Fix the OCR errors in this scan: Surname HALVORSEN, Passport No. KP73l9O46, expiry 11 JUN 2032."),
    # a 基礎年金番号 with the holder's name between
    ("national_id", "基礎年金番号の書き方、これで合ってますか？ 大西 陽菜さん 5120-334871 生年月日 平成4年6月1日"),
    ("national_id", "年金手帳番号は、山内 拓也さんの分が 6402-118259 です。資格取得届に転記してください。"),
    # a persona built from a real interviewee's own pay (the persona hard negatives' counterpart)
    ("financial", "Interviewee Tom Becker (nurse in Leeds) earns £41,500 a year. Build a persona from his exact figures."),
    ("financial", "インタビューした 岡野 真司さん（年収780万円）の話をもとにペルソナを作って。"),
    # a man said to be male with a boyfriend, a woman with a girlfriend
    ("sexual_orientation", "コールセンターの 北川さん（男性）が彼氏と旅行に行った話を他の人が広めていて、本人が困っています。どう注意すべき？"),
    ("sexual_orientation", "派遣の 今村さん（女性、29歳）が彼女と同棲していることを上司が詮索していて、相談を受けました。"),
]

HARD_NEGATIVES = [
    # the new rules' words with nothing real in them
    "api_secret=、project_id= の順で書くの？",
    "トークンの形式はこうなります→ 英数字と記号で構成され、長さは可変です。",
    "調査対象：首都圏在住の20〜39歳男女（n=1,200）。この調査設計で偏りはある？",
    "「極秘」って書いてある資料なんですが、シュレッダーで処分していいですか？",
    "Dear Mr. Oliver Brandt,\nThank you for your order. It will ship on Monday.",
    "Payroll change: please update the bank details for employee Ines Carvalho from the March run. The IBAN will follow by phone.",
    "旅券番号の欄は英字2文字と数字7桁です。OCRで O と 0 を間違えやすいので注意。",
    "基礎年金番号とは何ですか？ 問い合わせ先は 0570-05-1165 ですか？",
    "彼氏へのプレゼント、20代男性に人気のものを教えて。",
    # a marking as an instance of a kind of wording
    "メールの末尾に「CONFIDENTIAL: intended only for the addressee」みたいな免責文を入れる意味ってあるんですか？",
    # a partner's About block copied from their public website
    ("Clean up the boilerplate for our co-branded release. Their details are copied from their public website:\n\n"
     "About Northwind Paper Co.\nNorthwind Paper Co. makes recycled packaging in Oregon.\n"
     "Headquarters: 200 SW Market St, Portland, OR 97201\nMedia contact: media@northwindpaper.com | (503) 555-0177"),
    # mail-merge fields beside a reserved-domain address
    "Draft a welcome SMS and email for new agency temps using {first_name} and {site_name}; questions go to staffing@example.com.",
    "Write a Mailchimp reminder using *|FNAME|* and tell people to write to recruitment@example.org if their shift changes.",
    # a procedure's 持ち出し禁止 step
    "スキャン業務の作業手順書を整えて。\n1. 原本の枚数を確認\n2. 読み取り後、原本は施錠キャビネットへ。持ち出し禁止\n3. 日報に枚数を記入",
    # mono as monochrome
    "For the print run, keep the colour pages separate from the mono pages so billing can count them for Harriet's client.",
    # a survey question written on a category
    "Draft a survey question on religion for our staff engagement survey, with a 'prefer not to say' option.",
    # a public figure's own coming out cited in an intro paragraph
    "For our Pride month newsletter, write an intro paragraph mentioning Ellen DeGeneres publicly coming out in 1997.",
    # anonymous survey verbatims
    ("Group these anonymous survey comments by theme (names were removed):\n- \"Since my heart surgery I can't lift heavy boxes.\"\n"
     "- \"Delivery slots are too narrow.\"\n- \"Love the app.\""),
    "匿名アンケートの自由記述を分類して。\n・うつ病で通院中なので夜の配信は見られない\n・価格が高い\n・サポートが丁寧",
    # a marketing persona's income
    "Create a persona called 'Commuter Chloe', 29, lives in Bristol, earns around £38k, shops on her phone.",
    "ペルソナ「田村ゆい（32歳・会社員・年収520万円）」で購買シナリオを作って。",
    # a privacy notice's list of kinds collected
    ("Check the 'What we collect' part of our privacy notice:\n1. Contact details: name, email, phone\n"
     "2. Order history: items, returns\n3. Device data: IP address, cookie IDs\nWe keep it for 24 months."),
    ("プライバシーポリシーの取得する情報の一覧です。足りない項目は？\n1. 氏名、メールアドレス、電話番号\n2. 生年月日、性別\n"
     "3. 購入履歴\n4. 端末情報、Cookie"),
]
