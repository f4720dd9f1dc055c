"""Classes of failure held-out AA's first run showed (benchmarks/routing/README.md, "Session 16: AA's classes"),
generalised and tested on prompts written afresh for session 16 (not AA's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): gender identity as a school or HR note records it ("goes by Sam and uses he/him", "assigned female
at birth", 「戸籍上は女子」「体は男の子だけど」); a pupil named by their form ("Priya Nand in 10B"); bare surnames listed
as people (「控除する社員：石田、小野、岡本」); people with a sum each in one line ("Patel K 52,400 / Moreno L …",
「石田 312,000円、小野 …」); a safe's dial said with で (「右に4回で25、左に3回で60、右で8」); a bracketed label that names
its audience ("[INTERNAL - PAY REVIEW PANEL USE ONLY]"); a speaker label with the speaker's role in brackets
("DEREK (GMB rep, depot):"); a faith's articles and observances ("the five articles of faith", Gurpurab).

False-positive classes (hard negatives): 私 as the first syllable of a word (私生活); a short phrase quoted and talked
about (「「…有罪判決を受けたとき」は広すぎる」); a god's 様 (お稲荷様); an age as a threshold (「50歳を過ぎたら」); an FAQ's or a
leaflet's questions in the readers' voice and the thresholds it explains; an e-mail disclaimer's hedge ("may contain
privileged information"); a policy that sets out its classification scheme and then uses the levels' names; a
registered business's account and landline on its own invoice (登録番号 T…, Company no., VAT); a holder field asked
about; contact details introduced as published; a table the writer says is of public figures. Each negative in the
first list was flagged by main's rules (cc914d7); each sensitive case is found. The second list guards the new rules
against their nearest look-alikes (places listed like surnames, items with a letter and a sum, a signature's pronouns).
"""

from __future__ import annotations

SENSITIVE = [
    # gender identity, EN and JA, short
    ("sexual_orientation", "Staff email please: Priya Nand in 10B now goes by Sam and uses he/him. Update registers, but nothing home yet."),
    ("sexual_orientation", "Quick one: Leo Marsh was assigned female at birth and wants the changing-room plan sorted before the trip."),
    ("sexual_orientation", "保健室の記録を整えて。1年2組の佐野 ゆうきさんは戸籍上は女子ですが、男子として過ごしたいと話しています。"),
    ("sexual_orientation", "体は男の子だけどスカートで登校したい、と4年の北村くんが担任に相談してきた。どう返事する？"),
    # a pupil by their form, with a health fact
    ("health", "PE cover note please - Tobiah Krane in 8F, epilepsy, may need to sit out."),
    # bare surnames listed as people, and people with a sum each
    ("union_membership", "今月から組合費を控除する社員：石田、小野、岡本。給与ソフトでの設定方法は？"),
    ("bulk_personal", "why doesn't this add up? Patel K 52,400 / Moreno L 47,150 / Adeyemi T 44,900 = 143,450"),
    ("bulk_personal", "合計が合わない：石田 312,000円、小野 298,500円、岡本 305,000円 で915,500円のはず"),
    # a safe's dial said with で
    ("secret", "新人向けメモにして：倉庫の金庫は右に4回で25、左に3回で60、右で8で開きます。"),
    # a bracketed label naming its audience
    ("confidential", "[INTERNAL - PAY REVIEW PANEL USE ONLY] Proposed bonus pool is 6% of profit. Make this one line."),
    ("confidential", "(Internal / finance team only) Summarise: the Leeds team goes from 14 to 9 in March."),
    # a speaker label with the speaker's role in brackets
    ("union_membership", ("Turn this into minutes:\n[00:02] DEREK (GMB rep, depot): Four new members signed up this week.\n"
                          "[00:40] LINDA (chair): Good, add them to the list before the ballot.")),
    ("union_membership", "議事録にして。\n山下（分会長）：今週は2人が組合に加入しました。\n佐藤（書記）：名簿に追加します。"),
    # a faith's articles and observances
    ("religion", ("Please soften this rota request: 'I keep the five articles of faith, so I'd like to ask whether I can "
                  "wear my kara taped up on the ward and have Gurpurab mornings off.'")),
]

HARD_NEGATIVES = [
    # 私 as a word's first syllable; a phrase quoted and talked about
    "懲戒規程の第8条「私生活上の犯罪行為により有罪判決を受けたとき」は広すぎると顧問に言われました。どう直せばいい？",
    # a god's 様
    "町内会の回覧文にして。来月の初午祭はお稲荷様の宗教行事なので、参加は自由です。",
    # an age as a threshold
    "健診の案内を直して：50歳を過ぎたら、年に一度は大腸がん検診を受けましょう。",
    # an FAQ's or a leaflet's questions in the readers' voice, and the thresholds it explains
    ("Tighten this FAQ for our website.\nCan my employer see my diagnosis?\nNo. A fit note says whether you can work, "
     "not what the illness is, unless you choose to tell them."),
    "配布資料を見やすくして。\nQ 親が高血圧だと、私もなりやすいですか？\nA 体質の影響はありますが、減塩で予防できます。",
    ("健康だよりの原稿です。\n・LDLコレステロール：140mg/dL以上で脂質異常症が疑われます。\n・HbA1c：6.5%以上で糖尿病が疑われます。\n"
     "気になる方は保健師の山本さんに相談してください。"),
    # an e-mail disclaimer's hedge
    ("Is it worth keeping this at the bottom of our emails? 'PRIVATE AND CONFIDENTIAL: This message may contain "
     "privileged information and is intended only for the addressee.'"),
    "このフッター文は必要？「本メールには機密情報が含まれる場合があります。誤って受信された場合は破棄してください。」",
    # a policy that sets out its scheme and uses the levels' names
    ("Simplify clause 6 of our handbook.\n6.1 Every record is classified as PUBLIC, INTERNAL or RESTRICTED.\n"
     "6.2 RESTRICTED records include payroll and case notes and are kept on the HR drive.\n6.3 If unsure, treat a record as RESTRICTED."),
    ("研修スライドの原稿です。\n(1)極秘\n公表前の決算数値など。閲覧は指名された人だけ。\n(2)社外秘\n社員だけが見てよい資料。\n"
     "(3)公開\nホームページに載っている情報。"),
    # a registered business's account and landline on its own invoice
    ("請求書の振込先欄です。おかしな点はある？\n振込先：みなと信用金庫 本店 普通 5523190\n口座名義：カ）ハヤシセイサクショ\n"
     "株式会社林製作所\n登録番号：T7010401099999"),
    ("Check the VAT maths on this invoice.\nHarbour Lane Ceramics Ltd\nUnit 4, Old Rope Works, 3 Quay Street, Whitby, North Yorkshire\nTel 01947 820 512\n"
     "Company no. 09876543 | VAT GB 234 5678 90\nMugs x 24 @ 6.00 = 144.00"),
    # a holder field asked about
    "振込先の書き方を教えて。「しらかば銀行 本店 普通 0000000」のとき、口座名義はカナと漢字のどちらが必要？",
    # contact details introduced as published
    "口コミへの返信を書きたい。\n店の連絡先（ホームページに載っているもの）：\n焼き菓子ミモザ 東京都武蔵野市吉祥寺本町9-9-9\nTEL 0422-20-5521",
    # a table the writer says is of public figures
    ("Add a column for years in office. All public figures.\nName | Party | Born\nTony Blair | Labour | 1953-05-06\n"
     "Gordon Brown | Labour | 1951-02-20\nDavid Cameron | Conservative | 1966-10-09"),
    # guards for the new rules: places listed like surnames, items with a letter and a sum, a signature's pronouns
    "渋谷、上野、中野の3店舗で組合の集会があります。会場の予約方法は？",
    "Block A 12,500 / Block B 13,000 / Block C 9,800 - is the total right?",
    "Tidy my signature: Sam Rivera (they/them), Events Officer, Kestrel Arts Trust",
    "[Internal] fix typo in the onboarding README",
]
