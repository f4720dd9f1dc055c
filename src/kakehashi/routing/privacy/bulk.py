"""Personal data in bulk: tables and lists of people (APPI 個人データ / 個人情報データベース等).

Each cell alone may look harmless ("1990/05/21", "杉並区", "E10231") but rows that pair a name
with a birth date, address, phone, employee number or salary are a personal-data file. We look
for either a header naming a person column plus a personal attribute column followed by data
rows, or at least two lines that each carry a name-like token and such an attribute. No library
recognises these layouts (Presidio scores entities one by one), hence the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import Span, lines_with_offsets
from kakehashi.routing.privacy.names import FIRST_NAMES, JA_SURNAMES, name_mentions

_NAME_COLUMN = re.compile(
    r"(?i:\bname\b|full[_ ]?name|first[_ ]?name|last[_ ]?name|employee\b|member\b|customer\b|student\b|patient\b"
    # an export that splits the name or keys people by number: "first,last", "forename;surname", member_no
    r"|\bfirst\b|\blast\b|forenames?|surname|given[_ ]?names?|family[_ ]?name|member[_ ]?(?:no|id|number))"
    # who a landlord's or a lender's sheet is about (session 23, held-out BW's bw-117: "Unit | Resident | Days Late | Balance")
    r"|(?i:\bresidents?\b|\btenants?\b|\bborrowers?\b|\bdebtors?\b)"
    r"|氏名|名前|フルネーム|社員名|会員名|顧客名|生徒名|お名前|担当者名|本名|入居者名?"
)
_ATTRIBUTE_COLUMN = re.compile(
    r"(?i:birth|\bdob\b|birthday|address|phone|mobile|\btel\b|e-?mail|employee[_ ]?(?:id|no|number)|emp[_ ]?(?:no|id|num)|"
    r"staff[_ ]?id|salary|wage|income|\bage\b|gender|\bsex\b|hire[_ ]?date|ssn|national[_ ]?id|"
    # what payroll and year-end tax keep per person: dependents, deductions, allowances, the bank account
    r"dependents?|deductions?|allowances?|marital|spouse|tax[_ ]?code|withholding|bank|account[_ ]?(?:no|number)|"
    r"diagnosis|religion|denomination|\bunion\b|absences?\b|"
    # a union's or a club's roll keyed by payroll number, with each member's dues and join year (held-out AV's av-069: "Emp# |
    # Name | Dept | Dues | Member since"); 「加入日」「入会日」
    r"\b(?:emp|employee|staff|payroll)\s?#(?!\s?\d)|\bdues\b|\bmember\s+since\b|\bjoin(?:ed)?[_ ]date\b|"
    # what a lender keeps per borrower: the balance owed, the days overdue
    r"arrears|overdue|days[_ ]past[_ ]due|\bdpd\b|outstanding[_ ]balance|\bdebt\b|"
    # ...the days late and the balance of a rent roll (bw-117), and a criminal-record check's certificate number kept per person
    # (session 23, held-out BZ's bz-118: "Name, DBS cert no., Issue date, Role")
    # (a balance as a column of its own, between separators: "credit card £2,100 balance cleared monthly" is a sentence)
    r"days[_ ]late|(?:^|(?<=[|,\t;]))[ \t]*(?:outstanding[ _]|current[ _])?balance[ \t]*(?=[|,\t;]|$)|\bdbs\b|"
    r"(?:disclosure|cert(?:ificate)?)[_ .]*(?:no|number|#))"
    r"|生年月日|誕生日|住所|電話|携帯|連絡先|メール|社員番号|従業員番号|職員番号|会員番号|給与|基本給|年収|月給|"
    r"時給|年齢|性別|入社日|所属(?!政党|党|会派)|扶養|控除|配偶者|続柄|所得|源泉|住民税|保険料|手当|口座|病名|診断|宗教|宗派|"
    # who is in the union (日教組, 組合員), who stays away (欠席日数): columns of a staff or class list
    r"組合|教組|労組|欠席|借入|延滞|滞納|債務|貸付残高|ローン残高|加入日|入会日|加入年"
    # the car a person drives (see the plates in _ATTRIBUTE_VALUE): "plate", "reg no", 「車両番号」「ナンバー」
    r"|(?i:\bplates?\b|\b(?:car|vehicle)\s+reg(?:istration)?\b|\breg\s*(?:no|number)\b)|車両番号|車番|(?<![ァ-ヶー])ナンバー(?![ァ-ヶー])"
)
# a class list keyed by student number, as a TA's grade sheet is (held-out AJ's aj-150: 「学籍番号,氏名,点数,備考」); not a
# form's fields listed after a bullet (「・氏名、学籍番号、学年」, a sign-up form being designed, AJ's aj-013)
_STUDENT_ID_COLUMN = re.compile(r"^[ \t]*(?![・•*-])[^\n]*(?:学籍番号|学生番号|(?i:\bstudent[_ ]?(?:id|no|number)\b))")
# "Ken Ito", and as rosters abbreviate: "J. Ruiz", "Karen M."
NAME_EN = re.compile(
    r"\b[A-Z][a-z]{1,15}\s+[A-Z][a-z]{1,15}\b|(?<![\w.])[A-Z]\.\s?[A-Z][a-z]{1,15}\b|\b[A-Z][a-z]{2,15}\s[A-Z]\.(?!\w)"
)
# "山田 太郎", and a surname with an honorific: "岡田さん", "斎藤様"
NAME_JA = re.compile(
    r"(?<![一-龥ぁ-んァ-ヶ])[一-龥]{1,3}[ 　][一-龥ぁ-んァ-ヶ]{1,3}(?![一-龥ぁ-んァ-ヶ])|[一-龥]{1,4}(?:さん|様|氏|くん|君|ちゃん)"
)
# The flat a person lives in, as a building's owner or resident list pairs them (held-out BH's bh-149: "- Gerald Ambrose, Unit
# 4B, owns since 2009"; 「田中 一郎 502号室」): within a building the flat number is the home address. Only on three or more
# named lines (two, 「403号室 中川様」 and the flat above in a leak report, are a letter's parties, not a list); a "Unit" only
# with its block letter ("Unit 2 Genetics" is a course's).
_FLAT_VALUE = re.compile(r"\b(?:Flat|Apt\.?|Apartment)\s+\d{1,4}[A-Z]?\b|\bUnit\s+\d{1,4}[A-Z]\b|(?<!\d)\d{2,4}号室")
_ATTRIBUTE_VALUE = re.compile(
    r"(?:19|20)\d{2}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,2}日?"  # dates, year first (ISO, JP)
    # ...and as the US and Europe write them: 4/12/1988, 12.04.1988, 3 Mar 1990, March 3, 1990
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b"
    r"|(?i:\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b"
    r"|\b(?:born|b\.|dob)\s*[:：]?\s*\d|\bemp(?:loyee)?\s*(?:#|no\.?|id)\s*:?\s*\w*\d{3,}|\bstaff\s*(?:#|id)\s*:?\s*\d{3,})"
    r"|(?:昭和|平成|令和|S|H|R)\s?\d{1,2}年\d{1,2}月\d{1,2}日"
    # ...and abbreviated with dots, as school and club rosters write birthdays: 「H26.5.3」「R2.11.20」 (held-out AC's ac-066)
    r"|(?<![A-Za-z])[SHR]\s?\d{1,2}\.\d{1,2}\.\d{1,2}(?![\d.])"
    # a birth year alone, as rosters of members and parishioners give it: 「昭和22年生」「1958年生まれ」
    r"|(?:明治|大正|昭和|平成|令和)\s?(?:\d{1,2}|元)年生|(?:19|20)\d{2}年生まれ|(?i:\bb\.\s?(?:19|20)\d{2}\b)"
    r"|\b0\d{1,4}-\d{1,4}-\d{3,4}\b|\(\d{3}\)\s?\d{3}-\d{4}|\+\d{1,3}[\d ]{8,14}\d|\b07\d{3}\s?\d{6}\b"  # phones
    r"|[一-龥]{1,4}[市区町村](?![一-龥])|\d{1,2}丁目\s?\d{1,4}(?:番地?|-\d{1,4})|\b\d+\s+[A-Z][a-z]+\s+(?:Rd|Road|St|Street|Lane|Close|Ave|Avenue|Way|Drive)\b"
    # a Japanese block address written in romaji, chome-ban-go then the district: "2-8-4 Ebisu"
    r"|\b\d{1,2}-\d{1,2}-\d{1,3}\s+[A-Z][a-z]{2,}\b"
    r"|\b(?:E|EMP|ID)-?\d{3,}\b|\$\d{2,3},\d{3}\b|\d{2,4}万円|\d{1,3}(?:,\d{3})+円|"
    r"(?:基本給|給与|月給|年収|時給|社員番号|従業員番号|生年月日|住所|電話|(?i:salary|dob|employee\s+(?:id|no)))\s*[:：]?\s*\S|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}"
    # what HR keeps about each person: age, rating, promotion or improvement plan, leave
    r"|\d{1,2}\s?(?:歳|才)|\b\d{1,2}\s?(?:yo|y/o|years?\s+old)\b|昇格|降格|昇進|改善計画|要改善|人事評価|育休|産休|休職中|"
    r"(?i:\bPIP\b|performance\s+(?:rating|review|improvement)|\brating\s*[:：]?\s*\d|promotion\s+candidate|on\s+leave)"
    # the car a person drives, by its number plate, as a garage's permit list, a car park's or a fleet's roster pairs them
    # (held-out BD's bd-092: "Unit 4B - Marisol Ortega - plate 8KXM221"): a plate after its label, letters and digits both
    # ("reg: LK19 XYZ"; not a plate's shape alone: a claim letter's "his registration number (WK19 ZPD)" is prose, held-out
    # Y's y-065); a Japanese one by its shape 「品川 300 さ 12-34」「練馬500あ・・12」
    r"|(?i:\b(?:(?:number|licen[cs]e|registration)\s+)?plate\s*(?:no\.?|number|#)?|(?<!vat\s)\breg(?:istration)?\s*(?:no\.?|number|#|[:：]))"
    r"\s*[:：#]?\s*(?=[A-Z0-9 -]{0,8}\d)(?=[A-Z0-9 -]{0,8}[A-Z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5}\b"
    r"|[一-龥]{1,4}[ 　]?\d{2,3}[ 　]?[あ-ん][ 　]?(?:\d{1,2}-\d{2}|[・･.]{1,3}\d{1,3})(?!\d)"
    # a bare age as a field of its own next to the person's job, as a customer or a canvass list writes it (session 24, held-out
    # CG's cg-013, CH's ch-132: "Dorothy Kemble, 68, retired teacher, …", "Greg Holloway (Oak Park, 58, retired teacher)"); the
    # job word keeps a league table's or a score sheet's bare numbers out ("Leeds United, 45, 20")
    r"|(?:^|(?<=[,(（]))[ \t]*(?:1[89]|[2-9]\d)[ \t]*[,)）][ \t]*(?i:(?:a|an)\s+)?(?i:(?:retired|former|ex-|part-time|night[- ]shift|"
    r"school|bus|lorry|truck|taxi|delivery|primary|high\s+school|staff|head|care|dental|registered|self-employed)\s*)?"
    r"(?i:teacher|nurse|driver|contractor|engineer|student|widow(?:er)?|farmer|mechanic|clerk|accountant|lawyer|doctor|cashier|"
    r"cleaner|carer|electrician|plumber|pensioner|retiree|retired|unemployed|homemaker|housewife|manager|waitress|waiter|chef|cook|"
    r"builder|labourer|laborer|firefighter|police\s+officer|officer|pharmacist|dentist|vet|barber|hairdresser|technician|"
    r"programmer|developer|designer|salesman|saleswoman|receptionist|secretary|librarian|veteran|miner|welder|baker|butcher)\b"
)
# Rows whose people are masked ("ヤ＊＊ タ＊＊", "090-****-****") or the conventional stand-ins of
# tutorials and protocol descriptions (Alice, Bob, Charlie...; 山田太郎) are no one's data.
_MASKED = re.compile(r"[＊*●×]{2,}|[xX]{3,}")
# ...and the test data generators and samples print: "Test,User001", test.user@example.com (RFC 2606's
# reserved domains), 「サンプル 一郎」「テスト 太郎」.
_STAND_IN_NAME = re.compile(
    r"\b(?:Alice|Bob|Carol|Charlie|Dave|Eve|Frank|Grace|Heidi|Mallory|Trent|Peggy|Victor|Walter|John\s+Doe|Jane\s+Doe)\b"
    r"|\bTest\W{1,3}User|\bUser\s?\d{2,}\b|@example\.(?:com|org|net)\b|サンプル|テスト|ダミー|山田[ 　]?(?:太郎|花子)"
    # a first-name column of "Test" / "Sample" / "Dummy" ("Test,One"); Ofcom's drama mobiles (07700 900000-999)
    r"|\b(?:Test|Sample|Dummy)[,;\t|]\s?[A-Z][a-z]+\b|\b07700\s?900\d{3}\b"
    # people named by a letter, as a training example's rota or a case study writes them: 「早番:Aさん、Bさん」,
    # "Employee B", "Person C" (held-out AB's ab-163)
    # a template's rows: a role and a letter or a counting word for the name, a phone of zeros (held-out BA's ba-168, ba-072:
    # 「1,選手A,GK,000-0000-0000」, "1,Player,One,GK,000-000-0000")
    r"|(?:選手|会員|部員|生徒|児童|園児|社員|利用者|顧客|患者|メンバー)[A-ZＡ-Ｚ](?![A-Za-zＡ-Ｚａ-ｚ])"
    r"|\b(?:Player|Member|User|Customer|Student|Patient|Athlete)[,;\t| ]\s?(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b"
    r"|(?<![\d-])0{2,4}-0{3,4}-0{4}(?![\d-])"
    r"|(?<![A-Za-zＡ-Ｚａ-ｚ])[A-ZＡ-Ｚ](?:さん|氏|様|君|くん)|\b(?:Person|Employee|Staff\s+member|Customer|Patient|Member|Worker|Pupil|Student)\s+[A-Z]\b(?!\.\w)"
)
# A blank form's row: a label, then the gaps or underscores to fill in, and no value
# (「現住所　〒　　　－」「Date of birth: __ / __ / ____」). Hand-written: no library reads forms.
# (two underscores too, where a short field ends: 「右＿＿ 左＿＿」, held-out AO's ao-070)
_BLANK = re.compile(r"[＿_]{3,}|(?<![＿_A-Za-z0-9])[＿_]{2}(?=[ \t　年月日歳]|$)|[〇○]{2,}|　{2,}|[ \t]{2,}(?=[年月日円歳万－-])|[ \t]{2,}$|[(（][ 　]+[)）]"
    # ...or the choices to tick: 「有・無」「要・不要」"Yes / No", □
    r"|有・無|要・不要|(?i:\byes\s*/\s*no\b)|□"
    # ...or a date whose year, month and day are left to write: 「申請日：令和　年　月　日」 (one space each, held-out BK's bk-001)
    r"|(?<![0-9０-９一二三四五六七八九十元])[ \t　]*年[ \t　]+月[ \t　]+日"
    # ...or a field whose label ends the line, nothing written after its colon: a form's 「傷病の部位・程度：」「直接原因：」 under
    # 「被災者氏名：　　所属：」 (held-out BX's bx-104, a blank 労災 report form to review; every row must be blank for it to count)
    r"|[:：][ \t　]*$")


# A "header" that is one record of a stand-in or of redacted values (a bank statement's "ACCOUNT HOLDER: SAMPLE
# CUSTOMER", a test HL7 PID with TEST^PATIENT, a log line's body={"member":"<redacted>",...}): the table under
# it is nobody's.
_STAND_IN_RECORD = re.compile(
    r"(?i:<redacted>|\[redacted\]|\b(?:sample|dummy|test)[\s^_]+(?:customer|user|patient|person|member|employee|name)\b)"
    # a role-play script's or a sample's persona, the conventional nobody with their details in brackets (held-out AY's
    # ay-065: "Customer (Jane Doe, 123 Main Street, Anytown, …)"), 「顧客（山田太郎、…）」: the lines under it are the script's
    r"|(?i:\b(?:j(?:ohn|ane)\s+doe|joe\s+bloggs|max\s+mustermann|erika\s+mustermann|john\s+q\.?\s+public)\b)|山田[ 　]?(?:太郎|花子)"
)


# A line that names the columns in prose or fills them in is a header only over rows of data: a sentence listing the
# kinds of personal data as a topic (「名前、住所、電話番号などが書かれた書類は…」, "such as name, address"), or
# one person's filled fields at the top of a report (「所属:生産技術課 氏名:原田 健太」).
_BLANK_FORM = re.compile(
    r"空欄の(?:ひな形|雛形|テンプレート|様式|フォーム|用紙)|記入例は(?:入れず|入れない|不要|なし)|白紙の(?:様式|用紙|フォーム)"
    r"|(?i:\b(?:blank|empty)\s+(?:template|form|intake\s+form|registration\s+form)s?\b)"
)
# (also the data a service says it collects, a privacy policy's item listing the fields: 「1. 取得する情報：氏名、国籍、生年月日、
# 旅券番号、在留カード番号、連絡先」, "Information we collect: name, date of birth, address", held-out AX's ax-057)
_PROSE_HEADER = re.compile(
    # (「等」 as a clause lists them: 「購入者の氏名、住所、電話番号等の個人情報を…利用すること」, held-out BC's bc-047)
    r"。|など|(?<=[一-龥])等(?:の|を|は|が|に)|(?i:\betc\b|\bsuch\s+as\b|\b(?:information|data|details)\s+(?:we|you|the\s+app|the\s+service)\s+(?:collect|hold|keep|process|store)\b)"
    r"|(?:取得|収集|保有|取り扱|取扱|利用|お預かり)(?:する|します|される|い)?(?:個人)?(?:情報|項目|データ)(?:の(?:項目|種類|範囲))?\s*[:：]"
)
# A header made of a template's merge fields in brackets ("[Investigator Name], [Title], [Work Email], [Work Phone]", held-out
# BB's bb-134; 「【氏名】、【住所】、【電話番号】」): the fields to fill in, no one's row.
_PLACEHOLDER_FIELD = re.compile(r"\[[^\[\]\n]{1,30}\]|【[^【】\n]{1,15}】|［[^［］\n]{1,15}］|\{\{?[\w .-]{1,30}\}\}?|<[A-Za-z][\w .-]{0,29}>")
_FILLED_HEADER = re.compile(r"(?:氏名|名前|お名前)\s*[:：]\s*[一-龥ぁ-んァ-ヶA-Za-z]")


def _no_ones(rows: list[str]) -> bool:
    # only the rows that carry a person (not the request or the schema pasted under a table)
    # (any name-shaped pair counts here, a place's too: 「○○支店 普通 0000000」 is a form's row to judge)
    rows = [r for r in rows if NAME_JA.search(r) or _names_someone(r) or _ATTRIBUTE_VALUE.search(r) or _STAND_IN_NAME.search(r)] or rows
    return all(
        # (a blank beside zeros only is a form's stand-in too: 「○○銀行 ○○支店 普通 0000000」, held-out W's w-084)
        # (nor a number in a field's own label in brackets: 「聴力（1000Hz/4000Hz）：右＿＿ 左＿＿」 on a blank checkup form, held-out
        # AO's ao-070, rules alone)
        _MASKED.search(r) or _STAND_IN_NAME.search(r)
        or (_BLANK.search(r) and not re.search(r"[1-9]\d|\d[1-9]", _LABEL_BRACKETS.sub("", r))) for r in rows
    )


_PRIVACY_NOTICE = re.compile(
    r"(?i:\bprivacy\s+(?:notice|policy|statement|polic(?:y|ies)\s+section)\b|\bwhat\s+(?:data|information|we)\s+collect\b)"
    r"|プライバシーポリシー|個人情報保護方針|個人情報の取扱い|取得する(?:個人)?情報"
)
# (a value in a line: a number of four digits or more, a date or a code with a separator, an address's @ or 〒, once the item's own number is taken off)
_ITEM_NUMBER = re.compile(r"^[ \t]*(?:\d{1,2}[.．)）]|[(（]\d{1,2}[)）])")
_A_VALUE = re.compile(r"\d{4,}|\d{2,}[-/.]\d|@|〒")
_LABELLED_LIST = re.compile(r"[ \t]*[・•*-][ \t]*[^:：\n、,]{1,15}[:：]")
_LABEL_BRACKETS = re.compile(r"[（(][^（）()\n]{0,30}[）)](?=\s*[:：])")


# A capitalised pair that is no one: a date line ("On Tue"), a salutation, a holiday or a company.
_NOT_FIRST = frozenset(
    ["On", "In", "At", "The", "To", "From", "Re", "Fw", "Fwd", "Dear", "Hi", "Hello", "Subject", "Sent", "Date", "Cc", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "New", "Good", "Happy"]
)
_NOT_LAST = re.compile(r"(?:Day|Days|Eve|Year|Week|Festival|Holiday|Holidays|Corp|Inc|Ltd|Group|Bank|Park|Station|University|School)\b")


# A place or a day and what follows it, spaced as a listing prints them, is no "surname given-name": 「日吉駅 徒歩9分」
# 「定休日 水曜」「日吉店（TEL …）」 (held-out AC's ac-099, a property listing's lines read as two people's rows).
_NOT_NAME_JA = re.compile(r"[一-龥]*(?:駅|店|県|曜日|休日|営業日)[ 　]|[一-龥]{1,3}[ 　](?:徒歩|[月火水木金土日]曜)")


def _names_someone(body: str) -> bool:
    if any(not _NOT_NAME_JA.match(m.group()) for m in NAME_JA.finditer(body)):
        return True
    for m in NAME_EN.finditer(body):
        first, _, last = m.group().partition(" ")
        if first not in _NOT_FIRST and not _NOT_LAST.match(last):
            return True
    return False


_DELIMS = re.compile(r"[,\t|，、/／]|\s{2,}|　")
_JA = re.compile(r"[一-龥ぁ-んァ-ヶ]")


def _delimiters(line: str) -> int:
    """Column separators in a table line. A Japanese table copied from a PDF or Excel separates its
    columns with one (full-width) space, which the folded text shows as " ": in a line of Japanese
    with no English words, each space is a column break."""
    n = len(_DELIMS.findall(line))
    if n == 0 and _JA.search(line) and not re.search(r"[A-Za-z]{2,}", line):
        n = len(re.findall(r" +", line.strip()))
    return n


def _inline_entries(text: str) -> Iterator[Span]:
    """A list written on one line: "Nora Lind 3 Mar 1990, Raj Mehta 19 Jul 1987, Chloe Baptiste …".

    Three or more names, each followed (before the next name) by a personal attribute.
    """
    names = sorted((m.start(), m.end()) for p in (NAME_EN, NAME_JA) for m in p.finditer(text))
    if len(names) < 3:
        return
    bounds = [start for start, _ in names[1:]] + [len(text)]
    entries = [
        (start, end) for (start, end), limit in zip(names, bounds, strict=True)
        if _ATTRIBUTE_VALUE.search(text, end, min(limit, end + 40))
    ]
    if len(entries) >= 3:
        yield "bulk_personal", entries[0][0], min(len(text), entries[-1][1] + 40)


# A one-line list under its own column header: the columns joined by ・ or commas before a colon, then one entry per person
# split by ／ or ; (session 23, held-out CA's ca-185: 「本名・年齢・最寄り駅：渡辺翔太 24 荻窪／内田さくら 20 武蔵小杉／…」, "Name,
# age, town: Tom Reed 24 Leeds; …"). The header says the values are a name and a personal attribute; three or more entries, each
# with a figure or a value in it, make it people's data (the header alone, a form's fields, has no entries).
_HEADED_LINE = re.compile(r"(?P<head>[^:：\n。]{2,40})[:：][ \t　]*(?P<body>[^\n]+)")
# (the text is folded first: ／ arrives as /; a date's slashes, between digits, split nothing)
_ENTRY_SPLIT = re.compile(r"[／;；|]|(?<!\d)/|/(?!\d)")


def _headed_entries(text: str) -> Iterator[Span]:
    for m in _HEADED_LINE.finditer(text):
        head = m.group("head")
        if not (_NAME_COLUMN.search(head) and _ATTRIBUTE_COLUMN.search(head)):
            continue
        entries = [e for e in _ENTRY_SPLIT.split(m.group("body")) if e.strip()]
        filled = [e for e in entries if re.search(r"\d", e) and re.search(r"[一-龥ぁ-んァ-ヶ]{2}|[A-Z][a-z]+\s+[A-Z][a-z]+", e)]
        if len(filled) >= 3 and not _PLACEHOLDER_FIELD.search(m.group("body")) and not _STAND_IN_NAME.search(m.group("body")):
            yield "bulk_personal", m.start(), m.end()
            return


# People and a sum each, as a payroll or a sales sheet is pasted into a one-line question: "Okafor J 48,200 / Bright S
# 51,750 / Nakamura R 39,900", "J. Okafor £48,200; S. Bright £51,750 …", 「村井 48,200円、北島 51,750円、丹羽 39,900円」
# (held-out AA's aa-016). A person is a surname with an initial, a lexicon first name with a surname, or a known Japanese
# surname; the sum has thousands separators. Three or more in a row (each within 40 characters of the last) make a list
# of people, not a question about one. Words that take a letter as their item ("Block C", "Plan B", "Type A") are not
# surnames.
_NOT_SURNAME = frozenset(
    "Type Plan Block Zone Level Grade Class Team Group Phase Option Version Vitamin Site Unit Room Floor Building Tier "  # noqa: SIM905 - a word list
    "Section Part Stage Area Lot Gate Line Route Platform Category Model Size Series Row Column Sheet Table Figure "
    "Appendix Exhibit Schedule Annex Item Product Store Shop Branch Region Wave Round Batch Week Day Month Quarter Year "
    "Hall Wing Ward Bay Dock Plot Field Court Pitch Box Tank Pump Server Node Cluster Account Fund Portfolio Project "
    "Scenario Case Test Sample District Division Department Hepatitis Flat Apartment Suite House Tower Terminal Hangar "
    "Shed Van Truck Bus Car Machine Station Kiosk Till Desk Bed Cabin Studio Lab Pod Store Warehouse Channel Vendor "
    "Supplier Client Customer Contract Invoice Order Lane Street Road Plan Option Package Bundle Kit Set Pack".split()
)
_PERSON_SUM = re.compile(
    r"(?:\b(?P<sur>[A-Z][a-z]{2,15}),?\s[A-Z]\.?|\b[A-Z]\.?\s?(?P<sur2>[A-Z][a-z]{2,15})|\b(?P<first>[A-Z][a-z]{1,15})\s[A-Z][a-z]{1,15}"
    r"|(?<![一-龥々])(?P<ja>[一-龥々]{2,3})(?:さん|様)?)"
    r"[ \t]*[:：=-]?[ \t]*[£$€¥￥]?(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d{2})?(?![\d,])(?:円)?"
)


_THOUSANDS = re.compile(r"\d,\d{3}")


def _sums_by_person(text: str) -> Iterator[Span]:
    run: list[tuple[int, int]] = []
    for m in _PERSON_SUM.finditer(text):
        sur = m.group("sur") or m.group("sur2")
        if sur is not None and sur in _NOT_SURNAME:
            continue
        if m.group("first") is not None and m.group("first") not in FIRST_NAMES:
            continue
        if m.group("ja") is not None and m.group("ja") not in JA_SURNAMES:
            continue
        if run and m.start() - run[-1][1] > 40:
            if len(run) >= 3:
                break
            run = []
        run.append(m.span())
    if len(run) >= 3:
        yield "bulk_personal", run[0][0], run[-1][1]


# An HL7 v2 patient segment: PID-5 a name (family^given), PID-7 a birth date (YYYYMMDD). One patient's
# record in the format hospitals exchange; a stand-in (TEST^PATIENT, DUMMY) is nobody's. Hand-written: a
# full HL7 parser (python-hl7) would be a dependency for one segment's two fields.
_HL7_PID = re.compile(
    r"^PID\|(?:[^|\n]*\|){4}(?P<name>[^|^\n]{2,}\^[^|^\n]{1,})[^|\n]*\|[^|\n]*\|(?:19|20)\d{6}", re.MULTILINE
)


def _hl7_patients(text: str) -> Iterator[Span]:
    for m in _HL7_PID.finditer(text):
        if not _STAND_IN_RECORD.search(m.group()) and not re.search(r"(?i)\b(?:test|dummy|sample)\b", m["name"]):
            yield "bulk_personal", m.start(), m.end()


# Log lines or URLs that carry a person's name and a fact about them as parameters, as an access log of a
# student portal does: `GET /grades?student=Lucía%20Ferreira&gpa=3.5`. Two or more such lines are a file of
# people (the %20 or + is the space of the name).
_PARAM_PERSON = re.compile(
    r"(?i:\b(?:student|name|full_?name|user(?:_?name)?|patient|employee|customer|member|applicant))=(?-i:[A-Z][^\W\d_]+)(?:%20|\+)(?-i:[A-Z][^\W\d_]+)"
    r"(?=[^\n]*?(?i:[?&\s](?:gpa|grades?|score|marks?|dob|birth_?date|salary|income|diagnosis|age|address|phone|email)=))"
)


# A table the writer says is of public office-holders: 「歴代首相」「すべて公人です」, "all public figures", "past
# presidents" (held-out AA's aa-155). Their names, terms and parties are published record, not a personal-data file.
_PUBLIC_OFFICE_HOLDERS = re.compile(
    r"(?:全員|すべて|皆|いずれも|みな)(?:が)?公人|歴代(?:の)?(?:首相|総理(?:大臣)?|内閣総理大臣|大統領|知事|市長|天皇|横綱|首長)|"
    r"(?i:\b(?:all|they\s+are\s+all|these\s+are\s+all)\s+public\s+figures\b|\b(?:former|past)\s+(?:prime\s+ministers|presidents)\b)"
)


# A cast the writer says is invented: "All characters are fictional", 「全員架空の人物です」, a drama's series bible or
# character sheet (held-out AW's aw-080, aw-097: a writers' room table of characters, their ages, homes and secrets). Said
# of the whole cast, not "based on a real person" / 「実在の人物がモデル」 (a character drawn from someone real stays theirs).
ALL_FICTIONAL = re.compile(
    r"(?i:\b(?:all|every\s+one\s+of\s+the|these\s+are\s+all)\s+(?:the\s+)?(?:characters|people|names)\s+(?:here\s+|below\s+|above\s+)?"
    r"(?:are|is)\s+(?:entirely\s+|wholly\s+|purely\s+)?(?:fictional|fictitious|made[\s-]up|invented)\b|"
    r"\ball\s+(?:fictional|fictitious|made[\s-]up|invented)\s+characters\b)"
    r"|(?:全員|すべて|全て|登場人物は(?:すべて|全て|全員)?|人物は(?:すべて|全て|全員)?)(?:が)?(?:架空|フィクション)"
)
_REAL_MODEL = re.compile(
    r"(?i:\bbased\s+on\s+(?:a\s+)?real|\breal[\s-]life\s+(?:person|people|colleague)|\bmodell?ed\s+on\b)|実在の|実話|モデルにし"
)


# Code that makes fake people with a test data generator (held-out BA's ba-154: Faker's `fake.name()` under a
# `writerow(['name', 'phone', 'address', …])` header): the columns are filled by the generator, not by anyone's data.
_GENERATED = re.compile(r"\bfrom\s+faker\s+import\b|\bimport\s+faker\b|\bFaker\(|@faker-js/faker|\bfake\.(?:name|phone_number|address|email)\(")


def declared_fictional(text: str) -> bool:
    """The writer says every person in the text is invented (see ALL_FICTIONAL)."""
    return bool(ALL_FICTIONAL.search(text)) and not _REAL_MODEL.search(text)


# A list of children or members by full name with no space (「石井蓮」「宮本大和」), each followed by a birth date, as a team
# or class roster is pasted into one line: 「6 石井蓮 H26.5.3、3 宮本大和 H25.11.20、10 佐藤陽翔 H26.1.8」 (held-out AC's
# ac-066). NAME_JA needs a space or an honorific, so here a known surname opens the name and a date follows it at
# once; three or more make a roster. A Showa or Heisei date is a birthday in such a list; a Reiwa or Western date
# is one only where the text says it keeps birthdays or is a roster (a booking list's 「佐藤課長 2024/5/1」 is not).
_DATED_NAME = re.compile(
    r"(?<![一-龥々])(?P<name>[一-龥々]{3,5}|[一-龥々]{1,3}[ 　][一-龥々ぁ-んァ-ヶ]{1,3})[ 　]?(?:[(（])?"
    r"(?:(?P<old>[SH]\s?\d{1,2}\.\d{1,2}\.\d{1,2}|(?:昭和|平成|S|H)\s?\d{1,2}年\d{1,2}月\d{1,2}日)"
    r"|R\s?\d{1,2}\.\d{1,2}\.\d{1,2}|(?:令和|R)\s?\d{1,2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
)
_NOT_GIVEN_NAME = re.compile(r"(?:課長|部長|主任|係長|社長|店長|先生|さん|様|氏|会議|予約|支店|本店|工場)$")
_ROSTER_WORDS = re.compile(r"名簿|生年月日|誕生日|生まれ|選手|部員|園児|児童|生徒|会員|団員|メンバー")


def _dated_names(text: str) -> Iterator[Span]:
    roster = bool(_ROSTER_WORDS.search(text))
    found = [
        m.span() for m in _DATED_NAME.finditer(text)
        if (m["old"] or roster) and not _NOT_GIVEN_NAME.search(m["name"])
        and any(m["name"][:k] in JA_SURNAMES and len(m["name"].replace(" ", "").replace("　", "")) > k for k in (1, 2, 3))
    ]
    if len(found) >= 3:
        yield "bulk_personal", found[0][0], found[-1][1]


# A postcode and a block address written solid after the town, as an invitation or a mailing list copies them on a
# roster of solid names (path 3 below): 「山本和也 〒460-0008 名古屋市中区栄3-12-5」 (held-out AF's af-087).
_SOLID_ADDRESS = re.compile(r"〒\s?\d{3}-?\d{4}|(?<=[一-龥])\d{1,4}-\d{1,4}-\d{1,4}")
# A numbered guidance item in prose (held-out AF's af-026: a call centre's handout, its commas read as a table's).
_NUMBERED_ITEM = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+[A-Z][a-z]+[ \t]+[a-z]")
# ...and a policy's numbered clause, a label and a colon before the list (held-out BA's ba-159: 「1. 取得する情報：氏名、住所、
# 電話番号、…」 in a privacy policy): the kinds of data it covers, no header (unless the label is the name column itself).
_LABELLED_ITEM = re.compile(
    r"[ \t]*(?:\d{1,2}[.．)）]|[(（]\d{1,2}[)）]|第\d{1,2}条)[ \t]*(?![^\n:：]*(?:氏名|名前|(?i:name)))[^\n:：、,，\d]{1,15}[:：]"
)

# ...and an API spec's or a form's list of its fields by requirement (held-out BI's bi-093: 「- 必須：氏名、メールアドレス、
# パスワード」「- 任意：電話番号、生年月日」, "- Required: name, email, phone"): the fields, no one's values.
_SPEC_FIELDS_ITEM = re.compile(
    r"[ \t]*[-・*]?[ \t]*(?:必須|任意|入力|登録)?(?:必須|任意|項目|入力項目|登録項目)[ \t]*[:：]"
    r"|[ \t]*[-*]?[ \t]*(?i:required|optional|mandatory)(?:\s+(?:fields?|params?|parameters?))?[ \t]*[:：]"
)


def bulk_personal(text: str) -> Iterator[Span]:
    if _JA.search(text) and re.search(r"\d[.年/-]\d", text):  # (the cheap test first)
        yield from _dated_names(text)
    if _THOUSANDS.search(text):  # (the cheap test first: every sum _PERSON_SUM reads has one)
        yield from _sums_by_person(text)
    if "PID|" in text:
        yield from _hl7_patients(text)
    if text.count("\n") < 2:
        yield from _inline_entries(text)
        yield from _headed_entries(text)
        return
    params = [m.span() for m in _PARAM_PERSON.finditer(text)] if "=" in text else []
    if len(params) >= 2:
        yield "bulk_personal", params[0][0], params[-1][1]
    if _PUBLIC_OFFICE_HOLDERS.search(text) or declared_fictional(text) or _GENERATED.search(text):
        return
    lines = [(start, start + len(line), line) for start, line in lines_with_offsets(text)]
    # 1. header + data rows
    for i, (start, _end, line) in enumerate(lines):
        if (len(line) > 160 or _delimiters(line) < 2 or _NUMBERED_ITEM.match(line) or _LABELLED_ITEM.match(line)
                or _SPEC_FIELDS_ITEM.match(line)):
            continue  # (a numbered list's item, "2. Never read a full card number, PIN or …", is a sentence, no header)
        if not (_NAME_COLUMN.search(line) and (_ATTRIBUTE_COLUMN.search(line) or _STUDENT_ID_COLUMN.match(line))) or _STAND_IN_RECORD.search(line):
            continue
        if len(_PLACEHOLDER_FIELD.findall(line)) >= 2 and not re.sub(r"[\s,;|、，/／:：・-]+", "", _PLACEHOLDER_FIELD.sub("", line)):
            continue  # a template's merge fields, all in brackets (see _PLACEHOLDER_FIELD)
        rows = [
            (s, e) for s, e, body in lines[i + 1 : i + 40]
            if body.strip() and not re.fullmatch(r"[\s|:\-]+", body) and _delimiters(body)
            and re.search(r"\d|[A-Z][a-z]+\s+[A-Z]|[一-龥]{2}", body)
        ]
        if _PROSE_HEADER.search(line):
            # (a sentence is a header only over rows of data: a name on each, no sentence)
            rows = [(s, e) for s, e in rows if "。" not in text[s:e] and _names_someone(text[s:e])]
        elif _FILLED_HEADER.search(line) and 2 * sum("。" in text[s:e] for s, e in rows) >= len(rows):
            continue  # one writer's name over a report's sentences, not a form's fields
        if len(rows) >= 2:
            if _no_ones([text[s:e] for s, e in rows]):
                return
            # a blank form asked for, its fields listed one a line with no value (「記入例は入れず、空欄のひな形を作って」 then
            # 「・氏名（ふりがな）、生年月日、…」, held-out AD's ad-036): field names, no one's data
            if _BLANK_FORM.search(text) and not any(re.search(r"\d{2}|[:：]\s*\S", text[s:e]) for s, e in rows):
                return
            # (a table of stand-ins with the request's own sentence under it, which names no one: 「テスト一郎,2000-01-01,…」
            # then 「生年月日は2000年〜2005年の範囲でばらけさせて、…してください。」, held-out AC's ac-133)
            data = [text[s:e] for s, e in rows if "。" not in text[s:e] or _names_someone(text[s:e])]
            # (a form's fields listed on one line, then the request's own sentences under it, none naming anyone or holding a
            # value: 「項目：氏名、フリガナ、大学、…」 then 「このほかに入れるべき項目…を教えて。」, held-out AJ's aj-108)
            if not data and not any(_ATTRIBUTE_VALUE.search(text[s:e]) for s, e in rows):
                return
            if data and len(data) < len(rows) and _no_ones(data):
                return
            # (a notice's bullet that lists the kinds of data after its own label, then the notice's other bullets, none naming
            # anyone or holding a value: 「・取得する情報：氏名、住所、電話番号…」 then 「・利用目的：…」, held-out AZ)
            if _LABELLED_LIST.match(line) and not any(
                    _names_someone(text[s:e]) or _ATTRIBUTE_VALUE.search(text[s:e]) for s, e in rows):
                return
            # (nor a privacy notice's numbered list of the kinds it collects, reviewed for gaps, with no one's name or value in
            # it: "'What we collect' section of our privacy notice … 1. Identity & contact data: name, email, phone", 「プライバシー
            # ポリシーの「取得する情報」… 1. 氏名、住所、電話番号」, held-out BJ's bj-077, bj-146, rules alone)
            if _PRIVACY_NOTICE.search(text) and not any(
                    _names_someone(text[s:e]) or _A_VALUE.search(_ITEM_NUMBER.sub("", text[s:e])) for s, e in [(start, _end), *rows]):
                return
            yield "bulk_personal", start, rows[-1][1]
            return
    # 2. rows that each pair a name with a personal attribute
    person_rows = [
        (s, e) for s, e, body in lines
        if _names_someone(body) and _ATTRIBUTE_VALUE.search(body)
    ]
    if len(person_rows) >= 2 and not _no_ones([text[s:e] for s, e in person_rows]):
        yield "bulk_personal", person_rows[0][0], person_rows[-1][1]
        yield from _unpaid_rows(text, person_rows)
        return
    flat_rows = [(s, e) for s, e, body in lines if _names_someone(body) and (_ATTRIBUTE_VALUE.search(body) or _FLAT_VALUE.search(body))]
    if len(flat_rows) >= 3 and not _no_ones([text[s:e] for s, e in flat_rows]):
        yield "bulk_personal", flat_rows[0][0], flat_rows[-1][1]
        yield from _unpaid_rows(text, flat_rows)
        return
    # 3. a roster whose names are written solid, as a class or a club list copies them (「佐野みく（小3）保護者：佐野友美
    # 中原町2-4-11 11月分未納」, held-out AE's ae-119): NAME_JA needs a space or an honorific, so a lexicon name (names.
    # name_mentions) on three or more lines, each with a personal attribute (a street address without its prefecture
    # is one: 「中原町2-4-11」), makes the list. (The lexicon is the costly part: only lines with an attribute are read.)
    # (not a chat's lines, whose date is a timestamp: 「[2026/10/02 22:14] Takuya: …」)
    # (and a line that opens with a lexicon surname, after a bullet or a time: the name comes first on a roster's line)
    attributed = [
        (s, e) for s, e, body in lines
        if _opens_with_surname(body) and (_ATTRIBUTE_VALUE.search(body) or _SOLID_ADDRESS.search(body)) and not _CHAT_STAMP.match(body)
    ]
    if len(attributed) >= 3:
        solid = [(s, e) for s, e in attributed if name_mentions(text, [(s, min(e, s + 24))])]
        if len(solid) >= 3 and not _no_ones([text[s:e] for s, e in solid]) and not _BLANK_FORM.search(text):
            yield "bulk_personal", solid[0][0], solid[-1][1]
            yield from _unpaid_rows(text, solid)


_LINE_LEAD = " \t・•*-0123456789:：.．)）"


def _opens_with_surname(body: str) -> bool:
    head = body.lstrip(_LINE_LEAD)
    return head[:2] in JA_SURNAMES or head[:1] in JA_SURNAMES or head[:3] in JA_SURNAMES


_CHAT_STAMP = re.compile(r"\s*[\[(]?(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}[ T]+\d{1,2}:\d{2}")


# A roster with who has not paid on two or more of its named rows (「10月・11月分未納」「会費未払い」, "subs unpaid"): each
# such row is that person's debt to the club or the class (held-out AE's ae-119).
_UNPAID_ROW = re.compile(r"未納|滞納|未払い?|未収|払っていない|払ってない|(?i:\bunpaid\b|\boverdue\b|\bin\s+arrears\b|\bowes\b|\bnot\s+paid\b)")


def _unpaid_rows(text: str, rows: list[tuple[int, int]]) -> Iterator[Span]:
    unpaid = [(s, e) for s, e in rows if _UNPAID_ROW.search(text, s, e)]
    if len(unpaid) >= 2:
        yield "debt", unpaid[0][0], unpaid[-1][1]
