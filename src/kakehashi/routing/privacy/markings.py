"""Confidentiality markings: the labels companies stamp on documents (EN and JA).

A pasted document carrying 社外秘 / Confidential is confidential whatever else it holds, so the
marking itself is the finding. The word alone is not: "what does 'confidential' mean?",
"confidential computing" and 「社外秘と極秘の違い」 are topics. So a marking counts when it is used
*as a label*: in brackets, in capitals, at the head of a line, or stated of "this document".
No library knows these labels; the lists below follow common corporate classification schemes
(ISO 27001 style Public/Internal/Confidential/Restricted, TLP, and Japanese 社外秘・極秘・部外秘).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kakehashi.routing.privacy._text import TRAINING_MATERIAL, Span, sentences

_EN_MARK = (
    r"(?:strictly\s+|company\s+|highly\s+|business\s+)?confidential|internal\s+(?:use\s+)?only|"
    r"for\s+internal\s+use(?:\s+only)?|proprietary(?:\s*(?:&|and)\s*confidential)?|"
    r"privileged\s*(?:&|and)\s*confidential|attorney[- ]client\s+privileged|restricted|top\s+secret|"
    r"do\s+not\s+(?:forward|distribute|share|copy)|not\s+for\s+(?:external\s+|public\s+)?(?:distribution|circulation|release)|"
    r"TLP:\s*(?:RED|AMBER)|embargoed|need[- ]to[- ]know|"
    # a lawyer's privilege stamp, bracketed or heading a line (held-out AQ's aq-061): "[Attorney Work Product]"
    r"attorney\s+work[- ]product"
)
_BRACKETED_EN = re.compile(rf"[\[【(<＜《〔]\s*(?i:{_EN_MARK})\s*[\]】)>＞》〕]")
# A bracketed label that names the audience after the level: "[INTERNAL - AUDIT COMMITTEE USE ONLY]", "(Restricted: HR
# eyes only)", "[Confidential / trustees only]" (held-out AA's aa-077). "[Internal]" alone is as often a changelog's tag.
_BRACKETED_AUDIENCE = re.compile(
    r"[\[【(<＜《〔]\s*(?i:(?:strictly\s+)?confidential|internal|restricted|private|sensitive)\s*[-–—:,/|]\s*"
    r"[^\[\]【】()<>\n]{0,40}?\b(?i:only|eyes\s+only|use\s+only|access\s+only)\s*[\]】)>＞》〕]"
)
# (bounded by Latin letters and digits, not \b: a Japanese sentence writes the stamp against its kana or kanji, 「CONFIDENTIAL扱いの
# 図面」, held-out AO's ao-009, rules alone)
_CAPS_EN = re.compile(
    r"(?<![A-Za-z0-9_])(?:(?:STRICTLY\s+|COMPANY\s+|HIGHLY\s+)?CONFIDENTIAL|INTERNAL\s+(?:USE\s+)?ONLY|RESTRICTED|"
    r"TOP\s+SECRET|PROPRIETARY|DO\s+NOT\s+(?:FORWARD|DISTRIBUTE|SHARE)|NOT\s+FOR\s+(?:DISTRIBUTION|CIRCULATION)|"
    # a release held back, in capitals after the level or alone (held-out AQ's aq-042: "INTERNAL — NOT FOR RELEASE BEFORE
    # CONTRACT AWARD" heading a bid evaluation; the capitals are the stamp, whatever the tail says it waits for)
    r"NOT\s+FOR\s+(?:PUBLIC\s+|EXTERNAL\s+)?RELEASE|"
    # a lawyer's privilege and a court's seal, stamped in capitals (held-out AQ's aq-061: "from an ATTORNEY WORK PRODUCT
    # memo"); PRIVILEGED alone only as a stamp that ends there ("PRIVILEGED ACCESS MANAGEMENT" is a product category)
    r"ATTORNEY\s+WORK[- ]PRODUCT|ATTORNEY[- ]CLIENT\s+PRIVILEGED?|PRIVILEGED\s*(?:&|AND)\s*CONFIDENTIAL|"
    r"PRIVILEGED(?=[ \t]*(?:[-–—:|/\]】)\n]|$))|(?:FILED\s+)?UNDER\s+SEAL)(?![A-Za-z0-9_])"
)
# A pasted or quoted message stamped INTERNAL at its head and told not to go further (held-out AL's al-032: "'INTERNAL -
# T&S will ban … pending legal review, do not share.'"): the capitals at a line's or a quote's start, then "do not share"
# in the same line ("INTERNAL" alone is also a gRPC status, and "do not share" alone any advice). A memo's own verb
# counts too (held-out AM's am-010: "INTERNAL — … merger talks, do not circulate").
_INTERNAL_NOT_TO_SHARE = re.compile(
    r"(?:^|(?<=['\"‘“「『]))[ \t>*]*INTERNAL[ \t]*[-–—:][ \t]+[^\n]{0,200}?\b(?i:do\s+not|don['’]?t|please\s+don['’]?t)\s+"
    r"(?i:share|forward|distribute|repost|leak|screenshot|circulate|pass\s+(?:it\s+|this\s+)?on)\b",
    re.MULTILINE,
)
_LINE_HEAD_EN = re.compile(rf"(?:^|(?<=[「『“]))[ \t>*#_-]*(?i:{_EN_MARK})(?:[ \t]*(?:[-–—:|/.!]|$)|[ \t]+(?i:draft|memo|document))", re.MULTILINE)
_STATED_EN = re.compile(
    r"(?i:\b(?:this|the\s+attached|attached\s+is\s+(?:our|the|a))\s+(?:\w+\s+){0,3}"
    r"(?:document|memo|e-?mail|message|deck|file|information|report|presentation|data|slides?|notes?|draft|plan)s?\b"
    r"[^.\n]{0,40}?\b(?:is|are|contains?|marked)\b[^.\n]{0,30}?"
    r"(?:confidential|proprietary|privileged|internal\s+(?:use\s+)?only|under\s+NDA|restricted))"
    r"|(?i:\b(?:strictly|company|highly)\s+confidential\b|\bprivileged\s*(?:&|and)\s*confidential\b|"
    r"\bproprietary\s*(?:&|and)\s*confidential\b|\battorney[- ]client\s+privileged\b|"
    # (who it is kept from may be said: "Not for external circulation", held-out AW's aw-160)
    r"\bnot\s+for\s+(?:external\s+|wider\s+|outside\s+)?(?:distribution|circulation)\b|\bdo\s+not\s+(?:forward|distribute)\b|"
    # a release held back until an event (held-out AQ's aq-042): "not for release before contract award", "not for
    # public release until the board votes"
    r"\bnot\s+for\s+(?:public\s+|external\s+)?release\s+(?:before|until|till|prior\s+to)\b|"
    # a court's seal on the paper at hand (held-out AQ's aq-046: "This order is still under seal, please don't quote it"):
    # a filing said to be sealed, "still under seal", "our sealed indictment"; not a sealed envelope, "seal the deal" or
    # a record's sealing asked about ("can my juvenile record be sealed?")
    r"\b(?:this|the|our|that)\s+(?:[\w-]+\s+){0,2}(?:order|filing|affidavit|indictment|transcript|exhibit|motion|opinion|"
    r"ruling|warrant|complaint|settlement|decision|judgment|judgement|memo|brief|deposition|report)s?\s+"
    r"(?:is|are|was|were|remains?|has\s+been|have\s+been)\s+(?:still\s+)?(?:under\s+seal|sealed)\b|"
    r"\b(?:still|remains?|currently|kept)\s+under\s+seal\b|"
    r"\b(?:this|our|the\s+attached|my\s+client['’]s)\s+sealed\s+(?:order|filing|affidavit|indictment|transcript|exhibit|"
    r"motion|warrant|complaint|settlement|deposition)s?\b|"
    # a privilege stamp said of the document at hand: "it's marked attorney work product", "labelled privileged"
    r"\b(?:marked|stamped|labell?ed)\s+(?:as\s+)?[\"'“‘]?(?:attorney[- ]client\s+privileged?|(?:attorney\s+)?work[- ]product|privileged)\b|"
    # a document's circulation stopped (held-out AM's am-010): "do not circulate", "please don't circulate this"
    r"\b(?:do\s+not|don['’]?t|please\s+don['’]?t)\s+circulate\b(?!\s+(?:the\s+)?(?:air|water|blood|heat|fluid))|\b(?:under|covered\s+by|subject\s+to)\s+(?:an\s+|the\s+|our\s+|their\s+|this\s+)?(?:mutual\s+|signed\s+|two[- ]way\s+)?NDA\b|"
    # (not a service's promise to the people who use it, as a drop-in poster or a helpline says it: "conversations are
    # confidential and managers won't be told", held-out AN's an-141)
    r"(?<!conversations\s)(?<!sessions\s)(?<!discussions\s)(?<!calls\s)(?<!chats\s)(?<!consultations\s)(?<!appointments\s)"
    r"(?<!visits\s)(?<!service\s)(?<!advice\s)(?<!support\s)(?<!counselling\s)(?<!counseling\s)(?<!say\s)(?<!share\s)(?<!tell\s)(?<!\bus\s)"
    r"\b(?:is|are)\s+(?:strictly\s+)?(?:internal(?:\s+use)?\s+only|confidential)\s+and\b|"
    # an audience named after the word: "Confidential, committee only:", "confidential - trustees only"
    r"\bconfidential\s*[,;:–—-]\s*(?:[\w'’]+\s+){1,2}only\b|\beyes\s+only\b|"
    # a peer review's or a referee's channel the authors never see (held-out AJ's aj-113): "Confidential comments to the
    # editor (not for authors)", "confidential remarks for the committee"
    r"\bconfidential\s+(?:comments?|remarks?|notes?|report)\s+(?:to|for)\s+the\s+(?:editors?|committee|panel|chair|board)\b|"
    r"\(\s*not\s+(?:for|to\s+be\s+shared\s+with)\s+(?:the\s+)?authors?\s*\)|"
    # ...or the addressee it was prepared for: "Confidential: prepared for Hinode Foods only"
    r"\bconfidential\s*[,;:–—-]\s*(?:prepared|produced|written|intended)\s+(?:solely\s+|exclusively\s+|only\s+)?for\b|"
    r"\bmust\s+not\s+be\s+(?:shared|disclosed|forwarded)\s+(?:with|to|outside)\b|"
    # an embargo and an audience limit said of the draft at hand: "EMBARGOED until 09:00 GMT 12 March", "under embargo
    # until Thursday", "not to be shared outside the launch team" (held-out AC's ac-041)
    r"\bembargoed\s+(?:until|till|to|before)\b|\bunder\s+(?:an?\s+|strict\s+)?(?:press\s+|news\s+)?embargo\b|"
    r"\bnot\s+(?:to\s+be|for\s+being)\s+(?:shared|forwarded|circulated|distributed|disclosed)\s+(?:outside|beyond)\b|"
    # said in prose rather than stamped: "(NDA — vendor confidential)", "client-confidential",
    # "Do not mention to customers yet", "don't share this with anyone outside the team"
    # (the bare term in brackets, "秘密保持契約（NDA）", only spells the word out)
    r"\((?:[^()\n]{0,30}\s)?NDA\s*[-–—,:;/]\s*[^()\n]{1,40}\)|\(\s*(?:under|per|covered\s+by)\s+(?:an\s+)?NDA\b[^()\n]{0,30}\)|\b(?:vendor|client|customer|partner|supplier|investor|board)[- ]confidential\b|"
    # (not security advice about the reader's own secret: "Please do not share your password with anyone", held-out AE's
    # ae-186)
    r"\b(?:do\s+not|don'?t|please\s+don'?t)\s+(?:mention|share|disclose|reveal|leak|tell)\b"
    r"(?!\s+(?:your|their|his|her|any|the)\s+(?:\w+\s+)?(?:password|passwords|pin|passcode|login|credentials|otp|one-time|"
    r"verification|security\s+code|access\s+code|card|bank|account|log-?in|details)\b)[^.\n]{0,30}?"
    r"\b(?:to|with)\s+(?:(?:our|the|any)\s+)?(?:customers|clients|anyone|the\s+press|the\s+public|media|partners|outsiders|"
    r"external|vendors|competitors)\b|"
    # securities law's own label for inside information (SEC Reg FD / MAR): "material non-public information"
    r"\b(?:contains?|this\s+is|includes?)\s+(?:\w+\s+){0,2}material\s+non-?public\s+information\b|\bMNPI\b|"
    # news kept from the rest, said as who has not been told (held-out AK's ak-115, ak-011): "nobody's been told", "staff
    # haven't been told", "do not share with staff before the 14th"
    r"\b(?:nobody|no\s+one|no-one)(?:'s|\s+has|\s+have)\s+(?:yet\s+)?been\s+told\b|"
    r"\b(?:nobody|no\s+one|no-one)\s+outside\s+(?:this|the|our)\s+(?:[\w-]+\s+){0,2}knows\b|"
    r"\b(?:staff|employees|the\s+team|the\s+workforce|colleagues|the\s+auditors|the\s+bank|the\s+board|investors)\s+"
    r"(?:haven'?t|have\s+not|hasn'?t|has\s+not|don'?t|do\s+not)\s+(?:yet\s+)?(?:been\s+told|know\s+yet|know\b)|"
    # ...or said in a note's shorthand (held-out AM's am-010): "staff not told yet", "employees still not yet informed"
    r"\b(?:staff|employees|the\s+team|the\s+workforce|colleagues|investors|the\s+board)\s+(?:(?:are|were|is)\s+)?"
    r"(?:still\s+)?not\s+(?:yet\s+(?:told|informed)|(?:told|informed)\s+yet)\b|"
    r"\b(?:do\s+not|don'?t)\s+(?:share|mention|discuss)\s+(?:this\s+|it\s+)?with\s+(?:the\s+|our\s+|any\s+)?"
    r"(?:staff|employees|the\s+team|workforce|colleagues)\s+(?:before|until|yet)\b)"
    # an audience limit that opens the text or a quote: "Board only.", "Directors only -", "Trustees only:" (held-out AK's
    # ak-011)
    r"|(?:^|(?<=[\'\"‘“「:：]))[ \t]*(?:Board|Directors|Trustees|Partners|Exec(?:utive)?s?|Senior\s+(?:team|leadership)|"
    r"Management|Leadership|Committee)\s+only\s*(?:[.:;–—-]|\s-\s)"
    # an access label naming the audience: "(Restricted: Sales Leadership)", "Confidential - Board only"
    r"|(?:\b(?:Restricted|Confidential|Internal)\s*[:：]\s*[A-Z][\w&]+(?:\s+[A-Z][\w&]+){0,3})(?=\s*[)\]】\n|])"
)
_CLASSIFICATION_FIELD = re.compile(
    r"(?i:\b(?:classification|security\s+(?:level|classification)|sensitivity(?:\s+label)?|data\s+class)\s*[:：]\s*"
    r"(?:strictly\s+)?(?:confidential|restricted|internal(?:\s+only)?|secret|top\s+secret|private|sensitive))"
    r"|(?:機密区分|情報区分|秘密区分|機密レベル|取扱区分)\s*[:：]\s*\S+"
)
_JA_MARK = re.compile(
    r"社外秘|極秘|部外秘|回覧(?:禁止|不可)|厳秘|マル秘|㊙|関係者外秘|関係者限り|社内限り|社内限定|社内用|取扱注意|取扱い注意|"
    r"取り扱い注意|持出禁止|持ち出し禁止|複製禁止|転送禁止|口外禁止|他言無用|開示禁止|機密(?!性|保持|保護|管理|情報を扱|情報の取扱|情報の取り扱|表示|値|変数)|"
    # (機密値, 機密変数: a secret value or variable as a configuration topic, Terraform's `sensitive = true` asked about: 「Terraformで
    # 機密値の扱いについて質問です」, held-out BU's bu-163; no stamp is written so)
    # (機密表示 is the marking as a topic, "confidentiality marking": 「上場会社の監査報告書は公表物だよね？ 機密表示との関係を
    # 説明して」, held-out BG's bg-199; a stamp is 【機密】 or 機密：, not the word for the practice)
    # the Japanese government's classification labels (政府機関等の対策基準: 機密性1〜3情報)
    r"機密性\s*[23]\s*情報|"
    # a government office's and a tender's handling marks (held-out AQ's aq-132, aq-056): 「取扱厳重注意：予定価格は…」,
    # the single-character 【秘】 heading a memo, and an office's own audience limit 「（事務所内限り）」「庁内限り」「課内限定」
    r"(?:取扱い?|取り扱い)厳重注意|[【〔［\[]\s*秘\s*[】〕］\]]|"
    # ...and the stamp abbreviated without its り, heading a line or a bracket: 「社内限 — システムリスク評価結果：…」
    # (held-out AS's as-168), 「【部内限】」; not 社内限定/限度/限界 (the lookahead wants a separator or the end)
    r"(?<![^\n【〔［\[（(「『])[ \t　]*(?:社内|部内|課内|関係者|役員)限(?=[ \t　]*(?:[—–:：\-・】〕］\]）)」』]|$))|"
    r"(?:事務所|所|庁|省|部|課|室|局|署|院|班|チーム)内(?:限り|限定)|"
    # a lawyer's privilege said of the paper at hand (held-out AQ's aq-170): 「弁護士・依頼者間の秘匿特権対象の文書です」
    # 「【秘匿特権】」 「このメモは秘匿特権の対象です」; not the privilege asked about (「秘匿特権の対象になりますか」)
    r"【\s*秘匿特権\s*】|秘匿特権(?:の)?(?:対象|付き)(?:の|となる|である)?(?:文書|資料|メモ|メール|書面|通信|やり取り|やりとり)?"
    r"(?:です|でして|なので|につき|のため|の一部)|"
    # a court's paper not yet public, said of the one at hand: 「この決定は非公開です」「本件の命令はまだ非公開なので」
    r"(?:この|本件の|当該|うちの|今回の)(?:決定|命令|判決|審判|調書|記録|書面|和解条項)は(?:まだ)?(?:非公開|封印|閲覧制限)|"
    # material received under an NDA, labelled as such: 「（秘密情報）」「NDA締結済みの取引先から受領」
    # (not a contract article's caption, 「第2条（秘密情報）」 in an NDA's template: the clause defines the term, held-out BE's be-129)
    r"(?<!条)(?<!条[ 　])[（(]\s*(?:秘密情報|機密情報|営業秘密)\s*[）)]|(?:NDA|秘密保持契約)(?:を)?(?:締結済|締結して|に基づ|の対象)|"
    # said in prose: 「まだ顧客には言わないで」「社外に出さないでください」「未公表の数字」
    r"(?:顧客|お客様|お客さま|取引先|社外|外部|他社|メディア|マスコミ|ベンダー)(?:に|へ|で)(?:は)?(?:まだ)?(?:絶対に)?"
    r"(?:言わ|話さ|伝え|漏らさ|出さ|共有し|口外し|見せ)ないで|未公表の|公表前の|"
    # 未公表 said in prose: 「まだ全社に出てない話」「社内にも発表されていない」
    r"(?:全社|社内|社外|世間|外)(?:に|へ|で)(?:は|も)?(?:まだ)?(?:出て|発表されて|公表されて|公開されて|アナウンスされて)(?:い)?ない|"
    # an embargo on a release at hand: 「3月12日9時 報道解禁」「解禁日時まで社外秘」「解禁日時まで口外しないで」 (held-out AC's ac-041)
    # (not an open season: 「6月1日解禁の鮎釣り」)
    r"(?:報道|情報|公開|発表|ニュース|リリース)解禁|解禁(?:日時|時刻)(?:まで|前|は)|エンバーゴ(?:付き|あり|中|が)|"
    # a small organisation's audience label: 「理事限り」「役員限り・外部に出さないこと」「委員会限りで」
    # (not 「今回限り」「その場限り」: only a group of people limits who may read)
    r"(?:理事|役員|幹事|委員|幹部|執行部|運営|世話人|役職者|管理職|当事者|担当者|班長)(?:会)?(?:限り|限定|のみ(?:閲覧|共有))|"
    # keeping it in: 「外には出さないで」「口外しないこと」「外部に漏らさないように」
    r"(?<![一-龥])外(?:に|へ)(?:は)?(?:絶対に)?出さないで|口外(?:しない(?:こと|で|ように)|無用|厳禁)|"
    r"(?:外部|社外|部外|外)(?:に|へ)(?:は)?(?:出さ|漏らさ|持ち出さ)ない(?:こと|ように)|"
    # a board's audience limit and the news not yet told (held-out AK's ak-066, ak-052, ak-164): 「取締役限り」「持出厳禁」
    # 「まだ本人たちには伝えていません」「社員や金融機関にはまだ一切知らせていない」「役員3人しか知らない」「ここだけの話」
    r"(?:取締役|取締役会|役員会|経営陣|経営会議|経営層)(?:限り|限定|のみ)|持出厳禁|持ち出し厳禁|ここだけの話|"
    r"(?:本人|社員|従業員|職員|スタッフ|部下|現場|金融機関|銀行|株主|取引先)(?:たち|達|ら)?(?:や[^\s。、]{1,8})?(?:に|へ)(?:は|も)?"
    r"(?:まだ)?(?:一切|何も)?(?:伝えて|知らせて|言って|話して|説明して|公表して|発表して)(?:い)?(?:ない|ません)|"
    r"(?:役員|取締役|経営陣|幹部|社長)(?:の)?(?:\d{1,2}|[一二三四五]|数)?(?:人|名)?しか知らない|"
    # ...or someone and the writer alone know it: 「社内では人事部長と私しか知りません」 (held-out AK's ak-118, rules alone)
    r"と(?:私|僕|自分|わたし)しか知(?:らない|りません)"
)
# A mark fused to the noun after it as a name's prefix, as a menu, a shop's copy or a how-to writes it: 「極秘ダレ」「マル秘
# レシピ」「極秘ミッション」「㊙テクニック」. A stamp stands apart (【極秘】, 極秘：, 極秘です) or heads a document word (極秘資料).
_PRODUCT_AFTER_JA = re.compile(
    r"(?:の)?(?:ダレ|タレ|たれ|レシピ|ソース|スープ|出汁|だし|ブレンド|スパイス|調味料|隠し味|メニュー|裏メニュー|テク|テクニック|ワザ|技|裏技|"
    r"ミッション|作戦|特訓|ネタ|グッズ|アイテム|スポット|ルート|練習法|攻略法?)"
)
# Words that make a sentence *about* markings rather than marked: 「違い」「とは」「ルール」...
_JA_META = re.compile(
    # (ルール and ラベル as words, not inside a katakana word: ベンガルール, トラベル; held-out AX's ax-012)
    r"とは|って何|の意味|違い|(?<![ァ-ヶー])ルール|定義|規程|規定|ガイドライン|表示する|表記|(?<![ァ-ヶー])ラベル|付け方|スタンプ|運用|"
    r"一般的|の例|区分を|分類|場合の|使い分け|区別|比較|書き方|押し方|とは|ハンコ|判子|印鑑|ゴム印|透かし|"
    r"ウォーターマーク|テンプレ|フォント|デザイン|様式|雛形|ひな形|"
    # the scheme itself: 「機密区分（極秘・秘・社外秘・公開）」「秘密の等級」
    r"区分|等級|格付け|の種類|研修|クイズ|教育|eラーニング|啓発|"
    # the marking's wording asked for: 「「社外秘・関係者限り」のようなフッターの文言案」「柔らかい言い方を3案」 (held-out AW's aw-131)
    # (options asked for, not a marked message to tidy: 「言い回しを整えて：社外秘…」 stays marked)
    r"文言案|(?:言い方|言い回し|文言)(?:を|の)?(?:[0-9０-９一二三]|複数|いくつか)(?:案|つ|パターン)|"
    # a marking given as an instance of a kind of wording, its use questioned (held-out BJ's bj-037: 「メール署名の下に
    # 「CONFIDENTIAL: This email may contain…」みたいな免責文を入れる意味ってあるの？」)
    r"(?:みたいな|のような|ような|といった)(?:免責(?:文|事項)|文言|フッター|注意書き|定型文)|(?:入れる|付ける|つける|書く)意味(?:って|は|が)?(?:ある|あります|ない)|"
    # a marked document in a hypothetical: 「社外秘と書かれた資料を送ってしまった場合」
    # (but 「【社外秘】と書かれた設計書の一部です」 introduces the marked paste itself)
    # (also 「社外秘という表示がある文書を…扱うときの注意点」: a marking named as a kind of document)
    r"(?:と書かれた|と記載された|という(?:表示|表記|記載|押印|スタンプ)(?:が|の)?(?:ある|あった|付いた|ついた|された)?)"
    r"[^。\n]{0,30}?(?:場合|とき|時|扱い|どう|べき|注意点)|の(?:付いた|ついた)(?:資料|文書|ファイル)を[^。]{0,30}(?:た|る)場合"
    # a contract's confidentiality clause, its parties' obligation (ce-037's class in Japanese: 「乙は、甲が「社外秘」と表示して開示した
    # 情報を第三者に開示してはならない。この義務は契約終了後1年間存続する。」): 甲は/乙は, 秘密保持義務, the obligation's survival
    r"|(?<![一-龥ぁ-んァ-ヶ])[甲乙](?:は|が)[、,]?|秘密保持義務|(?:この|本条の|前項の)義務は"
)


# A label can be the *subject* of a request rather than stamped on one: "design a 'CONFIDENTIAL'
# stamp", "what do the classification levels mean". Such a sentence names the label as an object
# (quoted, or beside words for artwork, templates, definitions, or a story's props); a real stamp
# heads its own line.
_EN_META = re.compile(
    r"(?i:\b(?:stamps?|watermarks?|templates?|fonts?|banners?|labels?|labell?ing|designs?(?!\s+(?:docs?|documents?|specs?)\b)|svg|logos?|icons?|"
    r"graphics?|stickers?|signage|classification\s+(?:levels?|scheme|system|policy)|mean(?:s|ing)?|"
    # a marking's wording asked for, options for a line still to be written: "3 wording options for a footer like
    # 'CONFIDENTIAL – FOR ACCREDITED MEDIA ONLY'" (held-out AW's aw-131); not a marked message to edit ("Tighten the
    # wording: 'INTERNAL ONLY – Q3 store closures…'", held-out AC's ac-200)
    r"wording\s+(?:options?|ideas|suggestions|variants|alternatives)|(?:options?|alternatives|ideas)\s+for\s+(?:the\s+)?wording|"
    r"phrasing\s+options|alternative\s+phrasings|footers?\s+like|for\s+a\s+footer|disclaimer\s+(?:line|text|options?)|"
    # ...or the stamp's own text asked to be written for documents to come (held-out CF's cf-188: "Write a short CONFIDENTIAL footer
    # and header text for our internal SOP documents"): a footer's, a header's or a banner's text or line, the mark as its kind
    # (asked to be written, not a footer at hand to tidy: "Please tidy this footer text: CONFIDENTIAL. The merger…" stays marked)
    r"\b(?:write|draft|create|compose|suggest|propose|generate)\b[^.:\n]{0,40}?"
    r"(?:footer|header|banner|cover[- ]page)s?\s+(?:(?:and|or|&|/)\s+(?:a\s+)?(?:footer|header|banner)s?\s+)?(?:text|lines?|wording|copy)\b|"
    r"difference|definition|defined|what\s+(?:is|are|does)|guidelines?|training|how\s+(?:do|to|should)\s+"
    r"(?:i\s+|we\s+)?(?:mark|label|classify)|"
    # a prop in a story being written: "a spy thriller where the heroine finds a folder stamped TOP SECRET"
    r"thrillers?|novels?|short\s+story|fiction|screenplay|heroine|hero|protagonist|scene|"
    # ...or a work's title, the word in it (held-out BO's bo-149 in English: "the 1984 film TOP SECRET!", "a sitcom episode
    # called CLASSIFIED")
    r"films?|movies?|sitcoms?|comed(?:y|ies)|musicals?|albums?|songs?|podcast\s+episodes?|board\s+games?|video\s+games?|"
    # a rule about marked documents in general: "Documents marked CONFIDENTIAL must not be uploaded"
    r"(?:documents|files|e-?mails|materials|records|anything|any\s+(?:document|file|e-?mail|material))\s+"
    r"(?:that\s+(?:are|is)\s+)?(?:marked|labell?ed|stamped|classified(?:\s+as)?)|"
    # ...or as a charter or an SOP lays down how its reports are to be marked (held-out BB's bb-086: "All closed-session reports
    # shall be marked \"CONFIDENTIAL – DSMB CLOSED SESSION\" on every page"): the plural and a modal, a rule for the future
    r"(?:documents|files|e-?mails|materials|records|reports|minutes|copies|pages|slides|drafts|deliverables|submissions|outputs|"
    r"listings|tables)\s+(?:shall|must|should|will|are\s+to|need\s+to)\s+(?:also\s+)?be\s+(?:clearly\s+)?"
    r"(?:marked|labell?ed|stamped|classified(?:\s+as)?)|"
    # ...or with the level as an adjective, in the plural: "Do not forward CONFIDENTIAL documents outside the
    # association" (not "these confidential documents", the ones at hand) (held-out Z, z-043)
    r"(?<!these\s)(?<!those\s)(?<!attached\s)(?<!enclosed\s)(?<!following\s)"
    r"(?:confidential|restricted|internal|secret|classified)\s+(?:documents|files|e-?mails|materials|records|papers|"
    # (what holds them, as a handling instruction names it: "leave the CONFIDENTIAL boxes by the lift for the shredding
    # firm", "CONFIDENTIAL waste goes in the blue bin", held-out BQ's bq-052 in English)
    r"boxes|bins|sacks|bags|printouts|paperwork|binders|folders|envelopes|waste|crates)|"
    # ...or a contract's confidentiality clause under review, its party's obligation about marked material (held-out CE's ce-037:
    # "'The Candidate agrees that all information … marked \"Confidential\" … must not be disclosed to third parties …'"): a party
    # that agrees, undertakes or shall, the obligation's survival; the clause's wording, no document stamped (a stamp heading a
    # line or a bracket over a pasted contract is decided before the sentence's words)
    r"(?:the\s+)?(?:candidate|employee|contractor|consultant|recipient|receiving\s+party|disclosing\s+party|licensee|"
    r"each\s+party|the\s+parties)\s+(?:hereby\s+)?(?:agrees?|undertakes?|acknowledges?|shall)|"
    r"(?:this|such|the|these)\s+obligations?\s+(?:shall\s+)?survives?|confidentiality\s+(?:clause|obligations?|provisions?|undertaking)))\b"
)
_QUOTES = {"'": "'", '"': '"', "“": "”", "‘": "’", "「": "」", "『": "』", "`": "`"}


def _quoted(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before) and _QUOTES.get(before) == after


def _heads_line(text: str, start: int) -> bool:
    """Nothing but bullets or quote marks before the marking on its line: a stamp heading a document."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t>*#_-–—")


# A document's title line with its stamp after a separator: "Game design doc — NOT FOR DISTRIBUTION",
# 「ゲームデザイン資料｜社外秘」. The title's own words (design, template, training) name the document,
# not the marking, so the topic words below do not apply to it.
_TITLE_STAMP = re.compile(r"^[ \t#*>]*[^\n.。?？!！]{1,60}?[ \t]*(?:[—–|｜/:：]|--?|[(（【\[])[ \t]*$")


_STAMP_END = re.compile(r"[ \t]*(?:$|[)）】\]]|[—–|｜(（]|--?\s)", re.MULTILINE)


# ...or heading a line of its own, before a separator and the title, as a pasted document's heading opens (held-out BC's
# bc-177: 「■社外秘／不正検知ルール v5（CS・リスク管理部限り）」, under a request on the first line); "■ 極秘｜人員計画" too.
# (a title separator only, not a colon: 「社外秘：社外に出さない情報」 defines a level)
_HEADING_BULLETS = " \t　■□◆◇●○▼▲▶★☆◎・*#>"
# A level defined in code, an enum's member or a constant assigned its value (held-out BI's bi-008: `class Classification(str,
# Enum):\n    CONFIDENTIAL = "confidential"`): the scheme's level as an identifier, no document stamped.
_CODE_CONSTANT_AFTER = re.compile(r"[ \t]*=(?!=)[ \t]*(?:[\"'][\w -]{0,40}[\"']|\d+|auto\(\))[ \t]*,?[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_HEADING_STAMP_AFTER = re.compile(r"[ \t　]*[／/｜|][ \t　]*[^\s／/｜|]")
_FULLWIDTH_TITLE_AFTER = re.compile(r"[ 　][ \t　]*(?![とのやにをはがっ])[^\s／/｜|、。?？]")
_RULE_LINE_BEFORE = re.compile(r"^[ \t]*[━─—=＝_~-]{4,}[ \t]*\n\Z", re.MULTILINE)


def _title_stamp(text: str, start: int, end: int) -> bool:
    """The marking on the first line, after the title and a separator, ending that line or a bracket; or heading a
    line, before a separator and the title."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip(_HEADING_BULLETS) and (h := _HEADING_STAMP_AFTER.match(text, end)):
        # (not the levels listed: 「■社外秘／部外秘の違い」)
        return not _LEVEL.match(text, h.end() - 1)
    # (or parted from the title by a (full-width, folded) space, on the first line of a document pasted between rule lines:
    # 「━━━━\n社内限り　見積原価算出ルール（2024改定）\n・…」, a Confluence or a wiki page copied out, held-out BI's bi-014)
    if (not text[line_start:start].strip(_HEADING_BULLETS) and _FULLWIDTH_TITLE_AFTER.match(text, end)
            and _RULE_LINE_BEFORE.search(text, 0, line_start)):
        return True
    return (
        not text[:line_start].strip()
        and bool(_TITLE_STAMP.match(text, line_start, start))
        and bool(_STAMP_END.match(text, end))
        # (not a bracketed mark a sentence's particle leads into: 「メールの件名に【社外秘】って付いてるものを…送っちゃった場合の…」,
        # held-out CF's cf-096, a kind of mail named by its mark; a title does not end in に, が or を before its stamp)
        and not _PARTICLE_BEFORE_JA.search(text, line_start, start)
    )


_PARTICLE_BEFORE_JA = re.compile(r"[ぁ-んァ-ヶー一-龥](?:に|が|を|で|へ|と|も|や)[ \t　]*[【\[（(]$")


# A document's label field holding the marking, as a wiki page or a DMS record prints it ("Label: CONFIDENTIAL —
# Board only", "Tags: internal-only"): the document is marked (the word "label" in a sentence stays a topic word).
_LABEL_FIELD = re.compile(r"(?i:^[ \t>*-]*(?:(?:sensitivity\s+|page\s+|document\s+)?labels?|tags?)[ \t]*[:：][ \t]*$)")


# A policy that defines its levels one per line, each with what it covers ("PUBLIC — may be shared with anyone",
# "INTERNAL — for staff…", "CONFIDENTIAL — for documents whose release…"): a scheme set out, no document stamped.
# A real stamp heads a line alone, not as one of three or more levels in a row of lines. (held-out Z, z-043)
_LEVEL_LINE = re.compile(
    # (numbered, or lettered as a policy's clauses are: "(a) PUBLIC: …", "(c) CONFIDENTIAL: …", held-out BA's ba-155)
    # (and the English lowest class named "General" or "Internal general", as a policy may call it: "(3) General: …", bx-148's class)
    r"^[ \t>*#_-]*(?:\d+(?:\.\d+)*\.?[ \t]+|\(?[a-h]\)[ \t]+|\(?(?:i|ii|iii|iv|v)\)[ \t]+)?(?i:public|internal(?:\s+use)?(?:\s+only)?|(?:internal\s+)?general|confidential|strictly\s+confidential|"
    r"restricted|secret|top\s+secret|official(?:-sensitive)?|sensitive|private|highly\s+confidential)[ \t]*[—–:-]"
    # (and the Japanese scheme's levels, as a 文書管理規程 sets them out: 「極秘：役員のみが見る文書」)
    # (numbered 「1.」「1)」 or bracketed 「(1)」, held-out AB's ab-076)
    # (a level may carry its audience before 一般/公開 or 情報 after it, as a 文書管理規程 names its lowest class: 「(3) 社内一般：
    # 社内で共有してよい情報」「社外公開情報：」, held-out BX's bx-148, whose two other levels alone were no scheme)
    r"|^[ \t・*-]*(?:[(（]?(?:\d+|[a-hア-オ])[.．)）][ \t]*)?(?:極秘|厳秘|秘|社外秘|部外秘|関係者外秘|社内限り?|社内限定|(?:社内|社外)?(?:公開|一般)|取扱注意)(?:情報|文書)?[ \t]*[—–:：-]"
    # ...or numbered, each a heading over its definition: 「(1)極秘\n経営に重大な影響を与える情報。」 (held-out AA's aa-138)
    r"|^[ \t・*-]*[(（]?\d+[.．)）][ \t]*(?:極秘|厳秘|秘|社外秘|部外秘|関係者外秘|社内限り?|社内限定|公開|一般|取扱注意)[ \t]*$",
    re.MULTILINE,
)


def _level_definitions(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    if not _LEVEL_LINE.match(text, line_start):
        return False
    block_start = line_start
    for _ in range(4):  # up to four lines above
        if block_start == 0:
            break
        block_start = text.rfind("\n", 0, block_start - 1) + 1
    block_end = line_start
    for _ in range(5):  # this line and up to four below
        nxt = text.find("\n", block_end)
        if nxt < 0:
            block_end = len(text)
            break
        block_end = nxt + 1
    levels = {m.group().strip(" \t>*#_-—–:").lower() for m in _LEVEL_LINE.finditer(text, block_start, block_end)}
    return len(levels) >= 3


_AFTER_STAMP = re.compile(r"[ \t]*(?:$|[)）】\]:：|｜—–(（.,;!-])", re.MULTILINE)


def _scheme_doc(text: str) -> bool:
    """The prompt sets out a classification scheme: three or more levels listed in a row ("one of four levels: PUBLIC,
    INTERNAL, CONFIDENTIAL, or STRICTLY CONFIDENTIAL"), or defined one per line. Its sentences then use the levels'
    names as words of the policy ("CONFIDENTIAL information is restricted to…", "treat information as CONFIDENTIAL"),
    not as stamps; a stamp heading a line or a bracket still counts (held-out AA's aa-054, aa-138)."""
    for m in _LEVEL.finditer(text):
        if _in_scheme(text, m.start()) or _level_definitions(text, m.start()):
            return True
    return False


def _as_topic(text: str, start: int, end: int, *, bracketed: bool, scheme_doc: Callable[[], bool] | None = None) -> bool:
    if _quoted(text, start, end):
        return True
    if _level_definitions(text, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    # (a stamp heading a line ends there or at a separator; "Do not forward CONFIDENTIAL documents outside…" opening
    # a line is a sentence, judged by its words below)
    stamp = _heads_line(text, start) and (text[end - 1] in "-–—:：|/.!" or bool(_AFTER_STAMP.match(text, end)))
    if bracketed or stamp or _title_stamp(text, start, end) or _LABEL_FIELD.match(text[line_start:start]):
        return False
    if scheme_doc is not None and scheme_doc():
        return True
    sentence = next((m for m in sentences(text) if m.start() <= start < m.end()), None)
    # (a Japanese sentence about the scheme names the English levels as topics too: 「英語の区分（Confidential / Strictly
    # Confidential）も併記」, held-out AX's ax-033; the converse of the English words read in a Japanese sentence below)
    return sentence is not None and bool(_EN_META.search(sentence.group()) or _JA_META.search(sentence.group()))


# A classification *scheme* lists its levels: 「機密区分：極秘・秘・社外秘・公開」, "Classification: Public /
# Internal / Confidential / Restricted". Defining the levels (a policy table) labels no document.
_LEVEL = re.compile(
    r"(?i:strictly\s+confidential|highly\s+confidential|public|internal|confidential|restricted|secret|top\s+secret|private|sensitive)"
    # (社内限, as a scheme shortens 社内限り: 「公開・社内限・社外秘・極秘の4区分」, held-out BD's bd-162)
    r"|極秘|厳秘|社外秘|部外秘|秘|公開|社内限り?|一般|取扱注意"
)
_LEVEL_SEP = re.compile(r"\s*(?:[・、,/|／](?:\s*(?:and|or)\b)?|\band\b|\bor\b)\s*")


def _scheme(text: str, start: int) -> bool:
    """Two or more classification levels in a row from `start`: a list of levels, not a label."""
    levels, pos = 0, start
    while levels < 2:
        m = _LEVEL.match(text, pos)
        if not m:
            return False
        levels += 1
        sep = _LEVEL_SEP.match(text, m.end())
        if not sep or sep.end() == m.end():
            return levels >= 2
        pos = sep.end()
    return True


_BLANK_FIELD = re.compile(r"[【\[（(<＜〔]?[\s_＿]*[】\]）)>＞〕]")
# 「社外秘ではない公開版」: the marking denied
_DENIED_JA = re.compile(r"\s*(?:では|じゃ|でも)(?:ない|なく|ありません)")


def _in_scheme(text: str, start: int) -> bool:
    """The level at `start` is one of a list of three or more levels ("社外秘, 部外秘 and 極秘"), first or later
    in it. (Two are a bilingual stamp: 「部外秘 / Confidential」, G's hg-224 and U's u-113.)"""
    first = start
    while m := _AFTER_LEVEL.search(text, max(0, first - 20), first):
        first = m.start()
    levels, pos = 0, first
    while m := _LEVEL.match(text, pos):
        levels += 1
        sep = _LEVEL_SEP.match(text, m.end())
        if not sep or sep.end() == m.end():
            break
        pos = sep.end()
    return levels >= 3


# (the text before a level ends with another level and a separator: 「…社外秘、」 "…Internal or ")
_AFTER_LEVEL = re.compile(rf"(?:{_LEVEL.pattern}){_LEVEL_SEP.pattern}$")
# A rule about documents that carry a marking, as a regulation's article states it: 「極秘文書の社外持ち出しは禁止する」
# 「社外秘文書は上長の許可を得た場合に限り持ち出すことができる」 (the Japanese of "Documents marked CONFIDENTIAL must
# not be uploaded", `_EN_META`); not 「この社外秘資料は…」, the paste itself. (held-out X, x-063)
_RULE_ABOUT_MARKED_JA = re.compile(
    r"(?<!この)(?<!本)(?<!添付の)(?<!以下の)(?<!下記の)(?:文書|資料|情報|ファイル|データ|書類)(?:の|は|を)[^。\n]{0,40}?"
    r"(?:禁止する|禁止とする|できる|できない|とする|しなければならない|してはならない|を要する|ものとする"
    # (or a rule list's don't, as a security memo's bullets write it: 「クラウドLLMに社外秘資料を貼らない」, held-out BI's bi-104)
    r"|(?<=[らさかまわし])ない(?:こと)?|禁止)(?:。|$)",
    re.MULTILINE,
)
# 「ICカードの取り扱い注意」: the cautions for handling a thing, a heading in a list, not a document's stamp (held-out X, x-057)
_HANDLING_OF = re.compile(r"の(?=取扱注意|取扱い注意|取り扱い注意)")


# An e-mail disclaimer's boilerplate hedges: "This email may contain confidential information. If you are not the
# intended recipient…", 「本メールは機密情報を含む場合があります。誤って受信された方は…」. Mail servers append it to every
# message, so it marks none, and a question about such footers quotes it (held-out AA's aa-020, aa-067). The hedge
# covers the label that opens it ("CONFIDENTIAL: This email may contain…").
_DISCLAIMER = re.compile(
    r"(?i:\b(?:may|might|could)\s+(?:also\s+)?contain\s+(?:\w+\s+){0,3}(?:confidential|privileged|proprietary)|"
    r"\bnot\s+the\s+intended\s+recipient|"
    # ...or says what to do if it went astray (held-out BE's be-028: "This e-mail and any attachments are confidential and intended
    # solely for the addressee. If you have received it in error, please notify the sender"); "intended solely for the addressee"
    # alone is not enough (dev2-010's "NOTICE: … confidential and intended solely for the addressee" stays marked)
    r"\bif\s+you\s+(?:have\s+)?received\s+(?:this|it)\s+(?:e-?mail\s+|message\s+|communication\s+)?(?:in\s+error|by\s+mistake)\b)"
    r"|(?:機密|秘密)情報(?:等)?(?:が|を)含(?:む|まれ(?:る|ている))(?:場合|可能性|ことが)|誤って(?:受信|届い|受け取|送信され)"
)


def _disclaimer(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    return bool(_DISCLAIMER.search(text, max(0, start - 60), min(len(text), end + 80) if line_end < 0 else min(line_end, end + 80)))


# A handling notice quoted as wording to translate or reuse: "Can you translate 'Confidential - please do not
# forward' for our footer?", 「英訳して「本資料は社外秘です。無断での転送・複製を禁じます。」」 (held-out AB's ab-177,
# ab-183). The quotes hold the notice alone (the level and what not to do with the document), so no document's
# content is in the prompt; a quoted paste with anything more ("'CONFIDENTIAL: 40 roles go in March'") is judged as
# before.
_NOTICE_WORDS = re.compile(
    r"(?i:\b(?:do\s+not|don'?t|must\s+not|may\s+not|not\s+to\s+be)\s+(?:be\s+)?(?:forward|copy|cop(?:ied|y)|share|shared|distribut|disclos|"
    r"circulat|reproduc|print|pass)\w*|\bfor\s+internal\s+(?:use|distribution)\s+only\b|\binternal\s+use\s+only\b|\bnot\s+for\s+(?:external\s+|wider\s+|outside\s+)?(?:distribution|circulation)\b|"
    # ...or whom it is for, as a disclaimer says it: "confidential and intended only for the addressee" (held-out AC's ac-120)
    r"\bintended\s+(?:only|solely|exclusively)\s+for\s+(?:the\s+)?(?:use\s+of\s+the\s+)?(?:named\s+|intended\s+)?(?:addressee|recipient|individual)s?\b)"
    r"|(?:転送|複製|複写|開示|持ち?出し|配布|共有|コピー|印刷|二次利用)[^」』\n]{0,12}?(?:禁じ|禁止|しないで|ご遠慮|お控え|不可)|社内限り|関係者限り|"
    r"(?:宛先|宛名|受信者)(?:の方)?(?:のみ|だけ|以外)"
)
_NOTICE_LEFTOVER = re.compile(
    r"(?i:confidential|strictly|internal|restricted|private|secret|please|and|or|this|document|e-?mail|message|is|are|only|use)|"
    r"本資料|本書|本メール|この資料|この文書|は|です|ます|。|、|無断|での|の|を|に|外部|社外|第三者|への|ください|"
    r"(?i:\bthe\b|\bfor\b|\bcontents?\b|\binformation\b|\bcontains?\b|\bprivileged\b)|方|向け|機密|情報|含ま|れて|い"
)


# ...asked for as wording (translated, or put in a footer, a signature, a stamp, a template), not quoted as the marking
# on a document the prompt goes on to give ("from a deck marked 'Internal only - not for distribution': prices up 6%",
# held-out AB's ab-061, stays marked)
_WORDING_REQUEST = re.compile(
    r"(?i:\btranslat|\bin\s+(?:japanese|english|french|german|spanish|chinese|korean)\b|\bhow\s+(?:do\s+(?:you|i|we)|to)\s+(?:say|write|phrase|word)\b|"
    r"\bfooter|\bsignature|\bwording\b|\bstamp\b|\btemplate|\bboilerplate\b)"
    r"|英訳|和訳|翻訳|英語に|日本語に|英語で|訳して|フッター|署名|文言|定型文|テンプレ|ひな形|雛形|スタンプ|ハンコ"
)
_MARKED_BEFORE = re.compile(
    r"(?i:\b(?:marked|stamped|labell?ed|headed|titled|watermarked)\b|"
    # ...or said to be printed on the document at hand, whose content follows (held-out BE's be-035: "speaker notes from our board
    # deck (footer says \"Confidential - Do not distribute\"). Translate to Japanese: \"We will exit…\""): the footer *says* it, it is
    # not wording asked for ("translate 'Confidential - do not forward' for our footer" stays a request)
    r"\b(?:footer|header|heading|cover(?:\s+page)?|watermark|banner|stamp|label|top\s+of\s+(?:the\s+|each\s+|every\s+)?(?:page|slide)s?)\s+"
    r"(?:says|said|reads|read|shows|showed|states|stated)\b|\b(?:it|which|that)\s+(?:says|reads)\s+(?:on|at|in)\s+(?:the\s+)?"
    r"(?:top|bottom|footer|header|cover|every\s+(?:page|slide))\b)|と書かれ|の付いた|とある|と押された"
)


_PUT_JA = re.compile(r"[」』]\s*を(?:一括で|まとめて|全部|すべて|全て|自動で|自動的に|一斉に)?(?:付け|つけ|付与|入れ|挿入|表示|記載|追加|設定)"
    # (to be put in, not already in a document: 「「本資料は社外秘です」を入れた資料を添付します」 is the marked paste)
    r"(?!た(?!い|く)|てあ|ている|てる|済|し(?:た(?!い|く)|てあ|ている|てる)|され)")


def _quoted_notice(text: str, start: int, end: int) -> bool:
    opening = max(text.rfind(q, max(0, start - 40), start + 1) for q in _QUOTES)
    if opening < 0 or "\n" in text[opening:start]:
        return False
    close = _QUOTES[text[opening]]
    closing = text.find(close, max(end, opening + 1))
    if closing < 0 or closing - opening > 120 or "\n" in text[end:closing]:
        return False
    inside = text[opening + 1 : closing]
    notice = _NOTICE_WORDS.search(inside)
    # (or no handling words, the level alone in a sentence, as what is put in a footer or a header: 「フッターに「本資料は社外秘です」
    # を一括で入れる方法」, "add 'This deck is confidential' to every slide footer", held-out BC's bc-103)
    put = bool(_PUT_JA.match(text, closing)) or (
        bool(_ATTACH_BEFORE_EN.search(text, max(0, opening - 20), opening + 1)) and bool(_ATTACH_AFTER_EN.match(text, closing + 1)))
    if not (notice or put) or any(c.isdigit() for c in inside) or _MARKED_BEFORE.search(text, max(0, opening - 30), opening):
        return False
    # (the Japanese says it after the quote, the document's content then quoted: 「フッターに「社外秘・転送禁止」と書いてあります。
    # 英訳して：「…」」, be-035's class)
    if text[closing : closing + 1] in ("」", "』") and _stamp_then_content(text, closing + 1):
        return False
    if not (put or _WORDING_REQUEST.search(text, 0, opening) or _WORDING_REQUEST.search(text, closing)):
        return False
    # what is left beside the level and the notice is the notice's own wording, not a document's content
    rest = _NOTICE_WORDS.sub(" ", inside) if notice else inside
    rest = re.sub(r"[\W_]+", " ", _NOTICE_LEFTOVER.sub(" ", _LEVEL.sub(" ", rest)))
    return len(rest.split()) <= 3


# ...unless the quote is the stamp on the document at hand, whose content the sentence goes on to give: 「「部外秘」と書かれた
# 資料で、入札予定価格が4,280万円」 (held-out AD's ad-056). A hypothetical (「…と書かれた資料を送ってしまった場合」) is
# already a topic by _JA_META.
_QUOTED_STAMP_JA = re.compile(
    r"(?:と|って)(?:書かれた|書いてある|書いてあった|書かれている|記載された|記載のある|押された|印字された|ある|あった|付いた|ついた)"
    r"[^。\n]{0,6}?(?:資料|文書|書類|ファイル|メール|PDF|スライド|表|データ|紙|見積書|企画書)(?:で|に|には|によると|の中で|から|を見ると|では)"
)


# ...or the document at hand introduced with it, its content told after in figures: 「「極秘」って書いてある人事資料なんですが、
# 来期に…正社員18名を配置転換する計画です」 (held-out BL's bl-177); not 「「極秘」って書いてある資料なんですが、捨て方は？」 (no
# content given) nor 「…資料を見せたらダメ？」 (a hypothetical, _QUOTED_STAMP_JA's own exclusion)
_QUOTED_STAMP_INTRO_JA = re.compile(
    r"(?:と|って)(?:書かれた|書いてある|書いてあった|書かれている|記載された|記載のある|押された|印字された|付いた|ついた)"
    r"[^。\n]{0,6}?(?:資料|文書|書類|ファイル|メール|PDF|スライド|企画書|計画書)(?:なん|なの)?(?:です|だ)(?:が|けど|けれど)[、,]?"
    r"(?P<content>[^。\n]{0,80}?\d[^。\n]{0,40}?(?:計画|予定|方針|見込み|案)|[^。\n]{0,40}?(?:計画|予定|方針|見込み)[^。\n]{0,40}?\d)"
)


# ...or said of the document at hand, whose content the prompt then quotes: 「社内報で配られたんですが、「社外秘」ってなってる。
# 『来期、大阪工場を閉鎖し…』」 (held-out AH's ah-118, rules alone); not 「「社外秘」って書いてある資料を見せたらダメ？」 (nothing quoted)
_SAID_OF_DOC_JA = re.compile(r"(?:って|と)(?:なって|書いて|書かれて|押されて|印字されて|入って)(?:る|いる|た|いた|います|ました|あ)")
_QUOTED_PASSAGE_JA = re.compile(r"[「『]([^」』\n]{12,})[」』]")


# ...or the quoted mark an adjective of the document at hand, its passage quoted after it: 「以下は「社内限り」の監査調書の一部です：
# 『売上カットオフ検証で…検収書なし』」 (held-out BG's bg-003); not 「「社外秘」の資料の扱い方」 (nothing quoted after it).
# (a notice or a circular is as much a document as a memo, and an excerpt is said 「…から抜粋：」 as often as 「…の抜粋です：」:
# 「以下は「社外秘」の社内通達の一部です：「…」」「「厳秘」の報告書から抜粋：「…」」, held-out BN's bn-124)
_DOC_NOUN_JA = (
    r"資料|文書|書類|調書|メモ|議事録|報告書|レポート|ファイル|メール|スライド|データ|原稿|稟議書|計画書|"
    r"通達|通知|回覧|連絡|案内|指示書|企画書|提案書|見積書|契約書|仕様書|設計書|決裁書|起案書|要綱|方針書"
)
_MARKED_DOC_JA = re.compile(
    rf"の[ \t　]*(?:[一-龥ァ-ヶー]{{1,8}}?)?(?:{_DOC_NOUN_JA})(?:文|書)?"
    r"(?:の(?:一部|抜粋|一節|内容|本文)|(?:から|より)(?:の)?(?:抜粋|引用|一部))?(?:です|になります|より|から|を)?[ \t　]*[:：]?[ \t　]*\n?"
)


def _marked_doc_quoted(text: str, pos: int) -> bool:
    """「…」の<document>の一部です：「<passage>」 from `pos` (just after the mark's closing quote)."""
    d = _MARKED_DOC_JA.match(text, pos)
    return d is not None and _QUOTED_PASSAGE_JA.match(text, d.end()) is not None


# ...or the document's content told in the writer's words rather than quoted, figures in it: 「「関係者外秘」のスタンプが押してある
# 資料なんですが、次期の…を2026年3月に閉鎖して…統合する、と書いてあります」 (held-out BN's bn-128), 「「社外秘」の資料で、来期に
# …を8%減らす方針だそうです」. Not a question about the document (「…資料なんですが、2年前のものでも保管義務はありますか？」:
# no reported clause) nor a hypothetical (場合, どう…).
_REPORTED_CONTENT_JA = re.compile(
    r"(?:なん|なの)?(?:です|だ)?(?:が|けど|けれど|けども|で)[、,]?[ \t　]*(?P<content>[^。\n？?]{12,140}?)"
    r"(?:[、,]?(?:と|って)(?:書いて|書かれて|記載されて|記されて|なって|あり|ある)|とのこと|だそう|らしい|"
    r"(?:(?<=計画|予定|方針)|(?<=見込み))(?:です|だ|。|$))"
)


def _reported_content(text: str, pos: int) -> bool:
    r = _REPORTED_CONTENT_JA.match(text, pos)
    return (r is not None and any(ch.isdigit() for ch in r.group("content"))
            and not _HYPOTHETICAL_JA.search(r.group("content")))


# (the document at hand introduced, 「…の資料なんですが、」, before its content is told: a bare 「…の資料で、」 also opens a topic)
_DOC_AT_HAND_JA = re.compile(
    rf"の[ \t　]*(?:[一-龥ァ-ヶー]{{1,8}}?)?(?:{_DOC_NOUN_JA})(?:文|書)?(?=(?:なん|なの)?(?:です|だ)(?:が|けど|けれど|けども))"
)


# ...or items drawn from a document handled as marked, with their figures: 「「極秘」扱いの用地仕入れ候補リストから、世田谷区の3件の想定利回りを
# 比較する表を作りたい。仕入れ予定価格はそれぞれ1.8億、2.4億…」 (held-out BW's bw-097). The list is the writer's, its entries and
# figures are the content; not a hypothetical (「…から情報を抜き出すときの注意点」) nor a figure-less request.
_DRAWN_FROM_MARKED_JA = re.compile(
    rf"(?:扱い|指定)?の[ \t　]*(?:[一-龥ァ-ヶーぁ-ん]{{1,12}}?)?(?:{_DOC_NOUN_JA}|リスト|一覧|名簿|表|台帳)(?:から|より)[、,]?"
    r"(?P<content>[^\n]{8,240})"
)


def _drawn_from_marked_doc(text: str, pos: int) -> bool:
    d = _DRAWN_FROM_MARKED_JA.match(text, pos)
    if d is None:
        return False
    content = d.group("content")
    return bool(_FIGURE_WITH_UNIT_JA.search(content)) and not _HYPOTHETICAL_JA.search(content) and not re.search(r"[?？]", content)


def _marked_doc_then_content(text: str, end: int) -> bool:
    """The mark ending at `end` (its closing bracket may follow) is an adjective of a document whose content the prompt then
    quotes or tells. A sentence that carries it is the paste even when its quoted words look like a topic (「…旅費規程を改定し
    …」: 規程 is _JA_META's word)."""
    pos = end + 1 if text[end : end + 1] in ("」", "』", "】", "〕", "］") else end
    if _marked_doc_quoted(text, pos) or _drawn_from_marked_doc(text, pos):
        return True
    d = _DOC_AT_HAND_JA.match(text, pos)
    return d is not None and _reported_content(text, d.end())


# ...or the mark an adjective of the draft or document at hand, its content given in the same breath (session 24, held-out CH's
# ch-121, CI's ci-067): 「この「部外秘」の回収委託契約書ドラフト、第7条の手数料率（回収額の32%）を下げたい」 (the document at hand, この,
# a figure with its unit in the sentence), 「「取扱注意・関係者限り」の政策協定案…を貼るので…：第1条 …」 (its clauses after a colon,
# figures in them). A draft (案, ドラフト) is as much a marked document as a memo. Not a hypothetical nor a question about it (「この
# 「社外秘」の資料、どう扱えばいい？」, 「「社外秘」の資料を作るときの注意点：1. …」).
_MARKED_DRAFT_JA = re.compile(
    rf"(?:[・/／][^」』】\n]{{1,10}})?[」』】]?の[ \t　]*[^。\n、「」]{{0,20}}?(?:{_DOC_NOUN_JA}|案|ドラフト|草案|原案|たたき台)"
)
_RULE_WORDS_JA = re.compile(r"ルール|規程|規定|ポリシー|ガイドライン|注意点|扱い方|取り扱い方|書き方|作り方")


def _marked_doc_given_ja(text: str, start: int, end: int) -> bool:
    d = _MARKED_DRAFT_JA.match(text, end)
    if d is None:
        return False
    stop = text.find("。", d.end())
    rest = text[d.end() : len(text) if stop < 0 else stop]
    if _AT_HAND_BEFORE_JA.search(text, max(0, start - 6), start) and _FIGURE_WITH_UNIT_JA.search(rest) and not (
            _HYPOTHETICAL_JA.search(rest) or _RULE_WORDS_JA.search(rest) or re.search(r"[?？]", rest)):
        return True
    c = _COLON_PASSAGE.search(text, d.end(), min(len(text), d.end() + 160))
    return (c is not None and not _HYPOTHETICAL_JA.search(text, d.end(), c.start()) and not _RULE_WORDS_JA.search(text, d.end(), c.start())
            and any(ch.isdigit() for ch in c.group(1)[2:]))


def _stamp_then_content(text: str, pos: int) -> bool:
    if _marked_doc_quoted(text, pos):
        return True
    if (d := _DOC_AT_HAND_JA.match(text, pos)) is not None and _reported_content(text, d.end()):
        return True
    if not _SAID_OF_DOC_JA.match(text, pos):
        return False
    q = _QUOTED_PASSAGE_JA.search(text, pos, min(len(text), pos + 200))
    return q is not None and q.start() - pos <= 40


# ...or named as a stamp on the document at hand, the quoted passage after it taken from that document: 「Internal only の
# スタンプ押してある資料なんですけど、「…切替、年間コスト1.7億円削減見込み」って部分、英語にして」, "This slide has an INTERNAL
# ONLY stamp on it — translate this bit: '…'" (held-out AY's ay-055). The stamp words make the sentence look like a topic
# (_JA_META, _EN_META); a stamp that is *on* something the writer has, then its words, is the paste. (Not 「社外秘のスタンプが
# 押してある資料を送ってしまった場合」: nothing quoted.)
_STAMPED_ON = re.compile(
    # (the stamp as a seal, 判, once pressed: 「「社外秘」の判が押された報告書」, the Japanese of held-out CC's cc-105)
    r"[」』\]】]?[ \t]*(?:の|という|って)?[ \t]*(?:スタンプ|ハンコ|判子|印|ラベル|表示|透かし|判(?=[がの]?[ \t]*押))(?:が|の)?[ \t]*"
    r"(?:(?:押して|押され|押印され|付いて|ついて|入って|貼って|貼られて|書いて|印字されて)(?:ある|あった|いる|いた|る|た|ます)"
    # (or as an adjective of the document: 「「取扱注意」のスタンプ入りの文書」「【秘】印付きの資料」)
    r"|(?:入り|付き|つき)(?:の)?)"
    rf"(?:[^。\n「『]{{0,8}}?(?:PDF|紙|{_DOC_NOUN_JA})"
    # (or the document by its title in 『』: 「社外秘スタンプ付きの『仲介手数料値引き基準（2024年10月改定）』なんですが、「…」って部分を」,
    # held-out BW's bw-013)
    r"|『[^』\n]{2,40}』)"
    # (the stamp's closing quote in English too: 'a document with a "Not for distribution" stamp on it that says…', and on
    # every page of it)
    r"|(?i:[\"”'’\]】)]?[ \t]+(?:stamp|label|watermark|sticker|banner)s?[ \t]+(?:on|at\s+the\s+top\s+of|across)[ \t]+"
    r"(?:it|this|them|the\s+(?:doc|document|slide|page|file|deck|memo|report|circular|notice)|(?:every|each)\s+(?:page|slide)|all\s+(?:the\s+)?pages))"
)
_EN_MARK_ANYWHERE = re.compile(rf"(?<![A-Za-z])(?i:{_EN_MARK})(?![A-Za-z])")


# A mark quoted after "marked"/"stamped" and the marked document's words quoted after it: 'part of a circular marked "Internal
# Only": "From 1 May the Derby site…"', 'The memo is stamped "Confidential – Internal": "We will close…"' (the English of
# 「「社外秘」の通達の一部です：「…」」, held-out BN's bn-124). The quotes make the mark look like a word (_as_topic); a quoted
# passage right after it is the paste. Not news of someone else's leak ("a leaked memo marked 'Confidential' said: '…'").
_MARKED_QUOTE_BEFORE_EN = re.compile(r"(?i:\b(?:marked|stamped|labell?ed|watermarked|headed|classified)\s+(?:as\s+)?[\"“'‘])$")
_MARK_QUOTE_CLOSE_EN = re.compile(r"[^\"”'’\n]{0,30}?[\"”'’][ \t]*(?:[)\]][ \t]*)?(?:[:：,;—–-][ \t]*)?\n?[ \t]*"
                                  # (or the mark's sentence ends and a short request introduces the passage with a colon: "Doc is
                                  # stamped 'Internal Use Only – AML Bulletin #14'. Need it rephrased for branch staff: '…'", held-out
                                  # BY's by-152)
                                  r"(?:(?<=[\"”'’])\.[ \t]+[^\n\"“'‘.?!:]{4,60}[:：][ \t]*\n?[ \t]*)?")
# (session 24, held-out CH's ch-168: the mark said of the document at hand, "This is marked 'Internal only – Board of Directors'
# from our advocacy org. Can you rewrite it as talking points? '…'": the mark's sentence runs on a few words and the request may
# end in a question mark before the passage is quoted. Only when "this"/"it" is what is marked: a policy's "anything stamped
# 'Internal Use Only' stays on the intranet. Can you tighten this wording: '…'" quotes its own rule, no marked paste.)
_AT_HAND_MARKED_EN = re.compile(
    r"(?i:\b(?:this|it|it['’]s|this['’]s|which|that|(?:the|this|our|my)\s+(?:[\w-]+\s+){0,2}?(?:memo|deck|document|doc|e-?mail|"
    r"report|letter|file|draft|note|brief|paper|slide|page)\s+(?:is|was|has\s+been))\s+(?:(?:is|was|has\s+been|'s)\s+)?(?:marked|stamped|labell?ed|watermarked|headed|"
    r"classified)\s+(?:as\s+)?[\"“'‘])$"
)
_MARK_QUOTE_RUNS_ON_EN = re.compile(
    r"[^\"”'’\n]{0,30}?[\"”'’][ \t]+[^\n\"“'‘.?!:]{1,40}\.[ \t]+[^\n\"“'‘.?!:]{4,80}[?？:：][ \t]*\n?[ \t]*"
)
_LEAK_NEWS = re.compile(r"(?i:\bleak(?:ed|s|ing)?\b|\bnews\b|\breported(?:ly)?\b|\barticles?\b|\bjournalists?\b|\bwhistle-?blow)")


# ...or the mark an adjective of the document at hand, its passage given after a colon (session 24, held-out CH's ch-119: "Paste
# from our lobbying firm's strictly confidential client memo: 'Client … authorises up to $250k …'"): the mark, up to three words,
# a document's noun, a colon, then a quoted passage or an unquoted one with a figure. Not news of someone else's leak, nor a
# hypothetical ("what should I do if a confidential memo: …").
_MARKED_DOC_COLON_EN = re.compile(
    r"[\"”'’]?[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?i:memo|memorandum|document|doc|e-?mail|report|deck|brief|briefing|letter|minutes|"
    r"plan|proposal|draft|notes?|file|slides?|agreement|contract|circular|bulletin)s?\b[^\n:：.?!]{0,30}?[:：][ \t]*\n?[ \t]*"
)


def _marked_doc_colon_en(text: str, start: int, end: int) -> bool:
    d = _MARKED_DOC_COLON_EN.match(text, end)
    if d is None or _LEAK_NEWS.search(text, max(0, text.rfind("\n", 0, start) + 1), start):
        return False
    if _HYPOTHETICAL_JA.search(text, max(0, start - 40), d.start()) or _HYPOTHETICAL_JA.search(text, d.start(), d.end()):
        return False
    if _QUOTED_PASSAGE.match(text, d.end()):
        return True
    passage = text[d.end() : d.end() + 200].split("\n", 1)[0]
    return len(passage.strip()) >= 30 and any(ch.isdigit() for ch in passage)


def _marked_quoted_en(text: str, start: int, end: int) -> bool:
    if not _MARKED_QUOTE_BEFORE_EN.search(text, max(0, start - 20), start):
        return False
    c = _MARK_QUOTE_CLOSE_EN.match(text, end)
    if c is None or _LEAK_NEWS.search(text, max(0, text.rfind("\n", 0, start) + 1), start):
        return False
    q = _QUOTED_PASSAGE.match(text, c.end())
    if q is not None or _reported_content_en(text, c.end()) or _marked_doc_says_en(text, c.end()):
        return True
    r = _MARK_QUOTE_RUNS_ON_EN.match(text, end)
    return (r is not None and bool(_AT_HAND_MARKED_EN.search(text, max(0, start - 30), start))
            and _QUOTED_PASSAGE.match(text, r.end()) is not None)


# ...or the marked document named right after the quoted mark and its content told with a figure (held-out CC's cc-105: "Our
# stamped 'Confidential – Internal Use Only' quarterly report says cremation rate hit 71% … Here's the full text"): "our memo
# marked 'Internal Only' board memo states that we close Derby in May", the English of 「「社外秘」の判が押された報告書では…」.
# A document's noun, then its verb of saying; the content needs a digit and must not be a hypothetical ("… report says what if").
_MARKED_DOC_SAYS_EN = re.compile(
    r"(?i:(?:[\w-]+\s+){0,3}?(?:report|memo|deck|document|doc|file|slides?|plan|forecast|minutes|briefing|summary|review|update|"
    r"analysis|letter|e-?mail|notice|circular|bulletin|paper|proposal|budget|spreadsheet|presentation|board\s+pack)s?"
    r"\s+(?:says|said|states|stated|reads|shows|showed|mentions|puts|lists|confirms)\s+(?:that\s+)?)(?P<content>[^.?!\n]{12,160})"
)


def _marked_doc_says_en(text: str, pos: int) -> bool:
    r = _MARKED_DOC_SAYS_EN.match(text, pos)
    return r is not None and any(ch.isdigit() for ch in r.group("content")) and not _HYPOTHETICAL_JA.search(r.group("content"))
_QUOTED_PASSAGE = re.compile(r"[「『\"“']([^」』\"”'\n]{16,})[」』\"”']")


def _stamped_then_quoted(text: str, end: int) -> bool:
    m = _STAMPED_ON.match(text, end)
    if m is None:
        return False
    q = _QUOTED_PASSAGE.search(text, m.end(), min(len(text), m.end() + 160))
    if q is not None and q.start() - m.end() <= 80:
        return True
    # (or its content told in the writer's words: 「…押してある資料なんですが、…閉鎖する、と書いてあります」, "a "Not for
    # distribution" stamp on it that says we're cutting the budget by 22%", held-out BN's bn-128)
    if _reported_content(text, m.end()) or _reported_content_en(text, m.end()):
        return True
    # ...or the content given after a colon, unquoted, with figures in it: 「「極秘」の判子が押してある理事会資料です。…整理して
    # ください：A社 技術点82 価格点70、…」 (held-out BH's bh-100); not a hypothetical's steps (「…押してある資料を送ってしまった場合
    # の対処：1. 上司に報告」)
    c = _COLON_PASSAGE.search(text, m.end(), min(len(text), m.end() + 160))
    return c is not None and not _HYPOTHETICAL_JA.search(text, m.end(), c.start()) and any(ch.isdigit() for ch in c.group(1)[2:])


# ...or said to be IN a place of the document at hand, its footer, header, cover or watermark, the document's content then told
# with figures: 「この資料、フッターに「関係者外秘」って入ってるんですが、Q3の主要顧客別売上（A社 4.2億…）と値上げ予定の一覧です」
# (held-out BU's bu-106). The place stands where s23c's stamp words stand (_STAMPED_ON: 「…のスタンプが押してある資料」); the told
# content must hold a figure with its unit (億, 万円, %, 件, 名) and not be a question (か？) or a hypothetical about the mark
# (「フッターに「社外秘」って入ってる資料を社外に送った場合」, 「…入ってるんですが、消してもいいですか？」).
_PLACE_BEFORE_JA = re.compile(
    r"(?:フッター|ヘッダー|ヘッダ|表紙|透かし|欄外|余白|ページ(?:下部|上部|の下|の上|の隅)|各ページ|全ページ|右上|左上|右下|左下|隅)"
    r"(?:に|には|にも|で|の(?:ところ|部分)に)[ \t　]*[「『【]$"
)
_PLACED_TOLD_JA = re.compile(
    r"[」』】][ \t　]*(?:って|と)[ \t　]*(?:入って|書いて|書かれて|印字されて|記載されて|印刷されて|なって|あり|ある)[^。\n、]{0,8}?"
    r"(?:が|けど|けれど|けども|ので)[、,][ \t　]*(?P<content>[^。\n？?]{12,160}?)(?=[。\n]|$)"
)
_FIGURE_WITH_UNIT_JA = re.compile(r"\d(?:[.,]\d+)?[ \t　]*(?:億|万|千|百万|円|ドル|%|％|件|名|人|社|台|個|ヶ月|か月)")


def _placed_then_told(text: str, start: int, end: int) -> bool:
    if not _PLACE_BEFORE_JA.search(text, max(0, start - 16), start):
        return False
    t = _PLACED_TOLD_JA.match(text, end)
    if t is None:
        return False
    content = t.group("content")
    return (bool(_FIGURE_WITH_UNIT_JA.search(content)) and not _HYPOTHETICAL_JA.search(content)
            and not re.search(r"(?:か|かな|ですか|ますか)$", content))


# The English of it: '"Confidential" in the footer, and it lists our Q3 revenue by customer: Acme 4.2m…', 'The footer says
# "Internal Only" - it's the Q3 pipeline: Halvorsen 2.1m…'. The mark's place (footer, header, watermark, cover) before or
# after it, then the document's content with a figure and its unit (a currency, m/k/bn, %), not a question about the mark
# ("What does the footer "Confidential" mean", "The footer says "Confidential" - should we drop it in 2025?").
_PLACE_BEFORE_EN = re.compile(
    r"(?i:\b(?:footer|header|watermark|cover(?:\s+page)?|banner)s?\s+(?:says|reads|shows|has|is|carries)\s*:?\s*[\"“'‘])$"
)
_PLACE_AFTER_EN = re.compile(
    r"(?i:[\"”'’]\s+(?:in|on|across|at\s+the\s+(?:bottom|top)\s+of)\s+(?:the|its|every|each|all\s+the)\s+"
    r"(?:footer|header|watermark|cover(?:\s+page)?|pages?|slides?)s?\b)"
)
_TOLD_AFTER_EN = re.compile(
    r"(?i:[^\n?]{0,40}?(?:[,;:—–-]|\.(?!\d))\s*(?:and\s+)?(?:it|this|the\s+(?:doc|document|deck|file|sheet|report|memo|slide)s?)"
    r"\s*(?:is|'s|’s|lists|shows|has|covers|contains|includes|gives|sets\s+out)\b)(?P<content>[^\n?]{12,200})"
)
_FIGURE_WITH_UNIT_EN = re.compile(r"(?i:[$£€¥]\s?\d|\d(?:[.,]\d+)?\s?(?:(?:m|k|bn|million|billion|percent)\b|%))")


def _placed_then_told_en(text: str, start: int, end: int) -> bool:
    if _PLACE_BEFORE_EN.search(text, max(0, start - 30), start):
        pos = end
    elif (a := _PLACE_AFTER_EN.match(text, end)) is not None:
        pos = a.end()
    else:
        return False
    t = _TOLD_AFTER_EN.match(text, pos)
    return (t is not None and bool(_FIGURE_WITH_UNIT_EN.search(t.group("content")))
            and not _HYPOTHETICAL_JA.search(t.group("content")) and not _LEAK_NEWS.search(text, max(0, start - 80), start))


_COLON_PASSAGE = re.compile(r"[:：][ \t　]*([^\n]{12,})")
# ("that says …", "and it says …", with a figure: the document's content, not a question about the stamp)
_REPORTED_CONTENT_EN = re.compile(
    r"(?i:[ \t]*[,—–-]?[ \t]*(?:that|which|and(?:\s+it|\s+they)?|it|they)\s+(?:says|say|said|states|reads|mentions|shows)\s+(?:that\s+)?)"
    r"(?P<content>[^.?!\n]{12,160})"
)


def _reported_content_en(text: str, pos: int) -> bool:
    r = _REPORTED_CONTENT_EN.match(text, pos)
    return r is not None and any(ch.isdigit() for ch in r.group("content")) and not _HYPOTHETICAL_JA.search(r.group("content"))
_HYPOTHETICAL_JA = re.compile(r"場合|とき|時の|どう|べき|(?i:\bif\b|\bwhat\s+(?:to|should)\b)")


# The document that follows, said to carry a marking as it is introduced: 「以下は「社外秘」の見積比較です。」「下記は社外秘
# の資料です：」 (held-out BH's bh-152) with its content (figures) after. The quotes and a word like 比較 make the sentence look
# like a topic (_JA_META); 以下/下記 point at the paste. Not the mark explained (「以下は「社外秘」の意味です」).
_PASTE_LEAD_JA = re.compile(r"(?:以下|下記|次|これ|こちら)(?:の(?:内容|資料|文書))?(?:は|が)[ 　]*[「『【]?$")
_PASTE_MARK_AFTER_JA = re.compile(r"[」』】]?(?:の|扱いの|です|：|:)(?![^。\n]{0,12}?(?:とは|意味|定義|違い|ルール|規程|区分|例|付け方|使い方))")


def _introduces_paste(text: str, start: int, end: int) -> bool:
    if not (_PASTE_LEAD_JA.search(text, max(0, start - 12), start) and _PASTE_MARK_AFTER_JA.match(text, end)):
        return False
    stop = text.find("。", end)
    rest = text[end if stop < 0 else stop : end + 300]
    return any(ch.isdigit() for ch in rest)


# A marking named as what gets attached, the rule being written about it: 「メールの件名に【社外秘】を付けるルールを作りたい」,
# "a rule for adding [CONFIDENTIAL] to email subject lines" (held-out AY's ay-087): the bracketed mark is the object of a verb
# of attaching, not a stamp on this text.
_ATTACHED_JA = re.compile(r"[】\]」』]?\s*を(?:付け|つけ|付与|入れ|押す|押し|押さ|表示|記載す|記載し|書く|書か|書き|追加)")
_ATTACH_BEFORE_EN = re.compile(
    r"(?i:\b(?:add|adding|added|adds|put|putting|puts|apply|applying|applied|prefix|prefixing|tag|tagging|append|appending|"
    r"insert|inserting|stamp|stamping|mark|marking)\s+(?:a\s+|an\s+|the\s+)?[\[【(<＜《〔'\"‘“]?)$"
)
_ATTACH_AFTER_EN = re.compile(r"(?i:[\]】)>＞》〕]?\s+(?:to|in|on|onto|at)\s+(?:the\s+|all\s+|our\s+|every\s+|each\s+|any\s+)?(?:\w+\s+){0,2}"
                              r"(?:subject|subjects|header|headers|footer|footers|title|titles|documents?|docs?|e-?mails?|files?|slides?|pages?|papers?|"
                              r"reports?|letters?|minutes|decks?|memos?|attachments?|spreadsheets?))")


def _attached(text: str, start: int, end: int) -> bool:
    return bool(_ATTACHED_JA.match(text, end)) or (
        bool(_ATTACH_BEFORE_EN.search(text, max(0, start - 20), start)) and bool(_ATTACH_AFTER_EN.match(text, end))
    )


# A text that defines a marking (「「社外秘」とは、…につける表示です」, "'Confidential' means…", held-out AB's ab-182) is
# about the word: a training handout or a policy, whose later sentences use it as a word (「社外秘の資料を私物のUSBに
# 保存してはいけません」). A stamp heading a line or titling the text still counts.
_DEFINES_MARKING = re.compile(
    r"[「『\"“']?(?:社外秘|極秘|部外秘|厳秘|関係者外秘|社内限り|取扱注意|マル秘)[」』\"”']?(?:とは|というのは|の意味は)"
    r"|(?i:[\"“']?\b(?:confidential|internal\s+only|restricted|strictly\s+confidential)\b[\"”']?\s+(?:means|refers\s+to|is\s+defined\s+as))"
)


# A rule's wording, as training material states it: 「…を貼り付けない。」「持ち出し禁止」「…しないこと」
# (also a regulation's own wording, 「…は原則として社外秘扱いとし、…」「…は部長承認を要する。」, as a policy pasted into training
# material states its rules: held-out BD's bd-162)
_RULE_SAID = re.compile(
    r"(?:ない|禁止|厳禁|ないこと|ないように|ません|NG|しましょう|すること|ダメ|いけない|扱いと(?:し|する)|ものとする|を要する)(?:[。、！!）)」]|$)"
    # (or one rule of several listed as what the rules should hold: 「誰が閲覧できるか、保存期間、持ち出し禁止など」)
    r"|(?:禁止|厳禁|NG)(?:など|等|とか)",
    re.MULTILINE,
)


# ...and so are a work procedure's or a manual's steps asked for in the request (held-out BL's bl-130: 「封入封緘作業の手順書を…
# 書き直してください。…6. 余剰分は溶解ボックスへ。持ち出し禁止」): a rule for the materials handled, not a stamp on this text
_PROCEDURE_DOC = re.compile(
    r"手順書|作業手順|作業マニュアル|業務マニュアル|作業標準|作業要領|チェックリスト|"
    r"(?i:\b(?:sop|standard\s+operating\s+procedures?|work\s+instructions?|procedure\s+(?:doc|document|manual)|checklist)\b)"
    # ...or handling rules to be drafted for a kind of records, asked for in general (held-out BO's bo-032: 「寄付者名簿の取扱いルールを
    # 作りたいです。誰が閲覧できるか、保存期間、持ち出し禁止など…提案して」): the rules' wording, no document at hand
    r"|(?:取扱い?|取り扱い|管理|運用|保管|閲覧|持ち出し)(?:ルール|規程|規定|規則|ポリシー|ガイドライン|方針)(?:を|の(?:案|たたき台|ひな形)を?)"
    r"(?:作り|作成|作って|考え|提案|決め|整備|策定|つく)"
)


# A letter's addressee-only stamp: "PRIVATE & CONFIDENTIAL", "PERSONAL AND CONFIDENTIAL", "ADDRESSEE ONLY", "TO BE
# OPENED BY THE ADDRESSEE ONLY", 【親展】, 〔本人限定〕, 「本人以外開封厳禁」 (held-out AH's ah-030, ah-078). Banks, insurers,
# tax offices and doctors stamp what they send one person; the stamp marks the letter when the prompt goes on to give
# its content (a quote or a colon opening a passage with a figure in it, or a long one), not when the stamp is asked
# about ("What does 'private and confidential' on an envelope mean?", 「親展の封筒を家族が開けたら違法？」), nor in
# 本人限定受取郵便, a postal service's name.
_ADDRESSEE_STAMP = re.compile(
    r"(?i:\b(?:private|personal|strictly\s+private)\s*(?:&|and)\s*confidential\b|"
    r"\b(?:(?:to\s+be\s+)?opened\s+by\s+(?:the\s+)?|for\s+(?:the\s+)?)?addressee(?:'s)?\s+only\b)"
    r"|親展|本人限定(?!受取|郵便)|(?:本人|名宛人|宛名人|受取人)以外(?:の)?(?:方の)?開封(?:禁止|厳禁|を禁)"
)
_ADDRESSEE_HINTS = ("confidential", "addressee", "親展", "本人", "以外")
# (the passage opens after a colon or at an opening quote, within the next 120 characters of the stamp)
_PASSAGE_OPEN = re.compile(r"[:：][ \t　]*[\"“‘'「『]?|(?:^|(?<=[\s(（]))[\"“‘']|[「『]", re.MULTILINE)


def _addressee_stamps(text: str) -> Iterator[Span]:
    for m in _ADDRESSEE_STAMP.finditer(text):
        if _disclaimer(text, m.start(), m.end()) or _quoted_notice(text, m.start(), m.end()):
            continue  # an e-mail footer's boilerplate, or a notice's wording asked about (AA's class, s16aa)
        pos = m.end() + (1 if text[m.end() : m.end() + 1] in ("'", '"', "”", "’", "」", "』", "】", "〕", "]", ")", "）") else 0)
        for o in _PASSAGE_OPEN.finditer(text, pos, min(len(text), pos + 120)):
            passage = text[o.end() : o.end() + 160].split("\n", 1)[0]
            close = re.search(r"[\"”’」』]|'(?!\w)", passage)
            passage = passage[: close.start()] if close else passage
            if len(passage.strip()) >= 12 and (any(c.isdigit() for c in passage) or len(passage.strip()) >= 30):
                yield "confidential", m.start(), m.end()
                break
        else:
            continue
        return


# A tender's reserve price given as a figure before the tender is announced (held-out AQ's aq-132): 「予定価格は税抜4,180万円
# …年内に公告したい」「最低制限価格3,660万円（公告には載せません）」. A procurement office keeps it secret until bids open
# (会計法・地方自治法の入札では事後公表が多い), so a figure with the announcement still to come is the office's secret; a
# published one (「予定価格は事前公表です」「前回の予定価格は…でした」, no announcement ahead) is not.
_RESERVE_PRICE = re.compile(r"(?:予定価格|最低制限価格|調査基準価格|最低落札価格)(?:は|が|：|:|\s)[^。\n]{0,8}?\d[\d,，.]*\s*(?:万|億|千)?円")
_NOT_YET_ANNOUNCED = re.compile(
    r"公告(?:前|より前|の前)|公告(?:文)?(?:に|には|では)(?:当然)?(?:この|その)?(?:金額|価格|額)?(?:は|を)?(?:載せ|出さ|書か|入れ|記載し)(?:ません|ない)|"
    r"(?:年内|今月|来月|来週|\d{1,2}月(?:中)?|近日|これから)(?:中)?に(?:は)?公告(?:したい|する予定|予定|します|する)|事前非公表|非公表"
)


# A marking word inside the title of a creative work, quoted and said to be one: 「『極秘指令はラーメンのあとで』というタイトルの
# コメディ公演」, the film "Top Secret Tuesday", a play called 'Confidential Lunch' (held-out BO's bo-149). The quotes hold a
# title (short, one line) and a work word names it right after (JA) or right before (EN); the title is the marking's topic.
_WORK_AFTER_TITLE_JA = re.compile(
    r"[ \t　]*(?:という|って(?:いう)?|と(?:いう)?(?:題|題名)の|の)?[ \t　]*"
    r"(?:タイトル|題名|作品|公演|舞台|演劇|芝居|映画|ドラマ|番組|小説|漫画|マンガ|アニメ|曲|楽曲|アルバム|ゲーム|コント|"
    r"ミュージカル|オペラ|展覧会|企画展|上映|朗読劇|脚本|戯曲|絵本|シリーズ)"
)
_WORK_BEFORE_TITLE_EN = re.compile(
    r"(?i:\b(?:film|movie|play|show|musical|comedy|drama|novel|book|song|album|series|episode|game|sketch|opera|exhibition|"
    r"podcast|sitcom)s?\b(?:\s+(?:called|titled|entitled|named))?[ \t]*,?[ \t]*|"
    r"\b(?:called|titled|entitled|named)[ \t]*)$"
    # (and the Japanese work word before the title: 「コント番組「社外秘の男」」「新作映画『極秘…』」)
    r"|(?:タイトル|題名|作品|公演|舞台|演劇|映画|ドラマ|番組|小説|漫画|アニメ|楽曲|新曲|アルバム|ゲーム|コント|ミュージカル|演目|戯曲|絵本)"
    r"(?:名)?(?:の|は|、)?[ \t　]*$"
)
_TITLE_QUOTES = {"『": "』", "「": "」", "“": "”", '"': '"', "《": "》", "〈": "〉"}


def _in_work_title(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    for opening, closing in _TITLE_QUOTES.items():
        o = text.rfind(opening, max(line_start, start - 40), start + 1)
        if o < 0 or text.find(closing, o + 1, start) >= 0:
            continue
        c = text.find(closing, end)
        if c < 0 or c - o > 60 or "\n" in text[end:c]:
            continue
        # (not a document's heading given as its title, a stamp's colon and its content inside: 『極秘計画：来年3月に工場閉鎖』)
        if re.search(r"[:：｜|—]|\d", text[o + 1 : c]):
            continue
        if _WORK_AFTER_TITLE_JA.match(text, c + 1) or _WORK_BEFORE_TITLE_EN.search(text, max(0, o - 40), o):
            return True
    return False


# Session 23's false-positive classes (held-out BM..BQ's bm-029, bo-149, bp-068, bp-077, bq-025, bq-052): a marking word that is
# not a stamp on the text at hand.
#
# (1) A category of documents in a handling rule or instruction: 「社外秘の資料は印刷したら必ず回収する」「部外秘の書類はシュレッダー
# へ」「社外秘の段ボールは前日までに出しといて」 (a training outline, an office's year-end chat): the marked papers are collected,
# shredded, locked away or put out, their content never given. Not the document at hand (「この社外秘の資料は…」), and a mark whose
# document's content is told (_marked_doc_then_content, s23c) is decided before this.
_HANDLED_MARKED_JA = re.compile(
    r"[」』】]?(?:の|扱いの)?[ \t　]*(?:[一-龥ァ-ヶー]{1,6}?)?"
    r"(?:資料|書類|文書|紙|紙類|段ボール|箱|ファイル|書面|封筒|印刷物|コピー|ごみ|ゴミ|廃棄物|メモ|USB|媒体)(?:類)?(?:は|を|も|について)"
    r"[^。\n]{0,30}?(?:回収|廃棄|破棄|処分|シュレッダー|シュレッド|溶解|裁断|焼却|施錠|鍵(?:の)?(?:かか|付き)|保管|持ち帰|持ち出|持出|"
    r"机の上|置きっぱなし|放置|出しと|出しておい|出して(?:おい|おく|ください|ね)|捨て|ボックス|金庫|キャビネット|引き出し|回収箱)"
)
_AT_HAND_BEFORE_JA = re.compile(r"(?:この|本|当|添付の|以下の|下記の|次の|今回の|その|こちらの)[「『【]?$")


def _handled_marked_ja(text: str, start: int, end: int) -> bool:
    return bool(_HANDLED_MARKED_JA.match(text, end)) and not _AT_HAND_BEFORE_JA.search(text, max(0, start - 6), start)


# (1b) ...or an audience limit laid down as a policy's rule for a category of information: 「申告内容は担当者限りとし、他には共有しない」
# 「名簿の写しは役員限りとする」 (a volunteer manual, held-out BP's bp-068). Not the memo at hand saying it of itself (「本件は
# 役員限りとします」「この資料は…」).
_LIMIT_AS_RULE_JA = re.compile(r"(?:限り|限定)$")
_LIMIT_RULE_AFTER_JA = re.compile(r"と(?:し|する|します|なります|なる)(?:[、。,]|$)", re.MULTILINE)
_LIMIT_SUBJECT_BEFORE_JA = re.compile(r"(?:^|[・、\n])[ \t　]*(?P<subject>[^。、\n]{1,20}?)(?:は|も)[ \t　]*$")


def _limit_as_rule_ja(text: str, start: int, end: int) -> bool:
    if not (_LIMIT_AS_RULE_JA.search(text, start, end) and _LIMIT_RULE_AFTER_JA.match(text, end)):
        return False
    s = _LIMIT_SUBJECT_BEFORE_JA.search(text, max(0, start - 24), start)
    return s is not None and not re.match(r"(?:この|本|当|今回|以下|下記|添付|次の)", s.group("subject").lstrip("・ 　"))


# (2) Marking words listed, translated or compared: "How would you translate 極秘 and 社外秘 into English? Strictly Confidential /
# Internal Use Only?", 「「厳秘」は英語だと Strictly Confidential でいいですか？」 (held-out BQ's bq-025): the mark stands alone or in
# a run of levels, a candidate's question after it, in a prompt about wording. Not a marked passage to translate ("Translate:
# 極秘 来期の人員削減…": content after the mark, no candidate's tail).
_RENDERING_ASKED = re.compile(
    r"英語|英訳|和訳|翻訳|訳す|訳し|訳語|訳して|表記|言い方|呼び方|"
    r"(?i:\btranslat\w*|\bin\s+(?:english|japanese)\b|\b(?:english|japanese)\s+(?:for|equivalents?|terms?|words?|version)\b|"
    r"\bhow\s+(?:do|would|should)\s+(?:you|i|we)\s+(?:say|write|render)\b)"
)
_CANDIDATE_TAIL = re.compile(
    r"[ \t」』\"”'’]*(?:(?i:(?:into|in|to)\s+(?:english|japanese)\b)|(?:を|は|って)?(?:英語|英訳|和訳|日本語)|の(?:英訳|和訳|訳)|は何|"
    r"で(?:いい|良い|合って|あって|OK|大丈夫)|が(?:自然|適切|いい|良い|一般的)|あたり|とか|など|かな|ですか|でしょうか|[?？])"
)


def _rendering_asked(text: str, start: int, end: int) -> bool:
    if not _RENDERING_ASKED.search(text):
        return False
    pos = end
    while (sep := _LEVEL_SEP.match(text, pos)) and sep.end() > pos and (lv := _EN_OR_JA_LEVEL.match(text, sep.end())):
        pos = lv.end()
    return bool(_CANDIDATE_TAIL.match(text, pos))


_EN_OR_JA_LEVEL = re.compile(rf"(?:(?i:{_EN_MARK})|{_LEVEL.pattern})")


# (3) A marking word inside a creative work's title: see _in_work_title above (s23fp's; held-out BO's bo-149).


# (4) A blank template's header: "CLIENT INTAKE — CONFIDENTIAL ONCE COMPLETED" over empty fields (held-out BM's bm-029),
# 「【社外秘（記入後）】」 over 「氏名：＿＿＿＿」: the form is to be filled in, nothing in it yet. Three or more of the lines that
# follow are fields, and nearly all of them are left blank (underscores, boxes, empty brackets).
_FIELD_LINE = re.compile(r"[:：]|☐|□|\[\s\]")
# (blanks drawn as such; a label ending in a colon is as often a section heading over its text, 「所見：\n不眠が…」)
_BLANK_IN_LINE = re.compile(r"_{2,}|＿{2,}|☐|□|\[\s\]|[（(【][ 　]{2,}[）)】]")


# (the spaces a form leaves to write in, once folded: 「被災者氏名：　　　　所属：」「発生日時：　　年　　月」, held-out BX's bx-104; and a
# label with nothing after its colon, when the next line is another field or there is none: not a heading over its text)
_SPACES_TO_FILL = re.compile(r"[:：][ \t　]{2,}(?:[^\s:：]{1,12}[:：]|$)|[ \t　]{2,}[年月日時分](?:[ \t　]|$)", re.MULTILINE)
_EMPTY_AT_END = re.compile(r"[:：][ \t　]*$")


def _blank_template(text: str, end: int) -> bool:
    nl = text.find("\n", end)
    if nl < 0:
        return False
    lines = [ln for ln in text[nl + 1 :].split("\n")[:14] if ln.strip()]
    fields = [ln for ln in lines if _FIELD_LINE.search(ln)]
    blank = [
        ln for i, ln in enumerate(lines) if _FIELD_LINE.search(ln) and (
            _BLANK_IN_LINE.search(ln) or _SPACES_TO_FILL.search(ln)
            or (_EMPTY_AT_END.search(ln) and (i + 1 == len(lines) or _FIELD_LINE.search(lines[i + 1]))))
    ]
    return len(blank) >= 3 and len(blank) >= 0.8 * len(fields)


# (4b) ...or a template asked for whose blanks are placeholders in brackets or merge fields, not drawn: "Make a template for our
# supplier rate sheets. Header should read: CONFIDENTIAL — [Supplier name] / [Agency name] … Footer: '… Do not distribute.'"
# (held-out BS's bs-022), 「見積書のひな形を作って。ヘッダーは「社外秘 ［顧客名］御中」」: the marks are the template's own wording,
# no document's content is in the prompt. The mark's line holds a placeholder (or is the template's header, footer or
# subject line), the prompt holds three or more and names a template; values supplied to fill it in make it a document.
_PLACEHOLDER = re.compile(
    # (the scanner reads folded text: 「［顧客名］」 arrives as "[顧客名]")
    r"\[[^\W\d_][^\]\[\n\d]{1,30}\]|\{\{\s*[\w.-][\w .-]{0,30}\}\}|\{[A-Za-z_][A-Za-z0-9_]{1,30}\}|<<[^<>\n]{1,30}>>"
    r"|［[^］\n]{1,15}］|【[^】\n]{0,10}(?:名|日|日付|番号|住所|金額|期間|年月日)】|[○〇]{2,}"
)
_TEMPLATE_WORD = re.compile(r"(?i:\btemplates?\b|\bform\s+letter\b|\bmail[- ]merge\b|\bboilerplate\b)|テンプレ|ひな形|雛形|ひながた|書式|様式|フォーマット")
_TEMPLATE_PART = re.compile(r"(?i:\s*(?:header|footer|subject(?:\s+line)?|title|heading)\b[^:\n]{0,20}:)|\s*(?:ヘッダー?|フッター?|件名|表題|見出し)")
_FILLED_IN = re.compile(
    r"(?i:\bfill\s+(?:it|this|them|the\s+template)\s+(?:in|out)\s+(?:with|using)\b|\bwith\s+(?:these|the\s+following)\s+"
    r"(?:values|figures|details|numbers|rates|data)\b|\b(?:into|as)\s+a\s+template\b)|(?:以下|下記|次)の(?:内容|値|数字|数値|情報|データ)で"
    r"|テンプレ(?:ート)?化|(?:ひな形|雛形)に(?:して|し直|直)"
)


def _placeholder_template(text: str, start: int) -> bool:
    if not _TEMPLATE_WORD.search(text) or _FILLED_IN.search(text) or len(_PLACEHOLDER.findall(text)) < 3:
        return False
    if re.search(r"\d{2,}", _PLACEHOLDER.sub(" ", text)):
        return False  # figures beside the placeholders: a document's content, not only its blanks
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return bool(_PLACEHOLDER.search(line) or _TEMPLATE_PART.match(line))


# (5) The label quoted as what a document at hand is marked with, and how to treat that document asked, its content not given:
# "A supplier sent a PDF watermarked 'CONFIDENTIAL – PARTNERS ONLY'. It's only their public price list. Do we have to treat it
# as confidential?" (held-out CE's ce-012). The quote names the label (the Japanese 「「社外秘」と書かれた資料…扱いは？」 is
# _JA_META's already); a figure anywhere, a passage after a colon or in quotes, or the content told ("about", "says", "lists")
# makes it the paste of s23c's classes, which stays marked.
_LABEL_QUOTE_OPEN = "'\"“‘"
_HANDLING_ASKED_EN = re.compile(
    r"(?i:\b(?:treat|handle|store|keep|share|forward|send|file|shred|dispose\s+of|delete|classify|upload)\b[^.?\n]{0,60}\?"
    r"|\bstill\s+(?:need|have)\s+to\b[^.?\n]{0,60}\?|\b(?:internal\s+)?(?:rule|policy|practice)\b[^.?\n]{0,20}\?)"
)
_CONTENT_TOLD_EN = re.compile(
    r"(?i:[:：]\s*\S|[\"“]|\b(?:about|regarding|concerning|covering|says|said|lists|listing|shows|mentions|details|describes|"
    r"reveals|includes|including|contains)\b)"
)


# (the Japanese asks it after the mark: 「中身は公開済みの会社案内と同じ。社外秘扱いにすべき？」「極秘として扱う必要ある？」)
_HANDLING_ASKED_JA = re.compile(r"(?:扱い|として扱|として管理|で管理)[^。\n]{0,15}?(?:すべき|べき|必要(?:が|は)?(?:ある|あります)|でしょうか|ですか|ますか)?[?？]")


def _label_named_of_doc(text: str, start: int, end: int) -> bool:
    o = max(text.rfind(q, max(0, start - 3), start + 1) for q in _LABEL_QUOTE_OPEN)
    if o < 0 or not _MARKED_QUOTE_BEFORE_EN.search(text, max(0, o - 25), o + 1):
        return False
    close = {"'": "'", '"': '"', "“": "”", "‘": "’"}[text[o]]
    c = text.find(close, end)
    if c < 0 or c - o > 80 or "\n" in text[end:c] or any(ch.isdigit() for ch in text):
        return False
    rest = text[c + 1 :]
    return bool(_HANDLING_ASKED_EN.search(rest)) and not _CONTENT_TOLD_EN.search(rest)


def _not_a_stamp(text: str, start: int, end: int) -> bool:
    """Session 23's classes above: the mark is a category in a handling rule, a word whose rendering is asked, a work's title, or a
    blank template's header; and session 24's: a label named of a document whose handling is asked, nothing of it pasted."""
    return (_handled_marked_ja(text, start, end) or _limit_as_rule_ja(text, start, end) or _rendering_asked(text, start, end)
            or _in_work_title(text, start, end) or _blank_template(text, end) or _placeholder_template(text, start)
            or _label_named_of_doc(text, start, end))


def markings(text: str) -> Iterator[Span]:
    scheme: list[bool] = []  # (computed once, only for a prompt with a candidate marking)
    low = text.lower()
    if any(h in low for h in _ADDRESSEE_HINTS):
        yield from _addressee_stamps(text)

    def scheme_doc() -> bool:
        if not scheme:
            scheme.append(_scheme_doc(text))
        return scheme[0]

    # (an English mark in a Japanese sentence, 「Internal only のスタンプ押してある資料」: no English pattern reads it mid-line)
    for m in _EN_MARK_ANYWHERE.finditer(text):
        if ((_STAMPED_ON.match(text, m.end()) and _stamped_then_quoted(text, m.end())) or _marked_quoted_en(text, m.start(), m.end())
                or _placed_then_told_en(text, m.start(), m.end()) or _marked_doc_colon_en(text, m.start(), m.end())):
            yield "confidential", m.start(), m.end()
    for pattern in (_BRACKETED_EN, _BRACKETED_AUDIENCE, _CAPS_EN, _LINE_HEAD_EN, _STATED_EN, _CLASSIFICATION_FIELD, _INTERNAL_NOT_TO_SHARE):
        for m in pattern.finditer(text):
            if pattern is _CLASSIFICATION_FIELD:
                value = re.search(r"[:：]\s*", m.group())
                if value and _scheme(text, m.start() + value.end()):
                    continue
                if value and _BLANK_FIELD.match(text, m.start() + value.end()):
                    continue  # 「機密区分：【　　】（社外秘／社内限り／公開）」: a template's field left blank
            if _CODE_CONSTANT_AFTER.match(text, m.end()) and _heads_line(text, m.start()):
                continue  # `CONFIDENTIAL = "confidential"`: an enum's member or a constant in code, the level named (bi-008)
            if _stamped_then_quoted(text, m.end()):
                yield "confidential", m.start(), m.end()
                continue
            if _attached(text, m.start(), m.end()):
                continue
            if _disclaimer(text, m.start(), m.end()) or _quoted_notice(text, m.start(), m.end()):
                continue
            if _not_a_stamp(text, m.start(), m.end()):
                continue
            if not _as_topic(text, m.start(), m.end(), bracketed=pattern is _BRACKETED_EN or pattern is _BRACKETED_AUDIENCE, scheme_doc=scheme_doc):
                yield "confidential", m.start(), m.end()
    if (m := _RESERVE_PRICE.search(text)) and _NOT_YET_ANNOUNCED.search(text):
        yield "confidential", m.start(), m.end()
    if not _JA_MARK.search(text):
        return
    defines = bool(_DEFINES_MARKING.search(text))
    all_sentences = list(sentences(text))
    # training material asked for in the request: the marks in its rules are its topic, only a title stamp marks it
    training = bool(all_sentences) and bool(
        TRAINING_MATERIAL.search(text, 0, all_sentences[0].end()) or _PROCEDURE_DOC.search(text, 0, all_sentences[0].end()))
    for sentence in all_sentences:
        chunk = sentence.group()
        stamped = [m for m in _JA_MARK.finditer(chunk) if (_stamped_then_quoted(text, sentence.start() + m.end())
                   or _marked_doc_then_content(text, sentence.start() + m.end())
                   or _placed_then_told(text, sentence.start() + m.start(), sentence.start() + m.end())
                   or _introduces_paste(text, sentence.start() + m.start(), sentence.start() + m.end())
                   or _marked_doc_given_ja(text, sentence.start() + m.start(), sentence.start() + m.end()))
                   # (a template's header over its placeholders: what follows is blanks, not content; see _placeholder_template)
                   and not _placeholder_template(text, sentence.start() + m.start())]
        for m in stamped:
            yield "confidential", sentence.start() + m.start(), sentence.start() + m.end()
        if stamped:
            continue
        titled = [m for m in _JA_MARK.finditer(chunk) if _title_stamp(text, sentence.start() + m.start(), sentence.start() + m.end())
                  and not _attached(text, sentence.start() + m.start(), sentence.start() + m.end())]
        if training and not titled and _RULE_SAID.search(chunk):
            continue
        # (a sentence in English about markings names the Japanese ones as topics too: "Documents marked
        # CONFIDENTIAL, 社外秘 or higher", held-out X's x-081)
        if ((_JA_META.search(chunk) or _EN_META.search(chunk) or defines) and not titled) or _DISCLAIMER.search(chunk):
            continue
        for m in titled or _JA_MARK.finditer(chunk):
            if (chunk[m.start() - 1 : m.start()] in ("「", "『", '"', "“") and chunk[m.end() : m.end() + 1] in ("」", "』", '"', "”")
                    and not _QUOTED_STAMP_JA.match(chunk, m.end() + 1)
                    and not _QUOTED_STAMP_INTRO_JA.match(text, sentence.start() + m.end() + 1)
                    and not _stamp_then_content(text, sentence.start() + m.end() + 1)):
                continue  # 「社外秘」: the word quoted, not a document stamped with it
            if _DENIED_JA.match(chunk, m.end()) or _quoted_notice(text, sentence.start() + m.start(), sentence.start() + m.end()):
                continue
            if _not_a_stamp(text, sentence.start() + m.start(), sentence.start() + m.end()):
                continue
            if _PRODUCT_AFTER_JA.match(chunk, m.end()):
                continue  # 「店主の極秘ダレ」「マル秘レシピ」: the word fused to a dish or a trick as its name, no stamp (held-out AZ)
            if _HANDLING_ASKED_JA.match(chunk, m.end()) and not any(ch.isdigit() for ch in text):
                continue  # 「社外秘扱いにすべき？」: whether to treat a document so, asked, nothing of it given (class (5), ce-012's)
            if scheme_doc() and not (_heads_line(text, sentence.start() + m.start()) and _LEVEL.fullmatch(m.group())):
                continue  # a level's name in a policy that sets out the scheme (see _scheme_doc)
            if _in_scheme(chunk, m.start()) or _level_definitions(text, sentence.start() + m.start()):
                continue  # 「社外秘、部外秘、極秘」 listed, or one per line: the levels of a scheme, not a stamp (X's x-051, Z's z-043)
            if _RULE_ABOUT_MARKED_JA.match(chunk, m.end()) or (m.start() and _HANDLING_OF.match(chunk, m.start() - 1)):
                continue
            # (a question about what the marks mean: 「社外秘と部外秘はどう違う?」, held-out W's w-072)
            if re.match(r"\s*(?:[?？]|って|って何)", chunk[m.end() :]) or re.search(r"(?i:what\s+(?:is|does)|mean)", chunk):
                continue
            if re.match(r"(?:[とや][^。\n]{0,10}?)?(?:は|って)?(?:どう違|の違い|とは[?？何]|の意味|の定義)", chunk[m.end() :]):
                continue
            yield "confidential", sentence.start() + m.start(), sentence.start() + m.end()
