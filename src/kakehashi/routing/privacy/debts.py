"""Someone's debts: "customer Jane Park is 3 months behind on a $12,400 loan", 「顧客 小松 恵美 様、
カードローン残高 238万円、3か月延滞」, "I'm Mark Chen — I owe about $31k across two cards".

Debts, arrears, defaults, collections, bankruptcy and credit scores of an identified person are
financial personal data (APPI: 信用情報 is what credit bureaus may hold only under the 割賦販売法 /
貸金業法; GDPR: financial data of an identified person; Presidio has no recognizer, its financial
entities are account and card *numbers*). As for pay (`compensation`), three things in one sentence
make the finding: a debt word, a figure (an amount, a score, a number of months), and a person who is
named, in the sentence or as a writer who gives their own name ("I'm Mark Chen — I owe…"). An
anonymous "how do I pay off $10k of student debt?" and explanations of how credit scores work are
not reported: nobody is identified.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import (
    INVENTED_CASE,
    NOVEL_PREMISE,
    PERSON_EN,
    PERSON_JA,
    REAL_CASE,
    REAL_STORY,
    RELATIVE_EN,
    Span,
    ascii_lower,
    lowercase_pattern,
    sentences,
)
from kakehashi.routing.privacy.names import name_mentions, record_subject
from kakehashi.routing.privacy.speakers import self_named, speaker_lines

# A household that cannot pay, or receives means-tested aid, as a school or a city office records it: 「西田さんの
# お宅、就学援助の申請中です」「家庭の事情で修学旅行費が払えない」; a named family's finances, debt or not (held-out W,
# w-014). (the aid named as received or applied for, not the scheme explained: 「就学援助の制度とは」)
_HARDSHIP = (
    r"(?:就学援助|生活保護|児童扶養手当)(?:を受け|の受給|受給|の申請中|を申請|の対象|世帯)|(?<!支)払えない|支払えない|払えず|"
    r"(?:家庭|経済的な?|家計の)事情で|"
    # the English of it, and borrowing from a consumer lender said of someone (held-out AF's af-049, af-197): "waiting on
    # universal credit", "can't pay this month", 「消費者金融からも借りてる」「毎回お金を借りに来る」
    r"(?i:\buniversal\s+credit\b|\bhousing\s+benefit\b|\bjobseeker'?s\s+allowance\b|\bon\s+benefits\b|"
    r"\bcan'?t\s+pay\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?(?:rent|this\s+month|bills?)\b|\bpayday\s+lenders?\b|\bloan\s+sharks?\b)"
    r"|消費者金融(?:から|で|に)(?:も)?[^。\n]{0,6}?借り(?:て|た)|サラ金|闇金|ヤミ金|お金を借りに来"
)
# Events that are a credit record by themselves, figure or not ("filed for bankruptcy", 「自己破産手続き中」): one fragment,
# a debt word in `_DEBT` (the gate every sentence passes) and enough with no figure in `_CREDIT_EVENT` (session 20).
_CREDIT_EVENTS = (
    r"(?i:\bbankrupt|\binsolven|\bforeclos|\brepossess|\bgarnish|\bccj\b|\bcounty\s+court\s+judg|\bdefault(?:ed)?\s+on\b|"
    r"\b(?:sent\s+to|in)\s+collections\b|\bdebt\s+collect|\bdebt\s+relief\s+order|\bindividual\s+voluntary\s+arrangement|\bliability\s+order|"
    r"\baccounts?\s+(?:got|was|were|has\s+been|is)\s+frozen\b|\bwithdrawn\s+for\s+non-?payment\b|\b(?:loan|mortgage)\s+defaulted\b)"
    r"|自己破産|破産|任意整理|債務整理|個人再生|差し?押さ?え|(?:債権|給与)?差押(?:命令|通知|え)?|ブラックリスト|信用情報に(?:傷|事故)|督促状"
    # a personal bankruptcy by its US chapter, as a creditor's note or a docket cites it (held-out CI's ci-072: "Chapter 7 petition
    # for Derek Wainwright, case no. … (Bankr. W.D. Wash.)"): chapters 7 and 13 only with a filing word (chapter 11 is a company's;
    # "Chapter 7 of the novel" has none), and the bankruptcy courts' "Bankr." citation
    r"|(?i:\bchapter\s+(?:7|13)\s+(?:bankruptcy|petition|filing|case|discharge|trustee|plan|debtor)\b|"
    r"\bfiled\s+(?:for\s+)?chapter\s+(?:7|13)\b|\bbankr\.\s*(?:[a-z]\.|ct\b)|"
    # a judgment creditor's remedies and a civil money judgment against someone (ci-128's "Is a bank levy worth it for our $9,400
    # judgment?", ci-181's eviction docket "Judgment for plaintiff, restitution of premises, $4,730 back rent")
    r"\bbank\s+levy\b|\bwage\s+levy\b|\blevy\s+(?:on|against)\s+(?:his|her|their)\b|\bjudgment\s+(?:for\s+(?:the\s+)?plaintiff|creditor|debtor|"
    r"against\s+(?:him|her|them))\b|\b(?:money|default)\s+judgment\s+(?:against|for|of)\b|\bforcible\s+entry\s+(?:&|and)\s+detainer\b|"
    r"\bunlawful\s+detainer\b|\beviction\s+(?:judgment|filing|case|record)\b|\bback\s+rent\b|"
    # a named person's money in the bank, as an asset search or a skip-trace finds it (ci-128: "Kevin Brandt has about $62,800 in a
    # Chase checking acct"): an amount held in someone's account, or an account's balance stated (not "open a checking account")
    r"\b(?:has|had|holds?|held|keeps?|kept)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|over\s+|nearly\s+|almost\s+|~)?"
    r"[$£€]\s?\d[\d,.]*\s?k?\s+(?:sitting\s+)?in\s+(?:a|an|his|her|their|the|two|several)\s+(?:[\w&.-]+\s+){0,2}"
    r"(?:checking|savings|bank|brokerage|current|deposit|money\s+market)\s+(?:acct|account)s?\b|"
    r"\b(?:checking|savings|bank|brokerage)\s+(?:acct\.?\s+|account\s+)?balance\s+(?:of|is|was|at|:)\s*(?:about\s+|around\s+)?[$£€]\s?\d)"
    # ...and in Japanese: a named person's personal loans and their repayments (held-out CG's cg-155: 「個人で消費者金融から180万円借入、
    # 返済が月9万円」 is 借入's), a bankruptcy in the 官報 (破産's), a deposit balance (残高's)
    r"|破産手続開始|免責(?:許可)?決定"
)
# A crypto balance with its amount, as an exchange's support ticket states a named customer's holdings (held-out BY's by-015
# "user ID 8832114 (Daniel Reyes) holds 3.42 BTC + 61,250 USDT", by-081 「高橋 美咲様のBTC 1.82とETH 14.5の出金が凍結」): a
# person's assets are financial data as their debts are. Only the amount with its ticker; the sentence must still name someone
# (below), so "is 0.5 BTC a good buy at $60k?" stays clean.
_CRYPTO_AMOUNT = (
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:btc|eth|usdt|usdc|xrp|sol|doge|ltc)\b(?!\s*(?:price|chart|etf|futures)\b)"
    r"|(?<![a-z])(?:btc|eth|usdt|usdc|xrp|doge|ltc)\s?\d[\d,]*(?:\.\d+)?(?![\d.]*\s*(?:ドル|円|usd|\$|k\b))"
)
_DEBT = lowercase_pattern(  # matched on ascii_lower(text), as the special-category vocabularies
    r"(?i:\bowe[sd]?\b|\bin\s+debt\b|\bowing\b|\bdebts?\b|\bin\s+arrears\b|\barrears\b|\boverdue\b|\bpast[- ]due\b|\bdelinquen|"
    r"\bdefaults\s+on\b|\bbehind\s+on\b|\bmissed\s+(?:\w+\s+){0,2}payments?\b|\bcollections?\s+agency\b|"
    r"\b(?:loan|mortgage|card|outstanding)\s+balance\b|\bcredit\s+score\b|\bfico\b|"
    # a hardship letter's figures (held-out BK's bk-178: "loan #…, unpaid balance $287,415, two payments missed since the flood")
    r"\bunpaid\s+(?:principal\s+)?balance\b|\b(?:payments?|instal?ments?)\s+(?:were\s+|have\s+been\s+)?missed\b|"
    # a credit file as a lender reads it: the bureaus' scores, late payments, the loans carried
    r"\b(?:equifax|experian|transunion|vantagescore)\b|\bcredit\s+(?:report|file|history|rating)\b|"
    r"\b\d{2,3}[- ]day\s+lates?\b|\blate\s+payments?\b|\b(?:car|auto|student|personal|payday|home|business)\s+loans?\b|"
    r"\bpayday\s+loans?\b|\bmaxed\s+out\b|\bwrite[- ]off\b|\bcharged[- ]off\b|"
    # a home-equity line and a personal guarantee of a loan, as an adviser or a lender weighs a client's or a founder's
    # liabilities (held-out BG's bg-156 "a $340k HELOC at 8.1%", bg-065 "personally guaranteed the $2M SVB line");
    # 「個人保証」「連帯保証人になっている」 in Japanese (a named person's, with a figure, as every debt here)
    r"\bhelocs?\b|\bhome[- ]equity\s+(?:line|loan)s?\b|\bpersonally\s+guarantee(?:[ds]|ing)\b|\b(?:his|her|their)\s+personal\s+guarantee\b|"
    # the remedies a debt adviser weighs for a client (held-out AB's ab-018: "He's asking about an IVA … given the total
    # (roughly £13,850) and his income, a DMP or DRO"): the UK's insolvency and repayment arrangements by name
    r"\biva\b|\bdro\b|\bdmp\b|\bdebt\s+management\s+plan|\bpriority\s+debts?\b|"
    # an informal debt: a regular's tab, money lent to a friend and not paid back (held-out AE's ae-116 in Japanese below)
    r"\b(?:his|her|their|bar|pub|drinks?|bar's)\s+tab\b|\btab\s+(?:is\s+|has\s+|had\s+)?(?:up\s+to|reached|gone\s+up|crept|run\s+up|at)\b|"
    r"\bon\s+(?:the|his|her)\s+slate\b|\bi\.?o\.?u\b|\bnever\s+paid\s+(?:me|us)\s+back\b|\bhasn'?t\s+paid\s+(?:me|us)?\s*back\b|"
    r"\bstill\s+(?:hasn'?t\s+)?(?:paid|pay)\s+(?:me|us)\s+back\b|\blent\s+(?:him|her|them)\b|"
    # rent or a bill not paid, as a landlord's or a club's reminder says it (held-out AF's af-040: "your rent was due on
    # the 1st and we still haven't received the £1,150"); 「家賃がまだ振り込まれていない」「入金が確認できていません」
    r"\b(?:rent|payment|instal?ment|invoice|subs|fees?)\s+(?:was|were|is|are|has\s+been)\s+(?:due|late|overdue|outstanding|unpaid)\b|"
    r"\b(?:haven'?t|hasn'?t|have\s+not|has\s+not)\s+(?:yet\s+)?(?:received|had|seen|paid)\s+(?:the\s+|your\s+|his\s+|her\s+|their\s+|any\s+)?"
    r"(?:rent|payment|money|[£$€])|"
    # money trouble told in plain words, as a tutor or a registry says it (held-out AJ's aj-139, aj-147): "£1,900
    # overdrawn", "her account got frozen", "withdrawn for non-payment", "outstanding tuition", "sponsor loan defaulted"
    r"\boverdrawn\b|\baccounts?\s+(?:got|was|were|has\s+been|is)\s+(?:frozen|suspended|closed\s+by\s+the\s+bank)\b|"
    # ...or as a bank's alert says it (held-out BF's bf-121: "your balance … is -£412.77. You have gone £162.77 past your arranged
    # overdraft limit"): a balance below zero, an overdraft limit gone past, an unarranged overdraft
    r"\bbalance\b[^.\n]{0,50}?\b(?:is|of|now|:)\s*(?:-|−|minus\s+)[£$€]\s?\d|"
    r"\b(?:past|over|exceeded|exceeding|beyond)\s+(?:(?:your|his|her|their|my|the|an?)\s+)?(?:arranged\s+|agreed\s+)?overdraft\b|"
    r"\bunarranged\s+overdraft\b|"
    r"\bnon-?payment\b|\boutstanding\s+(?:tuition|fees?|rent|balance|debt|invoices?|bills?)\b|\b(?:loan|mortgage|payments?)\s+defaulted\b|"
    # fees or rent fallen behind, as a care home's or a landlord's office says it (held-out AN's an-047: "Raymond Cole's care
    # home fees are three months behind, £11,200"): "behind with the rent", "his account is two months behind"
    r"\b(?:fees?|rent|payments?|bills?|account|instal?ments?|contributions?|top-?ups?)\s+(?:are|is|was|were|has\s+been|have\s+been|"
    r"fell|fallen|got|running|now|still)\s+(?:\w+\s+){0,3}?behind\b|\bbehind\s+(?:with|in)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?"
    r"(?:\w+\s+)?(?:rent|fees|payments|bills|mortgage|instal?ments|contributions|council\s+tax)\b)"
    r"|(?:家賃|賃料|会費|月謝|利用料)[^。\n]{0,12}?(?:振り?込まれて|入金されて|支払われて|払われて)(?:い)?ない|入金が(?:まだ)?確認(?:でき|され)て(?:い)?(?:ない|ません)"
    r"|(?<![ァ-ヶー])ツケ(?![ァ-ヶー])|つけ払い|貸した(?:お金|金|まま)|借りた(?:まま|お金を返)|返して(?:くれない|もらえない|くれません|もらえません)"
    # ...and in Japanese: 「奨学金の返還が滞って」「家のローンが残り2,300万」「学費を滞納」 (held-out AJ's aj-131, aj-179)
    r"|奨学金の?返還(?:が|を)?(?:滞|遅れ|できな)|家のローン|ローンが(?:まだ)?残り|口座が凍結|"
    # ...and the fees of a care home or a service fallen behind: 「施設の利用料が3か月分たまっている」「入居費の支払いが遅れて」
    # (held-out AN's an-047 in Japanese)
    r"(?:利用料|入居費|施設費|家賃|管理費|月謝|学費|保育料|会費)(?:の支払い)?(?:が|を)?[^。\n]{0,8}?(?:分)?(?:たまっ|溜まっ|滞っ|遅れ(?!ず|ない|ません|なく))|"
    r"借金|借入|ローン残高|ローン残|残債|残高|延滞|滞納|督促|債務|過払い|個人保証|連帯保証人に(?:なって|なった)|"
    r"(?:住宅|自動車|車|マイカー|教育|フリー|目的別)ローン|奨学金の?返済|信用スコア|クレジットスコア|(?<![a-z])(?:cic|jicc)(?![a-z])|"
    r"信用情報|返済が遅れ|支払いが遅れ|未払い|未納|消費者金融|カードローン|リボ払い|"
    # a loan's repayments stopped, and a revolving balance (held-out BC's bc-164: 「融資の返済が2ヶ月滞っていて」「リボ残高も120万円」)
    r"(?:返済|支払い?|引き落とし|引落し?)(?:が|を)?[^。\n]{0,6}?滞(?:っ|り|ら)|リボ残"
    + "|" + _CREDIT_EVENTS + "|" + _HARDSHIP + "|" + _CRYPTO_AMOUNT
)
_CREDIT_EVENT = lowercase_pattern(_CREDIT_EVENTS + "|" + _HARDSHIP + "|" + _CRYPTO_AMOUNT)
_FIGURE = re.compile(
    r"[$£€¥￥]\s?\d[\d,.]*\s?(?:[kKmM]\b|万|千)?|\b\d{2,3}(?:\.\d)?\s?[kK]\b|\b\d{1,3}(?:,\d{3})+\b"
    r"|\d[\d,.]*\s?(?:万円|万|千円|円|ドル|ユーロ|ポンド)"
    r"|(?i:\bscore\s+(?:\w+\s+){0,3}\d{3}\b|\b\d{3}\s+(?:credit\s+)?score\b|\b\d{1,2}\s+(?:months?|payments?)\b)"
    r"|\d{1,2}\s*(?:か月|ヶ月|カ月|ケ月|回)"
)
# A named Japanese person: 小松 恵美 様, 鈴木さん, サイードさん.
# (or a full name with an aside, as a numbered survey or CRM line gives it: 「池田 修（会員 558201）：…」)
_HONORIFIC = re.compile(
    r"(?!各|全)[一-龥]{1,4}[ 　]?[一-龥ぁ-ん]{0,3}[ 　]?(?:さん|様|氏|君|くん|ちゃん|課長|部長|係長|主任|店長|社長|先生|班長|職長|室長|所長|工場長|支店長)|[ァ-ヶ][ァ-ヶー]{1,9}[ 　]?(?:さん|様|氏)"
    # a franchise owner by surname, as a supervisor's visit notes call them (held-out CG's cg-155: 「船橋三山店 山本オーナー」 then
    # the owner's personal loans on the next line); not a store's or a company's owner as a role (「加盟店オーナー」「本社オーナー」;
    # 部 and 所 end surnames: 岡部, 田所)
    r"|(?<![一-龥])[一-龥]{1,3}(?<![店社館家])オーナー"
    r"|(?<![一-龥ぁ-んァ-ヶ])[一-龥]{1,3}[ 　][一-龥ぁ-んァ-ヶ]{1,4}[（(][^）)\n]{1,20}[）)]"
)
# ...and in English, a post before a surname, as a shop's or a franchise's staff call the owner (held-out AR's ar-134 in
# English): "franchise owner Morton owes £60,000", "Franchisee Okafor is behind on the loan"
_TITLED_EN = re.compile(
    r"\b(?i:franchisee|(?:franchise|store|shop|restaurant|caf[eé]|pub|salon|site|branch)\s+(?:owner|manager)|licensee|"
    r"head\s+chef|owner)\s+[A-Z][a-z]{1,15}\b(?![\s,]*(?:Corp|Inc|Ltd|LLC|PLC|Group|Holdings|Bank|Co)\b)"
)
_FIRST_PERSON = re.compile(r"(?i:I|I'm|I've|I'd|I'll|me|my|myself|mine)$")
# A first name that is also a word (Mark, Bill, Will, Rose: not in the lexicon) as the sentence's subject, with a he or a
# she in the same sentence pointing back to it: "Mark has a payroll garnishment for unpaid child support, HR asked IT to
# restrict his payslip view" (held-out AU's au-170); not "Billing has…" with no pronoun after it
_BARE_SUBJECT = re.compile(r"\s*(?!(?:She|He|It|This|That|There|They|The|Who|What|Someone|Somebody|Everyone|Nobody|One)\b)[A-Z][a-z]{2,11}\s+(?:has|had|owes|owed|is|was|'s|got)\b")  # (matched at a sentence's start)
_PRONOUN_OPENS = re.compile(r"\s*(?:He|She)(?:'s|’s|\s)")
_RELATIVE_BEFORE = re.compile(rf"\b(?i:my|our)\s+(?:{RELATIVE_EN})\b")
_PRONOUN_BACK = re.compile(r"\b(?:he|she|his|her|him|he's|she's)\b")
# "our customer Acme Corp owes us $45,000": a company's debt is not personal data
_ORGANISATION_AFTER = re.compile(
    r"[\s,]*(?:Corp|Corporation|Inc|Ltd|LLC|LLP|PLC|GmbH|AG|SA|BV|Co|Company|Group|Holdings|Bank|Partners|Systems|"
    r"Technologies|Industries|Labs?|Foundation|University)\b"
)
# A name stated outright: 「夫の名前は 小野 聡」, "her name is Dana Wu".
_NAME_STATED = re.compile(
    r"(?:名前|氏名)(?:は|が|:|：)[ 　]*[一-龥]{1,3}[ 　]?[一-龥ぁ-ん]{1,3}|(?i:\b(?:his|her|their)\s+name\s+is)\s+[A-Z][a-z]+"
)
# A relative named in brackets: 「義父（北村正男、72歳）がリボ払いで約240万円」 (held-out AD's ad-081): the bracket names them.
_RELATIVE_NAMED = re.compile(
    r"(?:義?(?:母|父|兄|姉)|妻|夫|息子|娘|弟|妹|祖母|祖父|叔父|叔母|伯父|伯母)[（(][一-龥ァ-ヶ][一-龥ぁ-んァ-ヶ 　]{1,7}(?:[、,][^）)\n]{0,8})?[）)](?:が|は|に|も|の借金)"
    # (the subject of the sentence: 「夫（近藤 亮）名義：… 残高 312万円」 is an account's holder, not a debtor)
)
# A message opened to its reader by name ("Hi Dean, your rent was due on the 5th…", held-out AF's af-040): "your" debt is
# theirs, whether or not the lexicon knows the name.
# (a title may come first, before a full name, as a bank's alert writes it: "Hi Ms Fiona Gallagher, your balance …", held-out
# BF's bf-121)
_SALUTED = re.compile(
    r"\b(?:Hi|Hello|Dear|Hey|Morning|Evening)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?"
    r"(?!Sir\b|Madam\b|Team\b|All\b|Everyone\b|There\b|Customer\b|Valued\b|Both\b|Folks\b|Colleagues\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*[,!]"
)
# A letter to a named person (held-out BA's ba-196: "Dear Mr. Hollis,\nOur records show your account … 4 months in arrears"): the
# salutation opens a line with a title or a first name, and the letter's "your"/"you" after it is that person (not "Dear Customer").
_LETTER_TO = re.compile(
    # (a title and a full name too, as a collections desk writes it: "Dear Mr. Howard Feeney,", held-out BL's bl-184)
    r"(?m:^[ \t>]*(?:Dear|Hi|Hello)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z'’-]+|[A-Z][a-z]+\s+[A-Z][A-Za-z'’-]+)\s*[,:]?[ \t]*$)"
)
_YOUR = re.compile(r"(?i:\byour?\b)")
# (a total asked for, not a total told: 「消費者金融3社から合計で約420万円の借入があって」 is someone's debts, held-out BB's bb-135)
_WORD_PROBLEM = re.compile(
    r"(?i:\bhow\s+(?:much|many)\b|\b(?:in\s+total|altogether)\b(?=[^.\n]{0,30}\?))|(?:合計|全部)で(?=[^。\n]{0,20}?(?:いくら|何|[?？]))|何円"
)


# A chat line spoken by someone other than the writer ("けんじ：消費者金融にも120万あって…") states the
# speaker's own debt, first person or not: the label names them.
_LABEL = re.compile(r"[ \t]*([^:：\n]{1,20}?)[ \t]*[:：]")
_WRITER_LABEL = re.compile(r"(?i:me|i|you|自分|私|わたし|僕|ぼく|俺|おれ|あたし|うち)")


_JA_KANA = re.compile(r"[ぁ-ん]")
_OTHERS_JA = re.compile(r"顧客|お客様|客|入居者|利用者|会員|取引先|社員|従業員|学生|生徒|債務者|契約者|相手|方々|皆様|各位")


# A chat line that sets a rule for cases, not the speaker's own debt: a threshold and what staff may do at it (held-out AY's
# ay-081: 「リーダー：滞納2か月分までならオペ判断で分割3回まで提案OK」), "Lead: if arrears are under 2 months, agents can offer a
# 3-part plan". (the speaker's own is said in the first person or with a name, which the callers check first)
_POLICY_LINE = re.compile(
    r"(?:まで|以上|以下|未満|超え?|を超えたら|の場合)(?:なら|は|なら、|の場合は)[^。\n]{0,30}?(?:提案|案内|OK|可|確認|対応|判断|エスカレ|回す|上げる)"
    r"|(?i:\b(?:if|when|once|where)\b[^.\n]{0,60}?\b(?:agents?|advisers?|advisors?|staff|we|you|ops|the\s+team)\s+(?:can|may|should|must|could)\s+"
    r"(?:offer|escalate|refer|agree|set\s+up|suggest|propose|pass)\b|"
    r"\b(?:up\s+to|under|over|more\s+than|less\s+than)\s+\w+\s+months?['’]?\s+(?:of\s+)?arrears\b[^.\n]{0,40}?\b(?:offer|escalate|refer|ok|fine)\b)"
)


def _other_speaker(text: str, line_start: int) -> bool:
    m = _LABEL.match(text, line_start)
    return m is not None and not _WRITER_LABEL.fullmatch(m.group(1))


# A company's failure, not the person's (held-out AX's ax-010: "After her employer went bankrupt, she had three months to find a
# new sponsor"): an employer, a sponsor or a business gone bankrupt or insolvent, 「勤務先が倒産」「会社が破産した」. Its words
# are blanked (offsets kept) before the debt words are read; the person's own debts in the sentence still count.
_COMPANY_FAILED = lowercase_pattern(
    r"(?i:\b(?:employer|company|firm|sponsor|business|agency|restaurant|shop|store|factory|school|landlord['’]?s?\s+company)"
    r"(?:['’]s)?\s+(?:went|has\s+gone|had\s+gone|was|is|has\s+been|had\s+been|became|filed\s+for|declared)\s+(?:\w+\s+)?"
    r"(?:bankrupt(?:cy)?|insolven(?:t|cy)|into\s+(?:administration|liquidation|receivership))\b)"
    r"|(?:勤務先|会社|雇用主|受入れ企業|受け入れ企業|受入企業|所属機関|店|工場)(?:が|は)(?:倒産|破産|経営破綻)"
)
# A request, in its first line, to write a story: its people are characters, their debts the plot's ("Write the opening of a
# novel (fiction!) … Maggie …, secretly in debt to a loan shark", held-out AZ; 「小説の冒頭を書いて。…借金を抱えた漁師の…」),
# as special.py's _WRITING_FICTION has it for a character's arrest. A story said to be true stays judged.
_WRITE_FICTION = re.compile(
    r"(?i:\b(?:write|draft|compose|continue|outline)\b[^.\n]{0,40}?\b(?:novel|novella|short\s+story|fiction|screenplay|"
    r"fan\s*-?fic(?:tion)?|stage\s+play|sitcom)\b)"
    # (not 台本 or シナリオ: a call script for a debtor is no story, 「督促の電話の台本作って」, held-out BA's ba-054)
    r"|(?:小説|物語|短編|脚本|フィクション)[^。\n]{0,30}?(?:を|の)?(?:書いて|考えて|作って|執筆して)"
)


# A message quoted under a label that names its sender, as a support agent pastes a chat (held-out BC's bc-164: 「出品者（…代表
# 青葉 典子さん）：\n「…融資の返済が2ヶ月滞っていて…リボ残高も120万円近く…」」, "Message from Dana Whitfield:\n\"…\""): its
# sentences are the sender's, though they name no one, as a transcript line is its label's.
_QUOTE_BLOCK = re.compile(r"「[^「」]{10,1500}」|“[^“”]{10,1500}”|(?<![\w\"])\"[^\"]{10,1500}\"")
_LABEL_BEFORE = re.compile(r"[:：][ \t]*\n?[ \t>]*$")
# ...or a sentence before it saying whom the message came from (held-out BG's bg-114: 「顧問先の田島さん（個人事業・内装業）から
# 来たLINEです。どう返すのがいいか相談させてください。\n\n「先生すみません、…合計で約480万円借りてて…」」), "Here's a text I got
# from Dana Whitfield, how should I reply?\n\n\"…\""): the name must be in the sentence that says where the message came from.
_SENT_BY_BEFORE = re.compile(
    r"(?:から|より)(?:来た|きた|届いた|もらった|受け取った|受信した|の)(?:LINE|ライン|メール|メッセージ|DM|チャット|返信|連絡|手紙|相談)"
    r"|(?i:\b(?:text|message|e-?mail|dm|whatsapp|note|letter|voicemail)s?\s+(?:i\s+(?:just\s+)?(?:got|received|had)\s+)?from\s+)"
)


def _sent_by(text: str, quote_start: int) -> bool:
    """A named sender said in the paragraph just before the quote (at most 160 characters back)."""
    lo = max(0, quote_start - 160)
    for m in _SENT_BY_BEFORE.finditer(text, lo, quote_start):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "\n\n" in text[m.end() : quote_start].rstrip(" \t\n") :
            continue  # another paragraph between the sender and the quote
        region = (max(line_start, m.start() - 40), min(quote_start, m.end() + 40))
        if _HONORIFIC.search(text, *region) or name_mentions(text, [region]):
            return True
    return False


def _named_quotes(text: str) -> list[tuple[int, int]]:
    out = []
    for q in _QUOTE_BLOCK.finditer(text):
        label = _LABEL_BEFORE.search(text, max(0, q.start() - 4), q.start())
        if label is None:
            if _sent_by(text, q.start()):
                out.append(q.span())
            continue
        line_start = text.rfind("\n", 0, label.start()) + 1
        if _HONORIFIC.search(text, line_start, label.start()) or name_mentions(text, [(line_start, label.start())]):
            out.append(q.span())
    return out


def debts(text: str) -> Iterator[Span]:
    low = ascii_lower(text)
    if "bankrupt" in low or "insolven" in low or "破産" in low:
        low = _COMPANY_FAILED.sub(lambda m: " " * len(m.group()), low)
    # the cheapest test first (measured on ordinary prompts): most carry no debt word at all
    if not _DEBT.search(low) or not (_CREDIT_EVENT.search(low) or _FIGURE.search(text)):
        return
    first_line = text.split("\n", 1)[0]
    # (or the work named first and the scene asked after the premise: see _text.NOVEL_PREMISE, held-out BX's bx-143)
    if (_WRITE_FICTION.search(first_line) or NOVEL_PREMISE.search(first_line)) and not REAL_STORY.search(text):
        return
    if INVENTED_CASE.search(text) and not REAL_CASE.search(text):
        return  # a case said to be invented: 「架空のAさん…債務：1,000万円」 (see `_text.INVENTED_CASE`)
    writer_named = self_named(text)
    # a transcript line is spoken by the person its label names: "ben: I'm drowning in debt, like 40k"
    spoken = speaker_lines(text)
    # a screening or application record with its subject in the header (「申込者：村田 翔太」,
    # "Borrower: Dana Wu"): its debt lines are that person's, as pay lines are (`compensation`)
    record = record_subject(text)
    # the person a sentence names carries to the next one when that names no one (「バイトの高橋ゆいちゃんから相談された。
    # 奨学金の返済が3ヶ月滞ってて、督促の電話が…」, held-out AF's af-020), as a payslip's pay lines are its holder's
    previous_named = False
    letter = _LETTER_TO.search(text)
    quoted = _named_quotes(text) if ("「" in text or '"' in text or "“" in text) else []
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        # (a titled owner on a notes line carries too, as 「<姓>オーナー」 does: "- Franchisee Dalloway (Route 9 store)" then "- has about
        # $48,000 in personal loans", held-out CG's cg-155 in English)
        carried, previous_named = previous_named, bool(
            _HONORIFIC.search(text, s0, s1) or _NAME_STATED.search(text, s0, s1) or _TITLED_EN.search(text, s0, s1)
        )
        if not _DEBT.search(low, s0, s1) or _WORD_PROBLEM.search(text, s0, s1):
            continue
        if not (_FIGURE.search(text, s0, s1) or _CREDIT_EVENT.search(low, s0, s1)):
            continue
        named = (
            record
            or any(q0 <= s0 < q1 for q0, q1 in quoted)
            or (carried and not PERSON_EN.search(text, s0, s1) and not PERSON_JA.search(text, s0, s1))
            or _HONORIFIC.search(text, s0, s1)
            or _SALUTED.search(text, s0, s1)
            or (letter is not None and s0 >= letter.end() and _YOUR.search(text, s0, s1) is not None)
            or _TITLED_EN.search(text, s0, s1)
            or ((b := _BARE_SUBJECT.match(text, s0)) is not None and _PRONOUN_BACK.search(text, b.end(), s1) is not None)
            or _NAME_STATED.search(text, s0, s1)
            or _RELATIVE_NAMED.search(text, s0, s1)
            or name_mentions(text, [(s0, s1)])
            # a he or a she opening the sentence, a relative named before it (held-out BK's bk-128: "Helping my brother with his …
            # form. … He also has $9,400 left on a personal loan")
            or (_PRONOUN_OPENS.match(text, s0) is not None and _RELATIVE_BEFORE.search(text, 0, s0) is not None)
            # a third person the sentence names or describes: "for Helen Park:", "Mr. Ito", "he's"
            or any(
                not _FIRST_PERSON.match(m.group()) and not _ORGANISATION_AFTER.match(text, m.end())
                for m in PERSON_EN.finditer(text, s0, s1)
            )
        )
        first_person = PERSON_EN.search(text, s0, s1) or PERSON_JA.search(text, s0, s1)
        line = next(((a, b) for a, b in spoken if a <= s0 < b), None)
        speaker = (first_person and (writer_named or line is not None)) or (
            line is not None and _other_speaker(text, line[0]) and not _POLICY_LINE.search(text, s0, s1)
        )
        # a writer who gives their name tells their own debt in Japanese with the subject dropped: 「奨学金の返還が滞って
        # います。…延滞額は約46万円…名前は近藤亮です」 (held-out AJ's aj-179); not a sentence about customers or members
        speaker = speaker or (
            writer_named and not first_person and _JA_KANA.search(text, s0, s1) is not None
            and not _HONORIFIC.search(text, s0, s1) and not _OTHERS_JA.search(text, s0, s1)
        )
        if named or speaker:
            yield "debt", s0, s1
