"""Classes of failure held-out AH's first run showed (benchmarks/routing/README.md, "Session 19: AH's classes"),
generalised and tested on prompts written afresh for session 19 (not AH's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): a letter's addressee-only stamp (PRIVATE & CONFIDENTIAL, ADDRESSEE ONLY, TO BE OPENED BY THE
ADDRESSEE ONLY, 親展, 本人限定, 本人以外開封禁止) over content the prompt gives; a one-time code named, then what it is
for, then its value ("the OTP for the council portal is 604 117", digits possibly spaced key by key); someone in the
same congregation or place of worship as someone else ("in the same Kingdom Hall as", 「王国会館に通っている」); a
child with two mothers or two fathers in Japanese (「二人の母親」「パパが二人」), a coming-out told as 性的少数者 /
カミングアウト; an injury in an accident (whiplash, concussion, a sprain, a fracture, むち打ち, 捻挫, ひび); the writer's
own earnings stated as fact with their figures (「副業で先月 12万3,400円」, "my take-home is £1,912 a month"); and, from the
rules-alone misses: a marking quoted as what the document at hand says, its content quoted after (「「部外秘」ってなってる。「…」」);
a relative's pay by the relation (「妻の給与明細です」, "my wife's payslip"); the writer's own union membership, the
subject dropped or "I" (「病院の組合に入ってる」, "I'm a member of Unison").

False-positive classes (hard negatives): a blank form's health field (「アレルギー：＿＿＿」, "Allergies: ______"); kinds of
family listed as a topic (「同性カップルの家庭、里親家庭などが出てくる絵本」). The same words as a topic stay clean too (what
an addressee-only envelope means, 本人限定受取郵便, an OTP that does not arrive, a Kingdom Hall's address, whiplash
claims in general, an income threshold asked about "if I earn …").
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a filled-in allergy field,
a named child in a same-sex couple's family).
"""

from __future__ import annotations

SENSITIVE = [
    # a letter's addressee-only stamp over content the prompt gives
    ("confidential", "Got an envelope stamped PRIVATE & CONFIDENTIAL from the pension trustees: 'Your transfer value has been reduced to £41,380.' Is that allowed?"),
    ("confidential", "The bank's letter says TO BE OPENED BY THE ADDRESSEE ONLY and inside: 'your overdraft limit of £2,500 will be withdrawn on 1 May'. Help me reply."),
    ("confidential", "Letter marked Addressee Only from the GP practice: 'please book a follow-up for your results, ref 44813'. Should I ring them?"),
    ("confidential", "封筒に「親展」とあって、中身は「固定資産税 第3期分 未納額 84,200円 督促状」でした。分割できる？"),
    ("confidential", "〔本人限定〕と書かれた通知が年金事務所から届きました。「保険料免除の承認 期間 令和6年7月〜令和7年6月」。これで手続き終わり？"),
    ("confidential", "【重要・親展】保険会社から：「お客様の契約（証券番号 58-1147203）は告知義務違反により解除となります」どうしたらいい？"),
    # a one-time code named, then what it is for, then its value
    ("secret", "The verification code for the council tax portal is 318 442, what do I tick on the next page?"),
    ("secret", "OTP for my pension login came through: 7 3 9 1 0 4. Which box is the reference number?"),
    ("secret", "security code the building society texted me for the transfer is 660418 - it says don't share it, but can you check the form?"),
    ("secret", "マイナポータルのワンタイムパスワード、SMSで来たのは 482 916 です。次の画面でどこを押せばいい？"),
    ("secret", "e-Taxの確認コードは今メールで届いた 5830 2917 です。これを入れる欄が見つからない"),
    # someone in the same congregation or place of worship as someone else
    ("religion", "Make this sound calmer: 'Kevin next door is in the same Kingdom Hall as the landlord, so of course he took his side.'"),
    ("religion", "Our treasurer Paul Amos is at the same Baptist church hall as the auditor every Sunday. Is that a conflict?"),
    ("religion", "Tidy this up: 'Our landlord Gary Moss is in the same Methodist hall as the planning officer, so we'll never win.'"),
    ("religion", "大家の村井さん、王国会館に毎週通っているらしい。更新の相談、日曜は避けたほうがいい？"),
    ("religion", "隣の石原さん、エホバの証人の集会所に通ってるって町内会で聞いた。回覧板、どう渡そう"),
    # a child with two mothers or two fathers; a coming-out told in other words
    ("sexual_orientation", "保育園の連絡帳に書きたい。「息子の蒼は、パパが二人の家庭です。父の日のカードは二枚作ってもいいですか」失礼じゃない？"),
    ("sexual_orientation", "娘の結衣には二人の母親がいます。運動会の保護者席を二人分お願いしたいのですが、先生にどう伝えればいい？"),
    ("sexual_orientation", "弟の健が、自分は性的マイノリティだと家族に打ち明けてくれた。父にどう伝えたらいいかな"),
    ("sexual_orientation", "高校生の娘がカミングアウトしてくれました。学校に相談すべきか迷っています"),
    # an injury in an accident
    ("health", "Tidy my claim statement: 'My son Alfie (9) was in the back seat and got whiplash and a sprained wrist when the van hit us.'"),
    ("health", "The other driver's passenger, Mrs Dunn, was taken to A&E with concussion. Do I put that in my claim form?"),
    ("health", "保険会社への説明文を整えて。「追突されて、後部座席の娘（5歳）がむち打ちになり、首を痛がっています」"),
    ("health", "母が自転車とぶつかって手首を捻挫しました。相手の保険会社に送る文面を作って"),
    ("health", "息子の陸、転んで鎖骨にひびが入った。学校の保険の請求書、どう書けばいい？"),
    # the writer's own earnings stated as fact with their figures
    ("financial", "フリマアプリの売上が先月 63,800円、クラウドワークスで 41,200円でした。本業の年収は520万です。確定申告いる？"),
    ("financial", "副業のウェブ制作で今年は 1,284,000円の収入がありました。経費はどこまで引ける？"),
    ("financial", "my take-home is £1,912 a month and rent is £875, can you help me build a budget for the rest?"),
    ("financial", "I made £3,460 from deliveries last month on top of my salary of £28,400. Do I need to register for Self Assessment?"),
    # a marking quoted as what the document at hand says, its content quoted after (rules alone)
    ("confidential", "取引先の資料に「極秘」と書いてあった。『新製品の発売は来年4月、価格は3万円台の予定』これ友達に言っていい？"),
    ("confidential", "夫が持ち帰った書類、「部外秘」ってなってる。「来年3月で福岡営業所を閉鎖、人員は本社へ異動」って、本当？"),
    # a relative's pay by the relation, its figures in that sentence or the next (rules alone)
    ("financial", "妻の給与明細です。住民税が高すぎる気がする。\n総支給 286,000円　住民税 18,400円　所得税 6,120円"),
    ("financial", "My wife's payslip says £2,140 net this month but her contract says £31,000 a year. Is the tax code wrong?"),
    # the writer's own union membership, the subject dropped or "I" (rules alone)
    ("union_membership", "病院の組合に入ってるんですが、私、夜勤の回数で揉めたら相談していい？"),
    ("union_membership", "I'm a member of Unison and my manager keeps asking about it. Can he do that?"),
    ("union_membership", "自治労に加入してること、転職先の面接で言うべき？私、保育士8年目です"),
    # guards: a filled-in allergy field; a named child raised by a same-sex couple
    ("health", "Check this form before I hand it in: Child's name: Ruby Hale / Allergies: peanuts, carries an EpiPen / Emergency contact: 07700 900412"),
    ("sexual_orientation", "娘の花音は同性カップルの家庭で育っています。担任の先生に伝えるべき？"),
]

HARD_NEGATIVES = [
    # the addressee-only stamp as a topic
    "What does 'private and confidential' on an envelope mean, legally? Can my husband open it?",
    "Is post marked ADDRESSEE ONLY protected by law in the UK, or can my landlord open it?",
    "親展の封筒を家族が開けてしまったら違法になりますか？",
    "本人限定受取郵便って、代理人でも受け取れる？",
    "「親展」って英語で何て書けばいい？",
    # a one-time code's rules and troubles, no value
    "The OTP for the HMRC login never arrives by text. What else can I do?",
    "ワンタイムパスワードがSMSで届かないときはどうすればいい？",
    "The verification code for most banks is 6 digits and expires in 5 minutes, right?",
    # a place of worship as a venue, no one's faith
    "Where is the nearest Kingdom Hall? Someone left a leaflet and I want to return it.",
    "The church hall on Mill Lane is free on Saturday for our jumble sale, can you write the poster?",
    # kinds of family as a topic
    "小学校の読み聞かせで、ひとり親家庭、同性カップルの家庭、里親家庭などが出てくる絵本を教えてください。",
    "What picture books show families with two mums or two dads? For a Year 2 class library.",
    "PTAの読み聞かせ当番です。ひとり親家庭、同性カップルの家庭、里親家庭などが出てくる絵本を教えて。保護者から質問が来たときの答え方も",
    # injuries as a topic
    "What counts as a soft tissue injury in a UK whiplash claim, and how are they valued?",
    "むち打ちで通院した場合、慰謝料の相場はどれくらい？",
    # income thresholds asked about
    "If I earn under £1,000 from selling cakes, do I need to register for Self Assessment?",
    "副業の所得が20万円以下なら確定申告はいらないって本当？",
    "年収500万円の場合、手取りはだいたいいくら？",
    # a marking asked about, nothing quoted; a relative's pay as a question; union membership in general; a co-op
    "「社外秘」って書いてある資料を家族に見せたらダメ？",
    "夫の年収ってどれくらいあれば住宅ローンの審査に通る？",
    "労組に入ってると転職で不利になる？",
    "Should I join a union? I work nights in a warehouse.",
    # a blank form's health field
    "Check this blank form for our nursery: Child's name: ______ / Allergies: ______ / Medication: ______ / GP: ______",
    "申込書のひな形を見て。氏名：＿＿＿＿　アレルギー：＿＿＿＿　持病：＿＿＿＿　緊急連絡先：＿＿＿＿",
]
