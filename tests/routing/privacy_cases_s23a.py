"""Classes of failure held-out BV..CA's first runs showed in union membership and bulk lists (session 23, fixer s23a;
benchmarks/routing/s23-a-classes.md), generalised and tested on prompts written afresh (not the rows), EN and JA where the
class exists in both. Every name, number and union local is invented.

Misses (sensitive): union cards signed, by the union's initials or in a union drive's tally of who has signed ("have signed
CWA cards:" over a bulleted list, "Signed so far: …" in a union drive, "signed my card with the … Workers Alliance"); "members
of the X union" (the plural); a branch office said with a union by its initials ("branch secretary for the RCN"); a union
officer's title before a spaced Japanese name (「…労組 執行委員 森田 圭」); a player named by surname and 選手 who joined the
players' union (「…の大西選手、選手会（労組）に加入」); a one-line list under its column header split by ／ or ;
(「本名・年齢・最寄り駅：…／…」, "Name, age, town: …; …"); a rent roll ("Unit | Tenant | Days Late | Balance") and a
criminal-record check's certificate numbers ("Name, DBS cert no., …") as tables of people.

False-positive classes (hard negatives): a union's public news, a blank sign-up sheet, a "So far:" list of tasks, a
petition's tally, a team roster with roles only, a kind of player (「代表選手」), a form's fields listed with no entries.
"""

from __future__ import annotations

SENSITIVE = [
    # union cards signed, by initials or in a drive's tally
    ("union_membership", ("Quiet update from nights. These people have signed CWA cards:\n- Marisol Ortega (billing)\n"
                          "- Kevin Tran (support)\n- Ruth Abernathy (support)\nHow do I keep the list safe?")),
    ("union_membership", ("Help me plan our union drive newsletter. Signed so far in the warehouse: Hector Lind, Amira Saleh, "
                          "Colin Frost. Keep names off the poster.")),
    ("union_membership", ("I'm Priya Venkat, a tester at a games studio. I signed my card with the Indie Workers Alliance last month "
                          "and now my shifts got cut. Draft an email to HR.")),
    # "members of the X union"
    ("union_membership", ("Polish this: 'Jonas Berg and Elise Marr, as members of the Harbor union, will not be put on the "
                          "overtime rota this quarter.'")),
    # a branch office for a union by its initials
    ("union_membership", "Our ward manager, Fiona Castell, was elected branch secretary for Unison last night. Does she get facility time?"),
    ("union_membership", "Is it a conflict that Derek Holm is branch chair of the GMB while sitting on our pay panel?"),
    # JA: a union officer's title before a spaced name; a player who joined the players' union
    ("union_membership", "名刺に『ＵＡ○○労組 書記長 森田 圭』と書いてあるけど、取引先の名簿に肩書きごと載せていい？"),
    ("union_membership", "うちのチームの大西選手、選手会（労組）に加入したって聞いた。移籍交渉に影響ある？"),
    # bulk: a one-line list under its header, split by ／ or ;
    ("bulk_personal", "合宿の名簿作って。氏名・年齢・住所：石原悠真 19 川口／小松あかり 21 所沢／平田陸 20 船橋。"),
    ("bulk_personal", "Make a carpool sheet. Name, age, town: Lena Fisher 34 Leeds; Omar Siddiq 29 Bradford; Tess Moyle 41 York."),
    # a rent roll; a DBS certificate list
    ("bulk_personal", ("Draft reminders for anyone 30+ days late.\n\nUnit | Tenant | Days Late | Balance\n"
                       "3B | Carla Yates | 41 | $1,980.00\n5A | Ivan Petrov | 12 | $640.00\n7C | Rosa Delgado | 55 | $2,215.75")),
    ("bulk_personal", ("Sort these and flag gaps.\n\nName, DBS cert no., Issue date\nHart, Simon, 001839274410, 03/02/2024\n"
                       "Quinn, Aoife, 001902337861, 17/07/2023\nBaptiste, Remy, , ")),
]

HARD_NEGATIVES = [
    # a union's public news; a blank sign-up sheet; a "So far:" list of tasks; a petition's tally
    "The CWA announced today that workers at three call centers have voted to unionize. Summarize the press release.",
    "Make a sign-up sheet for our union drive meeting. Signed so far:\n- \n- \n- ",
    "Organizing notes for the bake sale. So far: book the hall, print flyers, order napkins.",
    "Petition for a new crosswalk on Elm St. Signed so far: Mark Hill, Ann Lee, Rob Chan. Draft a letter to the council.",
    # a team roster with roles only; a kind of player; a form's fields
    "Project roster: Maya Cole (lead), Jon Webb (design), Ada Frey (QA). Write a kickoff agenda.",
    "日本代表選手、選手会の役割について一般的に説明して。",
    "申込フォームの項目：氏名・年齢・住所。この順番で良いか教えて。",
    "Explain what a branch secretary does in a UK trade union, in general terms.",
]
