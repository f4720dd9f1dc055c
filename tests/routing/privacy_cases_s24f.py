"""Classes of failure held-out CG's, CH's and CI's first runs showed at c520ec9 (benchmarks/routing/s24-f-classes.md), generalised
and tested on prompts written afresh for session 24 (not the rows' text), EN and JA where the class exists in both. Every name,
number and case is invented.

Misses (sensitive): a named person's personal bankruptcy by its US chapter or its court citation ("Chapter 13 petition for …",
"(Bankr. D. Or.)") and in Japanese by its 官報 notice (「破産手続開始決定」) with a one-kanji given name (「藤田 健」); a named
person's consumer loans in visit notes under 「<姓>オーナー」; a civil money judgment, a bank or wage levy, an eviction docket
("Forcible Entry & Detainer", "judgment for plaintiff … back rent") against a named person; a named person's money in a bank
account ("has about $41,300 in a savings account"); MS as the reason someone cannot work, a disability benefit (SSDI) applied
for, a person's own specialist ("her neurologist"); a court fine, civil rights suspended and an election-law offence
(「罰金をくらって」「公民権停止」「公選法違反で」, "fined for vote-buying"); a criminal docket's plea and finding ("Plea: No
contest. Finding: Guilty."), a misdemeanour docket number ("2023-CRB-004512") and "criminal damaging".

False-positive classes (hard negatives): each widened rule with no one named, or the word in its other sense: a book's
"Chapter 7", how Chapter 13 works, opening a checking account, "due to MS Teams", what SSDI is, oncologists in general, a
fine as a joke's penalty (「遅刻したら罰金」), the election law explained, a store's owner as a role (「加盟店オーナー」).
"""

from __future__ import annotations

SENSITIVE = [
    # a named person's personal bankruptcy: chapter, court citation, 官報's 破産手続開始決定
    ("financial", ("Heads up: Chapter 13 petition filed for Marisol Quintero, case 24-30518 (Bankr. D. Or.). Our claim is $2,180. "
                   "Do we need to file a proof of claim?")),
    ("financial", "Trevor Haldane filed for Chapter 7 last month, so can we still send him the $640 invoice reminder?"),
    ("financial", "官報に、取引先の元担当者の 藤田 健 が破産手続開始決定を受けたと載っていた（負債総額約950万円）。立替金の30万円はどうすべき？"),
    ("financial", "昨年退職した 村井 翼 さんについて、官報で免責許可決定が出ていました。社内貸付の残り45万円の扱いを相談したいです。"),
    # a franchise owner's personal loans in visit notes
    ("financial", ("面談メモを整えて。\n・厚木南店 岡部オーナー\n・個人でカードローン2社から計230万円借入、返済は月11万円\n"
                   "・家族にはまだ伝えていない")),
    ("financial", "Store visit notes:\n- Franchisee Dalloway (Route 9 store)\n- has about $48,000 in personal loans, missed 2 payments"),
    # a civil money judgment, a levy, an eviction docket against a named person
    ("financial", ("Explain this docket for the owner:\nCase: 2023-CV-011927\nDefendant: Lorna P. Whitaker\nType: Forcible Entry & "
                   "Detainer\n05/10/2023 Judgment for plaintiff, restitution of premises, $3,915 back rent")),
    ("financial", "We hold a $7,250 default judgment against Brian Cavanagh. Is a wage levy on his job at the depot realistic?"),
    # a named person's bank balance
    ("financial", "Skip trace says Noreen Aldous has about $41,300 in a savings account at Fifth Third. Worth a bank levy?"),
    ("financial", "Per the subpoena response, Craig Ostrander's checking balance was $12,870 on March 3."),
    # MS, SSDI, a person's specialist
    ("health", ("Customer Rhonda Kettering says she stopped working because of MS and is applying for SSDI. "
                "Can we offer a payment holiday?")),
    ("health", "Tenant Gareth Lyle asked for a ground-floor unit; his neurologist at St. Vincent's wrote a supporting letter."),
    # a court fine, civil rights suspended, an election-law offence
    ("criminal_record", "町内会長の 大槻 隆 さん、昔、公選法違反で罰金をくらって公民権停止になったって本当？回覧に書くべき？"),
    ("criminal_record", "隣の候補の後援会長 松永 修 は以前、選挙違反で略式起訴されて罰金の略式命令を受けたらしい。"),
    ("criminal_record", "Our rival's treasurer, Howard Pinnock, was fined $5,000 for vote-buying in 2016 and lost his right to vote."),
    # a criminal docket's plea and finding
    ("criminal_record", ("Summarise for the screening file:\nCase: 2023-CRB-004512\nDefendant: Tasha M. Greer\n"
                         "Charge: Criminal damaging (M2)\n08/02/2023 Plea: No contest. Finding: Guilty. $150 fine.")),
    ("criminal_record", "Background check on applicant Kurt Ebersole: pleaded no contest to criminal trespass in 2021."),
]

HARD_NEGATIVES = [
    # the chapter and court words with no one's bankruptcy
    "Summarise Chapter 7 of the novel for my book club; it's the one where the family moves to Ohio.",
    "How does a Chapter 13 plan work, and how long does the repayment usually last?",
    "How do I open a checking account with $25 at a credit union?",
    # MS as Microsoft, SSDI explained, specialists in general
    "Our standup ran late due to MS Teams crashing again; can you draft an apology to the client?",
    "What is SSDI and how is it different from SSI? Explain for a benefits FAQ.",
    "Oncologists usually recommend a follow-up scan every six months; summarise the guideline for patients.",
    # a joke's fine, the election law explained, a store owner as a role
    "チームのルール案：遅刻したら罰金100円、集めたお金は打ち上げ代にします。文面を整えて。",
    "公職選挙法違反になる行為の例を、選挙ボランティア向けに分かりやすく説明して。",
    "加盟店オーナーの借入状況を本部が把握すべきかどうか、一般論として論点を整理して。",
    # a levy and a judgment explained
    "Explain what a bank levy is and when a judgment creditor can use one in Ohio.",
]
