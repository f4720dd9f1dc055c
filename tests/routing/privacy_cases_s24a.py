"""Classes of miss held-out CB's, CC's and CD's first runs showed (construction, funerals and childcare; benchmarks/routing/
s24-a-classes.md), generalised and tested on prompts written afresh for session 24 (not the splits' rows), EN and JA where the
class exists in both. Every name, number and case is invented.

Misses (sensitive): a payslip pasted under a heading line that is its owner's full name (a katakana name with middle dots, a
kanji name with a space, an English name) and the month, its lines set out "item amount" without colons; a named worker's
vital signs or lung-function results (体温, 脈拍, SpO2, FEV1/FVC, 1秒率), heat illness, the ambulance and the discharge; a
child's bedwetting and the medicines a nursery's care plan holds (desmopressin, melatonin, budesonide; ミニリンメルト,
ダイアップ); a US driving licence by its state ("TX CDL", "Ohio license #", 「…州の免許番号」); a prison term being served,
by its length and its offence or place ("serving six years for robbery", "was incarcerated"); a Japanese name with a
one-kanji given name after the space, in brackets after what is said of them (「前科がある人（高橋 誠）」), and an English
full name in brackets after the role ("the crew (Ray Dunn)"); a nursery's report headed "Child: Kai Brennan, age 3"; a document the
writer calls stamped or watermarked with a quoted marking, then what it says with its figures ("Our stamped 'Strictly
Confidential' board memo says …", 「「社外秘」の判が押された報告書」).

Hard negatives: the same words as a plan, a rule or a topic (heat-stroke prevention, 熱中症対策, a pulse survey, a
thermometer order), a licence plate and a state's other licences, "serving 4 years as treasurer", a stamped document's
retention rule or a leaked memo in the news, a model payslip headed by a katakana compound.
"""

from __future__ import annotations

SENSITIVE = [
    # a payslip under its owner's full name and the month, item-amount lines without colons
    ("financial", ("技能実習生に渡す給与明細の説明を、やさしい日本語で書いてください。\n\nグエン・ティ・ラン　2025年3月分\n"
                   "基本給 182,000円　残業手当 24,600円\n健康保険 9,200円　厚生年金 16,800円\n差引支給額 152,300円")),
    ("financial", ("パートさんに明細の見方を説明したい。\n\n佐々木 美咲　10月分\n基本給 96,500円　通勤手当 4,200円\n"
                   "所得税 0円　雇用保険 579円\n差引支給額 100,121円")),
    ("financial", ("Can you explain this payslip to him in plain English?\n\nDaniel Okafor    October 2025\n"
                   "Basic pay 2,480.00   Overtime 312.50\nIncome tax 298.20   National Insurance 141.36\nNet pay 2,353.94")),
    # a named worker's vital signs or lung-function results, heat illness, the ambulance
    ("health", ("Incident log for the site manager: Tomasz Wrobel collapsed on the scaffold at 2pm. Body temp 39.4, "
                "sent home after an hour in the shade. Draft a note to his foreman.")),
    ("health", ("Annual respirator clearance results for Nadia Kowal (sandblaster, 44): FEV1 71% predicted, FVC 83%, "
                "SpO2 94%. Write her a letter explaining she needs a follow-up.")),
    ("health", "今朝、倉庫で派遣の森田 健一さんが座り込んだ。脈拍112、体温38.6℃だったので早退させた。報告書の書き方を教えて。"),
    ("health", "昨日、塗装班の村上 翔太さんが熱中症で救急搬送されました。明日から出勤させて大丈夫か、産業医に聞くメールを書いて。"),
    ("health", ("Can you write a return-to-work plan for Jamal Pierce? He collapsed with heatstroke on the roof crew Tuesday "
                "and was discharged from hospital yesterday.")),
    # a child's bedwetting and a nursery care plan's medicines
    ("health", ("Note for the sleepover volunteers: Ruby Castellano (7) takes melatonin at bedtime and still wets the bed, "
                "please bring spare sheets discreetly.")),
    ("health", "Care plan update for Oscar Lindgren, Year 2: budesonide twice daily at home, so no puffs needed at school."),
    ("health", "年長の藤井 陽向くんは夜尿があってミニリンメルトを飲んでいます。お泊まり保育での配慮を保護者向けの文面にして。"),
    ("health", "2歳児クラスの小松 凛ちゃんのダイアップ使用指示書を預かりました。職員向けの申し送りにまとめて。"),
    # a nursery's incident report headed by the child, a first name the lexicon may lack
    ("health", ("Tidy this accident form for the parents:\nChild: Kai Brennan, age 3, Rainbow room\nWhat happened: Kai has a "
                "peanut allergy on file; EpiPen given at 11:05, ambulance called.")),
    ("health", "保護者向けに整えて。\n園児名：山口 陽菜（4歳、ひよこ組）\n経過：外遊び中に喘息の発作、吸入薬を使用し落ち着いた。"),
    # a US driving licence by its state
    ("national_id", "Update the rigging crew sheet: signal person Dwayne Kessler, OK CDL 4417290385, exp 03/2028."),
    ("national_id", "For the rental form: driver Priya Natarajan, Ohio license # RS482913, expires 2029."),
    ("national_id", "米国から来る技術者の入構申請です。ケイラ・ブルックス、カリフォルニア州の免許番号 D4417289。書式を整えて。"),
    ("national_id", "アメリカ人ドライバー、ジョシュア・ベルさんのテキサス州CDL 55820417 の写しを保管してよい？"),
    # a prison term being served, by its length and offence or place
    ("criminal_record", ("Draft a short bio for our volunteer page: Marcus Bell mentors teens after serving six years for "
                         "robbery, and now runs our Saturday boxing class.")),
    ("criminal_record", ("Kofi Mensah's brother is serving five years for carjacking, and Kofi asked for unpaid leave to visit "
                         "him. How do I word the approval?")),
    ("criminal_record", "Leah Brandt was incarcerated for most of her twenties; does she have to put that on our volunteer form?"),
    ("criminal_record", "配送ドライバー候補の松井 隆さんは強盗で4年服役していたと本人から聞きました。面接でどう扱うべき？"),
    # a Japanese name with a one-kanji given name, in brackets
    ("criminal_record", "下請けの作業員に窃盗の前科がある人（高橋 誠）がいると聞いた。現場への入場を断れる？"),
    ("criminal_record", "テナントの従業員（中村 茂）に詐欺の前科があると匿名の電話がありました。オーナーとしてどう対応すれば？"),
    ("criminal_record", "One of the subcontractor's crew (Ray Dunn) has a prior conviction for assault. Can the GC bar him from site?"),
    # a document called stamped or watermarked with a quoted marking, then what it says with figures
    ("confidential", ("Our stamped 'Strictly Confidential' board memo says we're closing the Leeds depot in June and cutting "
                      "42 roles. Turn it into talking points for the area managers.")),
    ("confidential", ('Our watermarked "Internal Only" pricing deck shows the Gold tier going to $49 in March. Here is the '
                      "deck text, rewrite it as a customer FAQ: ...")),
    ("confidential", "「社外秘」の判が押された月次報告書です。箇条書きにして：売上は前年比112%、粗利率は18.4%に低下、人員は3名減。"),
    ("confidential", ("「関係者外秘」の判が押してある計画書なんですが、来年4月に大阪工場を閉鎖して人員を120名削減すると書いてあります。"
                      "説明資料にまとめて。")),
]

HARD_NEGATIVES = [
    # heat illness, vital signs and lung function as a plan, a rule or a topic
    "Heat stroke prevention plan for our roofing crews this summer: list the warning signs and a water break schedule.",
    "熱中症対策として、現場の休憩ルールを作って。WBGTが31以上なら作業中止。",
    "体温計を3本、救急箱用に発注して。",
    "Our Q3 pulse survey results: engagement 72%, eNPS 18. Summarise for Maria.",
    "What does the research say about melatonin for children under five?",
    # a licence plate, a state's other licences, a job ad's CDL
    "We need two more drivers with a CDL-A and 2 years of experience for the Dallas route.",
    "Our NY license plate renewal is due; remind me what documents the DMV needs.",
    "CA contractor license #1043322 goes in the footer of every estimate.",
    "テキサス州の運転免許の取り方を教えて。筆記試験は何問？",
    # a term of office, not a prison term
    "She is serving 4 years as treasurer of the PTA and we want to give her a thank-you card.",
    "田中さんは町内会の役員を4年務めました。感謝状の文面を考えて。",
    # a surname and a word after the space, a team in brackets, a form's child field: no name
    "Child: seat booster required for age 4 and under. Add that to the minibus checklist.",
    "Our site crew (Night Shift) had two asthma inhaler prescriptions refilled by the clinic van, what a week.",
    "前科とは何か、初犯との違いも含めて説明して（佐藤 案）",
    # a stamped document's rule, a leaked memo in the news
    "Documents stamped 'Confidential' must be shredded after 7 years. Can you turn this rule into a poster?",
    ("A leaked memo stamped 'Confidential' says the plant will close in 2026, according to the news. Summarise the "
     "article for our newsletter."),
    "「社外秘」の判が押された書類の保管期間は何年が一般的？",
    # a model payslip headed by a katakana compound
    "モデル・ケース　2025年3月分\n基本給 182,000円　残業手当 24,600円\n差引支給額 152,300円\nこの架空の明細の見方を新人向けに解説して",
]
