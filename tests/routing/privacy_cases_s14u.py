"""Classes of failure held-out U's first run showed (benchmarks/routing/README.md, "Session 14 (U)"), generalised and
tested on prompts written afresh for session 14 (not U's rows), EN and JA, each with a clean twin. Every name,
number and address is invented.

Misses (sensitive): a customer's quoted statement (survey free text, a ticket's message, a complaint, a LINE or
chat line) whose speaker is named on the line that introduces it, on the header line above it
(「お客様：… 様」「会員：…（会員番号 …）」), right after it, inside it, or by a self-introduction in it; a surname
alone before a spaced honorific (「・三浦 様「…」」); a same-sex couple said with 同士, or across two sentences
(「彼氏へのプレゼント…。僕も男なので」); a gender transition ("recently transitioned", 性別移行); a sentence being
served, a driving ban and the UK's endorsement codes; membership of a union named by its initials ("a member of
the PCS"); 自己破産 on a named member's survey line; a conviction in a news story about someone; a callback list of
named customers whose numbers are in Ofcom's drama range; a phone number glued to a bracketed age
(「（38）080-…」); an account number beside a masked bank name.

False-positive classes (hard negatives): the same layouts with nothing sensitive said, a quoted term talked about,
女性同士 on a trip, a team that transitioned to a new system, a ban on fireworks, a union's initials with no
membership, bankruptcy as an FAQ topic, a drama number in a radio play, a template with a masked branch, a
marking named as a kind of document (「極秘という表示がある資料を…送るときの注意点」), a partner-discount scheme, 宗教法人,
a sick-note template with a bracketed name placeholder.
"""

from __future__ import annotations

SENSITIVE = [
    # a quoted statement whose speaker is named on the header line above it
    ("health", "問い合わせ履歴を要約して。\nお客様：長谷川 直樹 様\n「糖尿病でインスリンを打っているので、冷蔵便で送ってほしい」"),
    ("criminal_record", "調査メモを清書して。\n会員：杉本 大輔（会員番号 330981）\n内容：本人申告。昨年、窃盗罪で執行猶予付きの判決。"),
    # ...on the line that introduces it, a surname alone before a spaced honorific
    ("health", "アンケートの自由記述をまとめて。名前は残して。\n・三浦 様「適応障害で通院中なので、電話より メールがありがたい」\n・森 様「特になし」"),
    ("religion", "Summarise the survey comments, keep the names.\n- Mrs Okafor: 'We are Seventh-day Adventists, so no Saturday deliveries please.'\n- Mr Lee: 'Fine.'"),
    # ...inside it: the record's subject opens the quoted note
    ("criminal_record", "Tidy this for the claims file: 'Member Oliver Grant, card 55120. Renewal due. Note: two prior convictions for theft per screening.'"),
    # ...by a self-introduction in it
    ("union_membership", "解約理由を分類して。\n「村井です。組合の活動で職場に居づらくなり、転職で引っ越すので解約します」"),
    # a same-sex couple said with 同士, or across two sentences by the speaker's own sex
    ("sexual_orientation", "注文メモを整理して。\n注文者 岡本 翼 様「男性同士なので、ペアリングは両方メンズサイズで」"),
    ("sexual_orientation", "チャットの記録から要望を抜き出して。\nお客様：えっと、石原です。彼氏の誕生日に贈りたいです。僕も男なので、ラッピングは控えめで"),
    ("sexual_orientation", "Pull out the request: 'Hi, Tom Reyes here. Need a gift for my boyfriend, and yes I'm a guy too, so skip the pink wrap.'"),
    # a gender transition
    ("sexual_orientation", "CRM note: spoke with Sam Ortiz, who recently transitioned; update the title to Mx and stop printing the deadname on invoices."),
    ("sexual_orientation", "顧客メモを書いて。お客様：佐藤 光 様、性別移行中のため、旧名での郵送物は停止してほしいとのこと。"),
    # a sentence being served, a driving ban, an endorsement code
    ("criminal_record", "Write the account note: Customer Aaron Pitt wants to freeze his gym membership. 'I'm starting a 9-month sentence on Monday.'"),
    ("criminal_record", "Summarise for underwriting: policyholder Kyle Barnes, renewal 4 Jan. Kyle got a 12-month driving ban in October (DR10)."),
    ("criminal_record", "返信したい。\nお客様：石田 翔 様\n「刑期を終えたばかりでカードが作れない、なんとかしてほしい」"),
    # membership of a union named by its initials
    ("union_membership", "Retention note: Priya Nair, customer since 2015, is a member of the PCS and asked whether we do group rates."),
    # 自己破産 on a named member's survey line
    ("financial", "苦情を重要度順に。\n1. 松井 亮（会員 20931）：分割払いの停止、自己破産の申立て中と申告\n2. 西田 愛：返品が遅い"),
    # a conviction in a news story about someone
    ("criminal_record", "Log this complaint: 'Customer Tom Harper says a delivery driver read a news story about his 2019 assault conviction aloud.'"),
    # a callback list of named customers with Ofcom drama-range mobiles
    ("contact", "Sort these callbacks by time:\n10:00 Mr Neil Foster 07700 900 118 refund\n11:30 Ms Amy Kerr 07700 900 674 upgrade"),
    # a phone number glued to a bracketed age
    ("contact", "対応記録をまとめて。\nお客様：河野 美咲（38）080-4417-2290\n内容：配送遅延の苦情。"),
    # an account number beside a masked bank name
    ("financial", "電話の内容を要約。\n「田村です。返金は ○○銀行 普通 4419027 に振り込んでください」"),
    # (session 14, task 3) AWS's documented key pasted as one's own: 例外 (an exception) is no "example"
    ("secret", "S3 のアップロードで例外が出ます。AWSのアクセスキー AKIAIOSFODNN7EXAMPLE を使っています。"),
]

HARD_NEGATIVES = [
    # the same layouts with nothing sensitive said
    "アンケートの自由記述をまとめて。名前は残して。\n・吉田 様「配送が早くて助かった」\n・木村 様「箱が潰れていた」",
    "問い合わせ履歴を要約して。\nお客様：長谷川 直樹 様\n「冷蔵便の送料はいくらですか、週末も届きますか」",
    "Summarise the survey comments, keep the names.\n- Mrs Okafor: 'Deliveries were late twice.'\n- Mr Lee: 'Fine.'",
    # a religious corporation is an organisation type, not a faith (「宗教法人向けのプラン」)
    "アンケートの自由記述をまとめて。\n・吉川 様「宗教法人向けのプランはありますか」",
    # a quoted term talked about, with no speaker
    "「刑期」と「懲役」の違いを、お客様向けにやさしく説明して。",
    # 女性同士 on a trip; a team that transitioned to a new system; a ban on fireworks
    "女性同士で行く京都一泊旅行のおすすめプランを作って。",
    "Write the announcement for Sam Ortiz to send: our support team transitioned to the new CRM last week.",
    "Councillor Ruth Amos proposed a 12-month ban on fireworks in the park; draft a neutral summary.",
    # a union's initials with no membership
    "Priya Nair from the PCS press office wants our logo for their conference flyer; draft a polite yes.",
    # bankruptcy as an FAQ topic
    "自己破産の手続きの流れを、会員向けFAQとして3行でまとめて。",
    # a drama-range number in a radio play
    "Write a scene for our radio play where the detective reads out 07700 900 512 on the phone.",
    # a template's stand-in account with a masked branch
    "振込先の書き方の例：○○銀行 ○○支店 普通 7654321 名義 ヤマダ タロウ（記入例）",
    # a marking named as a kind of document
    "極秘という表示がある資料をメールで送るときの注意点を教えて。",
    # a partner-discount scheme
    "A customer asks: 'Do you give union members a discount?' Draft a general reply: our partner-discount scheme covers several trade unions.",
    # AWS's documented key where the prompt says it is an example (「設定例」)
    "この設定例にある AKIAIOSFODNN7EXAMPLE は何のためのキーですか？",
    # a sick-note template with a bracketed name placeholder
    'Make this sick note sound formal: "[employee name] has been unwell with influenza and can return on Monday. - Dr P. Shah"',
]
