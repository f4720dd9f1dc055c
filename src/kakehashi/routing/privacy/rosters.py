"""Lists of people with a special-category fact on each row: a ward's patient list (room, name, age,
diagnosis), a temple's 檀家名簿 or a parish roll, a union's check-off list.

`special` reads a fact in a sentence that names someone; a list names each person on their own row
and states the fact there without a verb or a particle (「402 高田 博 72 脳梗塞後遺症」), so no
sentence rule sees a person beside the word. Here a row is a line with a name on it (a lexicon
surname or first name, or a name-shaped token on a list that has at least one of those) and a term
of the category: diagnoses by the forms Japanese clinical notes write them (suffixes 骨折, 梗塞, 不全,
麻痺, 癌, 腫瘍, 〜炎, 〜症, 〜病, 術後, and treatments 化学療法, 透析) in a list about care (a
ward, a handover, residents), 戒名/洗礼名/信徒, 組合費. Two or more such rows, or a list titled as a
religious body's or a union's roll (檀家名簿, parish roll, 組合員名簿) with two or more named rows, are that category's data about everyone on it, and a
personal-data list (APPI 個人データ). No library knows these layouts; hence the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import EXAMPLE_CONTEXT, Span, lines_with_offsets
from kakehashi.routing.privacy.bulk import NAME_EN, NAME_JA
from kakehashi.routing.privacy.names import FIRST_NAMES, JA_SURNAMES

# What a row can say about its person, by category. The Japanese diagnosis forms are suffixes (only
# they are matched), so a condition never listed (「大腿骨頸部骨折」「腰部脊柱管狭窄症」) reads as one; the
# words they would clash with are excluded (炎上, 症状/症例, 病院/病棟, 障害 as an IT outage is left out).
_ROW_TERMS: dict[str, re.Pattern[str]] = {
    "health": re.compile(
        r"(?:骨折|梗塞|不全|麻痺|癌|腫瘍|肉腫|出血|狭窄|硬化|潰瘍|結石|ヘルニア|術後|後遺症|"
        r"炎(?!上)|症(?![例状候])|病(?![院棟室床気休欠])|がん(?!ばる|ばっ|ばり))"
        r"|化学療法|抗がん剤|放射線治療|透析|人工呼吸|酸素投与|経管栄養|胃ろう|インスリン|ペースメーカー|"
        r"認知症|要介護\d|要支援\d|"
        r"(?i:\b(?:fracture[sd]?|stroke|cva|copd|chf|heart\s+failure|pneumonia|sepsis|uti|dementia|alzheimer'?s|"
        r"parkinson'?s|diabet\w*|cancer|carcinoma|lymphoma|melanoma|sarcoma|myeloma|leukaemia|leukemia|tumou?r|"
        r"post-?op|s/p|dialysis|chemo\w*|hemiplegi\w*|hip\s+replacement|pressure\s+(?:ulcer|sore)|"
        r"hiv|hepatitis|epilepsy|schizophrenia|bipolar|depression)\b|(?<=[a-z]{3})itis\b)"
    ),
    "religion": re.compile(
        r"戒名|法名|法号|洗礼名|霊名|信徒|門徒|檀家|氏子|受洗|入信|"
        r"(?i:\b(?:baptis(?:m|ed)|confirmation\s+name|parishioner|congregant|church\s+member|"
        r"first\s+communion|bar\s+mitzvah|bat\s+mitzvah)\b)"
    ),
    "union_membership": re.compile(r"組合費|組合員番号|(?i:\bunion\s+(?:dues|member(?:ship)?\s+(?:no|number|#)))"),
}
# A list titled as a religious body's or a union's roll: every named row on it is a member.
_ROLL_TITLE: dict[str, re.Pattern[str]] = {
    "religion": re.compile(
        r"檀家名簿|檀家一覧|門徒名簿|信徒名簿|信者名簿|氏子名簿|教会員名簿|会員名簿（教会）|過去帳|"
        r"(?i:\bparish\s+(?:roll|register|list|directory)|\bchurch\s+(?:directory|roster|membership\s+(?:list|roll))|"
        r"\bcongregation\s+(?:list|directory|roster)|\bbaptism(?:al)?\s+register)"
    ),
    "union_membership": re.compile(
        r"組合員名簿|組合員一覧|組合費(?:控除|天引き)(?:一覧|名簿|リスト)|"
        # (session 24: a dues check-off titled without "union", "Dues check-off, March:", 「チェックオフ対象者一覧」; a check-off
        # deducts union dues only)
        r"チェックオフ(?:対象者?)?(?:一覧|名簿|リスト)|"
        r"(?i:\bunion\s+(?:roster|membership\s+list|dues\s+(?:list|check-?off))|\bcheck-?off\s+list|\bdues\s+check-?off\b)"
    ),
}
# A diagnosis on a row is the person's only in a list about care (a ward, a handover, residents,
# pupils, absences); in a list of speakers or researchers it is their subject ("Dr. Anna Lee -
# diabetes management", 「佐藤 一郎　糖尿病研究チーム」), and a row that says so is skipped.
_CARE_CONTEXT = re.compile(
    r"(?i:\bpatients?\b|\bward\b|\bhandover\b|\bhand-off\b|\bbed\b|\bbay\s+\d|\brm\s+\d|\broom\s+\d|\bresidents?\b|"
    r"\bcare\s+home\b|\bnursing\b|\bnight\s+shift\b|\bday\s+shift\b|\badmissions?\b|\bdischarges?\b|\bsick\b|\babsen|"
    r"\bon\s+leave\b|\bpupils?\b|\bstudents?\b|\bclients?\b|\bcensus\b)"
    r"|患者|病棟|病室|号室|申し送り|利用者|入所|入居者|介護|看護|夜勤|日勤|カルテ|生徒|児童|園児|保健室|欠席|休職|療養|"
    r"入院|退院|デイサービス|ショートステイ|施設|訪問"
)
_WORK_TOPIC = re.compile(
    r"(?i:\b(?:research|study|studies|trial|app|apps|management|screening|program(?:me)?|project|team|lead|"
    r"specialist|speaker|talk|session|awareness|clinic|unit|department|service|guideline|lecture|course|drug|"
    r"dashboard|tracker|module|model)\b)"
    r"|研究|治験|担当|専門|講演|講師|チーム|プロジェクト|説明会|勉強会|外来|センター|学会|ガイドライン|領域|分野"
)
_MADE_UP = re.compile(
    r"(?i:\b(?:dummy|fictional|fictitious|fake|made[- ]up|template|blank|novel|story|screenplay|characters?)\b)"
    r"|記入例|ダミー|架空|テンプレート|ひな形|雛形|小説|物語|登場人物|脚本|キャラクター"
)


# A table with a column *for* a special-category fact ("氏名,部署,組合加入,…", "name | religion | …"):
# each data row states that fact about the person on it, whatever the cell says (加入 / 未加入 alike).
_FACT_COLUMN: dict[str, re.Pattern[str]] = {
    "union_membership": re.compile(r"組合加入|組合員|労組|労働組合|(?i:\bunion(?:[_ ](?:member(?:ship)?|status))?\b)"),
    "religion": re.compile(r"宗教|宗派|信仰|(?i:\breligion\b|\bfaith\b|\bdenomination\b)"),
    "health": re.compile(r"病名|診断名|既往歴|持病|(?i:\bdiagnosis\b|\bmedical\s+condition\b)"),
    "sexual_orientation": re.compile(r"性的指向|(?i:\bsexual[_ ]orientation\b)"),
    "criminal_record": re.compile(r"前科|犯罪歴|(?i:\bcriminal[_ ]record\b|\bconvictions?\b)"),
}
_NAME_HEADER = re.compile(r"氏名|名前|社員名|従業員名|(?i:\bname\b|\bemployee\b|\bmember\b)")
_CELL_SPLIT = re.compile(r"[,\t|]")


def _column_facts(lines: list[tuple[int, str]]) -> Iterator[Span]:
    for i, (start, header) in enumerate(lines):
        cells = [c.strip() for c in _CELL_SPLIT.split(header)]
        if len(cells) < 3 or len(header) > 200 or not _NAME_HEADER.search(header):
            continue
        kinds = [kind for kind, p in _FACT_COLUMN.items() if any(p.search(c) and len(c) <= 20 for c in cells)]
        if not kinds:
            continue
        rows = []
        for row_start, body in lines[i + 1 : i + 60]:
            if len(_CELL_SPLIT.findall(body)) < 2:
                break
            if NAME_JA.search(body) or NAME_EN.search(body):
                rows.append((row_start, row_start + len(body)))
        if len(rows) >= 2:
            for kind in kinds:
                yield kind, start, rows[-1][1]
            yield "bulk_personal", start, rows[-1][1]
        return


def _named(line: str) -> tuple[bool, bool]:
    """(a name-shaped token is on the line, one of them is a lexicon name)."""
    shaped = known = False
    for m in NAME_JA.finditer(line):
        shaped = True
        token = m.group()
        known = known or token[:2] in JA_SURNAMES or token[:3] in JA_SURNAMES
    for m in NAME_EN.finditer(line):
        shaped = True
        known = known or m.group().split()[0] in FIRST_NAMES
    return shaped, known


def roster_facts(text: str) -> Iterator[Span]:
    if text.count("\n") < 2:
        return
    if any(p.search(text) for p in _FACT_COLUMN.values()) and not (EXAMPLE_CONTEXT.search(text) or _MADE_UP.search(text)):
        found = list(_column_facts(lines_with_offsets(text)))
        if found:
            yield from found
            return
    # the cheapest test first: most prompts carry no term and no roll title at all
    titles = {kind for kind, p in _ROLL_TITLE.items() if p.search(text)}
    if not titles and not any(p.search(text) for p in _ROW_TERMS.values()):
        return
    if EXAMPLE_CONTEXT.search(text) or _MADE_UP.search(text):
        return
    care = bool(_CARE_CONTEXT.search(text))
    rows: list[tuple[int, int, bool, set[str]]] = []
    for start, line in lines_with_offsets(text):
        shaped, known = _named(line)
        if shaped:
            kinds = {kind for kind, p in _ROW_TERMS.items() if p.search(line)}
            if "health" in kinds and (not care or _WORK_TOPIC.search(line)):
                kinds.discard("health")
            rows.append((start, start + len(line), known, kinds))
    if len(rows) < 2 or not any(known for _, _, known, _ in rows):
        return
    for kind in _ROW_TERMS:
        titled = kind in titles
        hits = rows if titled else [r for r in rows if kind in r[3]]
        if len(hits) >= 2 and any(known for _, _, known, _ in hits):
            yield kind, hits[0][0], hits[-1][1]
            yield "bulk_personal", hits[0][0], hits[-1][1]
