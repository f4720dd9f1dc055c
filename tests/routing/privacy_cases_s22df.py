"""Classes of failure held-out BD (automotive and mobility) and BF (personal-assistant use: inbox, calendar, diary, notes,
family logistics) showed at their first run (benchmarks/routing/s22-s22df-classes.md), generalised and tested on prompts
written afresh for session 22 (not BD's or BF's rows), EN and JA where the class exists in both. Every name, number, plate
and account is invented.

Misses (sensitive): a diagnosis told with the quotative って and the subject dropped (「パニック障害って診断されて半年」); the
writer's 自分 with their own name or post in brackets before its particle (「自分（物流課 高畑）は…」); a woman's wife or a
man's husband named by title and name ("Mrs. Hannah Kowalski's wife", "Mr. Idris Bello's husband"); a list of people with
the number plate each drives ("Flat 3 - Oliver Pratt - reg: LK19 XYZ", 「中川 亮 品川 300 さ 12-34」); a UK sort code and
account number written as a pair after the account word ("account 20-31-58 / 41927730"); a bank's alert to a named person
with a balance below zero or an overdraft limit gone past ("Hi Mr Declan Rourke, your balance is -£88.20").

False-positive classes (hard negatives): a policy pasted into training material, a level said as 社内限 and a rule said as
「…社外秘扱いとし、」; the address of a head of government's or a legislature's seat, where citizens write to their leaders
(the White House, 10 Downing Street, 首相官邸, 国会議事堂, 皇居); a request for a summary of a widely reported public case
("Give me a quick overview of the … case"); a story being written, said in speech (「短編小説を書いてます」); a market's
trend asked about (「…する会社って増えてますか」, "Are more insurers now recognising …"); a work rule's non-discrimination
clause (「…を理由として、不利益な取扱いをしない」). The learned side's two classes (an itinerary's field labels read as
speakers by the person gate; its contact verdict on an address the rules read as an organisation's) are tested in
test_privacy_s22df.py.
"""

from __future__ import annotations

SENSITIVE = [
    # a diagnosis with the quotative って, the subject dropped
    ("health", "日記の清書お願い。パニック障害って診断されて半年。電車に乗るのがまだ怖い。"),
    ("health", "適応障害って診断されたので、来月から休むことになりました。引き継ぎメールの文面を考えて。"),
    # 自分 with the writer's own name or post in brackets
    ("criminal_record", "相談です。自分（物流課 高畑）は5年前に傷害で執行猶予付きの判決を受けています。転職先に言うべきでしょうか。"),
    ("health", "自分(経理 小野寺)のてんかんの持病について、上司への伝え方を一緒に考えてください。"),
    # a woman's wife or a man's husband, by title and name
    ("sexual_orientation", "Please update the policy: Mrs. Hannah Kowalski's wife, Renata, should get the renewal documents too."),
    ("sexual_orientation", "Mr. Idris Bello's husband called to move the test drive to Thursday. Can you draft a confirmation?"),
    # a list of people with the plate each drives
    ("bulk_personal", ("Visitor parking for Saturday, please tidy into a table:\nFlat 3 - Oliver Pratt - reg: LK19 XYZ\n"
                       "Flat 7 - Sunita Rao - reg: BV68 KTR\nFlat 11 - Hamish Doyle - reg: YA21 PLM")),
    ("bulk_personal", "月極駐車場の契約者一覧です。\n1番 中川 亮 品川 300 さ 12-34\n2番 森田 彩 練馬 500 あ 56-78\n3番 石原 剛 足立 330 ね 90-12\n更新案内の文面を作って。"),
    # a sort code and an account number as a pair after the account word
    ("financial", "Please send Wendy Ashcombe's deposit back to account 20-31-58 / 41927730, thanks."),
    ("financial", "Refund to a/c 60-11-42 58204917 for Mr Ferris, reference GARAGE-118."),
    # a bank's alert to a named person, below zero or past the overdraft limit
    ("financial", ("Turn this into a to-do:\nFrom: Monzo — Hi Mr Declan Rourke, your balance is -£88.20. You have gone £38.20 "
                   "past your arranged overdraft limit.")),
    ("financial", "Summarise: Hey Priya Raman, your current account balance is now -$312.45. Please deposit funds to avoid a fee."),
]

HARD_NEGATIVES = [
    # the new rules' words with no one in them
    "糖尿病って診断されるのは血糖値がいくつからですか？",
    "ADHDって診断された子どもへの接し方を、保護者向けにやさしく教えてください。",
    "発達障害って診断されたら、障害者手帳はもらえますか？",
    "自分（新人）はシフト表の作り方がわかりません。エクセルでの作り方を教えて。",
    "Mrs. Okonkwo's husband will collect the car on Friday; please print the invoice.",
    "Mr. Brandt's wife asked for a copy of the service history.",
    "Fleet list, sort by date:\nVan 1 - plate 8KXM221 - MOT due 03/02\nVan 2 - plate 7TRB905 - MOT due 01/18\nVan 3 - plate 9BWL370 - MOT due 02/27",
    "The demo account 00-00-00 / 00000000 should fail validation. Why does it pass?",
    "What does it mean when my balance shows -£20 in the banking app?",
    "Hi Tom, your balance is £1,240.00 — nice work saving this month!",
    # a policy in training material: 社内限 as a level, a rule's own wording
    "コンプライアンス研修のスライド用に要約して。\n「顧客名簿は社外秘扱いとし、施錠できる棚に保管する。持ち出しは部長承認を要する。」",
    "文書規程をやさしく書き直して。\n「文書は公開・社内限・社外秘・極秘の4区分とする。見積書は社外秘とし、メール添付を禁止する。」",
    # a leader's or a legislature's seat
    "My daughter wants to send a birthday card to the Prime Minister. Is 10 Downing Street, London SW1A 2AA the right address?",
    "皇居に年賀状を出したいです。住所は東京都千代田区千代田1-1で合っていますか？",
    "国会議事堂の見学ツアーに行きます。集合場所の住所は東京都千代田区永田町1-7-1で合ってる？",
    # a summary of a public case asked for
    "Give me a quick overview of the Bernie Madoff fraud case and what he was sentenced to, for a history class.",
    "Can you give me a brief summary of the Enron case and what Jeffrey Skilling was convicted of?",
    # a story being written, said in speech
    "短編小説を書いてます。架空の主人公（20代の看護師）が双極性障害と診断された夜の独白を400字で。",
    "ラジオドラマの脚本を作ってます。登場人物の青年が逮捕される場面のセリフを考えて。",
    # a market's trend asked about
    "同性パートナーも家族割の対象にする携帯会社って増えてますか？最近の傾向を教えて。",
    "Are more insurers now treating a policyholder's same-sex partner as their spouse on family car policies?",
    # a work rule's non-discrimination clause
    "就業規則の条文です。自然か見て。「会社は、従業員が宗教上の理由で休暇を申請したことを理由として、不利益な取扱いをしない。」",
    "就業規則の改定案：\n3. 会社は、従業員が労働組合に加入したことを理由として解雇しない。",
]
