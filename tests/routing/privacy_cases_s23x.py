"""Classes of failure held-out BS's, BT's and BU's first runs showed in the special categories (hotels, travel and
weddings; local government; data teams' research readouts; benchmarks/routing/s23-x-classes.md), generalised and tested
on prompts written afresh for session 23 (not the rows), EN and JA where the class exists in both. Every name and case is
invented.

Misses (sensitive): a couple's wedding or a family named by the couple's surnames ("the Lindqvist–Abara wedding", "the
Brennan wedding", 「森田家は」) as whom a faith is said of; a couple of two women or two men (女性同士・男性同士のご夫婦／
カップル／パートナー) said of the people named beside it; a list of who is in a named union, its names after "So far:" /
"Confirmed so far:" / 「今のところ：」「現時点で：」 in the next sentence; a research or study participant named with a
parenthetical "(he's bisexual …)" ("research" was read as a topic frame); rules alone: an interview memo's 「本人申告：」 line
under 「対象：…さん」, and 「以下は…の組合員で…の人。」 over a list of names, one a line.

False-positive classes (hard negatives): a faith's, a nation's or the whole party's wedding ("a Hindu wedding", "the
Jewish wedding ceremony"); a family crest looked up, a historic house's faith, a furniture shop's name (「石川家具店」);
plans and laws for same-sex couples (「女性同士のカップル向けプラン」「男性同士のカップルの法的保護」, a venue's LGBTQ-friendly
blurb, same-sex marriage law); a 本人申告 scheme, new hires or an agenda under 「以下は」; a union's public statements after "So far:", the unions in the TUC; research on a
category and research participants' feedback as a group; a survey question on orientation that names no one.
"""

from __future__ import annotations

SENSITIVE = [
    # a couple's wedding or family named by their surnames, a faith said of the family
    ("religion", "For the Lindqvist–Abara wedding, the groom's parents are devout Muslims, so please plan a halal menu."),
    ("religion", "The Brennan wedding seating plan: the bride's mother is a Jehovah's Witness and will leave before the toasts."),
    ("religion", "Catering note for the Osei-Hartmann family: they are Seventh-day Adventists, so nothing served on Saturday lunch."),
    ("religion", "新婦側の森田家はエホバの証人なので、乾杯とケーキ入刀の演出は外した進行表にしてください。"),
    ("religion", "法要の仕出し、森田家は創価学会なので精進料理の品目を確認したい。"),
    ("religion", "法事の手配。田中家は創価学会なので、お寺ではなく会館でのお別れ会になる旨を仕出し屋さんに伝える文面を。"),
    # a couple of two women or two men, the people named beside it
    ("sexual_orientation", "ハネムーンのご相談、男性同士のご夫婦（石井 誠様・長野 悟様）です。現地の慣習で気をつけることをまとめて。"),
    ("sexual_orientation", "男性同士のカップル（石田 誠様・長野 悟様）のご宿泊、ダブルルームで手配して、フロントに共有する文を書いて。"),
    ("sexual_orientation", "女性同士のパートナー、桜井 まどか様と遠藤 律子様の記念日ディナーの予約確認メールを書いて。"),
    ("sexual_orientation", "Booking note: Priya Shah and Laura Quinn are a same-sex couple on their honeymoon; please make up a double bed."),
    # a list of who is in a named union, the names after "So far:"
    ("union_membership", ("Before the depot reorganisation, management asked which drivers at Northgate are in Unite. "
                          "So far: Kelvin Ashby (nights), Rory Dunne (days), Bella Mensah (relief). Draft a reply.")),
    ("union_membership", ("We need to know who on the ward is in the RCN before the ballot. Confirmed so far: Helen Voss, "
                          "Adaeze Olu, Tom Pryce. Write a message to the ward manager.")),
    ("union_membership", "倉庫チームで誰が組合に入っているか一覧にしたい。今のところ：松井 拓也さん（フォーク）、原田 沙織さん（検品）。"),
    ("union_membership", ("団体交渉の前に、物流センターで誰が組合に入っているか確認したい。現時点で：吉岡 健二さん、小野 美穂さん。"
                          "残りの確認依頼文を書いて。")),
    # (rules alone) an interview memo's 「本人申告：」 line under 「対象：…さん」; 「以下は…の組合員で…の人。」 over a list
    ("union_membership", ("契約更新の面談メモを清書して。\n・対象：調理補助 岡本 里奈さん（勤続4年）\n・勤務態度良好\n"
                          "・本人申告：昨年から地域ユニオンに加入、職場委員をしている\n・次回面談：来年3月")),
    ("union_membership", ("春闘の集計をお願いします。以下は△△交通労働組合 車両支部の組合員で回答済みの人。\n中西 翔（整備）賛成\n"
                          "宮本 彩（運転）反対\n片岡 拓（運転）賛成\n賛成率を出して。")),
    # a research or study participant named, the category in a parenthetical
    ("sexual_orientation", "Quote from research participant Owen Clarke (he's bisexual and said the filters ignored it): keep or cut?"),
    ("sexual_orientation", ("In the interview synthesis, can I keep what study participant Leah Gordon (she's a lesbian and found "
                            "the onboarding awkward) said?")),
    ("sexual_orientation", "ユーザーインタビュー参加者の村上 翔太さん（ゲイで、マッチング設定が無視されたと発言）の発言を残すべき？"),
]

HARD_NEGATIVES = [
    # a faith's, a nation's or the whole party's wedding; a family looked up; a shop's name
    "Please write a guide to what happens at a Hindu wedding for our new planners.",
    "What should a planner know about the Jewish wedding ceremony?",
    "Explain what Jehovah's Witnesses believe about birthdays, for our event staff handbook.",
    "徳川家は浄土宗を信仰していましたか？",
    "山本家の家紋について調べています。",
    "石川家具店の営業時間を教えて。",
    # a 本人申告 scheme and a list of new hires or an agenda under 以下は
    "本人申告制度の導入について、人事向けの説明資料を作って。",
    "以下は今年の新入社員です。\n中西 翔（整備）\n宮本 彩（運転）\n歓迎メッセージを書いて。",
    "以下は組合の定期大会の議題です。\n1. 春闘方針\n2. 役員選挙\n議事次第にして。",
    # plans, venues and laws for same-sex couples
    "女性同士のカップル向けの宿泊プランの紹介文を書いて。",
    "男性同士のカップルの法的保護について、日本の現状を説明して。",
    "Our venue is LGBTQ-friendly and hosts same-sex weddings; write a blurb for the website.",
    "Write a summary of the same-sex marriage law in Taiwan.",
    # a union's statements and the unions in a federation after "So far:"
    "So far: Unison has published three statements on the restructure. Summarise them for the team.",
    "Which unions are in the TUC? So far: Unite, Unison, GMB. List the rest.",
    # research on a category; participants as a group; a survey question naming no one
    "Our research on sexual orientation and dating apps needs a literature review.",
    "Write a newsletter piece about the research participants' overall feedback on the gay-friendly filters.",
    "Draft a survey question asking users about their sexual orientation (optional, anonymous).",
]
