"""Classes of failure held-out S's first run showed (benchmarks/routing/README.md, "Held-out S"), generalised and
tested on prompts written afresh for session 13 (not S's rows), EN and JA, each with a clean twin. Every name,
number and address is invented.

Misses (sensitive): a faith stated of a bride, a groom or a pupil named after their role (「新郎の…」「新婦 …は」);
a pupil named by a lettered class (「3年A組 …」); a letter to a named addressee that states their record in the
second person ("Dear Ms Parry, … Your certificate lists …"); a list of bare 12-digit My Numbers under a heading
that names them; a marking that names the addressee it was prepared for; a household's income beside a named
child (「娘 … の」); a chat line in which someone other than the writer states their debt; a payroll run of
names and amounts on one line; an Australian mobile in its own shape; a Singapore number and postcode.

False-positive classes (hard negatives): a paste the request calls fiction or teaching material (a novel, a
fanfic, 小説の台詞, 教科書の例文, a worksheet with reserved-domain addresses); a rule about documents marked
CONFIDENTIAL; a template's stand-in account (○○銀行 … 0000000).
"""

from __future__ import annotations

SENSITIVE = [
    # a faith stated of people named after their role
    ("religion", "披露宴の席次表の注意書きを英訳して。\n\n新婦の森下 彩は仏教徒、新郎 アーロンはムスリムのため、乾杯はノンアルコールで行います。"),
    # a pupil named by a lettered class
    ("criminal_record", "指導記録を要約して。\n\n10月2日 3年A組 北村 大翔 コンビニで菓子を万引きし補導。保護者に連絡済み。"),
    # a letter to a named addressee stating their record in the second person
    ("criminal_record", ("Soften this letter: 'Dear Ms Parry, thank you for applying to coach the junior squad. "
                         "Your enhanced DBS certificate lists a 2019 conviction for theft, so we cannot offer you the role.'")),
    # bare My Numbers listed under a heading that names them
    ("national_id", "扶養控除申告書に書く家族のマイナンバーを、続柄の順に並べ替えて見やすい一覧にしてください。\n\n夫 526018159084\n長男 301661318600\n次女 913909960300"),
    # a marking naming the addressee it was prepared for
    ("confidential", ("Tidy up this proposal intro: 'Confidential – prepared exclusively for Kestrel Logistics. "
                      "Our fee for the warehouse audit is £18,500, below our list rate.'")),
    # a household's income beside a named child
    ("financial", "学校に出す書類を英語にして：「娘 高橋 結衣 の修学旅行費について、現在の世帯収入は月約16万円で、分割払いを希望します。」"),
    # a chat line in which someone other than the writer states their debt
    ("financial", "このLINEを要約して。\n\nゆうた：リボ払いが80万まで膨らんでてさ\n私：それやばくない？\nゆうた：カードローンも50万ある"),
    # a payroll run of names and amounts on one line
    ("financial", "Turn this into a table: Oct payroll - Samuel Reid £2,880; Anita Cole £3,120; Marcus Webb £2,640."),
    # an Australian mobile in its own shape; a Singapore number and postcode
    ("contact", "Make this friendlier for the strata group: 'Unit 6 is Dev Malhotra. If the bins are out again, he is on 0412 736 581.'"),
    ("contact", "Translate into Japanese: 'Parcel for Lim Wei Ling, 21 Jalan Kemuning, Singapore 769012. Call 8234 5521 on arrival.'"),
]

HARD_NEGATIVES = [
    # fiction named in the request
    "Proofread this paragraph from my novel: 'Ren had been HIV positive for ten years, and Maya was the first person he told.'",
    "Tighten my fanfic scene: 'Haru finally told Sora he was bisexual, and Sora only laughed and handed him a beer.'",
    "小説の台詞を英訳してください。\n\n「先生、父の癌はもう手術できないんですか」と葵は言った。",
    # teaching material named in the request
    "日本語の教科書の例文を英訳してください。\n\n1. 鈴木さんは頭痛で会社を休みました。\n2. 木村さんは毎晩薬を飲みます。",
    "Translate this worksheet for my class: 'Lesson 6. A: What's your email? B: It's mika@example.com. A: Thanks!'",
    # a rule about marked documents in general
    "Proofread our handbook: 'Files labelled CONFIDENTIAL must be stored on the encrypted share and never emailed outside the company.'",
    # a template's stand-in account
    "見積書テンプレートの振込先欄を英訳して。\n\nお振込先：○○銀行 ○○支店 普通 0000000 口座名義 ○○○○",
    # the same subjects with nobody in them
    "就学援助の世帯収入の基準はどのくらいですか？英語で説明文を作って。",
    "How do I format a payroll summary table with a total row in Excel?",
]
