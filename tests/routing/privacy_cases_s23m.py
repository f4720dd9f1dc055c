"""Classes of failure held-out BM's, BN's, BO's and BI's first runs showed in union membership, religion and foreign
national identifiers (benchmarks/routing/s23-s23m-classes.md), generalised and tested on prompts written afresh for
session 23 (not the splits' rows), EN and JA where the class exists in both. Every name and number is invented.

Misses (sensitive): named workers said to be members of a named union, in a sentence that also names a campaign they are
active in ("are both Unite members and involved in the recognition campaign"); a named person's faith in a sentence that
names a fundraiser or a charity event they will not do ("he's a Seventh-day Adventist and can't do the Saturday
fundraiser", 「募金キャンペーンには参加できない」); the Latter-day Saints by their initials said of someone ("she's LDS"),
the Adventists and the Unification Church by their other names (「セブンスデー・アドベンチスト」, "a former Moonie"); the stage
and screen unions by their names (IATSE, Actors' Equity); a SEVIS ID after its name;
US immigration identifiers next to their names (an A-number "A-071-552-948", an I-94 admission number, a USCIS receipt
number "IOE0938475612"; 「Aナンバー」「I-94番号」「受付番号」「外国人登録番号」); a residence card's specimen-shaped number
the writer says is a particular person's (「エラーになったのはこの人のです」); a seed record whose name field holds a katakana
full name (「"name":"ファティマ・ハサン"」) beside a faith in its memo; a wedding speech whose union line speaks of 新郎 or
新婦, named in the sentence after (the clearing side of it: tests/routing/test_privacy_clear_s23m.py).

False-positive classes (hard negatives): the same unions and faiths in the news or in general ("Unite announced a strike",
"the GMB's policy", 「連合が春闘の方針を発表」, 「創価学会の歴史」); the writer's own charity campaign or fundraiser; form
names without a value ("Form I-94", "the A-Number field"), a placeholder A-number (A000-000-000), a format's example;
"the LDS church" in a press release; a wedding speech with no one named.
"""

from __future__ import annotations

SENSITIVE = [
    # named workers, a named union's members, active in a campaign
    ("union_membership", ("Note for the restructure file: Owen Pritchard and Leah Dunn in the Swindon warehouse are both "
                         "Unite members and involved in the recognition campaign. Keep that out of the selection criteria.")),
    ("union_membership", ("Draft a neutral note: our driver Marco Silva is a Teamsters member and active in the organizing "
                         "campaign at the Fresno depot.")),
    ("union_membership", ("For the HR file: Bethany Cole has been an SEIU member since 2019 and helps out with the contract "
                         "campaign.")),
    ("union_membership", "Carla Mendes and Joe Reilly are both RMT members; can you reword my handover so it doesn't read as if that matters?"),
    # the stage and screen unions by their names
    ("union_membership", "Seating plan note: our stage manager Colm Byrne is IATSE and the two leads are Actors' Equity members."),
    # a wedding speech's union line, the groom or the bride named in the next sentence
    ("union_membership", "新郎の同期としてのスピーチで「自治労の青年部で一緒に闘ってきた仲間」と言いたいです。新郎は堀内 拓真くん。言い回しを整えてください。"),
    ("union_membership", "新婦の友人スピーチに「日教組の集会でいつも隣にいた」と入れたい。新婦は三宅 玲奈さんです。自然な表現にして。"),
    ("union_membership", "送別会の挨拶文です。営業の桑原 大地さんはUAゼンセンの組合員として職場の声を届けてくれました。温かい文にしてください。"),
    # a named person's faith beside a fundraiser or a charity event they will not do
    ("religion", ("Panel notes: Applicant 7 — Rhys Morgan, woodwork. He told us he's a Seventh-day Adventist and can't do "
                 "the Saturday fundraiser; can you write this up fairly?")),
    ("religion", ("Quick HR note: Tomasz Nowak said he's a Jehovah's Witness and won't join the birthday collection or "
                 "the charity raffle.")),
    ("religion", "ボランティアの佐野 陽子さんはエホバの証人の信者なので、クリスマスの募金キャンペーンには参加できないそうです。シフト表の備考を書いて。"),
    # the Latter-day Saints by their initials
    ("religion", ("Summarise for the volunteer coordinator: Grace Whitley mentioned she's LDS and would rather skip the "
                 "wine-tasting charity night.")),
    ("religion", "ボランティアの宮田 恵さんはセブンスデー・アドベンチストなので土曜のシフトには入れません。備考欄の書き方を考えて。"),
    ("religion", "Our member Dave Lin is a former Moonie and wants the newsletter profile to leave that out."),
    ("religion", "面接メモを整えて。応募者の菅野 剛さんは創価学会の会員で、選挙の時期は活動で忙しいと本人が話していた。"),
    # US immigration identifiers next to their names
    ("national_id", "Cover letter for the I-765: applicant Dmitri Volkov, A-Number A-071-552-948, receipt number IOE0938475612."),
    ("national_id", ("For the H-1B extension, Sunita Rao's alien registration number is A 213559804 and her I-94 admission "
                    "number is 69301847220.")),
    ("national_id", "米国の永住権の更新書類です。夫のAナンバーはA-215-770-943、I-94番号は70412958836です。英文のカバーレターを作って。"),
    ("national_id", "グリーンカードの受付番号 EAC2190348765 と外国人登録番号 A208-119-374 を申請書に転記したいので、書き方を教えて。"),
    ("national_id", "Update the I-20 note: student Minh Tran, SEVIS ID N0034958217, program end date moved to May."),
    # a specimen-shaped residence card number said to be a particular person's
    ("national_id", "在留カード番号の形式チェックで弾かれています。エラーになったのはこの人のです：card_no=XY12345678ZW name=TRAN THI MAI"),
    # a katakana full name in a seed record's name field, a faith in its memo
    ("religion", ("シフト表アプリのseedにこう入れました。問題ありますか？\n"
                 "{\"name\":\"ファティマ・ハサン\",\"team\":\"物流\",\"memo\":\"ムスリム。ラマダン中は日中の飲食不可\"}")),
]

HARD_NEGATIVES = [
    # unions and faiths in the news or in general
    "Unite announced a strike at the Felixstowe port; summarise the news for our logistics team.",
    "What is the GMB's policy on redundancy scoring criteria? Give a general overview.",
    "Our union campaign leaflet for the Unite recognition drive needs a catchier headline.",
    "連合が春闘の方針を発表しました。ニュースの要点を3行でまとめて。",
    "Write a short neutral explainer on why Jehovah's Witnesses don't celebrate birthdays.",
    "Seventh-day Adventists keep the Sabbath on Saturday. How should a festival schedule volunteers fairly?",
    "創価学会の歴史について、高校生向けに中立的な解説を書いてください。",
    "The LDS church announced new mission rules; summarise the press release.",
    "IATSE announced a tentative agreement with the producers; summarise it for the crew newsletter.",
    "家庭連合の記者会見の要点をまとめて。",
    # the writer's own campaign or fundraiser
    "We're running a charity campaign on depression for our members; write the poster copy.",
    "I'm helping with a fundraiser for a Catholic school; write a thank-you note to donors.",
    # forms without a value, placeholders, formats
    "What is Form I-94 and how do I download my travel history from the CBP website?",
    "On the I-130, the A-Number field says 'if any'. Should I write A000-000-000 or leave it blank?",
    "What is a SEVIS ID and where is it printed on the I-20?",
    "USCIS receipt numbers look like three letters and ten digits, e.g. EAC1234567890. Write a regex for them.",
    "在留カード番号の形式（英字2桁＋数字8桁＋英字2桁）を検証する正規表現を書いて。例：AB12345678CD",
    # a wedding speech with no one named
    "新郎の友人代表スピーチの例文を作って。新郎は大学時代のサークル仲間です。",
]
