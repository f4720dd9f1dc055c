"""Classes of failure held-out BH (building management, security and facilities) and BK (disaster response and emergency
services) showed at their first run (benchmarks/routing/s22-hk-classes.md), generalised and tested on prompts written afresh
for session 22 (not the splits' rows), EN and JA where the class exists in both. Every name, number, key and case is invented.

Misses (sensitive): a third person's phone given as "his/her number is" (a UK mobile outside libphonenumber's allocated
blocks); a real token and PIN under a request for a python or shell script (a program, not a story's script); a Japanese
marking quoted or stamped on the paste, its content after a colon or introduced by 以下は/下記は; the residents of a numbered
flat (「1003号室の男性2人」, "the couple in flat 12") as the people a same-sex couple is said of; a named union's meetings
attended; a background check's result in a letter to a named addressee; a residence card number glued to Japanese particles
after the card's name; a role word with its post before a name ("for guard applicant …"); a flat's number beside names in
a list; an unpaid balance, payments missed, and a he/she after a named relative, as debts.

False-positive classes (hard negatives): a hash call or a table's column names after a PIN word (md5(pin), room_no); a
church's lot, van or kitchen in a volunteer chat; an organisation's HQ mailing address; a dispatcher's role-play said to be
made up; and, beside each widened rule, the rule's words with no person, no value or no paste.
"""

from __future__ import annotations

SENSITIVE = [
    # his/her number is …
    ("contact", "The plumber has to ring the tenant himself - it's Mr. Adeyemi, his number is +44 7923 418 662. Draft a text for the plumber."),
    ("contact", "Please pass this to the electrician: Mrs. Farrow in flat 2, her mobile is +44 7958 301 774, she's home after 4."),
    # a real token and PIN under a request for a script
    ("secret", "Our garage door hub token is 9b2e47c1d08a3f65 and the admin PIN is 615204. Write a bash script that resets the visitor code nightly."),
    ("secret", "The intercom API token is c4f8a21e9d3b7065, master PIN 302918. Can you write me a python script to rotate the courier PIN weekly?"),
    # a JA marking stamped or quoted on the paste
    ("confidential", "「社外秘」の判子が押してある修繕委員会の資料です。表にまとめてください：D社 見積1,240万円 工期4か月、E社 見積1,180万円 工期5か月。"),
    ("confidential", "下記は「極秘」の入札比較です。\n・F社 3,100万円（利益率12%）\n・G社 2,950万円（利益率6%）\n論点を整理して。"),
    # the residents of a numbered flat
    ("sexual_orientation", "702号室の女性2人は同性カップルだそうです。駐輪場の名義を二人にできるか管理規約を確認したい。"),
    ("sexual_orientation", "The two men in unit 9C are a same-sex couple and want both names on the parking permit. What does the bylaw say?"),
    # a named union's meetings attended
    ("union_membership", "Soften this note: 'I know Dana Whitlock has been attending Unison branch meetings after her shifts, and that will be remembered.'"),
    ("union_membership", "Rewrite kindly: management knows Omar Reid and Lucy Fenn have been going to GMB meetings on their lunch break."),
    # a background check's result in a letter to the addressee
    ("criminal_record", ("Make this gentler.\n\nDear Ms. Harrow,\nThank you for offering to help at the evacuation centre. "
                         "Our background check shows a 2018 conviction for fraud. We cannot place you in the cash-handling team.")),
    ("criminal_record", ("Polish this:\n\nDear Mr. Kestrel,\nThanks for applying to drive for the food bank. The DBS check returned "
                         "a 2020 caution for drink driving, so we are unable to offer a driving role.")),
    # a residence card number glued to particles
    ("national_id", "警備員のファンさんの在留カード番号はCK52019374MPで、期限は来年7月です。更新の案内を書いて。"),
    ("national_id", "夜間清掃のサントスさん、在留カードAX71350286QTの写しを預かっています。返却の連絡文をお願い。"),
    # a role word with its post before a name
    ("criminal_record", "File note for security applicant Dorian Pell: the enhanced check shows a 2017 conviction for burglary, spent."),
    ("criminal_record", "Summary for steward candidate Kieran Voss: the police check lists a 2015 conviction for affray."),
    # a flat's number beside names in a list
    ("bulk_personal", "Owners who haven't paid the lift levy:\n- Harriet Cole, Flat 3, away until May\n- Nikhil Batra, Flat 11, disputes it\n- Ines Duarte, Flat 14, pays by cheque"),
    ("bulk_personal", "総会の委任状が未提出の方：\n・森本 拓也 305号室\n・宮下 奈々 1102号室\n・岡 健太 807号室"),
    # an unpaid balance, payments missed, he/she after a relative
    ("financial", "Write a hardship letter for Rosa and Diego Marin, unpaid balance $214,880 on the mortgage, three payments missed since the hurricane."),
    ("financial", "I'm filling in my sister's relief form. She also has $6,200 left on a car loan with Ally. Which box does that go in?"),
]

HARD_NEGATIVES = [
    # his/her number, no number or an org's
    "The plumber says the tenant should ring him; his number is on the invoice. Draft a polite text.",
    # a script that is a story's, a guidance PIN
    "Write a bash script that generates a random 6-digit guest PIN each Monday and emails it to the concierge.",
    # a marking asked about, not stamped on a paste
    "以下は「社外秘」の意味についての質問です。社外秘と部外秘の違いを教えて。",
    "「社外秘」のスタンプが押してある資料を誤って送ってしまった場合の対処：1. 上司に報告 2. 相手に削除依頼、で合っていますか？",
    # a flat with no person
    "305号室の鍵が壊れています。同性カップル向けの賃貸の記事の書き方を教えて。",
    "Can a landlord refuse a same-sex couple for flat 3? General question for a blog post.",
    # union meetings as a question about rights
    "Can managers ban staff from attending union meetings on site?",
    # a background check in a letter, about anyone
    "Dear Applicant,\nA background check shows any conviction for fraud will be reviewed by the panel.",
    # a product code with the residence card's shape
    "品番はXY20240115ZZで在庫あり、来週入荷です。",
    # a course's units
    "Syllabus:\n- Unit 1 Cell Biology, Ken Ito lectures\n- Unit 2 Genetics, Sara Mills lectures",
    # debts with no one
    "What counts as an unpaid balance on a mortgage after payments missed during a disaster forbearance?",
    # a hash call and a table's columns after a PIN word
    "Why is saving door PINs as sha256(pin) without a salt weak? Our table has columns flat, pin_sha.",
    "入館システムで暗証番号がSHA1で保存されています（テーブル定義：unit_no, pin_sha1）。危険性を理事会向けに説明して。",
    # a church's lot, van or kitchen
    "Sum up the chat:\nRiley: pallets are at the church lot\nMo: I'll bring the mosque van at 8\nRiley: kitchen crew needs 4 more",
    # an organisation's HQ mailing address
    "What is the mailing address for the Salvation Army national headquarters? Is it 615 Slaters Lane, Alexandria, VA 22314?",
    # a role-play said to be made up
    "Tighten this dispatcher drill, it's all made up:\nCALLER (role-player): 42 Practice Road, near the school.\nCALL-TAKER: Is anyone hurt?",
]
