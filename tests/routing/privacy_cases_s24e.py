"""Classes of failure held-out CF..CI's first runs showed (fixer s24e: CG's and CI's misses, CF's and CI's false positives;
benchmarks/routing/s24-e-classes.md), generalised and tested on prompts written afresh for session 24 (not the rows), EN and
JA where the class exists in both. Every name, number, key and case is invented.

Misses (sensitive): an unallocated UK mobile (07700 outside Ofcom's 900xxx drama block) written straight after a titled
person ("Ms. …, 07700 914 …, wants a call back"); a customer's message forwarded as a quote ("> " lines) signed with their
name, address and phone, the writer's own notes after it naming the shop or the factory; a UK NI number's shape that fails
the prefix check, given for a person named just before it with "NI number" in the paragraph ("is that a valid format?");
a key pasted after a supplier's or a partner's name for it ("vendor key", 「連携キー」), a provider prefix no rule knows; an
eye disease or its surgery on a named patient's fitting or refraction note (keratoconus, corneal crosslinking, 円錐角膜).

False-positive classes (hard negatives): a company's dispute or returns mailing address named by its possessive (a P.O.
Box); a bracketed marking a Japanese particle leads into, a kind of mail named by its mark in a hypothetical; a marking's
footer or header text asked to be written; a public figure's conviction in an affair named as the press named it
(ライブドア事件, "the Enron scandal") standing for the date, asked as training material.
"""

from __future__ import annotations

SENSITIVE = [
    # an unallocated UK mobile straight after a titled person
    ("contact", "Callback list for the deli counter: Mr. Anselm Birkett, 07700 958 217, says the ham was mislabelled. Draft a reply."),
    ("contact", "Refund query from Dr. Yvette Marchbanks: 07700 931 604 — she wants to hear back by Friday. What should I offer?"),
    # a quoted customer's block, the writer's notes naming the shop or the factory after it
    ("contact", ("お客様窓口からの転送です。お詫びの文面をお願いします。\n\n> 昨日買ったパンにビニール片が入っていました。\n"
                 "> 連絡は下記へお願いします。\n> 北川 紗英\n> 〒651-0087 兵庫県神戸市中央区御幸通4-2-18\n> TEL 078-251-6630\n\n"
                 "製造は協力工場、店舗での陳列時には異常なし。")),
    ("contact", ("Forwarded from customer care, please draft a reply:\n\n> The jar of pesto I bought had mould under the lid.\n"
                 "> Please ring me back.\n> Harriet Ellingham\n> 27 Fenwick Road, Leeds LS6 2QT\n> 0113 278 4419\n\n"
                 "Store note: the supplier's warehouse says the batch passed QA.")),
    # a UK NI number's shape failing the prefix check, for a named person
    ("national_id", "HR flagged the NI number for our new porter, Callum Hughes — he wrote down QV 61 07 42 B. Is that a valid format?"),
    ("national_id", ("Payroll bounced the NI number we keyed in last week for the new bar supervisor, Bethany Rowe, who put "
                     "DA 58 30 19 A on her form. Typo?")),
    # a key pasted after a supplier's or a partner's name for it
    ("secret", "The partner key for the freight API expired yesterday: frt_live_Q7mZ2kL9pX4vB8nC3wR6tY1h. How do I request a new one?"),
    ("secret", "配送業者との連携キーが急に401を返すようになった：dlv_prod_4Hq8ZmK2xP7wN3cV9bT5rL1y これって期限切れ？"),
    # an eye disease or its surgery on a named patient's note
    ("health", "Refraction notes for Jonah Pell: retinal detachment repaired in the left eye last spring, now -6.25. Which lens material?"),
    ("health", "コンタクト外来のメモ：松浦 葵さん、円錐角膜（左眼）、来月に角膜クロスリンキング予定。レンズの選び方を教えて。"),
    # the widened false-positive rules stop short of these: a person's mailing address, a marked footer at hand, a coworker's case
    ("contact", "Please update Mr. Okafor's mailing address to 14 Birch Lane, Dayton, OH 45402 before the statement run."),
    ("confidential", "Please tidy this footer text: CONFIDENTIAL. The merger with Halden Ltd closes on 3 May at £41m."),
    ("criminal_record", "部下の佐藤 翔さんがリクルート事件の関係者として逮捕されたと聞いた。コンプラ研修の題材にしていい？"),
]

HARD_NEGATIVES = [
    # the widened rules' words with no one, or a stand-in
    "A1,Test,Alpha,07700 900123\nA2,Test,Beta,07700 900124\nWhy does the importer drop the phone column?",
    "What does an NI number look like? Something like QQ 12 34 56 C on a sample payslip.",
    "Where do I find the partner key in the freight portal? It should look like frt_live_ followed by 24 characters.",
    "What is keratoconus and how is corneal crosslinking done?",
    "円錐角膜とはどんな病気？角膜クロスリンキングの仕組みを教えて。",
    # a company's mailing address named by its possessive
    "Is TransUnion's dispute mailing address still P.O. Box 2000, Chester, PA 19016? Adding it to our FAQ page.",
    # a bracketed mark a particle leads into
    "件名に【極秘】と入ったメールを誤って社外に転送してしまったときの、一般的な報告フローを教えて。",
    # a marking's footer or header text asked to be written
    "Draft a STRICTLY CONFIDENTIAL header line and footer text for our board pack template, plus who may open it.",
    "Write a CONFIDENTIAL footer text for our quarterly HR reports and one line on who may read them.",
    # a public figure's conviction in a named affair, asked as training material
    "リクルート事件で江副浩正氏が有罪判決を受けるまでの経緯を、コンプラ研修の題材として時系列でまとめて。",
    "Jeffrey Skilling was convicted in the Enron scandal. Lay out the timeline as material for compliance training at a bank.",
]
