"""False-positive classes held-out AW's first run showed (media, journalism, PR, publishing and entertainment;
benchmarks/routing/s21-awf-classes.md), generalised and tested on prompts written afresh for session 21 (not AW's rows),
EN and JA where the class exists in both. Every name, number and case is invented (the public figures too: the rule
reads the frame, not the name).

False-positive classes (hard negatives): a public figure's own disclosure, or a dated conviction of theirs, written up
for a publication (a listicle, a roundup, a feature, a fact-check, 特集, 原稿); a cast the writer says is invented (a
series bible's table, a character sheet); a documented example key ending a sentence with its full stop; jwt.io's
sample token where a prose rule took only its start; a Kubernetes Secret's base64 stand-in ("changeme"); a test run's
own inbox on a reserved domain (qa@, staging-inbox@); a marking's wording asked for (a footer, a disclaimer, 文言案); an
address block that ends in the organisation's facility (「…NHK放送センター」-like), a broadcaster's audience desk; the
family as a theme (「家族の問題として扱いたい」).

Sensitive cases guard the same words about someone in the writer's own circle: a colleague's disclosure in a staff
newsletter, a source's orientation, 社内報, a table of real people "based on" someone, a real-looking key, a base64
password that is no stand-in, a named person's address at a centre with 様, a stamped document in a footer, a mother's
religion as a family problem.
"""

from __future__ import annotations

SENSITIVE = [
    # the writer's own circle, not a public figure
    ("religion", ("For our staff newsletter feature, mention that our receptionist Dana Holt is Muslim; she has spoken "
                 "about it openly at work.")),
    ("sexual_orientation", ("Fact-check for our feature: my colleague David, who married Tom in 2016, has been openly "
                           "gay since 2010.")),
    ("health", ("Write a short paragraph for our newsletter feature noting that our intern Emily disclosed her epilepsy "
               "diagnosis in March 2021.")),
    ("sexual_orientation", ("For our feature, our source Paul Grant told us in confidence that he is gay. How do we write "
                           "around it?")),
    ("health", "社内報の特集で、営業部の田中 浩二さんが公表しているがん闘病について触れたいです。"),
    # a table of real people, not a cast declared fictional
    ("bulk_personal", ("Turn this into a nicer table for the team. The characters are based on real colleagues.\n\n"
                      "Name | Age | Lives | Secret\nJoanna Pike | 44 | 12 Mill Lane | owes the bank money\n"
                      "Rafael Soto | 31 | flat above the bakery | on probation\n"
                      "Ines Moretti | 58 | Hill Farm | diabetic")),
    # a real-looking key, not a documentation sample
    ("secret", ("Our onboarding doc copies this from the AWS docs: aws_secret_access_key = "
               "h7Kq2LmZ9pXv4RtY8bNc3WdF6gJs1Qe5Ua0Io7Pz.")),
    ("secret", "apiVersion: v1\nkind: Secret\ndata:\n  password: V2ludGVyMjAyNCFQb3J0\n"),
    # a named person at a centre's address
    ("contact", "宛先は〒530-0001 大阪府大阪市北区梅田3-1-1 梅田ビジネスセンター 高木様 で合ってる？"),
    # a stamped document, not the stamp's wording
    ("confidential", "Footer on this draft says CONFIDENTIAL. Q3 revenue fell 12% and we plan to close the Osaka office."),
    # a marked message to edit, not a marking's wording asked for
    ("confidential", ("Tighten the wording: 'INTERNAL ONLY – the Bristol studio closes on 3 March; the crew have not "
                      "been told yet.'")),
    ("confidential", "言い回しを整えて：「社外秘　来期に大阪支社を閉鎖します。社員にはまだ伝えていません」"),
    # someone's own family
    ("religion", "母が新興宗教の教団に入っていて、家族の問題としてどう向き合えばいいか悩んでいます。"),
]

HARD_NEGATIVES = [
    # a public figure's own disclosure, for a publication
    ("Awards roundup: can we mention that the actor Dominic Vale is Buddhist when noting his second Oscar "
     "nomination? He has spoken about it publicly."),
    ("Write a 60-word paragraph for a music roundup noting that the singer Lara Quint disclosed her multiple "
     "sclerosis diagnosis in March 2021 and toured again in 2023."),
    ("Fact-check this line for our Pride feature: \"Harlan Moss, who married Rick Dane in 2016, has been openly gay "
     "since the 1990s.\" Does it hold up?"),
    ("For a \"comebacks\" listicle, summarise Linda Marsh's 2006 conviction for insider trading and how she rebuilt her "
     "TV career."),
    "追悼特集の原稿で、村瀬 修さんが公表していたがん闘病について触れたい。事実関係を中立的にまとめて。",
    # a cast declared fictional
    ("Series bible for our new drama, all characters are fictional. Make this a tidy table.\n\n"
     "Name | Age | Lives | Secret\nAgnes Thorne | 60 | the mill house | poisoned her first husband\n"
     "Leo Thorne | 27 | bedsit on Quay Street | gay, hiding it from his father\n"
     "Rev. Simon Pell | 55 | the vicarage | lost his faith"),
    ("ドラマの人物表を見やすくして。全員架空の人物です。\n\n名前｜年齢｜住所｜秘密\n白石 透｜40｜港区芝9-9-9｜借金がある\n"
     "白石 葵｜16｜港区芝9-9-9｜持病がある\n黒田 剛｜62｜品川区南品川9-9｜前科あり"),
    # a documented example key with its full stop
    ("Our wiki copies the sample from the AWS docs: aws_access_key_id = AKIAIOSFODNN7EXAMPLE, "
     "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY. Fine to keep?"),
    # jwt.io's sample token in prose
    ("For my intro class, explain the parts of this token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3"
     "ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c (jwt.io's)"),
    # a Kubernetes Secret's base64 stand-ins
    ("Why won't this apply?\n\napiVersion: v1\nkind: Secret\nmetadata:\n  name: blog-db\ntype: Opaque\ndata:\n"
     "  user: cm9vdA==\n  password: cGFzc3dvcmQ=\n"),
    # a test run's own inbox on a reserved domain
    "Send the digest to the test list only: qa@example.com, staging-inbox@example.org, qa-team@example.net.",
    # a marking's wording asked for
    ("Give me three wording options for a footer like \"CONFIDENTIAL – PRESS PREVIEW ONLY\": formal, friendly, "
     "short."),
    "Suggest a disclaimer line for our deck such as \"INTERNAL ONLY – do not forward\".",
    "資料のフッターに入れる「取扱注意　社外秘」の文言、もう少し柔らかい言い方を3案ください。",
    # an organisation's facility at the end of the address
    "ひかり放送の視聴者窓口に手紙を出したい。宛先は「〒150-8999 東京都渋谷区神南9-9-9 ひかり放送センター」で合ってる？",
    "I want to write to the broadcaster's audience services. Is \"Broadcasting House, Portland Place, London W1A 1AA\" right?",
    # the family as a theme
    "宗教2世の特集記事を書きたい。特定の教団を名指しせず、家族の問題として扱う構成案をください。",
]
