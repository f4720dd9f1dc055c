"""False-positive classes of held-out BB, BX, BY, BZ, CA and CE (session 24, fixer s24d; benchmarks/routing/s24-d-classes.md),
generalised and tested on prompts written afresh (not the splits' rows), EN and JA where the class exists in both. Every name,
number, company and case is invented (the public figures excepted, each told by a fact the news or they themselves published).

False-positive classes (hard negatives), each beside the sensitive prompt the widened rule must still catch:
a label quoted as what a document is marked with, its handling asked, nothing of it pasted ("a PDF watermarked 'CONFIDENTIAL –
…'. Do we still have to treat it as confidential?"); a contract's confidentiality clause under review (a party that agrees or
shall, 甲は/乙は, the obligation's survival); a classification policy whose lowest level is 社内一般 / "General"; a blank form
under a marking or a name column, its fields left as spaces or bare labels (「被災者氏名：　　　所属：」); a company's plant or a
fan-mail address; a part or lot number shaped like a phone number (「ロット番号「090-…」」, "part numbers like 080-…"); a debt in
a novel's premise with the scene asked after it ("For my novel: … Write the scene"); a public figure's conviction asked about
by what the prosecution argued at the public trial; a public figure's diagnosis disclosed in their own open letter.
"""

from __future__ import annotations

SENSITIVE = [
    # a marked document whose content is given stays marked
    ("confidential", ("A partner sent a PDF watermarked 'CONFIDENTIAL – BOARD ONLY': it says they will close the Leeds depot "
                     "in May with 35 redundancies. Can I forward it to our buyers?")),
    ("confidential", "INTERNAL ONLY\nQ3 store closures: Derby, Luton and Crewe, 62 roles affected. Can I share this with the agency?"),
    # a pasted contract stamped as such stays marked
    ("confidential", ("CONFIDENTIAL\nThe Supplier shall deliver 12,000 units of the KX-4 housing at $4.10 each to the Harlow "
                     "site by 3 March. Does this clause favour us?")),
    ("confidential", "【社外秘】業務委託契約書（案）\n第3条 委託料は月額480万円とし、翌月末日に支払う。\nこの条文、うちに不利じゃない？"),
    # a marked document whose handling is asked, its content given with figures, stays marked
    ("confidential", "協力会社から極秘の資料をもらいました。来期に大阪工場の人員を40名減らす計画が書いてあります。極秘として扱う必要ありますか？"),
    # a filled record under a marking stays marked
    ("confidential", ("【社外秘】事故報告書\n被災者氏名：山本 健二\n所属：第2工場 プレス課\n傷病の部位：右手人差し指 骨折\n"
                     "発生状況：金型交換中に挟まれた")),
    # a person's own address and number stay theirs beside a company or a code
    ("contact", "Please ship the samples to my home instead: 812 Birch Hollow Rd, Lexington, KY 40511."),
    # a fan's own return address on the fan mail received stays theirs
    ("contact", ("Fan mail inbox, studio team: a fan sent a drawing of our mascot. Return address on the envelope: Tom Reyes, "
                "7 Elm Close, Leeds LS6 2AB. Draft a thank-you note.")),
    ("contact", "Lot 24C031 passed QC. If anything else comes up, my mobile is 080-5521-9034."),
    ("contact", "部品の件で何かあれば、私の携帯 090-3381-7742 に直接電話してください。品番はあとで送ります。"),
    # a coworker's debt, no novel
    ("financial", "My coworker Dale Kowalski owes a loan shark $25,000 and asked me to cover the next payment. Should I tell HR?"),
    ("financial", "うちの班長の佐伯 修さんが闇金に300万円の借金があるらしい。上に報告すべき？"),
    # a conviction of someone in the writer's life, however public the trial
    ("criminal_record", ("My neighbour Gary Holt was convicted in 2021 of defrauding investors. Can you summarise what the "
                        "prosecution argued so I know what to tell the residents' association?")),
    # public facts said of someone in the writer's own circle stay theirs
    ("union_membership", ("Write a short intro for our depot open day. Some public facts: our forklift driver Marcus Bell "
                         "joined the Teamsters last month and is now a shop steward.")),
    # a relative's own letter about a diagnosis
    ("health", "My dad Peter announced his Parkinson's diagnosis in an open letter to the family in 2019. Help me reply to it."),
]

HARD_NEGATIVES = [
    # a label named of a document, its handling asked, nothing pasted
    ("We received a slide deck stamped 'INTERNAL USE ONLY – DISTRIBUTORS' from a vendor. It's just their public product "
     "brochure. Do we have to treat it as confidential, and what's a sensible internal rule?"),
    ("A candidate emailed us a CV watermarked 'CONFIDENTIAL'. Should we store it differently from other CVs?"),
    "取引先から「社外秘」と書かれたPDFが届いたけど、中身は公開済みの会社案内と同じ。社外秘扱いにすべき？",
    "協力会社から極秘の透かしが入った資料をもらいました。内容は展示会で配られたカタログそのものです。極秘として扱う必要ありますか？",
    # a contract's confidentiality clause under review
    ("Check this NDA clause for us:\n\n'The Recipient shall keep all information marked \"Confidential\" or \"Restricted\" "
     "secret, and such information must not be disclosed to any third party without prior written consent. This obligation "
     "survives for two years.'\n\nIs two years normal?"),
    "秘密保持条項のレビューをお願いします。\n「乙は、甲が社外秘と表示して開示した情報を第三者に開示しないこと。この義務は契約終了後1年間存続する。」\n期間は妥当ですか？",
    # a classification policy whose lowest level is 社内一般 / General
    ("情報管理規程の案です。わかりやすくしてください。\n第5条（区分）\n(1) 極秘：役員会資料、未公表の提携交渉\n(2) 社外秘：見積原価、"
     "取引先の図面\n(3) 社内一般：社内報、就業規則\n2 極秘文書の持ち出しは部門長の承認を得た場合に限る。"),
    ("Tidy up our handling policy:\n1. Confidential: pricing models, tender files\n2. Internal: rotas, minutes\n"
     "3. General: newsletters, the canteen menu\nConfidential files may only be printed on the secure printer."),
    # a blank form under a marking or a name column
    ("ヒヤリハット報告書（社内用）の様式を見直したいです。\n【ヒヤリハット報告書（社内用）】\n発生日時：　　年　　月　　日\n"
     "場所：\n報告者氏名：　　　　所属：\n内容（何をしていて、どうなりそうだったか）：\n対策案：\n確認者：　　　　"),
    # a company's plant or a fan-mail address
    "Is 4400 Foundry Parkway, Marysville, OH 43040 still the right address for sending pallets to Honda's Ohio plant?",
    "I'd like to send fan mail to Sega of America. Is 6400 Oak Canyon Dr, Irvine, CA 92618 still their address?",
    # a part or lot number shaped like a phone number
    "Our part numbers like 070-5528-1190 get auto-linked as phone numbers in Teams. How do I turn that off?",
    "品番「090-2231-7785」がExcelで電話番号の書式に変わってしまいます。文字列のまま保つには？",
    # a debt in a novel's premise, the scene asked after it
    "For my novel: the night-shift supervisor Rita Vance owes a bookie $18k and the plant manager suspects her. Write the confrontation scene.",
    "自作の小説用です。工場長の村岡が闇金に500万円の借金を抱えていて、組合に知られそうになる。詰め寄られる場面を書いて。",
    # a public figure's conviction, the public trial asked about
    ("Elizabeth Holmes was convicted in January 2022 of defrauding Theranos investors. What did the prosecution argue "
     "about the blood-testing claims?"),
    # public figures' public roles, given as public facts for an event's intro
    ("Write a brief intro for our logistics summit. Public facts to include:\n- Carol Tomé has been CEO of UPS since 2020.\n"
     "- Teamsters president Sean O'Brien led the 2023 UPS contract talks.\nKeep it neutral, 120 words."),
    ("物流フォーラムの冒頭の挨拶文を書いて。公知の事実として次を入れてください。\n・日本労働組合総連合会（連合）の芳野友子会長は"
     "2021年に就任した。\n・2024年の春闘では連合が5%以上の賃上げを要求した。"),
    # a public figure's diagnosis disclosed in their own open letter
    ("Michael J. Fox disclosed his Parkinson's diagnosis in a public statement in 1998. Summarise what he said for our "
     "community centre's health week poster."),
]
