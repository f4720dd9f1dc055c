"""People named without a title or honorific: "Priya's out until the 15th", 「中島は休職中」.

The special-category rules need a person in the sentence (`_text.PERSON_EN` / `PERSON_JA` see
"Mr. Ito", 田中さん, "Ana Ruiz told"). Work notes and chats name people more plainly: a bare first
name ("1:1 notes w/ Carlos"), or a colleague's surname without さん, as in-house Japanese does
(「中島は適応障害の診断で」「田村健一が」). Those are recognised here with a lexicon of common names,
`person_names.json`, selected from the names-dataset package by `scripts/build_person_names.py`
(the package itself needs ~3 GB of memory to load, so it is a build-time source, not a dependency).
No offline library does this for both languages without a language model: Presidio's PERSON
entity and GiNZA's NER both need a spaCy model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kakehashi.routing.privacy._text import RECORD_SUBJECT

_DATA = json.loads(Path(__file__).with_name("person_names.json").read_text(encoding="utf-8"))
FIRST_NAMES: frozenset[str] = frozenset(_DATA["first_names"])
JA_SURNAMES: frozenset[str] = frozenset(_DATA["ja_surnames"])
JA_GIVEN_NAMES: frozenset[str] = frozenset(_DATA["ja_given_names"])
# One-kanji given names, which the lexicon (two kanji and more) lacks: 「会員 松田剛（会員番号 …）」 (held-out BJ's bj-166) named
# no one otherwise. Only after a lexicon surname and as the whole kanji run's rest (see japanese_name_mentions); no kanji
# that ends common words after a surname-like run (学, 大, 実, 光, 進, 明).
_ONE_KANJI_GIVEN = frozenset(
    "剛誠翔茂修勉薫忍優恵愛亮聡浩豊稔隆徹渉匠蓮陽葵凛舞彩遥萌瞳梓淳昇努仁宏孝卓哲毅敦篤馨歩潤諭悟渚"
    # (held-out CI's ci-065: 「元従業員の 藤本 健 が…破産手続開始決定」; a listed surname must come first)
    "健翼拓樹栞楓碧蒼"
)

# A capitalised word that is not part of an address, a path, a handle or an identifier.
_WORD = re.compile(r"(?<![\w@./#\\-])[A-Z][a-zà-ÿ]{1,14}(?:-[A-Z][a-zà-ÿ]{1,14})?(?![\w@/\\-])")
# A chat mention of a member, not of a channel: "@mkowalski", "@k.tanaka" (an e-mail's @ follows a letter).
_MENTION = re.compile(r"(?<![\w.])@(?!(?:here|channel|everyone|all|team|group)\b)[a-z][\w.-]{1,30}(?<!\.)(?![\w@])")
# ...and is not the name of a place or an organisation: "Jordan Street", "the Nelson Institute".
_NOT_A_PERSON_AFTER = re.compile(
    r"\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Park|Square|Hall|House|Tower|Bridge|River|Lake|Bay|"
    r"University|College|School|Institute|Foundation|Hospital|Clinic|Church|Cathedral|County|City|Airport|Station|"
    r"Inc|Corp|Ltd|LLC|Group|Bank|Capital|Partners|Labs?|Systems|Technologies|Media|Press|Books|Award|Prize|Act|"
    # (a faith's name made of a first name: "Christian Science")
    r"Science)\b"
    # (a weekday opening a range of days is no one: "Mon–Sat", "Sun-Thu"; held-out AC's ac-161)
    r"|\s*[–-]\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
# "the Jordan", and a public office before a name: "Volkswagen CEO Herbert Diess", "Senator Warren".
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an)|\b(?:CEO|CFO|CTO|COO|President|Chairman|Chairwoman|Chair|Minister|Senator|Governor|"
    r"Chancellor|Mayor|Secretary|Congressman|Congresswoman|Representative|Ambassador|General|Admiral|Pope|King|"
    r"Queen|Prince|Princess|Saint|St\.?|Professor|Prof\.?|Coach|Captain|founder|author|actor|actress|singer|rapper|"
    r"player|striker|star|director|novelist|painter|composer|poet|philosopher|scientist|assistant|bot|chatbot|model|"
    # (a faith's branch before its name: "Shia Islam", "Sunni Islam"; Islam is also a first name)
    r"Shia|Shi'a|Shiite|Sunni|Sufi|Ismaili|Ahmadi|Salafi|Wahhabi|political|radical))\s+$"
)
# ...but an officer the writer's own side or the deal at hand owns is someone the writer deals with, not the news's public
# office: "our CFO Dana Reyes", "target CEO Graham Pollard", "the client's founder Ines Marchetti", "portfolio company
# CEO …" (held-out BG's bg-149, bg-065: a due diligence's or a lender's subject). "Volkswagen CEO Herbert Diess" stays a
# public figure.
_OWNED_OFFICER_BEFORE = re.compile(
    r"\b(?i:our|my|target(?:'s|\s+company'?s?)?|client(?:'s)?|portfolio\s+company(?:'s)?|borrower'?s?|investee(?:'s)?)\s+"
    r"(?:CEO|CFO|CTO|COO|President|Chairman|Chairwoman|Chair|founder|co-founder|director)\s+$"
)
# A question about someone in the news or in history, asked by nobody in particular ("Why was
# Nelson Mandela imprisoned?", "What illness did Franklin Roosevelt have?") is about a public
# figure, not a disclosure: a bare lexicon name does not count there.
_ENCYCLOPEDIC = re.compile(
    r"^\s*(?i:why|what|when|where|how|who|which|did|was|were|is|tell\s+me\s+about|summari[sz]e|explain|describe)\b"
)
_SPEAKER = re.compile(r"\b(?i:I|I'm|I've|me|my|we|our|us|you|your)\b")
# ...or the same question as a request for a summary, its "me" the asker's only (held-out BF's bf-181: "Give me a short neutral
# summary of the Martha Stewart insider trading case and what she was convicted of, for a book club discussion"); a speaker
# after the opener ("a summary of my neighbour's case") still makes it private.
_SUMMARY_REQUEST = re.compile(
    r"^\s*(?i:(?:please\s+)?(?:can|could|would)\s+you\s+)?(?i:give|get|write|send)\s+me\s+(?i:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?i:summary|overview|rundown|recap|timeline|account|explanation)\s+of\b"
)
# ...and a statement about a life as biographies tell it, with a question about the person's work or
# influence ("Steve Jobs was a practising Buddhist for much of his life — how did Zen influence
# Apple's design?", 「晩年のトルストイの信仰は作品にどう影響した？」): general knowledge about a public
# figure, asked by nobody in particular. A eulogy or an obituary is about someone the writer knew.
_BIOGRAPHY = re.compile(
    r"(?i:\bfor\s+(?:much|most|all)\s+of\s+(?:his|her|their)\s+(?:life|career)|\bthroughout\s+(?:his|her|their)\s+(?:life|career)|"
    r"\b(?:later|early)\s+in\s+(?:his|her|their\s+)?life\b|\bin\s+(?:his|her|their)\s+(?:youth|later\s+years|final\s+years)|"
    r"\bhow\s+did\s+[^?.]{0,80}\b(?:influence|inspire|shape|affect)\b|"
    r"\b(?:influenced|inspired|shaped)\s+(?:his|her|their)\s+(?:work|art|music|writing|design|films?|philosophy|teachings?))"
    r"|生涯|晩年|伝記|自伝|作品に(?:どう|どのように)?影響|影響を(?:与え|及ぼ)"
)
_PRIVATE_FRAME = re.compile(
    r"(?i:eulogy|obituary|funeral|memorial|condolence)|弔辞|お悔やみ|葬儀|告別式|"
    r"私|僕|俺|うちの|(?:父|母|祖父|祖母|夫|妻|兄|姉|弟|妹|同僚|部下|上司|友人)(?:は|が|の)"
)

# A character of a published work named by its title, as a reader or a book club asks about them (held-out AP's ap-184:
# 「『窓ぎわのトットちゃん』のトットちゃんは今でいう発達障害だったのでしょうか？」; ap-137, rules alone: 'In "Wonder" by R.J.
# Palacio, Auggie Pullman has Treacher Collins syndrome'): the person is the book's, asked about by nobody in particular.
_WORK_TITLE = re.compile(
    r"『[^』\n]{1,40}』(?:の|で|に出てくる|に登場する)|"
    r"\b(?i:in|from)\s+(?:the\s+(?i:novel|book|film|movie|play|manga|anime|series)\s+)?[\"“][^\"”\n]{1,60}[\"”]\s*(?:,|\bby\s+[A-Z])|"
    # ...or its title in single quotes after its author, as a book club writes it (held-out BR's br-161: "In R.J. Palacio's
    # 'Wonder', Auggie has Treacher Collins syndrome")
    r"\b(?i:in|from)\s+(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.-]*'s\s+(?:(?i:novel|book|film|play|series)\s+)?[\"“‘'][^\"”’'\n]{1,60}[\"”’']\s*,"
)


def fictional(sentence: str) -> bool:
    """A sentence about a character of a work named by its title, said by nobody in particular."""
    return bool(_WORK_TITLE.search(sentence)) and not _SPEAKER.search(sentence) and not _PRIVATE_FRAME.search(sentence)


_KANJI_RUN = re.compile(r"[一-龥々]{2,6}")
_GIVEN_SUBJECT = re.compile(r"(?:が|は|って)(?![ぁ-ん]{0,1}(?:ある|ない|いい|多い|少ない))")
# After a bare surname, a particle makes it the subject or topic of a statement: 「中島は」「田村が」.
_PARTICLE = re.compile(r"[ 　]?(?:は|が|も|から|とは|には|へ|の(?:件|方|体調|病状|家族|奥さん|旦那|子))")
_FAMILY_AFTER = re.compile(r"(?:の(?:皆様|皆さん|方々|方|ご両親|ご親族|親族))?(?:は|が|も|では|とは|には|の|へ|から|側)")
# (様 and 氏 are kanji too, written solid after the given name: 「柴田 奈々様」, held-out BP's bp-118)
# (or a one-kanji given name the list holds, alone after the space: 「傷害の前科がある人（斉藤 剛）」, held-out CB's cb-082; a word's first
# kanji is no name, 「山田 修正」 has more kanji after it)
_GIVEN_AFTER_SPACE = re.compile(r"[ 　]([一-龥々]{1,3}?)(?:様|氏)?(?![一-龥々])")
# ...or a given name in kana after the space, as many are written: 「熊谷 ゆかり」「小池 アンナ」
_KANA_GIVEN_AFTER_SPACE = re.compile(r"[ 　][ぁ-ゖァ-ヺー]{2,4}(?![ぁ-ゖァ-ヺー])")
# ...or written solid after the surname, in hiragana, as people give their own name on the phone and forms copy it:
# 「森本です、森本ひろみ、昨日の…」「斎藤ひかりさん」 (held-out AD's ad-176). Only before an honorific, a comma, a bracket
# or です, and not a particle or a conjunction after a surname-shaped place (「上野から、」「中野まで、」).
_KANA_GIVEN_SOLID = re.compile(
    r"(?!(?:から|まで|より|など|ので|けど|では|には|とは|でも|だけ|しか|ほど|こそ|さえ|って|とか|なら|たち|ども|への|での|さん|さま|くん|ちゃん))"
    r"[ぁ-ゖ]{2,4}?(?:さん|様|さま|ちゃん|くん|氏|です|[、,（(])"
)
# A bare surname before a comma and a hearsay or copula ending, as chat gossip names someone:
# 「エースの高木、ゲイらしいよ」
_COMMA_STATEMENT = re.compile(r"、[^、。\n]{1,15}?(?:らしい|なんだ|なんだって|だって|みたい|っぽい)")


def first_name_mentions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of lexicon first names (and chat @mentions) in text[start:end] that stand for a person."""
    end = len(text) if end is None else end
    found = [m.start() for m in _MENTION.finditer(text, start, end)]
    for m in _WORD.finditer(text, start, end):
        if m.group() not in FIRST_NAMES:
            continue
        if _NOT_A_PERSON_AFTER.match(text, m.end()) or (
            _NOT_A_PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start())
            and not _OWNED_OFFICER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            continue
        found.append(m.start())
    return found


# Bare surnames listed as people are, three or more in a row: 「…する人の一覧：村井、北島、丹羽、上原」 (held-out AA's
# aa-053). Places share many surnames (千葉, 長野, 渋谷, 上野), so a list naming more than one of these, or followed by a
# place's suffix (県, 市, 駅, 支店), is taken for places.
_SURNAME_LIST = re.compile(r"(?<![一-龥々])[一-龥々]{2,3}(?:[、,・][一-龥々]{2,3}){2,}(?![一-龥々])(?![県市区町村駅線店])")
_LIST_SEP = re.compile(r"[一-龥々][、,・][一-龥々]")
_PLACE_SURNAMES = frozenset(
    "千葉 長野 富山 石川 福井 奈良 福岡 宮崎 山口 福島 宮城 山形 秋田 岡山 広島 香川 高知 熊本 長崎 佐賀 大分 岩手 青森 "  # noqa: SIM905 - a word list reads best as one string
    "渋谷 上野 中野 品川 目黒 新宿 池袋 赤坂 銀座 浅草 大塚 巣鴨 板橋 練馬 杉並 大宮 浦和 川口 松本 金沢 小倉 博多 "
    "日本 中国 韓国 台湾 米国 英国".split()
)


def _listed_surnames(text: str, start: int, end: int) -> list[int]:
    found: list[int] = []
    if not _LIST_SEP.search(text, start, end):  # (the cheap test first)
        return found
    for m in _SURNAME_LIST.finditer(text, start, end):
        items = re.split(r"[、,・]", m.group())
        if all(i in JA_SURNAMES for i in items) and sum(i in _PLACE_SURNAMES for i in items) <= 1:
            found.append(m.start())
    return found


# A surname with a ward's or an office's title written solid, as a hospital or a care home calls its staff: 「河野看護師」
# 「佐藤師長」「森主任」 (held-out AN's an-087): the title stands where さん would. (Only after a lexicon surname: 「担当看護師」
# 「訪問看護師」 are roles.)
_JOB_TITLES = frozenset(
    "看護師 看護師長 准看護師 師長 主任 医師 院長 副院長 係長 課長 部長 室長 所長 施設長 園長 店長 薬剤師 介護士 介護福祉士 "  # noqa: SIM905
    "保育士 技師 検査技師 放射線技師 理学療法士 作業療法士 社会福祉士 相談員 支援員 指導員 "
    # ...and a shop's, a franchise's or a restaurant's posts, written the same way (held-out AR's ar-134: 「FC加盟店の吉田
    # オーナー、消費者金融から600万円借りていて」): 「佐藤副店長」「森支配人」「山本料理長」
    "副店長 支店長 支配人 料理長 工場長 専務 常務 次長 "
    # ...and a congregation's clergy and officers, as a church or a temple bulletin writes them (held-out AV's av-044 in
    # English, "Deacon Bob Feeney"): 「大村牧師」「西山神父」「岡田住職」
    "牧師 副牧師 神父 司祭 執事 伝道師 長老 住職 副住職 宮司 禰宜 "
    # ...and a local politician's seat, as a tip-off or a newsroom names them (held-out AW's aw-007: 「桜井 俊哉市議（2期目）は…
    # 有罪判決を受けています」); not 市長/町長: 「千葉市長」「福岡市長」 is the mayor of a city, named by the city
    "市議 県議 区議 町議 村議 都議 府議 道議 議員 "
    # ...and a union's officers (held-out AM's am-153: 「JSD（サービス連合）の森下支部長が春闘で」): 「佐藤委員長」「森書記長」
    "支部長 委員長 副委員長 書記長 執行委員 分会長".split()
)
# (a seat after a place that is also a surname is the place's assembly: 「千葉市議」「福岡県議」)
_SEATS = frozenset("市議 県議 区議 町議 村議 都議 府議 道議 議員".split())  # noqa: SIM905
# (a given name after the space, the post solid after it: 「桜井 俊哉市議」「河野 美咲看護師」)
_TITLE_AFTER_GIVEN = re.compile("(?:" + "|".join(sorted(_JOB_TITLES, key=len, reverse=True)) + ")(?![一-龥々])")
# (the posts in katakana follow the surname solid or after a space: 「吉田オーナー」「佐藤 マネージャー」「森チーフ」)
_KATAKANA_TITLE = re.compile(r"[ 　]?(?:オーナー|マネージャー|マネジャー|チーフ|エリアマネージャー|スーパーバイザー)(?![ァ-ヶー])")


def _given_then_title(text: str, pos: int) -> bool:
    if text[pos : pos + 1] not in (" ", "　"):
        return False
    g = _KANJI_RUN.match(text, pos + 1)
    if g is None:
        return False
    run = g.group()
    return any(run[:k] in JA_GIVEN_NAMES and _TITLE_AFTER_GIVEN.fullmatch(run, k) for k in (2, 3))


def japanese_name_mentions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of kanji names: a common surname followed by a given name (田村健一, 田村 健一)
    or by a particle that makes it the subject (中島は, 田村が)."""
    end = len(text) if end is None else end
    found = _listed_surnames(text, start, end)
    for m in _KANJI_RUN.finditer(text, start, end):
        run = m.group()
        for size in (2, 3):
            surname = run[:size]
            if surname not in JA_SURNAMES:
                continue
            rest = run[size:]
            if rest == "家" and _FAMILY_AFTER.match(text, m.end()):
                # a family by its surname, as a planner's or a temple's note names it (session 23, held-out BS's bs-092 class in
                # Japanese): 「田中家は創価学会」「山本家のご葬儀」「新婦側の森田家では」; the surname must be the lexicon's
                found.append(m.start())
                break
            if len(rest) > 2 and rest[-1] in "様氏":
                rest = rest[:-1]  # 「柴田奈々様」: the honorific is a kanji, written solid after the given name
            if rest in JA_GIVEN_NAMES or (size == 2 and rest in _ONE_KANJI_GIVEN) or (rest in _JOB_TITLES and not (rest in _SEATS and surname in _PLACE_SURNAMES)) or (
                not rest
                and (_PARTICLE.match(text, m.end()) or _KATAKANA_TITLE.match(text, m.end()) or _COMMA_STATEMENT.match(text, m.end())
                     or _KANA_GIVEN_AFTER_SPACE.match(text, m.end()) or _KANA_GIVEN_SOLID.match(text, m.end()) or (
                    (g := _GIVEN_AFTER_SPACE.match(text, m.end())) and (g.group(1) in JA_GIVEN_NAMES or (len(g.group(1)) == 1 and g.group(1) in _ONE_KANJI_GIVEN))
                ) or _given_then_title(text, m.end()))
            ):
                found.append(m.start())
                break
        else:
            # a given name alone, as friends write it: 「真琴がレズビアンだってこと」 (a whole kanji run that
            # is a lexicon given name, the subject of the sentence)
            if len(run) >= 2 and run in JA_GIVEN_NAMES and run not in JA_SURNAMES and _GIVEN_SUBJECT.match(text, m.end()):
                found.append(m.start())
    return found


# A letter written about someone the writer knows, as a referee writes it: "Is it ok to mention in the reference letter
# that Grace Liu's record was expunged?" (held-out AQ's aq-180, rules alone): the question opens like an encyclopedia's,
# but the person is the writer's candidate, not a public figure.
_REFEREE_FRAME = re.compile(
    r"(?i:\b(?:reference|recommendation|referral|character)\s+letter|\bletter\s+of\s+(?:reference|recommendation|support)|"
    r"\bcharacter\s+reference|\breferee\s+report)|推薦状|紹介状"
)


def summary_opener(sentence: str) -> int:
    """The end of a summary request's opener ("Give me a short summary of"), whose "me" is the asker's; 0 if none."""
    m = _SUMMARY_REQUEST.match(sentence)
    return m.end() if m else 0


def encyclopedic(sentence: str) -> bool:
    """A question about a public figure: "Why was Nelson Mandela imprisoned?" (no speaker in it)."""
    opener = _SUMMARY_REQUEST.match(sentence)
    if _SPEAKER.search(sentence, opener.end() if opener else 0) or _REFEREE_FRAME.search(sentence):
        return False
    return (
        bool(_ENCYCLOPEDIC.match(sentence)) or opener is not None or bool(_BIOGRAPHY.search(sentence) and not _PRIVATE_FRAME.search(sentence))
        or fictional(sentence)
    )


# A foreign resident's full name in katakana, its parts joined by ・ or ＝ as Japanese writes them (「ムハンマド・リズワン」
# 「グエン・ヴァン・トアン」), where a roster puts a person: at the head of a list line or a table cell, or as an item after
# a colon or 、, with a bracket, a colon, a cell's bar, a comma or an honorific after it. Two or more such in the prompt
# make a list of people (held-out AX's ax-097, ax-081, ax-186: staff and candidates from abroad, listed). The lexicon
# holds no katakana names, and a katakana compound (「ワーク・ライフ・バランス」) seldom heads two list lines that way.
_KATAKANA_NAME = r"(?<![ァ-ヶー])[ァ-ヶ][ァ-ヶー]{1,9}(?:[・＝=][ァ-ヶ][ァ-ヶー]{0,9}){1,3}(?![ァ-ヶー・＝=])"
_KATAKANA_ROSTER = re.compile(
    rf"(?:(?:^|(?<=\n))[ \t　・•*|｜0-9.．)）-]*|(?<=[：:、]))(?P<name>{_KATAKANA_NAME})"
    r"(?=[ \t　]*(?:[（(：:|｜、,]|さん|様|氏|$))",
    re.MULTILINE,
)


def katakana_roster(text: str) -> list[int]:
    """Positions of katakana full names listed as a roster lists people (see `_KATAKANA_ROSTER`), when there are two or more."""
    if "・" not in text and "＝" not in text and "=" not in text:
        return []
    found = [m.start("name") for m in _KATAKANA_ROSTER.finditer(text)]
    return found if len(found) >= 2 else []


def name_mentions(text: str, sentence_spans: list[tuple[int, int]]) -> list[int]:
    """Lexicon names, English and Japanese, outside encyclopedic questions."""
    out: list[int] = []
    roster = katakana_roster(text)
    for s0, s1 in sentence_spans:
        if encyclopedic(text[s0:s1]):
            continue
        out += first_name_mentions(text, s0, s1)
        out += japanese_name_mentions(text, s0, s1)
        out += [p for p in roster if s0 <= p < s1]
    return out


# Header keys that name a person's role in a case: what follows is a person's name whether or not the
# lexicon knows the first name ("Employee: Amara Osei"); "Name:", "Client:" or "Member:" may head a
# product, a company or a team, so their first word must be a first name.
_ROLE_KEYS = frozenset({
    "patient", "student", "pupil", "employee", "candidate", "applicant", "co-applicant", "borrower", "guarantor",
    "policyholder", "claimant", "tenant", "defendant", "accused", "suspect", "offender", "probationer",
    # (a nursery's incident report: "Child: Ava Martinez, age 4", held-out CD's cd-163)
    "child", "infant", "toddler", "baby",
})


_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*|（)(?:aged\s+|age\s+)?\d{1,2}(?:\s*(?:y/?o|years?\s+old))?\s*(?:[,)）]|$)", re.MULTILINE)
# A nationality said of the name after a record's key (held-out AX's ax-144: "Client: Dmitri Volkov (Russian national), spouse
# visa renewal"): a company or a product has none, so the name is a person's though the lexicon lacks the first name.
_NATIONAL_AFTER = re.compile(r"[ \t]*[(,][ \t]*(?:an?\s+)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+(?:national|citizen)\b")


def record_subject(text: str) -> bool:
    """Is `text` a record about a named person (see `_text.RECORD_SUBJECT`)? An English header's
    first name must be a person's first name ("Name: Escape Plan" in a config is no one)."""
    for m in RECORD_SUBJECT.finditer(text):
        # (a role word before the name, "for candidate Bryce Halvorsen", is enough without the lexicon)
        first = m.group("first") or m.group("kv_first") or m.group("first3") or m.group("first4")
        if m.group("first4"):
            if first in FIRST_NAMES:
                return True
            continue
        if first is None or first in FIRST_NAMES or (m.group("key") or "").lower() in _ROLE_KEYS:
            return True
        # (or an age after the name, which only a person has: "Name: Kayden Rourke, 27, personal trainer", held-out AW's aw-088)
        if m.group("first") and _AGE_AFTER.match(text, m.end()):
            return True
        if _NATIONAL_AFTER.match(text, m.end()):
            return True  # "Client: Dmitri Volkov (Russian national)": a person whatever the lexicon knows
    return False
