"""Classes of failure held-out W's first run showed (benchmarks/routing/README.md, "Session 14 (W)"), generalised and
tested on prompts written afresh for session 14 (not W's rows), EN and JA where the class has both, each with a clean
twin. Every name, number, key and address is invented. W is apps and agents: tool results pasted back, inbox
assistants, document QA over OCR'd forms, meeting minutes.

Misses (sensitive): a secret in a tool's own output layout (a `vault kv get` table, `terraform output -json`'s
sensitive value, a `.pgpass` line); a marking in a page's `Label:` field; a passport's machine-readable zone; a named
household on means-tested aid or unable to pay (Japanese school and city-office wording); a religion the writer
says they were found out to hold (「…だとバレて」, the subject dropped); a payroll or transfer log line with name= and
acct=.

False-positive classes (hard negatives): role and department senders on reserved domains (events@, training@,
servicedesk@, romaji department names soumu@ / jinji@ / keiri@, a *-demo account) and a vendor API's test-mode
payload ("livemode": false, cus_test_…); the same tool layouts holding metadata or placeholders; a label field
naming a public page; ICAO's specimen passport (issuing state UTO); aid schemes explained; a worry about being
found out; a log line with an account number and no name.
"""

from __future__ import annotations

SENSITIVE = [
    # a vault kv table
    ("secret", ("Agent step 3, output of `vault kv get kv/shop/mailer`:\n===== Data =====\nKey              Value\n---              -----\n"
               "smtp_user        mailer\nsmtp_password    Qe7vLm29xTb4\n\nWhy does the SMTP login still fail?")),
    ("secret", ("ツール実行結果（vault kv get secret/batch）:\nKey          Value\n---          -----\nsftp_token   7d41c9e0b2a84f6f9a3c\n"
               "この値で接続できない原因を推測して。")),
    # terraform output -json, a sensitive output's value
    ("secret", ('Pasted from `terraform output -json`: {"redis_auth_token":{"sensitive":true,"type":"string","value":"p9Xc7Lw2Qr8Zt"},'
               '"redis_host":{"sensitive":false,"type":"string","value":"cache.internal"}} how do I use this from the app?')),
    ("secret", 'terraform output -json の結果です：\n{"admin_pw": {"sensitive": true, "type": "string", "value": "Ku8#rT2vNq"}}\nこれでログインする手順を教えて'),
    # a .pgpass line
    ("secret", "The agent printed ~/.pgpass to debug the cron job:\nwarehouse.corp.lan:5432:analytics:etl_user:Zr4tQp8Lm2\nwhy is it ignored?"),
    ("secret", "エージェントが .pgpass を表示しました：\npg-main.local:6432:app:app_rw:m3Kd9Vx2Pq\nこのファイルが使われない理由は？"),
    # a marking in a label field
    ("confidential", ("Tool result (notion.get_page):\nTitle: Q3 reorg plan\nLabel: CONFIDENTIAL - Leadership only\nBody: Merge the two support teams.\n"
                     "Summarise the plan.")),
    ("confidential", "Page fetched by the assistant:\nTitle: Vendor shortlist\nLabels: RESTRICTED\nBody: Three bidders remain.\nGive me one line."),
    # a passport's machine-readable zone (check digits correct: no passport word needed), and one with its word
    ("national_id", "OCR output, return the fields as JSON:\nP<GBRMARSH<<EILIDH<ROSE<<<<<<<<<<<<<<<<<<<<<\n5338129470GBR9203181F3106040<<<<<<<<<<<<<<06"),
    ("national_id", "パスポートのスキャン結果です。氏名と生年月日を抜き出して。\nP<JPNOKAMOTO<<RYOTA<<<<<<<<<<<<<<<<<<<<<<<<<\nTZ11846202JPN8809210M3302152<<<<<<<<<<<<<<04"),
    # a named household on aid or unable to pay
    ("financial", "[学年会議メモ → 要約]\n担任: 4年1組の森さんのご家庭、生活保護を受けていて、遠足代の件で相談がありました。"),
    ("financial", "議事録を整理して。民生委員: 川村さんのお宅は家庭の事情で給食費が払えないそうです。"),
    # a religion the writer was found out to hold, the subject dropped
    ("religion", "問い合わせフォームより転送：以前アルバイトしていた者です。創価学会員だとバレて店長から無視されるようになりました。名前は 大森 舞 です。"),
    # a person's own address stays personal beside the new role senders (a guard, not a miss; on a real domain since session 23,
    # when a reserved domain's address became a stand-in unless the writer says it is theirs: s23-k-classes.md)
    ("contact", ("Inbox assistant, summarise:\nFrom: Priya Nair <priya.nair@fernwood-arts.org>\nSubject: new address\n"
                "Body: Please write to me here from now on, not at events@example.org.")),
    # guards beside the new exclusions: a marking above a comparison, a person's mobile offered for sales enquiries
    ("confidential", "社外秘の資料です。新旧製品の違いをまとめた表を英訳して。"),
    ("contact", "Reply to this lead: for sales enquiries just call me on my mobile, +61 412 837 219, any time after 5."),
    # a payroll / transfer log line with name= and acct=
    ("financial", ("Why do these rows fail?\nWARN line 88: account length invalid name=Grace Holt sort=40-11-62 acct=7730198\n"
                  "WARN line 91: account length invalid name=Owen Pryce sort=20-45-77 acct=5512")),
    ("financial", "振込データ作成でエラー：\nERR 3: 桁数不正 name=田村 恵子 bank=0001 branch=220 acct=55831 type=普通"),
]

HARD_NEGATIVES = [
    # role and department senders on reserved domains; a demo account; a test-mode payload
    "You are an inbox assistant. Summarise:\nFrom: Events Team <events@example.net>\nSubject: Venue change\nBody: The meetup moves to Hall C.",
    "Triage this: From: Learning <training@example.com>\nSubject: New course on phishing\nBody: Enrol by Friday.",
    "受信トレイアシスタント：重要度を判定して。\n差出人: 人事部 <jinji@example.co.jp>\n件名: 健康診断のお知らせ\n本文: 10月中に受診してください。",
    "このメールを分類して。差出人: 経理部 <keiri@example.jp> 件名: 経費精算の締切 本文: 月末締めです。",
    'API response for the booking widget: {"owner":"booking-demo@example.com","slots":["10:00","11:00"]} turn it into a sentence.',
    ('tool_result (stripe.charges.list, mode=test): {"data":[{"id":"ch_test_9","receipt_email":"sam.lee@example.com"}],"livemode":false} '
    "what does livemode mean?"),
    # the same layouts with metadata or placeholders
    "vault kv metadata output:\nKey              Value\n---              -----\ncreated_time     2025-01-04T10:22:31Z\nversion          3\nwhat is version?",
    'terraform output -json gave {"db_endpoint":{"sensitive":false,"type":"string","value":"db.internal:5432"}} how do I use it?',
    "How should a .pgpass line look? Mine is localhost:5432:mydb:myuser:your_password_here and psql ignores it.",
    # a label field naming a public page; label talk in a sentence
    "Tool result (confluence.get_page):\nTitle: Holiday calendar\nLabel: Public\nBody: Offices close on 1 May.\nSummarise.",
    "Our training explains the label CONFIDENTIAL and when to use it; write a quiz question about labels.",
    # ICAO's specimen, and an example zone
    "Explain the fields of this ICAO specimen:\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
    # aid schemes explained; a worry about being found out
    "就学援助の制度について、保護者向けのお知らせ文を作ってください。給食費が払えない家庭への支援の窓口も書いて。",
    "宗教を信じていることが職場でバレたらどうなるか、一般論で教えて。",
    # a team's published line on a contact page; marks compared
    'Search result — lumora.co/contact: "Media inquiries: +61 2 9374 4411 (weekdays)." Who should a journalist call?',
    "社内検索AIへの質問: 極秘と社外秘はどう違うの？規程の該当箇所も示して。",
    # a form's sample with zeros and blanks
    "記入例の項目名を抜き出して。\n氏名 山田 花子（記入例） 社員番号 00000\n振込先 ○○銀行 ○○支店 普通 0000000\n住所 ＿＿＿＿＿＿",
    # a log line with an account number and no name
    "ERROR row 3: acct=38120 length invalid (expected 7 digits). What check should the importer do?",
]
