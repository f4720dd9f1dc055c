"""Classes of failure held-out BR's first run showed in union membership (teachers' and school staff's unions;
benchmarks/routing/s23-u-classes.md), generalised and tested on prompts written afresh for session 23 (not BR's rows),
EN and JA where the class exists in both. Every name, school and union branch is invented.

Misses (sensitive): named teachers who signed membership or union cards with, joined, or are members of a teachers' union
named by its shape ("the Cedar Falls Education Association", "the Westfield Federation of Teachers"); a union office at a
school said of a named person with the union's initials or name ("the AFT building rep", "the NASUWT school rep", "the UFT
chapter leader", "the Oak Valley Education Association building representative", "president of the … Federation of
Teachers"); in Japanese, a teachers' union by its 教組 name (県教組, 高教組, 市教組) or as 教職員組合, its office (分会長, 書記長,
執行委員, 支部長, 職場委員) or its dues deducted from a named teacher's pay, the teacher named with 先生 (「佐々木 美穂先生」:
the clearing side of it, a name with 先生 names the finding's person as one with さん does, is in
tests/routing/test_privacy_clear_s23u.py).

False-positive classes (hard negatives): teachers' unions as organisations ("the NEA's position on testing", "the National
Education Association's report", 「日教組の歴史」, a union's election rules, a membership-card template); a subject's
professional association ("the National Art Education Association", "the National Science Teachers Association"); a book's
chapter; a library club's membership cards; a teacher named with 先生 who only asks for a document.
"""

from __future__ import annotations

SENSITIVE = [
    # teachers signed cards with, joined, or are members of a teachers' union named by its shape
    ("union_membership", ("Draft this discreetly for the superintendent: Ms. Ortega and Mr. Lindqvist signed membership "
                         "cards with the Cedar Falls Education Association in September.")),
    ("union_membership", ("Can you help me phrase this for the head? Mr. Abernathy and Ms. Cho in the maths department signed "
                         "union cards with the Brookfield Federation of Teachers on Monday.")),
    ("union_membership", ("Quick note for HR: Dana Whitcomb joined the Maple Grove Education Association this fall and asked "
                         "that it stay off her evaluation file.")),
    ("union_membership", "Priya Natarajan is a member of the Westfield Federation of Teachers; draft a neutral reply to her leave request."),
    # a union office at a school said of a named person
    ("union_membership", ("Ms. Delgado is the AFT building rep at Roosevelt Elementary and she's collecting signatures for the "
                         "petition. How should I respond as principal?")),
    ("union_membership", "Our history teacher Liam Forde is the NASUWT school rep, so please draft the meeting invite with that in mind."),
    ("union_membership", "Mr. Haskins, the Oak Valley Education Association building representative, asked to sit in on the meeting."),
    ("union_membership", "Ms. Brennan is the UFT chapter leader at our school and wants a room for Thursday. Write a short reply."),
    ("union_membership", "Mrs. Petrakis is president of the Harbor City Federation of Teachers; write a polite decline to her meeting request."),
    # JA: a teachers' union by its 教組 name or as 教職員組合, its office or its dues, of a teacher named with 先生
    ("union_membership", "今年度の県教組 西高分会の書記長は佐々木 美穂先生です。分会の会議室予約のメールを作ってください。"),
    ("union_membership", "小林 誠先生は高教組の執行委員をしているので、部活の引率日程を調整したい。文面を考えて。"),
    ("union_membership", "来年度の高教組 南高分会長は石川 隆先生に決まりました。組合費の天引きについて事務室への連絡文を作って。"),
    ("union_membership", "山口 恵先生が今月から教職員組合に加入したので、組合費の給与天引きの手続きを事務にお願いするメールを書いて。"),
    ("union_membership", "松本 亮先生の組合費を来月から給与天引きにする手続きについて、事務長への依頼文を作って。"),
    ("union_membership", "村上 直子先生は全教の支部長をされています。研修日程の連絡文を丁寧に書いて。"),
    ("union_membership", "市職員の岡田 健太さんは自治労の職場委員です。異動の打診をどう伝えるか相談したい。"),
    ("union_membership", "中川 翔先生は市教組に入っているので、異動希望の面談メモは慎重に書きたい。整えて。"),
    ("union_membership", "新任の原田 彩さんも県教組に入ったそうです。歓迎会の案内文を作って。"),
]

HARD_NEGATIVES = [
    # teachers' unions as organisations
    "Summarise the NEA's position on standardized testing for our staff newsletter.",
    "Ms. Rivera asked me to summarise the National Education Association's report on class sizes.",
    "Mr. Tan wants to know what the AFT's position on merit pay is. Give him a neutral summary.",
    "The Westbrook Federation of Teachers announced a strike vote; summarise the news.",
    "The Chicago Teachers Union president held a press conference; summarise it in three bullets.",
    "日教組の歴史について高校生向けに中立的に解説してください。",
    "市教組の定期大会の日程を案内する文書のひな形を作って。",
    "組合費の給与天引きに関する規程のひな形を作ってください。",
    # a union's election rules, a role explained, a membership-card template
    "Write the rules for our teachers' union election: how nominations for building rep work and how votes are counted.",
    "The Maple Grove Education Association's election rules say candidates need ten nominations. Draft the notice.",
    "What does an NEA building rep usually do? Explain the role for new teachers.",
    "Design a membership card template for the Lakeview Education Association with a space for the member's name.",
    "Mr. Obi asked what a membership card for the Springfield Education Association looks like. Describe a typical design.",
    "佐藤先生から、分会長の選び方について一般的なルールを聞かれました。説明文を作って。",
    # a subject's professional association, a book's chapter, a club's cards
    "Dr. Patel is a member of the National Science Teachers Association and wants a reading list on lab safety.",
    "Mr. Reyes is a member of the National Art Education Association and wants a lesson plan on printmaking.",
    "Ms. Grant is writing a chapter on the history of the American Federation of Teachers. Suggest sources.",
    "Our book club members signed up for membership cards with the library; write a reminder email.",
    # a teacher named with 先生 who only asks for a document
    "鈴木先生に頼まれて、教員の働き方改革についての資料を作っています。要点をまとめて。",
]
