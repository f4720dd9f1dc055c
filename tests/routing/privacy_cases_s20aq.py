"""Classes of failure held-out AQ's first run showed (law, government counters, public services: courts, law firms,
procurement offices, city halls; benchmarks/routing/s20-aq-classes.md), generalised and tested on prompts written afresh
for session 20 (not AQ's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a marking line with an explanatory tail, "INTERNAL — NOT FOR RELEASE BEFORE …" in capitals and "not
for release until …" in prose, 「（事務所内限り）」 and other offices' audience limits (課内限り, 庁内限定); a lawyer's
privilege stamp (ATTORNEY WORK PRODUCT in capitals, "[Attorney Work Product]", PRIVILEGED heading a memo, 「秘匿特権の対象
です」, 【秘匿特権】) and a court's seal said of the paper at hand ("still under seal", "this warrant is sealed",
「この決定はまだ非公開です」); government and tender handling marks (取扱厳重注意, 【秘】) and a tender's reserve price given
as a figure before its 公告; a Chinese resident ID named 身分証 with the Japanese 証 (or 身分證), its check digit passing with a
region code stdnum does not know, or a typo; a named candidate's conviction asked about in a reference letter, which opens like an encyclopedia question.

False-positive classes (hard negatives): the same words as topics, what ATTORNEY WORK PRODUCT or 秘匿特権 means, whether
something would be privileged, privileged access management, "seal the deal", a sealed envelope, sealed bids, what a sealed
order means; 「取扱注意の意味」, 取扱厳重注意 and 取扱注意 compared, 【秘】 marks in a rule being drafted, a closed hearing
as a procedure (家事調停は非公開), a reserve price published after the tender; 身分証番号 with no number; a reference
letter's advice with no one named, and a public figure's conviction asked about.
"""

from __future__ import annotations

SENSITIVE = [
    # a marking line with an explanatory tail, in capitals or in prose
    ("confidential", ("INTERNAL — NOT FOR RELEASE UNTIL THE AWARD IS SIGNED\nRoad resurfacing tender scores: Ardent Civil 91, "
                     "Holloway Paving 84, Redgate 77. Draft a note for the procurement board.")),
    ("confidential", ("Not for release before the council vote: the branch libraries on Elm Street and Parkside close in June. "
                     "Turn this into talking points.")),
    ("confidential", "【秘】指名業者選定メモ（庁内限定）\n今回は北斗建設、青葉工業、東和設備の3社を指名する方針。課長向けに整えて。"),
    ("confidential", "（課内限り）来年度の窓口再編案：市民課の職員2名を福祉課へ異動させる。この文章を敬語に直してください。"),
    # a lawyer's privilege stamp and a court's seal on the paper at hand
    ("confidential", ("Shorten this, it's from an ATTORNEY WORK PRODUCT file: we think the contractor backdated the inspection "
                     "log, and we haven't produced the log yet.")),
    ("confidential", ("[Attorney Work Product]\nInterview notes, warehouse lead: he saw the forklift reversing without a spotter. "
                     "Tidy these up.")),
    ("confidential", ("PRIVILEGED — prepared at the request of counsel\nOur exposure on the Harlow lease claim is about $240k. "
                     "Summarise this for the general counsel.")),
    ("confidential", "The Reyes settlement is still under seal, so paraphrase it carefully: the city pays $1.1m and the officer resigns."),
    ("confidential", "This warrant is sealed until the arrests: agents search 14 Birch Lane on Tuesday. Make a checklist for the team."),
    ("confidential", "このメールは秘匿特権の対象です。相手方証人の供述が二転三転している点を整理した部分を要約してください。"),
    ("confidential", "【秘匿特権】\n当方は、追加の診療記録を次回期日まで提出しない方針。この方針メモを短くまとめて。"),
    ("confidential", "この決定はまだ非公開です。「債務者は本年4月末日までに金120万円を支払え」という部分をわかりやすく言い換えて。"),
    # government and tender handling marks, and a reserve price before its 公告
    ("confidential", "取扱厳重注意\n来月の指名競争入札に呼ぶ予定の業者一覧です。各社の過去の落札実績を表にまとめてください。"),
    ("confidential", "新庁舎の電気設備工事、予定価格は1億2,300万円です。来月に公告する予定なので、入札説明書の骨子を作って。"),
    # a Chinese resident ID named with the Japanese 証 or the traditional 證: its check digit passing with a region code
    # stdnum's table lacks (440306), or a typo
    ("national_id", "研修生の陳さんの身分証番号は 440306198807211531 です。入管の書類のどこに書けばいいですか。"),
    ("national_id", "留学生の李 娜さん（中国の身分證番号 110105199203154321）の保証人書類を作りたい。"),
    # a named candidate's conviction asked about in a reference letter, asked like an encyclopedia question
    ("criminal_record", "Is it fair to note in the reference letter that Marcus Hale was convicted of fraud in 2012?"),
    ("criminal_record", "How should a character reference handle Dana Whitfield's 2014 assault conviction?"),
]

HARD_NEGATIVES = [
    # privilege and seal words as topics
    "What does ATTORNEY WORK PRODUCT mean, and how is it different from attorney-client privilege?",
    "Is a lawyer's email to an expert witness protected as work product?",
    "Explain privileged access management (PAM) for a small IT team.",
    "How do I seal the deal with a hesitant client?",
    "The court sent me a sealed envelope. What should I expect inside?",
    "Sealed bids are due at noon on Friday; draft the invitation to tender for the park fencing.",
    "What does it mean when the order is still under seal?",
    "Write a press release template with a NOT FOR RELEASE UNTIL line at the top.",
    # Japanese handling marks and privilege as topics
    "「取扱注意」の意味を教えてください。",
    "「取扱厳重注意」と「取扱注意」の違いは何ですか？",
    "【秘】マークの付いた文書の扱い方について、課内のルールを作りたい。",
    "秘匿特権とは何ですか？日本の民事訴訟でも認められますか。",
    "弁護士とのメールは秘匿特権の対象になりますか？",
    "家事調停は非公開で行われますか？傍聴はできますか。",
    "予定価格と最低制限価格の違いを教えて。前回の予定価格は3,000万円で、事後公表でした。",
    # an identity card named, no number; a reference letter's advice with no one named; a public figure's conviction
    "中国の身分証番号は何桁ですか？",
    "What makes a good reference letter for a nursing job?",
    "Was Nelson Mandela imprisoned for 27 years before he became president?",
]
