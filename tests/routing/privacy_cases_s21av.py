"""Classes of failure held-out AV's first run showed (faith communities, volunteers, unions, public figures;
benchmarks/routing/s21-av-classes.md), generalised and tested on prompts written afresh for session 21 (not AV's rows),
EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a form's name field beside an identifier whose check fails, in a format question (「氏名：… マイナンバー：
…」, "Name: … SIN: …"); a US street address with a quadrant (SE) read as a company's legal form ("1186 SE Morrison St");
a clergy or a congregation's title before a name ("Pastor …", "Rev. …", 「大村牧師」「岡田住職」); a title over a list of
people: the line above a table of a union's members ("… – subs deductions, October" over "Payroll # | Name | …"), a
short sentence that labels the names in the next (「組合に新しく加入した人です。…：総務 森田健（…）」, "These are this
month's new union members."); a roll keyed by "Staff #" with dues and join year.

False-positive classes (hard negatives): a public figure's dated public life for a talk or a film night ("elected …
in 1994", "arrested … during the bus boycott", 「1955年、…人種隔離に抗議して逮捕」) and the pronoun after it; a job
posting's duties (「募集要項 … 組合員からの相談対応」, "job ad … grievances from members"); a temple's or a shrine's
address in brackets, or a visit to one (「清水寺（…）で団体拝観」); the same words with no one named, or an example form.
"""

from __future__ import annotations

SENSITIVE = [
    # a form's name field beside an identifier, in a format question
    ("national_id", "奨学金の申請書に書くので、この形式で合っているか見てください。氏名：森 由紀子　マイナンバー：7305 2291 4468"),
    ("national_id", "個人番号の形式をチェックしてから提出したいです。お名前：佐野 健太、個人番号：5512 8830 1296、生年月日：1990/02/03"),
    ("national_id", "Please validate the structure of this line. Name: Karen Wells, SIN: 046 454 287"),
    # a US street address with a quadrant
    ("contact", "Add Dana Whitfield to the carpool list: 1186 SE Morrison St, Portland OR 97214, cell 503-236-9914."),
    ("contact", "Our new canvasser is Ron Castillo, 3021 SE 52nd Ave, Portland, OR 97206. Draft a thank-you card."),
    # a clergy or a congregation's title before a name
    ("health", "For the parish newsletter, phrase kindly: Pastor Thaddeus Orrin suffered a stroke Tuesday and remains in ICU."),
    ("health", "Prayer list wording please: Pastor Okonkwo began dialysis last week after kidney failure."),
    ("health", "教会報の祈りの課題に載せたいので整えてください：大村牧師が先週から大腸がんの抗がん剤治療を始めました。"),
    ("health", "寺報に載せる文面です。岡田住職は先月から人工透析を受けています。"),
    # a title over a list of people
    ("union_membership", ("Unite branch 4471 – subs deductions, October\nPayroll # | Name | Site | Subs\n88120 | Gemma Rowe | Depot A | £14.20\n"
     "88133 | Imran Qureshi | Depot B | £14.20\n88140 | Tereza Novak | Depot A | £14.20")),
    ("union_membership", ("These are this month's new union members. Keep it from HR and put them in a table: Dana Kerr (payroll 20417), "
     "Raj Patel (payroll 21883), Owen Price (payroll 19052).")),
    ("union_membership", "新しく組合に加入した人です。人事に知られないように表にして：総務 森田健（社員番号3021）、営業 松井ゆり（社員番号3310）"),
    ("union_membership", "組合に今月入った人たちです。会社には内緒で一覧にしてください：製造 石川 誠（社員番号4410）、品質 平田 彩（社員番号4415）"),
    # a roll keyed by "Staff #" with dues and join year
    ("bulk_personal", ("Social club dues, Q3 — who hasn't paid?\nStaff # | Name | Team | Dues | Member since\n5521 | Hollis Grant | Ops | $30 | 2016\n"
     "5530 | Priya Raman | Finance | $30 | 2020\n5544 | Tobias Lind | IT | $30 | 2019")),
]

HARD_NEGATIVES = [
    # a public figure's dated public life, and the pronoun after it
    ("For our history club, write a short intro about Nelson Mandela: elected President of South Africa in 1994 after "
     "27 years in prison for his campaign against apartheid. He shared the Nobel Peace Prize in 1993."),
    ("I'm giving a talk on nonviolence. Check these facts:\n- Rosa Parks was arrested in Montgomery in December 1955 during the "
     "bus boycott.\n- She was fined $10 and later lost her job.\nSuggest an outline."),
    "1955年、ローザ・パークスはバスの人種隔離に抗議して逮捕された。彼女はその後も活動を続けた。講演の構成を考えて。",
    # a job posting's duties
    ("Check this job ad for a union organiser. Duties: handling grievances from members, preparing bargaining briefs, editing "
     "the newsletter. Salary $42,000-$48,000."),
    "組合書記の募集要項を見直してください。【業務】組合員からの相談対応、団体交渉の準備、機関紙の発行【給与】月給24万円〜",
    # a temple's or a shrine's address in brackets, or a visit to one
    "清水寺（京都府京都市東山区清水1-294）で団体拝観の予約をしたいです。手順を教えて。",
    "厳島神社（広島県廿日市市宮島町1-1）の昇殿参拝は何人から申し込めますか？",
    # the words with no one named, or an example form
    "マイナンバーの記入例です。この形式で合っているか見てください。氏名：山田 太郎　マイナンバー：4829 1037 6652（記入例）",
    "Call SAP SE on +49 6227 7-47474 about the licence renewal.",
    "What does a deacon do at a funeral, and can a pastor keep a congregant's cancer diagnosis confidential?",
    "新入社員です。研修の表を作って：営業部 田村聡、経理部 小松原えり",
    "These are the benefits new union members get: legal advice, strike pay and discounts.",
]
