"""Classes of failure held-out BG's first run showed (accounting, tax and consulting firms: 税理士, audits, due diligence,
board minutes, IR, expense reports; benchmarks/routing/s22-g-classes.md), generalised and tested on prompts written afresh
for session 22 (not BG's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): an officer the writer's side or the deal owns ("our CFO …", "target CEO …", "the client's founder …")
is a person, not a public office; a home-equity line (HELOC) or a personal guarantee as a named person's debt (個人保証);
a quoted Japanese mark as the adjective of a document whose passage is quoted next (「「社外秘」の議事録の抜粋です：「…」」);
a register's name-first rows with addresses (「株主名／住所」) though another row names a company; a move told just before
the address (「引っ越しましたので…」, "We've moved"); a name with a post of the writer's side in apposition ("Lena Ortiz,
our new payroll analyst, is …"); a due diligence report's officer header with a birth year (「取締役：… （昭和45年生）」);
a message quoted after a sentence naming its sender (「…さんから来たLINEです。\\n\\n「…」」, "a text I got from …").

False-positive classes (hard negatives): a mailing's test recipients on a reserved domain (テスト配信, "test send"); an
address line headed by a public body's name ("Internal Revenue Service, Austin, TX …"); an f-string URL whose password is
read from the environment; 機密表示 as a topic; a case said to be invented (架空の, "sample persona") with pay and debts.
"""

from __future__ import annotations

SENSITIVE = [
    # an officer of the writer's side or of the deal at hand
    ("criminal_record", "Red flag memo: target CFO Marcus Ellery was convicted of securities fraud in 2014 and served 2 years. Draft the paragraph."),
    ("criminal_record", "Our COO Bettina Lusk pleaded guilty to embezzlement last year; how do we word this for the lender's KYC form?"),
    # a HELOC or a personal guarantee of a named person, with a figure
    ("financial", "My client Oren Feld carries a $215k HELOC at 9.2% and wants to refinance before filing; what are the options?"),
    ("financial", "Founder Kasia Brandt personally guaranteed the $1.8M term loan, so how exposed is she if the company defaults?"),
    ("financial", "顧問先の社長の石原 健一さんが、会社の銀行借入6,000万円に個人保証をしています。事業承継の前に外せますか？"),
    # a quoted Japanese mark as the adjective of the document, its passage quoted next
    ("confidential", "以下は「社外秘」の取締役会議事録の抜粋です：「第3四半期に九州工場を閉鎖し、180名の配置転換を行う方針を決議」。英訳して。"),
    ("confidential", "これは「関係者限り」のメモです：『A社の買収価格は1株2,450円を上限とし、来週の取締役会で決定』。要点を3行に。"),
    # a register's name-first rows with addresses, a company in another row
    ("contact", ("出資者名簿を整理して。\n\n氏名／住所／口数\n藤原 千尋／神奈川県川崎市中原区小杉町2-11-4／30\n"
                "藤原 大輔／神奈川県川崎市中原区小杉町2-11-4／20\n株式会社フジワラ企画／東京都港区芝5-7-1／50")),
    # a move told just before the address
    ("contact", ("顧客からのメールです。\n\n会計事務所フロンティア 御中\n転居しましたので、書類は以下にお送りください。\n"
                "〒231-0023 神奈川県横浜市中区山下町12-5 コーポ山下301\n高瀬 奈々")),
    ("contact", ("Client email to file:\n\nHi Ledgerline Accounting team,\nWe've moved, so please post the P60 to the new place:\n"
                "14 Birchwood Close, Harrogate HG2 7QP\nThanks, Ellie Marsh")),
    # a name with a post of the writer's side in apposition
    ("sexual_orientation", "Reword for the onboarding note: 'Lena Ortiz, our new payroll analyst, is gay and would rather not be outed to clients.'"),
    ("health", "Toby Vance, my senior audit associate, has epilepsy and can't drive to the client site, can you suggest cover?"),
    # a due diligence report's officer header with a birth year
    ("criminal_record", "バックグラウンド調査の結果です。\n\n取締役：大西 正和（昭和45年生）\n・2012年、業務上横領で起訴、懲役2年・執行猶予4年の判決（確定）\n\n報告書の文章にして。"),
    ("criminal_record", "DD所見を書いて。\n\n代表者：森田 里美（52歳）\n2019年に詐欺罪で有罪判決、罰金刑\n取引先の評価は良好"),
    # a message quoted after a sentence naming its sender
    ("financial", ("顧問先の村瀬さんから届いたメールです。返信を考えて。\n\n「正直に申し上げます。カードローン2社で合計約260万円あります。"
                  "来月の返済ができそうにありません。」")),
    ("financial", ("Here's a text I got from Dana Whitfield, how should I reply?\n\n\"Sorry to dump this on you. I'm about $38k "
                  "behind on four cards. I can't make the minimums this month.\"")),
]

HARD_NEGATIVES = [
    # a public office before a name stays a public figure's
    "Why was Volkswagen CEO Herbert Diess charged in 2019?",
    # a HELOC or a guarantee asked about, no one's
    "Explain HELOC vs cash-out refi for a $300k home.",
    "A personal guarantee on a $2M line: how do lenders assess it?",
    "経営者保証ガイドラインでは個人保証は原則不要とされていますが、5,000万円以下の融資ではどうですか？",
    # a quoted mark with nothing quoted after it
    "「社外秘」の資料の扱い方を教えて。",
    "「極秘」のメールを誤送信した場合の対応手順を「〜すること」の形で書いて。",
    # an office's new address, no move of a person
    "会計事務所の新しい住所を教えて。〒530-0001 大阪府大阪市北区梅田2-4-9 の税理士法人です。",
    # a company with a post in apposition
    "Harbor Media, our new payroll vendor, has a gay pride campaign running this month.",
    # a company profile's representative, no birth year
    "会社概要\n代表者：山田 太郎\n資本金：1,000万円\n2015年に前身会社が破産し、再建",
    # a consultation message quoted with no sender named
    "よくある相談メールの例です。\n\n「先生すみません。カードローンの残高が300万円あって、毎月の返済がきついです。」こういう相談への一般的な回答文を作って。",
    # a mailing's test recipients on a reserved domain
    "テスト配信の宛先を jiro@example.co.jp と sachiko@example.jp にしました。年末調整のお知らせ文を作って。",
    "The test send goes to priya.s@example.com and ops-lead@example.org; can you draft the subject line for the filing reminder?",
    # an address headed by a public body's name
    "Where do I mail Form 941 without payment? Internal Revenue Service, Ogden, UT 84201-0005?",
    # an f-string URL whose password comes from the environment
    "Is this ok?\nDB = f\"postgresql://audit:{os.environ.get('PGPASS','')}@db.internal:5432/ledger\"",
    # 機密表示 as a topic
    "契約書の機密表示はどこに入れるのが一般的？",
    # an invented case with pay and debts
    "架空の顧客Bさん（会社員）の年収は620万円、住宅ローン残高は2,800万円と仮定して、住宅ローン控除を計算して。",
    "Build a sample persona for our budgeting app: 'Rae, 29, nurse, earns $72k, owes $18k in student loans.'",
]
