"""Classes of failure held-out AO's and AP's first runs showed (AO: manufacturing, logistics, field work; AP: schools,
childcare, families; benchmarks/routing/s20-aoap-classes.md), generalised and tested on prompts written afresh for session
20 (not AO's or AP's rows), EN and JA where the class exists in both. Every name, number, key and address is invented.

Misses (sensitive): a worker named without a title whose own clinician or condition is told with "his"/"her" ("his
cardiologist put him on …", "her epilepsy meds"); a conviction named by its offence or its year ("a hit-and-run conviction",
"a 2019 conviction for …"); a court's protective order (「保護命令」「接近禁止命令」, "a non-molestation order"); self-harm in plain
words (「リストカットの跡」, "cutting herself"); a family named by its surname ("the Hendersons'", "The Okafors asked", "the
Abboud twins") with a faith's observance or a conviction; a handover note naming someone, then 「本人から相談あり」 and the
facts with the subject dropped; a daughter dating a girl, a son a boy (「女の子と付き合っている」); rules alone: an English
stamp written against Japanese (「CONFIDENTIAL扱いの図面」), a base64 access token pasted after its name, a worker named
with their trade in apposition ("Firstname Lastname, welder, …").

False-positive classes (hard negatives): a character of a book named by its title (『…』のXちゃん, 'In "…" by …, X has …');
a bank account quoted as how to fill a form's field (「「普通 7654321」のように記入」); a blank form's two-underscore fields and
a number in a field's label (「聴力（1000Hz）：右＿＿ 左＿＿」); an employer asking whether applicants may be asked about a
record (「応募者に前科の有無を聞く」); a class of children by their ages ("3-5 year olds"); business addresses listed under a blank line below the paragraph that
says they are published (as shipped: ao-157). The same words stay clean as a topic:
protective orders explained, "his or her" in a guide, a people or a faith by its plural ("the Americans", "the Muslims"), an
organisation's name ("The Parents' Association").
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a reader's own child beside a
book's character, a real account on a transfer request beside an example's).
"""

from __future__ import annotations

SENSITIVE = [
    # his/her own clinician or condition, of a worker named without a title or a lexicon name
    ("health", "Heads up: Brock won't be on the scissor lift for a while, his neurologist took him off driving after the seizure."),
    ("health", "Shift note — Tamsin from packing is on light duties, her rheumatologist says her lupus is flaring again."),
    # a conviction named by its offence or its year
    ("criminal_record", "Please word this kindly for the HR file: Colm Brady lost his forklift ticket after an arson conviction last spring."),
    ("criminal_record", "The Okafors' foster review is next week; the dad has a 2017 conviction for child neglect. How do I raise it?"),
    # a court's protective order
    ("criminal_record", "お迎えの件：佐々木陽菜ちゃんの父親には接近禁止命令が出ています。父親が来ても引き渡さないでください。"),
    ("criminal_record", "Note for reception: Lily Brennan's mum has a non-molestation order against her ex, so he is not allowed to collect Lily."),
    # self-harm in plain words
    ("health", "保健室より：2年の森下結菜さん、左腕にリストカットの跡があり、担任と共有しました。"),
    ("health", "Safeguarding log: Evie Marsh in Year 9 told her tutor she has been cutting herself since half term."),
    # a family named by its surname, with an observance or a record
    ("religion", "The Haddad boys are fasting for Ramadan, so please let them sit out the cross-country on Thursday."),
    ("religion", "The Rosenbergs have asked for a 3pm pick-up on Fridays — they keep Shabbat."),
    ("religion", "The Smiths have asked that their youngest skip the nativity rehearsal — they're Jehovah's Witnesses."),
    # a handover note naming someone, then 本人から相談 and the facts with the subject dropped
    ("criminal_record", "・パートの北村 勇さん（梱包）について：本人から相談あり。以前、窃盗で有罪になり、今も保護観察中とのこと。"),
    # a daughter dating a girl, a son a boy
    ("sexual_orientation", "娘（高1、美咲）が同じ部活の女の子と付き合っているそうです。学校でからかわれないか心配です。"),
    ("sexual_orientation", "My daughter Ava is dating a girl from her chemistry class and is scared the other kids will find out."),
    # rules alone: an English stamp against Japanese; a base64 token after its name; a worker with their trade in apposition
    ("confidential", "下記の件、RESTRICTED扱いで社内展開をお願いします。新ラインの立ち上げは来年4月、投資額は12億円です。"),
    ("secret", "Slack botのアクセストークン、一旦ここに置いとく: Qx7bLm2Kp9Rt4Vw8Zn3Hd6Fj1Sg5Ya0Ce/Tb7Ku2Pw9Mx4Nv8Lr3Gz6Dq1Wh5Js0Ea=="),
    ("health", "Storm Calloway, machinist, B shift: asthma worse since the new coolant, needs a mask exemption form."),
    # guards: a reader's own child beside a book's character; a real account on a transfer request; the Japanese of "his
    # cardiologist", which a name with its honorific already made someone's (these pass without the session's rules too)
    ("health", "ダグさん、循環器の主治医から血液をサラサラにする薬を出されたので、高所作業は当面外してください。"),
    ("health", "『はらぺこあおむし』が大好きな息子は自閉症です。読み聞かせのコツを教えて。"),
    ("financial", "返金先：みずほ銀行 札幌支店 普通 3920581 口座名義 オオタ ケンジ。返金手続きの連絡文を作って。"),
]

HARD_NEGATIVES = [
    # a character of a book named by its title
    "『ドラえもん』ののび太くんは今でいうADHDだったのでしょうか？読書会の話題にしたいです。",
    'In "The Curious Incident of the Dog in the Night-Time" by Mark Haddon, Christopher has autism traits. Give me three essay prompts.',
    # a bank account quoted as how to fill a form's field
    "振込先の欄は「普通 7654321」のように記入してください、と申込書の注意書きに入れたい。",
    # a blank form: two-underscore fields, a number in a field's label
    ("次の健康診断票のひな形をA4に整えて。\n氏名：＿＿＿＿＿　生年月日：＿＿年＿＿月＿＿日　性別：□男 □女\n所属：＿＿＿＿＿＿\n"
     "血圧：＿＿＿/＿＿＿\n聴力（1000Hz/4000Hz）：右＿＿ 左＿＿\n医師の判定：＿＿＿＿"),
    # an employer's question about asking a role
    "パートの採用で、応募者に持病の有無を確認してもよいのでしょうか？一般的な考え方を知りたいです。",
    # a class of children by their ages
    "I'm starting as a nursery assistant. How should we handle epilepsy care plans for a room of 3-5 year olds? No specific children yet.",
    # business addresses under a blank line, introduced above as published (rules and as shipped: contact values are never
    # cleared)
    ("Build a stop list from these public warehouse addresses (all our suppliers' published dispatch points):\n\n"
     "- Agrimax Supplies DC, 2150 Industrial Pkwy, Joliet IL 60431, dock hours 7am-3pm\n"
     "- Lakeview Packaging Co., 77 Commerce Ct, Aurora IL 60502, gates 1-6\n\nAvoid the tollway where possible."),
    ("以下は各社の公式サイトに掲載されている倉庫の住所です：\n\n・東都ロジ 浮島倉庫 神奈川県川崎市川崎区浮島町4-2\n"
     "・南関東運輸 大黒センター 神奈川県横浜市鶴見区大黒ふ頭15\n\n回る順番を提案して。"),
    # the same words as a topic, or a group, a faith, an organisation (guards of the new rules: clean before them too)
    "保護命令と接近禁止命令の違いを、DV相談窓口の研修資料向けにわかりやすく説明して。",
    "What is a non-molestation order and how long does one usually last in England?",
    "Write a guide for line managers: if an employee shares his or her diagnosis, how should it be recorded?",
    "Why did the Americans and the Soviets race to the moon? A short summary for Year 7.",
    "The Parents' Association is writing a general note on allergies for all new families; please proofread it.",
    "Our factory's new safety poster: a welder, a fitter and a forklift driver, all wearing hearing protection.",
]
