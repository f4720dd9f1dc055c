"""Someone's pay: "Lauren Becker's offer came in at 135k base", 「鈴木 誠さんの年収は684万円」.

A named person's salary, bonus or offer is personal data (APPI 個人情報; under GDPR, financial
data about an identified person), though no identifier is in sight. Presidio has no recognizer
for it; tables of salaries are `bulk_personal`'s. Three things in one sentence make the finding:
a pay word, an amount, and a *named* third person (a lexicon name, a full name, a name with an
honorific). "the average salary in Tokyo" is not reported: nobody's. Since session 19 (held-out AH) the writer's
own earnings stated as fact with their figures are ("my take-home is £1,912 a month", 「本業の年収は410万です」,
`_own_earnings`); a threshold or a what-if is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import INVENTED_CASE, REAL_CASE, Span, sentences
from kakehashi.routing.privacy.names import _KATAKANA_NAME, FIRST_NAMES, name_mentions, record_subject

_PAY = re.compile(
    # (an offer made to someone and a figure matched: "the £38k the hotel across the road offered him", held-out AE's ae-193)
    # (a payslip's first line, "Basic pay 2,480.00", held-out CB's cb-077 in English)
    r"(?i:\b(?:salary|salaries|base\s+(?:pay|salary)|basic\s+(?:pay|salary|wage)|overtime\s+pay|base\b|bonus|offer|offered|offering|match\s+(?:the|their|his|her)|raise|pay\s+rise|pay\s+cut|comp\b|"
    r"compensation|wages?|rsus?|equity|earns?|earning|paid|package|counter(?:offer)?|hourly\s+rate|day\s+rate|"
    # a pay run listing people with their amounts: "Nov payroll – Hannah Brooks £3,410; Liam Carter £2,960"
    r"payroll|pay\s+run|payslips?|household\s+income)\b)"
    # a household's income, as an aid or a school-fee application states it: 「世帯収入は月約14万円」
    r"|世帯(?:の)?(?:収入|所得|年収|月収)|提示額|"
    # ...and in Japanese, a month's or a year's figure and the verb: 「山田さんは月45万円もらっている」 (not a gift: 「5000円の商品券をもらった」)
    r"(?:月|年|毎月|年間)(?:に)?\s?\d[\d,.]*\s?(?:万|千)?円?(?:も|くらい|ぐらい|ほど|近く)?(?:もらって|貰って|稼いで|稼いだ|稼ぐ)|引き抜き|年収|月給|月収|給与|給料|基本給|賞与|ボーナス|昇給|減給|時給|日給|手取り|年俸|報酬|残業代|手当|"
    # severance and retirement pay: 退職金 is computed from one person's pay and years of service
    r"退職金|退職手当|退職一時金|(?i:\bseverance\b|\bretirement\s+(?:pay|allowance|bonus|lump\s+sum))|"
    # the lines of a 源泉徴収票 or a tax return, and their English equivalents (P60, W-2)
    r"支払金額|源泉徴収|所得税|住民税|課税所得|所得金額|総支給|差引支給|(?i:\bgross\s+(?:pay|income)|\bnet\s+pay|"
    r"\btaxable\s+income|\bincome\b|\bp60\b|\bw-2\b|\b(?:pay|tax|ni|paye)\s*[:：]?\s*(?=[$£€¥])|"
    # what someone is on: "he's on £38,750 now" (held-out AG's ag-161)
    r"\b(?:he|she|they)(?:'s|\s+is|\s+are|'re)\s+(?:on|earning|paid)\s+(?=[$£€¥])|"
    # what someone makes, as a colleague says it (held-out AW's aw-185: "Priyanka Shah on the business desk makes $148k"):
    # the present tense, a figure right after; not "made $40k in sales last quarter"
    r"\b(?:makes|making|takes\s+home|pulls\s+in|brings\s+in|gets\s+paid)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?(?=[$£€¥]|\d{2,3}(?:\.\d)?\s?[kK]\b))"
)
# Someone's pay by their name's possessive: "Hollis's salary after the 4% rise", "Priya's pay rise" (a surname the
# lexicon may not hold; the possessive before a pay word makes it a person's)
_POSSESSIVE_PAY = re.compile(r"\b[A-Z][a-z]+'s\s+(?:salary|pay|wages?|bonus|pay\s+rise|raise|package|hourly\s+rate|day\s+rate)\b")
_AMOUNT = re.compile(
    r"[$£€¥￥]\s?\d[\d,.]*\s?(?:[kKmM]\b|万|千)?|\b\d{2,3}(?:\.\d)?\s?[kK]\b|\b\d{1,3}(?:,\d{3})+\b"
    r"|\d[\d,.]*\s?(?:万円|万|千円|円|ドル)"
)
# A named person, Japanese style: 鈴木さん, 鈴木 誠さん, サイードさん (the English and bare kanji
# names come from the lexicon in `names`).
# Arithmetic word problems pay imaginary people: "If Tyler earns $5 per hour, how many hours...".
_WORD_PROBLEM = re.compile(r"(?i:\bhow\s+(?:much|many)\b|\bin\s+total\b|\baltogether\b)|合計で|全部で|何時間|何円")
_HONORIFIC = re.compile(r"[一-龥]{1,4}[ 　]?[一-龥ぁ-ん]{0,3}[ 　]?(?:さん|様|氏|君|くん)|[ァ-ヶ][ァ-ヶー]{1,9}[ 　]?(?:さん|様|氏)")


# A relative given by full name, as a school or aid form names a child: 「息子 渡辺 陸 の給食費」「長女 藤井 ひなた」.
_RELATIVE_NAMED = re.compile(r"(?:息子|娘|長男|長女|次男|次女|三男|三女|妻|夫|母|父)[ 　]*[一-龥]{1,3}[ 　][一-龥ぁ-んァ-ヶ]{1,4}(?![一-龥ぁ-んァ-ヶ])")
# A relative's pay by the relation, its figures in that sentence or the next ones: 「夫の給与明細を見て…。支給額 412,000円…」
# (held-out AH's ah-138, rules alone), "my wife's payslip says £2,140 net"
_RELATIVE_PAY = re.compile(
    r"(?:夫|妻|主人|旦那|嫁|母|父|義母|義父|息子|娘|兄|姉|弟|妹|彼氏|彼女|パートナー)(?:さん)?の(?:給与|給料|年収|月収|手取り|収入|賞与|ボーナス|源泉徴収票)"
    r"|(?i:\b(?:my|our)\s+(?:husband|wife|partner|dad|father|mum|mom|mother|son|daughter|brother|sister|boyfriend|girlfriend)(?:'s|’s)\s+"
    r"(?:salary|pay|payslips?|wages?|income|take-?home|earnings|bonus|p60)\b)"
)
# (and a marketing persona, an invented archetype whose income is part of the sketch: "Write a persona called 'Budget Ben', 34,
# … earns about £32k", 「架空のペルソナ「佐藤さくら（28歳・年収400万円）」で」, held-out BJ's bj-172, bj-147, rules alone)
# (not a persona built from a real interviewee's own figures: "Interviewee Rachel Kim … makes $148k. Build a persona using those
# exact numbers", 「インタビューした吉田智也さん（年収620万…）」, held-out BJ's bj-156, bj-056)
_SAMPLE_PAPER_WORDS = re.compile(r"記入例|記載例|(?i:\bsample\s+(?:payslip|pay\s+slip|statement|p60)|\bdummy\s+(?:data|payslip|record))")
_PERSONA = re.compile(
    r"ペルソナ|(?i:\b(?:a|an|the|our|this|marketing|buyer|customer|user|target)\s+personas?\b|\bpersonas?\s+(?:called|named|for|of)\b)"
)
_REAL_SOURCE = re.compile(
    r"(?i:\binterview|\breal\s+(?:customer|person|people|user|respondent)s?\b|\bactual\s+(?:customer|person|user)s?\b)"
    r"|インタビュー|実在|実際の(?:顧客|お客様|会員|人)"
)


def _sample_paper(text: str) -> bool:
    """A form's filled-in example or a sample payslip, or a marketing persona not drawn from a real interviewee."""
    return bool(_SAMPLE_PAPER_WORDS.search(text) or (_PERSONA.search(text) and not _REAL_SOURCE.search(text)))

# A list of people by first name or nickname, one amount each, under a line about their pay or what they owe
# (a shift sheet with everyone's 時給, 「月謝払ってない人リスト」, a salon's weekly payroll): the list is personal
# data (bulk_personal) and each line one person's money (salary; debt when the header says unpaid).
_LIST_HEADER_PAY = re.compile(
    r"(?i:payroll|\bwages?\b|\bpay\b|\bpaid\b|hourly|salar|\bowes?\b|\bowed\b|\bunpaid\b|\bdues\b|\bfees?\b)"
    r"|時給|日給|月給|給料|給与|月謝|会費|部費|家賃|払ってない|払っていない|未払い|未納|滞納|立て替え|貸し"
)
_UNPAID = re.compile(r"(?i:\bowes?\b|\bowed\b|\bunpaid\b|\bhasn'?t\s+paid|\bhaven'?t\s+paid)|払ってない|払っていない|未払い|未納|滞納|立て替え|貸し")
_PAY_LINE = re.compile(
    # (possessive indents and a name that starts with no space: an indented code line must not backtrack)
    r"^[ \t]*+(?:[・\-*•][ \t]*+)?(?P<who>[^\s\d$£€¥￥:：][^\d\n$£€¥￥:：]{0,19}?)[ \t]*[:：]?[ \t]+(?:\d{1,2}\s?(?:ヶ月|か月|カ月|mo|months?)[ \t]+)?"
    r"(?:[$£€¥￥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*\s?(?:円|ドル))",
    re.MULTILINE,
)
# (a nickname in hiragana, a surname with a kana given name, a katakana full name: 「あい」「佐藤ゆい」「アリ・ハサン」)
_JA_NAME_ONLY = re.compile(r"[ぁ-ん]{2,5}|[一-龥]{1,3}[ぁ-んァ-ヶ]{2,4}|[ァ-ヶ][ァ-ヶー]{1,8}・[ァ-ヶ][ァ-ヶー]{1,8}|[一-龥]{1,3}[ 　][一-龥ぁ-んァ-ヶ]{1,4}")


def _pay_list(text: str) -> Iterator[Span]:
    lines = list(_PAY_LINE.finditer(text))
    if len(lines) < 3 or not _LIST_HEADER_PAY.search(text, 0, lines[0].start()):
        return
    named = 0
    for m in lines:
        who = m.group("who").strip()
        if _JA_NAME_ONLY.fullmatch(who) or name_mentions(text, [m.span("who")]):
            named += 1
    if named * 3 < len(lines) * 2:
        return  # roles, products or shifts priced, not people ("ホール 1150円", "Latte $4.50")
    start, end = lines[0].start(), text.find("\n", lines[-1].end())
    end = len(text) if end < 0 else end
    yield "bulk_personal", start, end
    yield ("debt" if _UNPAID.search(text, 0, lines[0].start()) else "salary"), start, end


# The writer's own earnings stated as fact, with their figures (held-out AH's ah-071): 「Uberの配達で先月 186,420円…でした。
# 本業の年収は410万です」, "my take-home is £1,912 a month", "I made £3,460 from deliveries last month". A tax return's,
# a benefit claim's or a loan application's figures are the writer's own financial data, as a named person's pay is
# someone's. Not a threshold or a what-if ("If I earn under £1,000…", 「20万円以下なら」「年収500万円の場合」), nor an
# average.
_OWN_EARNINGS = re.compile(
    r"(?i:\bmy\s+(?:annual\s+|monthly\s+|gross\s+|net\s+)?(?:salary|income|take-?home(?:\s+pay)?|wages?|earnings|pay)\s+"
    r"(?:is|was|of|comes\s+to|came\s+to|works\s+out\s+at)\b|\bi\s+(?:made|earned|took\s+home|brought\s+in|cleared|grossed|netted)\b)"
    r"|(?:本業|副業|私|自分|わたし|僕|俺)の(?:年収|月収|手取り|収入|所得|給料|給与|報酬|稼ぎ)(?:は|が)"
    r"|(?:先月|今月|今年|去年|昨年|前年|年間)(?:は|の|で)?[^。\n]{0,24}?(?:収入|所得|稼ぎ|稼い|報酬|年収|月収|手取り)"
)
_OWN_EARNINGS_JA_FACT = re.compile(r"です|でした|ありました|あった|だった|稼いだ|稼ぎました|になりました|[万千]?円")
_WHAT_IF = re.compile(
    r"(?i:\b(?:if|when|whether|would|suppose|supposing|say|assuming|under|below|above|over|less\s+than|more\s+than|up\s+to|"
    r"average|typical|example|e\.g\.)\b)|なら|場合|としたら|とすると|仮に|以下|以上|超え|未満|例えば|目安|平均|相場"
)
_OWN_HINTS = ("my ", "i made", "i earned", "i took", "i brought", "i cleared", "i grossed", "i netted", "の年収", "の月収", "の手取り",
              "の収入", "の所得", "の給料", "の給与", "の報酬", "の稼ぎ", "先月", "今月", "今年", "去年", "昨年", "前年", "年間")


def _own_earnings(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(h in low for h in _OWN_HINTS):
        return
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        m = _OWN_EARNINGS.search(text, s0, s1)
        if m is None or not _AMOUNT.search(text, s0, s1) or _WHAT_IF.search(text, s0, s1) or _WORD_PROBLEM.search(text, s0, s1):
            continue
        if m.group()[0].isascii() or _OWN_EARNINGS_JA_FACT.search(text, m.end(), s1):
            yield "salary", s0, s1
            return


_HEADING_END = re.compile(r"[ \t]*(?:\n|$)")
# (a payslip's lines set out without a colon too, the item then its amount after a space: 「基本給 178,400円　残業手当 31,250円」,
# "Basic pay  2,450.00", held-out CB's cb-077)
_PAY_FIELD = re.compile(r"\s*[・*•-]?[ \t]*[^\n。.、,:：]{1,30}(?:[:：][ \t]*|[ \t　]+)[$£€¥￥]?\s?\d")
# A heading line that is a full name the lexicon may not hold, a payslip's or a statement's owner: a katakana name with its
# middle dots, 「ファム・ドゥック・アイン　2024年9月分」 (a trainee from abroad, held-out CB's cb-077), or a kanji surname and given name
# apart 「佐々木 拓海　10月分」; then a period or nothing. Counts only as a heading over pay lines (see _heading_line).
_NAME_HEADING = re.compile(
    # (not a katakana compound that heads an invented or a model sheet: 「モデル・ケース」「サンプル・データ」)
    r"(?![^\n]*(?:サンプル|ダミー|テスト|シミュレーション|モデル|ケース|パターン|プラン|タイプ))"
    rf"[ \t　]*(?:{_KATAKANA_NAME}|[一-龥]{{1,3}}[ 　][一-龥ぁ-んァ-ヶ]{{1,4}}(?![一-龥ぁ-んァ-ヶ]))[ \t　]*(?:[（(][^）)\n]{{0,20}}[）)])?"
    r"[ \t　]*(?:(?:\d{2,4}[年/.-])?\d{1,2}月(?:分)?(?:[ \t　]*(?:給与|給料|賞与)(?:明細)?)?)?[ \t　]*$",
    re.MULTILINE,
)


def _heading_line(text: str, s0: int, s1: int) -> bool:
    """The sentence is a whole short line with no sentence of its own (no verb's full stop, no question) and the next
    line holds a pay word with an amount."""
    line_start = text.rfind("\n", 0, s0) + 1
    line = text[line_start:s1].strip()
    if text[line_start:s0].strip() or not _HEADING_END.match(text, s1) or not line or len(line) > 60:
        return False
    if line[-1] in ".。!?？！:：" or re.search(r"(?i:\b(?:is|are|was|were|has|have|had)\b)|です|ます", line):
        return False
    nxt_end = text.find("\n", s1 + 1)
    nxt = text[s1:len(text) if nxt_end < 0 else nxt_end]
    # (a field line, "Base salary: £31,400", 「基本給：26万円」; not a sentence under a list item or a greeting)
    return bool(_PAY_FIELD.match(nxt) and _PAY.search(nxt) and _AMOUNT.search(nxt))


# A letter to a named person whose lines set out their pay (held-out BE's be-124: an offer letter "Dear Rajesh," then "Base
# salary: JPY 9,600,000 per annum", asked to be translated): the salutation names whom the letter's pay is about, though the
# pay lines name no one. 「ラジェシュ・クマール 様」 on a line of its own heads a Japanese one. Only a pay field ("Housing
# allowance: JPY 220,000") or a line said to the reader ("your salary will be…", 「貴殿の基本給は…」) after it counts, not any
# figure in the letter ("Dear Rajesh, the average salary in Kobe is…"); and the salutation must be a person's name (a lexicon
# first name, or a title before it), not "Dear Team," or "Dear Hiring Manager,".
_SALUTATION_EN = re.compile(r"^[ \t]*Dear\s+(?:(?P<title>Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?(?P<name>[A-Z][a-z]+)(?:\s+[A-Z][\w'’-]+)?[ \t]*[,:]", re.MULTILINE)
_SALUTATION_JA = re.compile(
    r"^[ \t　]*(?:[一-龥]{1,3}[ 　]?[一-龥ぁ-んァ-ヶ]{1,4}|[ァ-ヶ][ァ-ヶー]{1,9}(?:[・ 　][ァ-ヶ][ァ-ヶー]{1,9})?)[ 　]?(?:様|殿)[ \t　]*$", re.MULTILINE
)
_LETTER_PAY_FIELD = re.compile(
    r"\s*[・*•-]?[ \t]*[^\n。.、,:：]{1,30}[:：][ \t　]*(?:[A-Z]{3}[ \t]?|月額|年額|年俸|月給|総額)?[ \t　]*[$£€¥￥]?\s?\d"
)
_TO_READER = re.compile(r"(?i:\byour\b)|貴殿|あなた")


def _addressed_from(text: str) -> int:
    """Where the letter to a named person starts (after its salutation), or -1."""
    for m in _SALUTATION_EN.finditer(text):
        if m.group("title") or m.group("name") in FIRST_NAMES:
            return m.end()
    m = _SALUTATION_JA.search(text)
    return m.end() if m else -1


def salaries(text: str) -> Iterator[Span]:
    if "\n" in text:
        yield from _pay_list(text)
    if not _sample_paper(text):
        yield from _own_earnings(text)
    if not _AMOUNT.search(text) or not _PAY.search(text):
        return
    if _sample_paper(text):
        return  # a form's filled-in example (記入例), a sample payslip: no one's pay
    if INVENTED_CASE.search(text) and not REAL_CASE.search(text):
        return  # a case said to be invented, a sample persona (see `_text.INVENTED_CASE`)
    # A payslip or review with the person in its header (「氏名 藤崎 直人」 … 「基本給 342,000」,
    # "Employee: Felipe Araújo" … "Base: $168,000"): every pay line is theirs.
    record = record_subject(text)
    # the person a pay topic is opened about, carried into the next sentence's figures:
    # 「小野寺 修一 さんの退職金の試算です。基本給 402,000円 × 37.5 …」
    topic_named = False
    addressed = _addressed_from(text)
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        pay = _PAY.search(text, s0, s1)
        if 0 <= addressed <= s0 and pay and _AMOUNT.search(text, s0, s1) and not _WORD_PROBLEM.search(text, s0, s1):
            line_start = text.rfind("\n", 0, s0) + 1
            if _LETTER_PAY_FIELD.match(text, line_start) or _TO_READER.search(text, s0, s1):
                yield "salary", s0, s1
                continue
        named = bool(
            _HONORIFIC.search(text, s0, s1) or _RELATIVE_NAMED.search(text, s0, s1) or _POSSESSIVE_PAY.search(text, s0, s1)
            or _RELATIVE_PAY.search(text, s0, s1)
            or name_mentions(text, [(s0, s1)])
            or (_NAME_HEADING.match(text, s0) is not None and _heading_line(text, s0, s1))
        )
        if not (pay and _AMOUNT.search(text, s0, s1)) or _WORD_PROBLEM.search(text, s0, s1):
            # (a sentence with no pay word in between keeps the topic: 「アシスタントの佐藤美咲から「今月の手取りが少ない」と
            # 言われました。説明用に、以下を表に…」 then her pay lines, held-out AE's ae-047)
            # (nor does a pay word said with no figure and no one named: 「妻の給与明細です。住民税が高すぎる気がする。」 then her
            # payslip's lines, session 19)
            if named:
                # (or a line that is only the person, heading the pay lines under it, as a rep's commission sheet does:
                # "Nadia Ferreira – Senior Advisor, Croydon store" then "Base salary: £31,400", held-out AY's ay-091;
                # 「佐藤 美咲（渋谷店・主任）」 then 「基本給：26万円」)
                topic_named = bool(pay) or _heading_line(text, s0, s1)
            continue
        if _published_pay(text, s0, s1) and not record and not name_mentions(text, [(s0, s1)]):
            continue  # a role's pay its statutory statement publishes (see _PUBLISHED_PAY)
        if record or named or topic_named:
            yield "salary", s0, s1


# A post's pay the body publishes by law or practice, told by the statement that publishes it: "Our Pay Policy Statement
# publishes that the Chief Executive's salary is £186,000" (held-out BT's bt-093, rules alone), a remuneration report's
# disclosed figure, 「有価証券報告書で開示されている社長の役員報酬」. A role's, named by no one in the sentence.
_PUBLISHED_PAY = re.compile(
    r"(?i:\b(?:pay\s+policy\s+statement|remuneration\s+report|annual\s+report|statement\s+of\s+accounts|senior\s+salaries|"
    r"gender\s+pay\s+gap\s+report|proxy\s+statement)\b[^.?!\n]{0,40}?\b(?:publish(?:es|ed)?|disclos(?:es|ed)|states|shows|lists)\b|"
    r"\b(?:published|disclosed)\s+(?:in|by)\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:statement|report|accounts|filing)\b)"
    r"|(?:有価証券報告書|報酬開示|統合報告書)[^。\n]{0,20}?(?:開示|公表|記載)"
)
# (the figure in the clause the statement governs, not one the writer found out after a "but": "publishes the CEO's salary,
# but I found out Head of HR's is £98,000 from her payslip" stays hers)
_CLAUSE_BREAK = re.compile(r"(?i:\bbut\b|\bhowever\b|\bwhereas\b|;|—|\bpayslip|\bpay\s+slip|\bfound\s+out\b|\btold\s+me\b)|給与明細|けど|が、")


def _published_pay(text: str, s0: int, s1: int) -> bool:
    m = _PUBLISHED_PAY.search(text, s0, s1)
    if not m:
        return False
    brk = _CLAUSE_BREAK.search(text, s0, s1)
    end = brk.start() if brk else s1
    return m.end() <= end and bool(_AMOUNT.search(text, m.end(), end) or _AMOUNT.search(text, s0, m.start()))
