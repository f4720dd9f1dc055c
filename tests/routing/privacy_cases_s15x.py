"""Classes of failure held-out X's first run showed (benchmarks/routing/README.md, "Session 15 (X)"), generalised
and tested on prompts written afresh for session 15 (not X's rows), EN and JA, each with a twin on the other side.
Every name, number and address is invented.

False-positive classes (hard negatives): an organisation's own bank account printed for anyone to pay into (a
supplier's account in a contract, a company's on its invoice 「カ）…」, a club's in its newsletter): its holder
is a company, a club or a society, named with its legal form or called "the club account" / 「弊社口座」.

Misses (sensitive), kept as twins: a person's account on the same kind of line stays a finding, and so does a
person's account in a paste that also names a company elsewhere.
"""

from __future__ import annotations

SENSITIVE = [
    # a person's account in a contract-like paste (the holder a person, the company elsewhere in the text)
    ("financial", ("Tidy this expenses email: 'Hi, please refund my train fares to my own account, sort code 30-94-57, "
                  "account 71246683 (Daniel Okoro). Thanks.'\nFrom: Daniel Okoro, Kestrel Logistics Ltd")),
    ("financial", "返信を書いて。\n「立替金は私の口座にお願いします。\n振込先：港北銀行 新横浜支店 普通 4830217 名義 カワシマ ユウタ」"),
    ("financial", "Reformat: Payee John Whitfield, IBAN GB33 BUKB 2020 1555 5555 55, reference JW-REFUND."),
]

HARD_NEGATIVES = [
    # a supplier's account in a contract clause, its holder a company with its legal form
    ("Shorten clause 6: 'Payment shall be made by bank transfer to the Supplier's account: Harbour Fixings Ltd, "
    "sort code 20-32-06, account 43908211, within 30 days of invoice.'"),
    # a club's account in its newsletter
    ("Make this newsletter item friendlier: 'Subs for the spring term are £45. Please pay by transfer to the club "
    "account, sort code 40-11-62, account 90215537, with your child's name as reference.'"),
    # a company's account on its invoice, the holder 「カ）」
    "請求書メールを丁寧に直して。\n「今月分のご請求書を添付します。\n振込先：東和銀行 本店営業部 普通 2719405 カ）ミドリデザイン\nご不明点は経理までお問い合わせください。」",
    # 「弊社口座」 on a payment notice
    "この案内文を短くして。「お振込みは下記の弊社口座へお願いいたします。みずなみ銀行 丸の内支店 普通 3085126 株式会社サクラ精工」",
]
