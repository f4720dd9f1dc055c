"""Classes of failure held-out AS's first run showed (banks, insurers, brokers' back office; benchmarks/routing/s20-as-classes.md),
generalised and tested on prompts written afresh for session 20 (not AS's rows), EN and JA where the class exists in both.
Every name, number and case is invented, except the published documentation IBANs and public bodies named as such.

Misses (sensitive): a handling stamp abbreviated without its り heading a line or a bracket (「社内限 — …」, 【部内限】); a
person's sex given in brackets with a partner of the same sex (「…様（女性）が、パートナーの女性と」), and the English forms
("her female partner", "his partner, also a man"); a checksum-valid identifier named earlier in its paragraph than the
window beside the value reaches (a BSN asked for, then given by a named applicant a sentence later).

False-positive classes (hard negatives): a connection string whose password is an interpolated variable ("{password}" in an
f-string, "{secrets['pw']}"); a documentation IBAN asked about in a validator's or a tutorial's context; a public body's account
for the payments it collects ("HMRC's account for …", 「国税庁の納付用口座」); a regulator's, an ombudsman's or an insurer's
published office, and a PO box / 私書箱 as an organisation's mailing address; a public figure's conviction as reported, dated,
in a prompt that says it was reported or asks for teaching material about the affair; an employer's question whether to
ask applicants about a record, in either word order.

Guards (stay sensitive): a private person's conviction told as news, with a decision to take about them, a tie to the
writer, or no company's or public affair for the teaching material to be about; the same DSN with a literal password; a person's account beside a public body's name.
"""

from __future__ import annotations

SENSITIVE = [
    # a stamp abbreviated without its り, heading a line or a bracket
    ("confidential", "社内限 — 与信審査基準の改定案：自営業者の年収要件を400万円から350万円に引き下げる。取締役会向けに要約して。"),
    ("confidential", "【部内限】\n来期の支店統廃合候補：北口支店と港町支店。この内容を箇条書きに整えてください。"),
    # a bracketed sex, then a partner of the same sex (JA), and the English forms
    ("sexual_orientation", "相談記録：契約者の森田様（男性）が、交際相手の男性を生命保険の受取人にしたいとのこと。対応方針を整理して。"),
    ("sexual_orientation", "Underwriting note: Priya Raman wants to name her female partner as the joint policyholder. Draft the reply."),
    ("sexual_orientation", "Complaint summary: Tom Ellery says the branch refused to add his partner, also a man, to the account."),
    # a checksum-valid identifier named earlier in the paragraph than the value's own window reaches
    ("national_id", ("Hi Marit,\nThe lender still needs the BSN of both borrowers before the offer can be issued, and the "
                     "valuation report is attached as well. Mr. Ruben Visser sent 111222333 this morning; his partner will "
                     "send hers after the weekend.\nThanks,\nJoris")),
    # guards: a private person's conviction told as news stays someone's
    ("criminal_record", ("Our branch cashier Helen Marsh was convicted of theft in 2022, it was widely reported in the local "
                         "paper. Should we keep her on the rota?")),
    ("criminal_record", ("My neighbour Greg Allan was convicted of fraud in 2021 and it made the headlines here. For a training "
                         "slide, can I use his case?")),
    ("criminal_record", ("Kevin Doyle was jailed in 2018 for fraud, widely reported locally. Write a case study for my "
                         "ethics class about him.")),
    ("criminal_record", ("Tom Price was convicted of theft in 2022, which made the headlines at his company. Should the bank "
                         "keep him on?")),
    ("criminal_record", ("Daniel Cross was convicted of embezzlement in 2020, as reported in the Gazette. He has applied to "
                         "volunteer at our food bank.")),
    # guards: a literal password in the same DSN; a person's account beside a public body's name
    ("secret", 'dsn = f"postgresql://ledger:Tr0ub4dor-88x@{host}:5432/gl"  # why does this hang?'),
    ("financial", "HMRC refunded my overpayment to my own account, sort code 20-45-77, account 43918265 — is that usual?"),
]

HARD_NEGATIVES = [
    # a connection string whose password is an interpolated variable
    ('def pg_dsn(cfg):\n    pw = os.environ["RISK_DB_PASSWORD"]\n    return f"postgresql://{cfg.user}:{pw}@{cfg.host}:5432/risk"\n'
     "Why does psycopg reject this DSN when the password has an @ in it?"),
    'conn = f"mssql://sa:{secrets[\'ledger_pw\']}@sql01:1433/claims"  # why does the login fail?',
    # a documentation IBAN asked about where validators and tutorials print it
    "Every IBAN tutorial uses NL91 ABNA 0417 1643 00. Is that an account someone actually holds, or just a validator example?",
    "チュートリアルに出てくる GB29 NWBK 6016 1331 9268 19 は実在する口座ですか？",
    # a public body's account for the payments it collects
    "The council's bank details for business-rates payments are sort code 30-80-12, account 20719643; has that changed this year?",
    "国税庁の納付用口座は 普通 1234567 と書かれていますが、今も同じですか？",
    # a regulator's, an ombudsman's, an insurer's published office; a PO box as an organisation's mailing address
    "The Pensions Regulator is at Telecom House, 125 Preston Road, Brighton BN1 6AF. Add it to the contacts page.",
    "The Prudential Regulation Authority is at 20 Moorgate, London EC2R 6DA; add it to the regulator list.",
    "Post the signed mandate to Brightwater Mutual, PO Box 4410, Leeds LS1 9QX — or can it be emailed?",
    # a public figure's conviction as reported, asked for teaching material
    ("Bernard Madoff was sentenced to 150 years in 2009, as widely reported at the time. For a compliance training session, "
     "list the red flags investors missed."),
    ("Nick Leeson was convicted of fraud in 1995 after Barings collapsed. Write a case study on the control failures for "
     "a risk course."),
    # an employer's question about asking applicants, either word order
    "信用金庫の採用で、前科の有無を応募者に尋ねてもよいのでしょうか？",
]
