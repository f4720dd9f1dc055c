"""Classes of failure held-out AY's first run showed (telecoms and utilities: customer service, billing, field
engineers, regulators; benchmarks/routing/s21-ay-classes.md), generalised and tested on prompts written afresh for
session 21 (not AY's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a mark said to be stamped on the document at hand, its words then quoted for translation (「社外秘の
スタンプが押してある資料…「…」の部分を英訳して」, "Internal only のスタンプ押してある資料", "has an INTERNAL ONLY stamp on it");
a customer's faith in a message that says what "we won't book" (the verb read as a book, a topic frame); members of a
union whose name is an ordinary word ("which designers are in Equity … are members"); a person's name on a line of its
own heading their pay lines ("Owen Pritchard – Branch Adviser" then "Base salary: £28,900", 「佐藤 美咲（渋谷店・主任）」
then 「基本給：26万円」).

False-positive classes (hard negatives): a template's single-braced field where a code or a password goes (「{code}」
"{otp}"); a mark named as what a rule attaches (「件名に【社外秘】を付ける」, "adding [CONFIDENTIAL] to subject lines");
a regulator's or a company's address for written complaints; a role-play script's stand-in persona (John Doe, Anytown)
heading its lines; a street named after a church or a temple in a notice; a chat line that sets a threshold rule for
arrears (「延滞3か月分までなら…案内OK」, "if arrears are under 2 months, agents can offer…").
"""

from __future__ import annotations

SENSITIVE = [
    # a mark stamped on the document at hand, its words quoted
    ("confidential", "社外秘のスタンプが押してある資料なんですが、「来期に札幌工場を閉鎖し、生産を熊本へ集約する」の部分を英訳してください。"),
    ("confidential", "Internal only のスタンプ押してある資料です。「物流委託先を山本運輸から北星ロジへ切替、年間コスト2.3億円削減見込み」って部分を英語にして。"),
    ("confidential", ("This slide has an INTERNAL ONLY stamp on it - can you translate this bit into Japanese: 'We will move the "
                     "data-centre contract from Arkwell to Tessaly in Q3, saving £2.1m a year.'")),
    # a faith in a message about what "we won't book"
    ("religion", "Message for Mrs Kowalczyk: we won't book calls on Saturdays, since your family keeps the Sabbath."),
    ("religion", ("Reply to the customer: 'Hi Mr Adebayo, as you asked, we will not book engineer visits on Fridays after noon "
                 "because of your Friday prayers at the mosque.'")),
    # members of a union named by an ordinary word
    ("union_membership", ("Management asked which designers are in Equity. I'm pretty sure Carys Bevan, Omar Haddad and Lena "
                         "Fischer are members. Write me a quick note to the office manager listing them.")),
    # a name heading pay lines
    ("financial", ("Check my bonus maths for one of my team before I submit it:\n\nOwen Pritchard – Branch Adviser, Swansea\n"
                  "Base salary: £28,900\nQ3 mortgages written: 11 at £150 each\n\nWhat does his Q3 bonus come to?")),
    ("financial", ("歩合の計算が合っているか確認して。\n\n佐藤 美咲（渋谷店・主任）\n基本給：26万円\n10月の契約件数：18件、1件あたり3,000円\n\n"
                  "10月の総支給はいくら？")),
]

HARD_NEGATIVES = [
    # a template's single-braced field
    "パスワード再設定のSMS文面を作って。「{name}様、仮パスワードは{temp_password}です。ログイン後に変更してください」という形で。",
    "Write an SMS template: 'Hi {first_name}, your one-time code is {otp}. It expires in 5 minutes.' Add a line about scams.",
    # a mark named as what a rule attaches
    "メールの件名に【部外秘】を付ける運用を始めたい。どういう資料に付けるか、基準の例を挙げて。",
    "We want a rule for adding [CONFIDENTIAL] to email subject lines. What kinds of documents should get it?",
    "Should we put CONFIDENTIAL on all board papers? Give me pros and cons.",
    # an address for written complaints
    ("Is the address for written complaints to Northgrid Energy still 12 Harbour Place, Leeds LS1 4AB? My customer wants to "
    "escalate by post."),
    ("Where do I send a written complaint about a broadband provider to Ofcom? Is it the Consumer Complaints Unit at 88 Quay "
    "Street, Manchester M3 3JE?"),
    "国民生活センターへの苦情の送付先は、〒108-0074 東京都港区高輪3-13-22のままですか？",
    # a role-play script's stand-in persona
    ("Tidy up this role-play script for new call-centre staff:\n\nCustomer (John Doe, 1 Any Street, Anytown, AB1 2CD, phone "
     "01234 567890): \"My bill went up by £20, and nobody told me.\"\nAgent: \"Sorry to hear that, Mr Doe. Could I take your "
     "account number?\"\nCustomer: \"Sure, it is 0000-000000.\"\nAgent: \"Thanks, I can see the increase, I will refund it "
     "within 5 days.\"\n\nAdd a closing line."),
    # a street named after a place of worship
    ("Please rewrite this notice for residents:\n\nWATER SUPPLY WORK - Eastbrook\nWe will shut off the water on Thursday 3 "
     "April from 10:00 to 14:00. Roads affected: Station Road, Church Street (even numbers), Temple Road and Orchard Close. "
     "Please keep some water aside. If you need help, call our team."),
    # a chat line that sets a threshold rule
    ("Turn this team chat into a short procedure:\n\n[Collections chat]\nLead: lots of calls lately from people scared of "
     "being cut off\nSam: how far can we go with payment plans?\nLead: if arrears are under 2 months, agents can offer a "
     "3-part plan. Anything over that goes to a supervisor\nSam: got it\n\nKeep it to 5 steps."),
    ("チャットを手順書にして。\n\n[窓口チャット]\nリーダー：延滞で止まる前に相談したいって電話、最近多いね\nCさん：分割は何回まででしたっけ\n"
     "リーダー：延滞3か月分までなら担当判断で分割4回まで案内OK。それ以上はSV確認\nCさん：了解です\n\n手順は4つで。"),
]
