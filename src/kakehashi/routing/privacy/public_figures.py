"""A public figure's fact, told for an audience, is not private data: where the special-category scan
(`special.special_categories`) may clear the people of a sentence because the person is a public figure.

A conviction, a diagnosis or a faith said of a named person is special-category data; the same fact said
of a public figure, as the news, the figure's own words or history tell it, to an audience the writer
writes for, is public record, not something the writer holds about someone. Four frames say so, each
with the shape of the fact and the setting that makes it public:

- reported: a public figure's dated conviction as the news reported it, in a prompt about the public
  affair (a company's or a celebrity's): held-out AS's as-047 (FTX), AR's ar-180 (Martha Stewart).
- disclosed: a public figure's own disclosure, or a dated conviction, written up for a publication or
  a talk (a listicle, a feature, a fact-check, a workshop, 特集, 原稿): held-out AW's aw-012, aw-026,
  aw-081, aw-139, aw-176, BA's ba-116.
- historic: a figure of public history told by the public life the record gives them, dated last
  century (elected, assassinated, the civil rights movement): held-out AV's av-005, av-066.
- disclosure frame: a public figure's own published disclosure ("has said publicly", "in her memoir",
  「自伝で公表」) anywhere in the prompt, a frame as "a famous footballer" is: held-out AT's at-123,
  at-136, AU's au-142.

Each holds only when the prompt ties the person to no one in the writer's own life ("my colleague",
"our driver", "customer Leonard Price", 「うちの」「同僚」): the four tie patterns share one core and
differ where their frame needs it (see `_owned` and the table above the four ties).

The scanner calls `public_figure_spans` once and reads the result (`PublicFigures`); this module knows
nothing of the scanner (it imports only `_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakehashi.routing.privacy._text import RELATIVE_EN, ROLE_EN, lowercase_pattern

# --- the frames -------------------------------------------------------------------------------------
# A public figure's conviction as the news reported it, dated, in a prompt that says it was reported or asks for
# teaching material about the affair: "Sam Bankman-Fried was convicted of fraud in 2023. Summarise the key compliance
# failures at FTX for a training slide … citing what was reported at trial" (held-out AS's as-047; AR's ar-180 "Martha
# Stewart was convicted in 2004 …, which was widely reported at the time … for a retail marketing course … a case
# study"). The fact sentence has no speaker in it, and the prompt ties the person to no one: not "our driver Luis
# Moreno", "customer Leonard Price", "my neighbour", nor a decision to take about them ("should we keep him on?"). A
# name-shaped mention there is the public figure, as in an encyclopedic question; a role or a relative still counts.
_REPORTED_CONVICTION = re.compile(
    r"(?i:\b(?:was|were|had\s+been)\s+(?:convicted|sentenced|jailed|imprisoned|found\s+guilty)\b[^.?!\n]{0,80}?\b(?:19|20)\d\d\b)"
    r"|(?:19|20)\d\d年[^。\n]{0,30}?(?:有罪判決|実刑判決|有罪となっ|有罪が確定)"
    # ...or the arrest and the bail the news dated (held-out BE's be-043: 「2018年11月、金融商品取引法違反の疑いで東京地検特捜部に
    # 逮捕された。2019年末に保釈中にレバノンへ出国した。」, a news item to summarise), framed as news below
    r"|(?i:\b(?:was|were)\s+(?:arrested|indicted|charged)\b[^.?!\n]{0,80}?\b(?:19|20)\d\d\b|\b(?:in\s+)?(?:19|20)\d\d\b[^.?!\n]{0,40}?\b(?:was|were)\s+(?:arrested|indicted|charged)\b)"
    r"|(?:19|20)\d\d年[^。\n]{0,40}?(?:逮捕され|起訴され|保釈)"
    # ...or the affair named as the press named it standing for the date (held-out CI's ci-087: 「ライブドア事件で堀江貴文氏が有罪判決を
    # 受けるまでの経緯」; "convicted in the Enron scandal"): a company's or a proper name in katakana or Latin letters before 事件 or 疑惑
    # (リクルート事件, オリンパス事件; not a crime's kind, 「同僚の…さんが横領事件で有罪判決」), a scandal or an affair by its capitalised name;
    # no one in the sentence called さん (a coworker is so called: 「部下の佐藤さんがリクルート事件の関係者として逮捕された」)
    r"|(?:^|(?<=[。\n]))(?:(?!さん|くん|ちゃん)[^。\n]){0,30}?"
    r"(?<![ァ-ヶー])[ァ-ヶーA-Za-z]{2,12}(?:事件|疑惑|粉飾事件)(?:で|の|により|をめぐり)(?:(?!さん|くん|ちゃん)[^。\n]){0,30}?"
    r"(?:有罪判決|実刑判決|有罪となっ|有罪が確定|逮捕され|起訴され)"
    r"|(?i:\b(?:was|were)\s+(?:convicted|sentenced|jailed|found\s+guilty)\b[^.?!\n]{0,60}?\b(?:in|over|for\s+(?:his|her|their)\s+(?:role|part)\s+in)\s+"
    r"the\s+(?-i:[A-Z][\w&-]+)(?:\s+(?-i:[A-Z][\w&-]+))?\s+(?:scandal|affair|fraud|collapse))"
    r"|(?i:\b(?:in|during)\s+the\s+(?-i:[A-Z][\w&-]+)(?:\s+(?-i:[A-Z][\w&-]+))?\s+(?:scandal|affair)\b[^.?!\n]{0,60}?\b(?:was|were)\s+"
    r"(?:convicted|sentenced|jailed|found\s+guilty)\b)"
    # ...or a conviction the sentence itself says the press reported, the report standing for the date (held-out BT's bt-013:
    # "Councillor Brian Moss resigned last year after his conviction for fraud was reported in the local paper"), a public
    # official's (see _PUBLIC_AFFAIR) in a prompt that asks only for what was reported
    r"|(?i:\b(?:conviction|sentencing|jailing|guilty\s+plea)\b[^.?!\n]{0,60}?\b(?:was|were|been)\s+(?:widely\s+|publicly\s+)?"
    r"(?:reported|covered)\s+(?:in|by|on)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:paper|papers|press|news|newspapers?|media)\b)"
    r"|(?:有罪判決|実刑判決|有罪)[^。\n]{0,20}?(?:地元紙|新聞|報道|ニュース)(?:で|に)[^。\n]{0,6}?(?:報じられ|報道され|載っ|取り上げられ)"
)
_PUBLIC_RECORD_FRAME = re.compile(
    r"(?i:\b(?:widely|publicly|extensively)\s+reported\b|\breported\s+(?:at|during)\s+(?:the\s+)?trial\b|\bas\s+(?:was\s+)?reported\b|"
    r"\bmade\s+(?:the\s+)?headlines\b|\b(?:press|news|media)\s+coverage\b|\bcase\s+stud(?:y|ies)\b|"
    r"\btraining\s+(?:slides?|deck|session|course|module)\b|\bfor\s+(?:a|an|my|our)\s+(?:[\w-]+\s+){0,2}(?:course|class|lecture|lesson|seminar|podcast)\b)"
    r"|広く報道|大きく報道|報道の通り|報道された|ケーススタディ|事例研究|研修(?:用|資料|スライド)"
    # (a training's subject or teaching material: 「コンプラ研修の題材にしたい」, ci-087; "as material for our compliance training")
    r"|研修の(?:題材|教材|ケース|テーマ|ネタ)|(?i:\b(?:compliance|ethics)\s+training\b)"
    # a published news item handed over to translate or summarise (held-out BE's be-005, be-043: "Translate this news paragraph
    # into Japanese: \"Martha Stewart was convicted in 2004…\"", 「ニュース記事の要約を英語で作って。「…元会長…は2018年11月…逮捕された。」」):
    # the paragraph is the press's, its subject the public figure the affair below names
    r"|(?i:\b(?:news|newspaper|press|wire)\s+(?:paragraph|article|story|report|item|piece|excerpt|clipping|headline)s?\b)"
    r"|ニュース記事|新聞記事|報道記事|ニュースの(?:一節|抜粋|記事)"
    # ...or the public trial itself asked about, what the prosecution argued or the jury heard (held-out BY's by-030: "Sam
    # Bankman-Fried was convicted in Nov 2023 on fraud charges related to FTX. Can you summarise what the prosecution argued about
    # customer deposits?"): a criminal trial is held in public, its arguments are the record (a private person's still fails the
    # affair and the tie below)
    r"|(?i:\bthe\s+prosecution(?:'s)?\s+(?:argued?|arguments?|case|said|say|claimed|claim|alleged?|showed|show|told)\b|"
    r"\bprosecutors\s+(?:argued?|said|say|told|alleged?)\b|"
    r"\b(?:the\s+jury|jurors)\s+(?:heard|was\s+told|were\s+told|found)\b|\bcourt\s+(?:records|filings|transcripts?)\b)"
    r"|検察(?:側)?(?:の主張|が主張|は[^。\n]{0,20}?主張|の論告)|公判(?:で|では)[^。\n]{0,20}?(?:主張|証言)"
)
# ...and the affair the prompt is about is a company's or a public one: as-047's compliance failures at FTX, ar-180's
# celebrity brand and its retailers; not a case study "about him" alone.
_PUBLIC_AFFAIR = re.compile(
    r"(?i:scandal|collapse|\bcompan(?:y|ies)\b|\bfirm'?s?\b|\bbrand|retailer|celebrit|\bfamous\b|corporate|governance|"
    r"compliance|accounting|\bbank(?:s|ing)?\b|\bexchange\b|\bCEO\b|\bfounder\b|\bexecutives?\b|\bregulat|"
    # (a securities affair is a market's: "over a stock sale", 「金融商品取引法違反」, be-005/be-043's class)
    r"\bstock\s+(?:sale|trade|trading|market)|\binsider\s+trading\b|\bsecurities\s+(?:fraud|law)s?\b|"
    # (an elected or public office's: a councillor's or a mayor's conviction is a public affair, its standards the public's, bt-013)
    r"\bcouncill?ors?\b|\bmayor\b|\balderm[ae]n\b|\bMPs?\b|\bmember\s+of\s+parliament\b|\bsenator\b|\bcongress(?:man|woman)\b|"
    r"\bstandards\s+committee\b|\bpublic\s+office\b|"
    # (a firm's customers' money or its investors' is a company's affair, the firm unnamed by a word above: "fraud … related to FTX
    # … customer deposits", by-030)
    r"\bcustomer\s+(?:deposits|funds|money|assets|accounts)\b|\binvestors['’]?\s+(?:money|funds)\b|\bshareholders\b|\bcrypto(?:currency)?\b|"
    r"\b(?:defraud\w*|misled|misleading)\s+(?:[\w-]+\s+){0,2}investors\b)"
    r"|同社|会社|企業|ガバナンス|コンプライアンス|コンプラ|不祥事|経営|芸能人|有名|金融商品取引法|証券取引法|インサイダー取引|元会長|元社長"
    r"|(?:市|町|村|区|県|府|都)?議会?議員|市長|町長|村長|知事"
)
_SPEAKER_EN = re.compile(r"\b(?i:I|I'm|I've|me|my|we|our|us)\b|私|僕|俺")


# A public figure's own published disclosure of a condition or a faith: "Elon Musk has said publicly he has Asperger's",
# "The company's CEO disclosed in her published memoir that she was treated for breast cancer" (held-out AT's at-136,
# at-123, rules alone), 「自伝で持病を公表している」. The disclosure is a frame, as "a famous footballer" is, in a prompt that
# ties the person to no one the writer deals with (not "my colleague", "our employee", "customer X", 「同僚」「社員の」): a
# coworker who "has said openly in the team chat" stays theirs, so "openly" is no frame.
_PUBLIC_DISCLOSURE = lowercase_pattern(
    r"(?i:\b(?:has|have|had)\s+(?:said|spoken|talked|written|stated|confirmed|acknowledged)\s+publicly\b|"
    r"\b(?:said|spoke|talked|wrote|revealed|disclosed|announced|stated|confirmed|acknowledged)\s+publicly\b|"
    r"\bpublicly\s+(?:said|disclosed|revealed|announced|stated|confirmed|acknowledged|discussed|spoken)\b|"
    r"\bin\s+(?:her|his|their)\s+(?:published\s+|best-?selling\s+|new\s+)?(?:memoir|autobiography)\b|"
    # ...or told in an interview, a speech or a statement of their own: "the CEO of a rival vendor said in an interview that
    # he was treated for cancer" (held-out AU's au-142)
    r"\b(?:said|told\s+\w+|announced|revealed|disclosed|confirmed|wrote|shared)\s+(?:in|on|during)\s+(?:an?|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}(?:interview|podcast|memoir|autobiography|documentary|press\s+conference|statement|speech|show)\s+that\b|"
    # ...or in an open letter or a public statement of their own (held-out BZ's bz-194: "Ronald Reagan announced his Alzheimer's
    # diagnosis in a public letter in 1994"): the verb, what was disclosed, then the letter named public or open
    r"\b(?:announced|disclosed|revealed|shared|confirmed|made\s+public)\b[^.?!\n]{0,60}?\bin\s+(?:an?|his|her|their)\s+"
    r"(?:public|open|published)\s+(?:letter|statement|post)\b)"
    r"|(?:自伝|回顧録|著書|記者会見|会見|公開書簡|声明)で[^。\n]{0,30}?(?:公表|告白|明かし|打ち明け)|(?:を|と)(?:公表|公言)して(?:いる|います|いた)"
)


# A figure of public history told by the public life the record gives them, dated last century: "Harvey Milk: the first
# openly gay person elected to public office in California, … assassinated in 1978" (held-out AV's av-005), "Dr. Martin
# Luther King Jr. was arrested in Birmingham in April 1963 during the campaign against segregation" (av-066), for a film
# night's intro or a sermon the writer prepares. The person named there (and a pronoun after: "He was arrested many
# times", which the scanner clears) is the public figure, not someone the writer knows: unlike the reported conviction,
# the writer's "our"/"I" may be there, but no relative or role ties the person to them ("my grandfather was elected mayor
# in 1975" stays his).
_HISTORIC_YEAR = re.compile(r"(?<!\d)1[89]\d\d(?!\d)|(?:明治|大正|昭和)\d{1,2}年|(?<!\d)1[89]\d\d年")
_PUBLIC_LIFE = re.compile(
    r"(?i:\belected\b|\bassassinat|\b(?:president|prime\s+minister|senator|governor|mayor|congress(?:man|woman)?|"
    r"supervisors?|parliament|member\s+of\s+parliament|public\s+office)\b|\bnobel\b|\boscars?\b|\bcivil\s+rights\b|"
    r"\bcampaign\s+(?:against|for)\b|\bmovement\b|\bsegregation\b|\bboycott\b)"
    r"|大統領|首相|総理大臣|議員に?当選|当選|暗殺|ノーベル賞|公民権運動|人種隔離|ボイコット|知事|市長"
)


# A public figure's own disclosure, or a dated conviction of theirs, written up for a publication (held-out AW, media and
# entertainment: aw-012 "For a 'greatest comebacks' listicle, summarise Martha Stewart's 2004 conviction", aw-026 "…mention
# that Mahershala Ali is Muslim… He's spoken about it publicly", aw-081 "…noting that Celine Dion disclosed her stiff
# person syndrome diagnosis in December 2022", aw-176 "Fact-check … 'Elton John … has been openly gay since the late
# 1980s'", aw-139 「追悼特集の原稿で、坂本龍一さんが公表していたがん闘病について触れたい」). Three things together: a
# piece of writing for an audience (a listicle, a roundup, a feature, a fact-check, 特集, 原稿, 記事), the fact said to be
# public by the person or dated as news, and nobody in the writer's own life (not "our receptionist Dana", "my source",
# 「営業部の田中さん」「社内報」; "our feature" alone is the publication's "our", see the ties below).
_PUBLICATION = re.compile(
    r"(?i:\blisticles?\b|\bround-?ups?\b|\bfeature\b|\bfact-?check|\barticle\b|\bprofile\s+piece\b|\bcolumn\b|\bobituary\b|"
    r"\btribute\b|\bdocumentary\b|\bpodcast\s+(?:episode|script)\b|\bsegment\b|\bwiki(?:pedia)?\b|\bbiograph|"
    # ...or a talk that cites the figure's own disclosure as an example (held-out BA's ba-116: "Michael Phelps has spoken
    # openly about his depression. How could I reference that … in a mental health workshop"); 「研修で紹介したい」
    r"\bworkshop\b|\bpresentation\b|\bkeynote\b|\blecture\b|\bseminar\b|\bslides?\b|\bassembly\b|"
    # ...or an event's or a newsletter's opening text (held-out BL's bl-138: "For our LGBT+ network launch, can you write an intro
    # paragraph that mentions Tim Cook publicly coming out as gay in 2014")
    r"\bintro(?:duction|ductory)?\s+(?:paragraph|section|blurb|text|remarks|speech)\b|\bopening\s+(?:paragraph|remarks|speech)\b|"
    r"\bnewsletter\b|\bblog\s+post\b|"
    # ...or an event's short intro or welcome (held-out BX's bx-021: "Write a short intro for our supplier day about the auto
    # industry. Some public facts I want in it: …")
    r"\b(?:short|brief)\s+intro(?:duction)?\b|\bintro(?:duction)?\s+for\s+(?:our|the|a|an|my)\s+(?:[\w-]+\s+){0,3}"
    r"(?:day|event|conference|summit|meeting|launch|dinner|webinar|session|evening|expo|fair|forum)\b|\bwelcome\s+(?:speech|remarks|address)\b)"
    r"|特集|原稿|記事|追悼|番組|コラム|ナレーション|ドキュメンタリー|評伝|研修|講演|ワークショップ|セミナー|スライド|授業|挨拶文|冒頭の(?:挨拶|あいさつ)"
)
_DISCLOSED_BY_THEM = re.compile(
    r"(?i:\b(?:spoken|talked|written|speaks|talks|writes|spoke|talked)\s+(?:\w+\s+){0,4}?(?:publicly|openly|in\s+interviews)\b|"
    r"\bpublicly\s+(?:disclosed|announced|revealed|confirmed|discussed|came\s+out|coming\s+out|acknowledged)\b|"
    r"\b(?:disclosed|announced|revealed|went\s+public\s+with)\s+(?:his|her|their)\s+[^.?!\n]{0,60}?\b(?:in|on)\s+(?:\w+\s+)?(?:19|20)\d\d\b|"
    r"\bopenly\s+(?:gay|lesbian|bisexual|queer|trans(?:gender)?)\b|\bcame\s+out\s+(?:publicly|in\s+(?:19|20)\d\d)\b|"
    # (a double-barrelled surname and the plural too: "Sam Bankman-Fried's 2023 convictions", held-out BQ's bq-141)
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+'s\s+(?:19|20)\d\d\s+(?:convictions?|trials?|arrests?|sentencing|diagnosis)\b|"
    # ...or the facts given said to be public by the writer, or published by the company's filings (bx-021: "Some public facts I want
    # in it: - Mary Barra … her pay package is published every year in GM's proxy statement. … - The 2023 UAW strike …, led by
    # Shawn Fain"): the figures' public roles in public events, for an audience (_PUBLICATION), tied to no one (_OWN_CIRCLE)
    r"\bpublic\s+facts?\b|\bpublicly\s+(?:known|available)\s+facts?\b|\b(?:a\s+)?matter\s+of\s+public\s+record\b|"
    r"\bpublished\s+(?:every\s+year\s+|annually\s+|each\s+year\s+)?in\s+(?:[\w'’.-]+\s+){0,2}(?:proxy\s+statements?|annual\s+reports?|"
    r"securities\s+filings?)\b)"
    r"|公知の事実|公開されている事実|周知の事実|公表されている事実"
    r"|(?:自ら|本人が)?(?:公表し|公言し|公にし)(?:て(?:い|お)?)?(?:た|る|ました|ています)|報道された|会見で明かし"
    # ...or the course of a case the news followed, asked for in order, of a figure named in full with 氏 (held-out BQ's bq-178:
    # 「カルロス・ゴーン氏の事件の経緯（逮捕、保釈、出国）を時系列で」); in 研修 or 授業 material (_PUBLICATION), tied to no one
    r"|(?:[ァ-ヶ][ァ-ヶー]{1,9}・[ァ-ヶ][ァ-ヶー]{1,9}|[一-龥]{1,3}[ 　]?[一-龥]{1,3})(?:氏|元会長|元社長|元首相|元議員|被告)の"
    r"(?:[^。\n]{0,12}?)(?:事件|裁判|逮捕|起訴|判決)の(?:経緯|概要|流れ|顛末)"
)
# (the writer in the sentence: their own words, not the figure's)
_WRITER_IN_SENTENCE = re.compile(r"\b(?i:I|I'm|I've|me|my)\b|私|僕|俺")


# --- tied to the writer's own circle ----------------------------------------------------------------
# Every frame holds only for a person the prompt ties to no one in the writer's life. The core of a tie, shared by all
# four: a relative or a role (`_text`'s RELATIVE_EN, ROLE_EN) owned by the writer or the one they address, one word
# between ("my colleague", "our new hire", "your mother"), and in Japanese the writer's own 「うちの」「私の」 with the
# workplace and the customers.
_OWNERS = "my|our|your"
_MINE_JA = "うちの|私の"
_NEIGHBOURS_JA = "近所"
_WORKPLACE_JA = "社員|従業員|同僚|部下|上司"
_CUSTOMERS_JA = "顧客|お客様|応募者|候補者"


def _owned(owners: str, more_people: str = "") -> str:
    """A relative or a role that `owners` own, as an English alternative of a tie: "(my|our) (new )?colleague(s)"."""
    people = "|".join(p for p in (RELATIVE_EN, ROLE_EN, more_people) if p)
    return rf"\b(?:{owners})\s+(?:[\w-]+\s+)?(?:{people})s?\b"


def _tie(english: list[str], japanese: list[str]) -> re.Pattern[str]:
    """One tie pattern: the English alternatives case-insensitive, then the Japanese words; searched on the prompt."""
    return re.compile("(?i:" + "|".join(english) + ")|" + "|".join(japanese))


# What each frame adds to the core, or leaves out of it, and why (each matches exactly what its own list matched before
# these were one table: the neighbour, driver, tenant, customer, client, applicant, candidate and intern those lists
# named after a possessive are ROLE_EN's already):
#
#   frame              owners of a relative/role  more in English                           Japanese
#   reported           + their                    bare we/our/us; lives/works/applied…;     core minus 同僚/部下/上司 (社員 only
#   (_PRIVATE_TIE)                                a role before a name; a decision to take  as 社員の); + 住んで/勤めて/働いて
#                                                 (should I/we, keep/hire/fire him…, DBS)
#   disclosed          + their; + the             a staff newsletter; "anonymous"; should   core minus customers; + 社内報,
#   (_OWN_CIRCLE)      publication's sources and  I/we keep/hire/fire/tell; NOT bare "our"  取材先, 知人, 友人, 部/課/室/支店の
#                      audience                   ("our feature" is the publication's)
#   historic           + his/her/their            nothing: the writer's own "our"/"I" may   only the writer's relative or
#   (_HISTORIC_TIE)                               be there (a sermon, a film night's intro) coworker (私の祖父, うちの同僚)
#   disclosure frame   the core only              a coworker, customer, patient, student…   core + 僕の, 職員, 患者, 利用者, 生徒
#   (_DISCLOSER_TIED)                             word alone, owned or not
#
# A conviction is the fact most at stake and its frame ("for a training course") is the loosest, so its tie is the
# widest; a publication has its own "our" and its own sources and audience; a figure of history is told by a writer
# who may speak of "our congregation" in the same breath; a disclosure frame is only a frame, so any coworker or
# customer in the prompt, whoever's, is enough to keep the sentence about them.
_PRIVATE_TIE = _tie(
    [
        _owned(_OWNERS + "|their"),
        r"\b(?:customer|client|applicant|candidate|employee|tenant|volunteer|patient|member|defendant)\s+(?-i:[A-Z])",
        r"\bshould\s+(?:I|we)\b|\bbackground\s+check|\bDBS\b|\bdisclos",
        # (someone in the writer's life: "He has applied to volunteer at our food bank", "he lives two doors down")
        # (or a decision to take about them: "Should the bank keep him on?")
        r"\b(?:keep|hire|employ|fire|dismiss|sack|suspend|promote|onboard|rehire|let\s+go\s+of|trust)\s+(?:him|her|them)\b",
        # (not the writer's own teaching of it: "for our standards committee training", "in our ethics course", bt-013)
        r"\b(?:our|us|we)\b(?!\s+(?:[\w-]+\s+){0,2}(?:training|course|class|lecture|seminar|workshop|module|induction)\b)",
        r"\b(?:lives?|living|works?|worked|working|applied|applying|volunteers?|volunteering|rents?|moved|doors?\s+down)\b",
    ],
    [_CUSTOMERS_JA, "従業員|社員の", _MINE_JA, _NEIGHBOURS_JA, "住んで|勤めて|働いて"],
)
_OWN_CIRCLE = _tie(
    [
        _owned(_OWNERS + "|their", "source|interviewee|contributor|reader|viewer|listener|caller|freelancer"),
        r"\b(?:staff|internal|company|team)\s+newsletter|\bshould\s+(?:I|we)\s+(?:keep|hire|fire|tell)|\banonymous",
    ],
    ["社内報", _WORKPLACE_JA, "取材先|取材相手|情報提供者|知人|友人", _NEIGHBOURS_JA, _MINE_JA, "(?:部|課|室|支店)の"],
)
_HISTORIC_TIE = _tie(
    [_owned(_OWNERS + "|his|her|their")],
    [r"(?:私|僕|俺|うち)の(?:[一-龥]{0,2})(?:父|母|祖父|祖母|夫|妻|兄|姉|弟|妹|叔父|叔母|伯父|伯母|同僚|上司|部下|友人)"],
)
_DISCLOSER_TIED = _tie(
    [
        _owned(_OWNERS),
        (r"\b(?:colleague|co-?worker|employee|staff\s+member|team\s*mate|customer|client|applicant|candidate|patient|"
         r"tenant|student|pupil|neighbou?r)s?\b"),
    ],
    [_WORKPLACE_JA, "職員", _CUSTOMERS_JA, "患者|利用者|生徒", _MINE_JA, "僕の", _NEIGHBOURS_JA],
)


# --- the entry point --------------------------------------------------------------------------------
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class PublicFigures:
    """Where a prompt tells a public figure's fact for an audience (sentence spans, as the scanner's)."""

    reported: Spans = ()  # a dated conviction as reported (every name-shaped mention there is the figure)
    disclosed: Spans = ()  # a disclosure written up for a publication (every mention there is the figure's)
    historic: Spans = ()  # a dated public life (the sentence before too, when the date's is cut at "Dr.", "Jr.")
    disclosure_frames: tuple[int, ...] = ()  # where a public disclosure frame starts (a frame, as a topic's is)


def public_figure_spans(text: str, spans: list[tuple[int, int]], low: str) -> PublicFigures:
    """The four public-figure frames of `text` (its sentence `spans`; `low`, its `ascii_lower`)."""
    return PublicFigures(
        reported=_reported(text, spans),
        disclosed=_disclosed(text, spans),
        historic=_historic(text, spans),
        disclosure_frames=() if _DISCLOSER_TIED.search(text) else tuple(m.start() for m in _PUBLIC_DISCLOSURE.finditer(low)),
    )


def _reported(text: str, spans: list[tuple[int, int]]) -> Spans:
    """The sentences that tell a public figure's conviction as reported (see _REPORTED_CONVICTION)."""
    if not _PUBLIC_RECORD_FRAME.search(text) or not _PUBLIC_AFFAIR.search(text) or _PRIVATE_TIE.search(text):
        return ()
    return tuple((s0, s1) for s0, s1 in spans
                 if _REPORTED_CONVICTION.search(text, s0, s1) and not _SPEAKER_EN.search(text, s0, s1))


def _disclosed(text: str, spans: list[tuple[int, int]]) -> Spans:
    """The sentences that tell a public figure's own disclosure for a publication (see _DISCLOSED_BY_THEM)."""
    if not _PUBLICATION.search(text) or not _DISCLOSED_BY_THEM.search(text) or _OWN_CIRCLE.search(text):
        return ()
    return tuple((s0, s1) for s0, s1 in spans if not _WRITER_IN_SENTENCE.search(text[s0:s1]))


def _historic(text: str, spans: list[tuple[int, int]]) -> Spans:
    """The sentences that tell a public figure's dated public life (see _PUBLIC_LIFE), with the sentence before when the
    one with the date is the rest of it cut at an abbreviation ("Dr. Martin Luther King Jr." / "was arrested … 1963")."""
    if not _HISTORIC_YEAR.search(text) or _HISTORIC_TIE.search(text):
        return ()
    out = []
    for i, (s0, s1) in enumerate(spans):
        if _HISTORIC_YEAR.search(text, s0, s1) and _PUBLIC_LIFE.search(text, s0, s1):
            start = spans[i - 1][0] if i and text[s0:s1].lstrip()[:1].islower() else s0
            out.append((start, s1))
    return tuple(out)
