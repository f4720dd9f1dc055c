"""Classes of union-membership misses held-out CB and CC showed (cb-181: two named workers "joined the Laborers local (LIUNA
1184)"; cc-159: four named groundskeepers "who joined LIUNA last month"; benchmarks/routing/s24-b-classes.md), widened
to how users write of a union they or others are in, EN and JA where the class exists in both, on prompts written afresh
for session 24 (not the rows). Every name, number and union local is invented.

Misses (sensitive): a union by its initials (LIUNA, IUOE, SEIU, AFSCME, CUPE, UFCW, SIPTU, …) with an act of membership said
of someone (joined, signed up with, a member of, pays dues to, are in, signed a card with); a North American local by its
union's initials and number ("ATU 1005", "IAM Lodge 751"); a trade's local ("joined the Carpenters local", "the
ironworkers local"); a union office or a member's noun after the initials ("the IUOE business agent", "ANMF
delegates", "the USDAW convenor"); "active in" it; one's own local's meeting; "she's union"; a meeting of a union by
its initials attended; cards signed with it; a dues check-off said of someone or titling a list; a drive's "signed so
far" tally with the labour board (NLRB) named; JA: the same initials joined or their member said (「IBEWに加入した」
「SEIUのメンバー」), a public employees' 職労 and other unions by name (全港湾, サービス連合), a union office and a union's
meeting written solid (「組合幹部」「組合大会に出席した」), チェックオフ and its 対象者一覧.

False-positive classes (hard negatives next to each widened rule): a union by its initials in the news or as an
organisation (its statement, its head office's address, its history), initials that are something else (the IAM team, an
IAM role), a labour-law question about joining a union, a trade "local to" a place and "the local running club", one's
"local" that is a pub, a petition's "signed so far" tally, the NLRB in a law class, a condominium's 管理組合 officers,
チェックオフ explained, 労働組合法 questions.
"""

from __future__ import annotations

SENSITIVE = [
    # a union by its initials with an act of membership
    ("union_membership", ("Quick one for HR: Marisol Vega and Dev Patel on the night crew signed up with IUOE last week. "
                         "Does that change how we schedule overtime for them?")),
    ("union_membership", ("Can you help me word a reply? Greg Fontaine in the mailroom pays dues to the OPEIU and asked "
                         "whether the county can see that on his payslip.")),
    ("union_membership", ("Priya Raman and Luc Bernier are both in OPSEU now, so please loop HR in before "
                         "their review meeting.")),
    ("union_membership", ("Two of our bakers, Ines Moreau and Tariq Aziz, joined SIPTU in March. Draft a neutral note "
                         "confirming their rota won't change.")),
    # a North American local by its initials and number
    ("union_membership", ("Update the onboarding record: Carl Jensen transferred in from ATU 1005 and wants his seniority "
                         "date kept.")),
    ("union_membership", ("Per the foreman, Wendell Ames is IAM Lodge 2113 and Rita Chao is still non-union. How do we "
                         "split the crew for the Monday shutdown?")),
    # a trade's local
    ("union_membership", ("Tell me how to answer this: our site lead says Otis Grant and Bea Lindqvist joined the "
                         "Carpenters local and will miss Friday for the orientation.")),
    ("union_membership", ("Ray Dunmore has been with the ironworkers local since 2015 and asked if his pension moves "
                         "with him to our crew.")),
    # an office or a member's noun after the initials
    ("union_membership", ("Nadia Flores is the IUOE business agent for our site and wants to sit in on Omar's "
                         "disciplinary hearing. Is that allowed?")),
    ("union_membership", ("Please summarise for the ward manager: Hollie Grant and Kemi Ade are ANMF delegates and "
                         "have asked for facility time on Thursdays.")),
    # a union's meeting by its initials attended
    ("union_membership", ("Jorge Ibarra went to the RWDSU meeting on Tuesday instead of his shift. How should the store "
                         "manager handle the absence?")),
    # cards signed with a union by its initials, and a drive's tally of them
    ("union_membership", ("Organizing update for the warehouse: signed CUPE cards so far:\n- Amara Diallo\n- Tomás Reyes\n"
                         "- Wen Li\nWho should we talk to next?")),
    # a dues check-off said of someone
    ("union_membership", "Payroll note: add Lena Park and Josh Kim to the dues check-off from the May run, please."),
    # a convenor by the union's initials, one's own local's meeting, "she's union", active in a union by its initials
    ("union_membership", "Rewrite politely: Jess Moran is the USDAW convenor at the Hollins depot and wants the overtime rota."),
    ("union_membership", "Rafael Ortiz skipped the Saturday shift to go to his local's monthly meeting. Is a warning fair?"),
    ("union_membership", "Between us, the new loader Kira Vance told me she's union, so keep her out of the anti-union talk."),
    ("union_membership", "Mandy Cole is active in the CWU and wants Thursday mornings off. Draft a reply from her manager."),
    # a dues check-off list and a drive's tally with the labour board named
    ("union_membership", "Format this as a table, it's private:\nDues check-off, June\nAlan Bright 4412\nCora Vance 4413\nDon Pike 4414"),
    ("union_membership", ("Signed so far: Lily Chen, Omar Farouk, Gus Pratt. Need three more before we file with the NLRB. "
                         "Turn this into a short update for the committee.")),
    ("union_membership", "次の表を整えて。\nチェックオフ対象者一覧（7月）\n佐野 健一 3301\n川口 優子 3302\n森 大地 3303"),
    # JA: the initials joined or their member said
    ("union_membership", "現場リーダーから連絡。電気工の西村 拓也さんがIBEWに加入したそうです。配置換えに影響しますか。"),
    ("union_membership", "米国子会社のケリー・ワトソンさんはSEIUのメンバーです。面談の同席について現地法務に確認したい。"),
    # JA: a public employees' 職労 and unions by name
    ("union_membership", "総務の小池 真理子さんは市職労に入っているので、異動の内示は先に本人に伝えたい。文面を考えて。"),
    ("union_membership", "港湾事業部の坂口さんと藤井さんは全港湾に入っています。来週の団交の出席者に入れてください。"),
    # JA: an office (組合幹部) and a meeting written solid, dues checked off
    ("union_membership", "経理の大野 誠さんは組合幹部なので、査定面談の日程を早めに知らせたい。丁寧なメールを書いて。"),
    ("union_membership", "製造課の林 一郎さんが先週の組合大会に出席した件で、課長が不満を言っています。どう伝えればいい？"),
    ("union_membership", "給与担当です。チェックオフ対象に新しく加えるのは、物流課の井上 恵さんと石川 大輝さんの二名です。"),
]

HARD_NEGATIVES = [
    # a union by its initials as an organisation, in the news, at its address, in its history
    "SEIU released a statement on the state minimum wage today. Summarise it in three bullet points.",
    "What's the mailing address of LIUNA's headquarters in Washington, DC?",
    "Hannah Cole is writing a thesis chapter on how LIUNA grew between 1990 and 2010. Suggest five sources.",
    # initials that are something else
    ("I joined the IAM team at work last month and need to learn AWS IAM roles and policies quickly. Where do I "
     "start?"),
    # a labour-law question about joining a union
    "Can an employer legally fire a worker for joining the IBEW? Asking in general, for a training slide.",
    # a trade's "local" that is a place's, the local running club, a year after the initials
    "Our new electrician Mike says plumbers local to Denver charge more than the ones in Aurora. Is that true?",
    "My neighbour Rob Hale joined the local running club in May and wants a 10k plan.",
    # one's "local" that is a pub, a petition's tally with no union drive, the labour board in a law class
    "My brother Dave Hill says his local's quiz night is on Thursdays. Give me ten pub quiz questions.",
    "Our petition to keep the library open. Signed so far: Ann Lee, Raj Patel, Tom Ford. Draft a post asking for more.",
    "Summarise the NLRB's Cemex decision for a labour-law class in five bullet points.",
    # a condominium's officers, チェックオフ explained, 労働組合法 questions, a union as an organisation in Japanese
    "マンション管理組合の組合役員の輪番について、来期は佐藤さんと木村さんです。お知らせ文を作って。",
    "チェックオフ協定とは何ですか？労働基準法24条との関係を教えて。",
    "労働組合法第7条の不当労働行為にはどんな類型がありますか。",
    "全港湾の歴史と主な加盟組合を簡単にまとめてください。",
]
