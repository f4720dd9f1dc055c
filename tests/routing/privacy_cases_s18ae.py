"""Classes of failure held-out AE's first run showed (benchmarks/routing/README.md, "Session 18: AE's classes"),
generalised and tested on prompts written afresh for session 18 (not AE's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): an arrest or a drug offence told in any tense ("on suspicion of", "got nicked for", 「大麻で捕まった」);
a file or attendance note about a client named after "re client …", whose unnamed lines are theirs; a screening
test said of a patient (a smear test overdue, to "book one"; a result that "came back abnormal"; 「検診の結果で異常」); a sensory impairment or a disability aid ("partially
sighted", "hearing aid", 補聴器, 白杖); a condition by its abbreviation said of a person ("her MS", "his COPD", 「IBSで」);
a faith's objects and observances (a mezuzah, a prayer mat, ロザリオ, 仏壇); who is in a union named by its name ("are in
Unite", "the ones who've joined"); a boy with his boyfriend (「…くんと彼氏」); an Irish PPS number, its check letter
failing or not; an informal debt (a regular's tab, money lent and not paid back, ツケ, 貸したお金); a pay offer beside
a named person ("the £41k they offered him", 提示額); a payslip pasted after the line that names whose it is; a class
or club roster with names written solid, street addresses without their prefecture, and who has not paid.

False-positive classes (hard negatives): a community venue's address on a poster (a village hall); a club's
mailbox given for enquiries; security advice not to share "your password"; a play or a story being written, its
characters arrested; a place of worship's group or publication, or its street address (a church youth group, a parish
newsletter, a mosque "at 7 Mill Road"), and a street before "is" that is no person ("Grove Road is closed"); a school's rule for its pupils; a general question "not for one person";
a template's wording asked for (「ひな形の文面」); a notice's next label after a spaced time (「…30分　会場：」). The same
words as a topic stay clean too (what a mezuzah is, the price of hearing aids, a bar tab split, joining a union).
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a story based on a real
relative's arrest, an officer's own mailbox after "for enquiries").
"""

from __future__ import annotations

SENSITIVE = [
    # an arrest or a drug offence, any tense
    ("criminal_record", "My lodger Callum got nicked for dealing last weekend. Do I have to tell my landlord?"),
    ("criminal_record", "Help me write to the school: our caretaker Neil Barker has been released under investigation after Monday."),
    ("criminal_record", "自治会の会計の松井さん、若い頃に大麻で捕まったことがあるらしい。役員を続けてもらっていいのかな"),
    ("criminal_record", "バイト先の先輩、去年警察に捕まったって本人から聞いた。店長に言うべき？"),
    # a file note whose subject is named after "re client"
    ("criminal_record", ("Turn my notes into a file note. Attended Leeds Central 22:10 re client Shannon Oakes. Interviewed "
                         "under caution. Charged with shoplifting, bailed to court on the 14th.")),
    # a screening result said to be abnormal
    ("health", "Translate for the front desk: 'Mr Patel, your bowel screening result came back abnormal, please book a follow-up.'"),
    ("health", "Translate for reception: 'Mrs Okoro, your smear test is overdue and Dr Shah would like you to book one this month.'"),
    ("health", "受付メモを丁寧に：西村様、大腸の検診の結果で異常があり、もう一度ご来院いただくご案内"),
    # a sensory impairment or a disability aid
    ("health", "Rewrite for the rota: Maureen on Thursdays is hard of hearing and uses a walking frame, so give her the desk job."),
    ("health", "Rewrite for the club notes: Dennis from the Monday club wears a hearing aid, so please face him when you speak."),
    ("health", "ボランティア名簿の備考をきれいに：木村さんは白杖を使っていて、片耳に補聴器。受付では声をかけてから誘導"),
    # a condition by its abbreviation said of a person
    ("health", "Message for the choir WhatsApp: Derek can't drive the minibus this month, his MND has got worse."),
    ("health", "シフト調整のお願い：パートの森さん、IBSで朝が厳しいので遅番希望です"),
    # a faith's objects and observances
    ("religion", "Our lodger Daniel asked whether he can fix a mezuzah to his bedroom door. Draft a friendly yes."),
    ("religion", "Staff note: Tomasz asked if he can hang a crucifix above his bunk in the staff caravan. Write a reply."),
    ("religion", "入居者の平田様はロザリオを毎晩枕元に置かれています。夜勤への申し送りに一言入れてください"),
    # who is in a union named by its name
    ("union_membership", ("The depot manager wants to know which drivers are in Unite. The ones who've joined are Gary Holt "
                          "and Sam Kaur. Help me say I won't tell him.")),
    ("union_membership", "Can you help me email the site manager? Tom and Bilal are in Unite and want a rep at the meeting."),
    # a boy with his boyfriend
    ("sexual_orientation", "部活の顧問の先生が、三年の佐藤くんと彼氏のことをみんなの前でいじってた。学校に相談する文面を作って"),
    # an Irish PPS number, the check letter failing or not
    ("national_id", "Payroll needs the PPS number for our new porter Aoife Byrne: 1234567TW. Can you format her starter form?"),
    ("national_id", "アイルランドから来たスタッフのPPS番号は 7654321AB です。給与担当にメールする文面を作って"),
    # an informal debt
    ("financial", "Our regular Des has let his tab run up to £260 at the bar. How do I ask him to settle without a scene?"),
    ("financial", "Word a polite reminder: our regular Des Malone has let his tab reach £260 since October."),
    ("financial", "同級生の石田くんに貸したお金、5万円がまだ返してもらえない。角が立たない言い方は？"),
    ("financial", "スナックのママです。常連の村上さんのツケが4万2千円になってる。やんわり催促する文を考えて"),
    # a pay offer beside a named person
    ("financial", "How do I tell our sous chef Marek that we can't match the £41k the gastropub offered him? We pay £35k."),
    ("financial", "Our head baker Priya told me the Co-op offered her £31k. How do I respond? We can do £28k."),
    ("financial", "店長の田所さんに、競合店から42万円の提示額があったそうです。引き止めの面談で話す内容を整理して"),
    # a payslip pasted after the line that names whose it is
    ("financial", ("パートの中川恵子から「今月の手取りが減った」と相談がありました。説明文を作るので、以下を表にしてください。\n"
                   "基本給 128,000円\n通勤手当 6,200円\n雇用保険 780円\n所得税 2,150円\n手取り 131,270円")),
    # a roster with names written solid, addresses without their prefecture, and who has not paid
    ("bulk_personal", ("そろばん教室の名簿です。月謝の未納者だけ抜き出して、おうちの方への文面も作って。\n"
                       "山口ゆうた（小4）保護者：山口美香　桜町3-2-7　12月分未納\n"
                       "中村あおい（小2）保護者：中村健一　桜町1-15-4　納入済\n"
                       "小林そうま（小6）保護者：小林由美子　本町2-8-10　11月・12月分未納\n"
                       "高橋ゆい（小3）保護者：高橋直樹　本町5-3-1　納入済")),
    ("financial", ("サッカー少年団の部費一覧です。未納の家庭にお知らせを作りたい。\n"
                   "田中そら（3年）保護者：田中洋子　緑町4-1-2　部費未納\n"
                   "鈴木はると（4年）保護者：鈴木大輔　緑町2-9-6　納入済\n"
                   "佐藤れな（3年）保護者：佐藤久美　旭町1-7-3　10月分から未納")),
    # guards: a story based on a real relative's arrest is his; an officer's own mailbox after "for enquiries" is someone's
    ("criminal_record", "I'm writing a short story based on my uncle Pete, who really was arrested for dealing in 1995."),
    ("contact", "For enquiries about the allotment waiting list, email tom.harwood@gmail.com (he's our secretary)."),
]

HARD_NEGATIVES = [
    # a community venue's address on a poster
    "Our village hall is at 12 Mill Road. Make a poster: the coffee morning moves to Friday at 10am.",
    # a club's mailbox given for enquiries
    "Proofread our garden club notice: 'For bookings and general enquiries, please email plots@ashbyallotments.org.uk.'",
    "町内会だよりの最後に「お問い合わせは kairan@midori-chonaikai.jp まで」と入れて、全体を読みやすくして",
    # security advice not to share "your password"
    "Translate into Spanish: 'Please don't share your PIN with anyone. Our staff will never ask for it.'",
    "この案内を英語にして：「パスワードは誰にも教えないでください。職員がお尋ねすることはありません。」",
    # a play or a story being written, its characters arrested
    ("I'm writing a short play for our scout troop. Father Brennan is a priest in the village, and in scene two he was "
     "arrested for poaching. Give me his speech."),
    "町の演劇クラブの脚本を書いています。元警官の源さんが、昔自分が逮捕された商店街に戻ってくる場面のセリフを考えて",
    # a place of worship's group, publication or facilities
    "Draft a notice for the church youth group: Ben Carter is running the car wash on Saturday, bring sponges.",
    "Write a welcome sign in three languages: the Al-Huda mosque at 7 Mill Road is open to visitors on Sundays.",
    "Write a sign: Grove Road is closed, so synagogue visitors should park at the school.",
    "Reply to a guest who asked where to pray: we have no prayer room, but the quiet lounge is free before 9am.",
    "お寺の青年会で秋のバザーをやります。案内チラシの文面を作って",
    # a school's rule for its pupils
    "遠足のしおりの注意事項を直して：「薬は自分で管理し、ほかの生徒に渡してはならない。」もう少しやわらかく",
    # a general question, not for one person
    "General question for our café: what adjustments do we usually make when a barista tells us she's pregnant?",
    "What adjustments do we usually make when a barista tells us she's pregnant? I mean in general, not for one person.",
    # a template's wording asked for
    "社員に診断書を出してもらうときのひな形の文面を作ってください。宛名は〇〇様で、病名は書かせない形にしたいです",
    # a notice's next label after a spaced time
    "公民館だよりに載せて：「毎月第1金曜　午後1時30分　会場：中央公民館　保健師が血圧測定をします。予約不要」",
    # the same words as a topic
    "What is a mezuzah, and which side of the door does it go on?",
    "補聴器の種類と価格の違いを、高齢の親向けにわかりやすくまとめて",
    "What does it mean if a smear test result comes back abnormal?",
    "The bar tab for our office party came to £380. How do we split it fairly between 14 people?",
    "How do I join Unite as a delivery driver, and how much are the subs?",
    "つけ麺のスープの作り方を教えて",
    "What happens if someone is arrested on suspicion of drink driving in Scotland?",
    "MSのアカウントにログインできません。パスワードの再設定方法を教えて",
    "What's a fair salary to offer a head chef in a 60-cover restaurant in Leeds?",
    "Does an Irish PPS number have a check letter? Explain the format in general.",
]
