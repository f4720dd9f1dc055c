"""Classes of failure held-out BE's first run showed (translation and cross-border work: contracts, certificates, medical
letters, visa paperwork, mail between offices, subtitles; benchmarks/routing/s22-e-classes.md), generalised and tested on
prompts written afresh for session 22 (not BE's rows), EN and JA where the class exists in both. Every name, number and
case is invented.

Misses (sensitive): a confidentiality stamp said to be printed on the document at hand ("the footer says 'Confidential - Do
not distribute'", 「フッターに「社外秘・転送禁止」と書いてあります」), then its content quoted to translate; pay lines in a
letter to a named person ("Dear Rajesh," / 「ソフィア・ロペス 様」 then "Base salary: JPY …", 「基本給：月額…」).

False-positive classes (hard negatives): a news paragraph handed over to translate or summarise, telling a public figure's
dated conviction or arrest in a securities or corporate affair; a film's or a drama's subtitle lines; an e-mail disclaimer
that says whom the mail is for ("intended solely for the addressee", "if you have received it in error"); an NDA
template's article caption 「第2条（秘密情報）」; a reserved-domain address after 例： as a form's input hint; a published case
report's opening formula ("We report a 58-year-old woman…", 「…の1例を報告する」).
"""

from __future__ import annotations

SENSITIVE = [
    # a stamp said to be on the document at hand, its content quoted after
    ("confidential", ("Notes from the investor memo (the header reads \"Internal use only - do not forward\"). Please translate into "
                      "Japanese: \"We plan to close the Lyon plant in Q3 and move 140 roles to Porto.\"")),
    ("confidential", ("Slide notes, footer says 'Strictly confidential - do not distribute'. Into Japanese please: 'Our bid for "
                      "Harbourline will be EUR 61m, two million under the rival offer.'")),
    ("confidential", ("経営会議資料のメモです（フッターに「社外秘・転送禁止」と書いてあります）。英訳して：「来期に仙台営業所を閉鎖し、"
                      "在庫1.8億円を償却する予定。」")),
    ("confidential", ("スライドの下に「関係者限り・複製禁止」と入っています。この部分を英語にして：「新潟工場は2028年度末で生産を終了し、"
                      "約90名を配置転換する。」")),
    # pay lines in a letter to a named person
    ("financial", ("Translate into Japanese so her parents can read it:\n\nDear Ms Okonkwo,\nWe are delighted to offer you the post "
                   "of Translation Project Manager in Fukuoka.\nYour starting salary will be JPY 6,300,000 a year.\nKind regards")),
    ("financial", ("Please put this assignment letter into Japanese.\n\nDear Tomasz,\nThis confirms your transfer to Nagoya from "
                   "1 July.\nBase salary: EUR 71,500 per annum\nHousing allowance: JPY 180,000 per month\nBest wishes, HR")),
    ("financial", ("この内定通知書を英訳してください。\n\nアナ・シルバ 様\nこのたびは当社への入社をご承諾いただき、ありがとうございます。\n"
                   "基本給：月額41万円\n住宅手当：月額3万円\n以上")),
]

HARD_NEGATIVES = [
    # a stamp's wording asked for, not said to be on a document
    "Can you translate 'Internal use only - do not forward' into Japanese for our slide footer?",
    "メールのフッターに入れる「社外秘・転送禁止」を英訳してください。",
    # a letter's salutation to no one in particular, or a figure that is no one's pay
    ("Translate into Japanese:\n\nDear Team,\nReminder: the salary review window opens on 3 March. Typical increases are 3%, "
     "e.g. JPY 150,000 on a base of JPY 5,000,000."),
    "Translate this template: Dear [Name],\nBase salary: JPY [amount] per annum\nHousing allowance: JPY [amount] per month",
    # a news paragraph with a public figure's dated conviction or arrest
    ("Translate this news paragraph into Japanese: \"Linda Carraway, founder of Carraway Home, was convicted in 2006 of insider "
     "trading over a stock sale and served ten months in a federal prison camp.\""),
    ("新聞記事を英語で要約して。「大手電機メーカーの元会長、黒田 剛氏は2021年3月、金融商品取引法違反の疑いで逮捕された。2022年に保釈された。」"
     "海外向けのガバナンス解説コラムに使います。"),
    # a film's or a drama's subtitle lines
    ("Subtitle file, into Japanese please (max 14 chars a line):\n00:12:01 --> 00:12:03  She did six years for fraud.\n"
     "00:12:03 --> 00:12:05  And nobody told the board?"),
    "字幕の翻訳をお願いします。\n00:41:10 --> 00:41:12 あいつは強盗で8年服役してた。\n00:41:12 --> 00:41:14 それでも雇ったのか？",
    # an e-mail disclaimer that says whom the mail is for
    ("Put this into Japanese, it's a lunch invite from our Singapore office:\nHi all, team lunch on Friday at 12:30, Raffles Place.\n"
     "This message and its attachments are confidential and intended solely for the addressee. If you have received it in "
     "error, please delete it."),
    # an NDA template's article caption
    "契約書のひな形を英訳して。\n第5条（秘密情報）\n本契約において秘密情報とは、開示者が秘密である旨を明示して開示した情報をいう。",
    # a form's input hint
    "会員登録画面の文言を英訳して。「電話番号またはメールアドレスを入力してください（例：hanako@example.co.jp）」",
    # a published case report's opening formula
    ("Translate this abstract into Japanese: \"We report a 58-year-old woman who presented with chest pain after a marathon. "
     "Coronary angiography was normal and she was diagnosed with takotsubo cardiomyopathy.\""),
    "抄録を英訳してください。「発熱と皮疹を呈した40歳代女性の1例を報告する。デング熱と診断し、輸液で軽快した。」",
]

HARD_NEGATIVES += [
    # a letter template whose person is a merge field
    ("Translate this discharge letter template into Japanese for our partner clinics:\nDear Dr [Name],\nRe: [Patient Name], "
     "DOB [dd/mm/yyyy]\nDiagnoses: [list]. Medications on discharge: [list with doses]. Follow-up: [date].\nYours sincerely,\n[Consultant]"),
    "紹介状のテンプレートを英訳してください。\n［医療機関名］［医師名］先生\n患者：［患者氏名］様（［年齢］歳）\n現在の診断名：［病名］\n処方：［薬剤名・用量］",
]

SENSITIVE += [
    # a template filled in with a real person stays theirs
    ("health", ("Use this referral template for my mother please:\nDear Dr [Name],\nRe: Margaret Ellison, DOB 04/02/1951\n"
                "Current diagnoses: type 2 diabetes, atrial fibrillation. Current medications: apixaban 5mg.")),
]
