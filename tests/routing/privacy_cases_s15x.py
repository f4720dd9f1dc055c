"""Classes of failure held-out X's first run showed (benchmarks/routing/README.md, "Session 15 (X)"), generalised
and tested on prompts written afresh for session 15 (not X's rows), EN and JA, each with a twin on the other side.
Every name, number and address is invented.

False-positive classes (hard negatives): an organisation's own bank account printed for anyone to pay into (a
supplier's account in a contract, a company's on its invoice 「カ）…」, a club's in its newsletter): its holder
is a company, a club or a society, named with its legal form or called "the club account" / 「弊社口座」;.
Markings talked about in long policies and articles: the levels of a scheme listed (「社外秘、部外秘、極秘」),
Japanese labels named in an English sentence about marked documents, a regulation's article on what may be done
with marked documents (「極秘文書の社外持ち出しは禁止する」), the cautions for handling a thing
(「ICカードの取り扱い注意」). An office's mailbox named for its function (dpo@, benefits@).

Misses (sensitive), kept as twins: a person's account on the same kind of line stays a finding, and so does a
person's account in a paste that also names a company elsewhere.
"""

from __future__ import annotations

SENSITIVE = [
    # a person's account in a contract-like paste (the holder a person, the company elsewhere in the text)
    ("financial", ("Tidy this expenses email: 'Hi, please refund my train fares to my own account, sort code 30-94-57, "
                  "account 71246683 (Daniel Okoro). Thanks.'\nFrom: Daniel Okoro, Kestrel Logistics Ltd")),
    ("financial", "返信を書いて。\n「立替金は私の口座にお願いします。\n振込先：港北銀行 新横浜支店 普通 4830217 名義 カワシマ ユウタ」"),
    # a small firm's transfer details in Japanese stay a finding (the earlier splits' labels: A's ho-042, G's hg-202)
    ("financial", "請求書の振込先欄を作って。\n振込先：東和銀行 本店営業部 普通 2719405 カ）ミドリデザイン"),
    ("financial", "Reformat: Payee John Whitfield, IBAN GB33 BUKB 2020 1555 5555 55, reference JW-REFUND."),
    # a document stamped with a marking, beside the same words
    ("confidential", "この資料を要約して。\n【社外秘】2027年度 価格改定案\n主力3製品を4月から平均6%値上げする。"),
    ("confidential", "Summarise this memo.\nCONFIDENTIAL\nBoard paper: proposed closure of the Leeds depot in Q3."),
    ("confidential", "以下の社外秘資料を英訳してください。新工場の候補地は三重県と岐阜県の2か所です。"),
    # a person's own mailbox on the same kind of line
    ("contact", "Tidy this footer: 'Questions to Hannah Price, our data protection lead (hannah.price@brightwell-homes.co.uk).'"),
]

HARD_NEGATIVES = [
    # a supplier's account in a contract clause, its holder a company with its legal form
    ("Shorten clause 6: 'Payment shall be made by bank transfer to the Supplier's account: Harbour Fixings Ltd, "
    "sort code 20-32-06, account 43908211, within 30 days of invoice.'"),
    # a club's account in its newsletter
    ("Make this newsletter item friendlier: 'Subs for the spring term are £45. Please pay by transfer to the club "
    "account, sort code 40-11-62, account 90215537, with your child's name as reference.'"),
    # 「弊社口座」 on a payment notice
    "この案内文を短くして。「お振込みは下記の弊社口座へお願いいたします。みずなみ銀行 丸の内支店 普通 3085126 株式会社サクラ精工」",
    # the levels of a classification scheme listed in an article
    ("Proofread this intranet article: 'Every document needs a label. In our Tokyo office the levels are 社外秘、部外秘、極秘, "
    "and staff should pick the lowest one that fits.'"),
    # Japanese labels named in an English sentence about marked documents
    "Make this AI policy clearer: 'Do not paste documents marked CONFIDENTIAL, 社外秘 or higher into any chatbot.'",
    # a regulation's article on marked documents
    "規程の条文を読みやすくして。\n第9条（持ち出し）\n社外秘文書の社外持ち出しは禁止する。部外秘文書は部長の承認を得た場合に限り持ち出すことができる。",
    # the cautions for handling a thing, a heading in a handout's list
    "配布資料の一覧を整えて。\n・操作手順書\n・入館証の取り扱い注意（紛失時は総務へ）\n・緊急連絡網の記入例",
    # an office's mailbox named for its function
    "Shorten this notice: 'Requests to see your data go to the Data Protection Officer, dpo@harbourview-trust.org.uk.'",
    "社内通知を短くして。「福利厚生の変更についての質問は benefits@ashibe-kogyo.co.jp までお願いします。」",
]
