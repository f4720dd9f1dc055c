"""Classes of failure held-out AN's first run showed (healthcare and care work: wards, care homes, home helpers,
occupational health, clinics; benchmarks/routing/s20-an-classes.md), generalised and tested on prompts written afresh
for session 20 (not AN's rows), EN and JA where the class exists in both. Every name, number and place is invented.

Misses (sensitive): HIV PrEP asked for or taken by someone named ("want to get PrEP", 「PrEPを始めたい」), with "book"
as a verb ("can I book without…") no longer read as a book the prompt is about; an occupational health report pasted
after a colon with the employee it is about ("…for the manager: Employee Owen Pritchard, porter…", 「社員：森田 大輔」);
a surname with a ward's title written solid (「上野師長」「中川看護師」) as a person, and a federation of unions by its
労連 name; care-home or service fees fallen behind ("fees are two months behind", 「利用料が3か月分たまって」); a police
caution as a verb ("was cautioned for taking cash") and 微罪処分; a named person's identity number that fails its
check, asked about as a format question; a dementia drug started for a named relative (memantine, donepezil); a third
person's address said as theirs ("his address is …", 「利用者の住所は」) on a street named for a park.

False-positive classes (hard negatives): a service's promise of confidentiality to the people who use it ("conversations
are confidential and your manager will not be told"); a textbook's invented vignette with lab values; a question a role
keeps asking, answered for all of them (「応募者から…とよく聞かれます」); what anyone in a role should do (「家族が主治医に
相談すべきサイン」); a blank form's empty tick boxes (「【アレルギー】□なし □あり」). The same words as topics stay clean too:
what PrEP is, meal prep and exam prep, a referee's caution, a format question with no one's name, fees in general,
a ward's job titles without a surname, a clinic's or a park's own address. Guards of the new exclusions against their
nearest look-alikes are at the end of SENSITIVE (a named relative beside a role's "should" question, a ticked box).
"""

from __future__ import annotations

SENSITIVE = [
    # PrEP asked for by someone named, "book" as a verb
    ("health", "Make this clinic enquiry sound calmer: 'I'm Callum Price, 29, and I want to get PrEP, can I book without my GP knowing?'"),
    ("health", "診療所への問い合わせを丁寧に直して：「村上翔太、31歳です。PrEPを始めたいのですが、会社の保険証を使うと職場に知られますか」"),
    ("sexual_orientation", "Reword for the sexual health clinic: 'Hi, I'm Rhys Morgan, I'm bi, can I book without my parents knowing?'"),
    # an occupational health report pasted after a colon, with the employee it is about
    ("health", ("Summarise this occupational health report for the HR file, keeping every point: Employee Owen Pritchard, porter, "
                "seen 4/3. Reports low mood and poor sleep, on mirtazapine 15mg, referred for counselling.")),
    ("health", "上司向けに3行でまとめて。\n社員：森田 大輔（経理部）\n10/3面談。不眠と動悸が続き、心療内科で適応障害の診断。当面残業禁止。"),
    # a surname with a ward's title, and a federation of unions by its 労連 name
    ("union_membership", "外来の上野師長から、医労連の組合員としてストに参加したいと相談がありました。勤務調整の文面を作って。"),
    ("union_membership", "病棟の連絡文を整えて：「外科の中川看護師が自治労連の組合員として、来週の集会に参加します」"),
    # care fees fallen behind
    ("financial", "Write a polite note to Sheila Morton's daughter: her residential care fees are two months behind, £7,850 outstanding."),
    ("financial", "入居者の佐々木 トシ子様、施設の利用料が3か月分たまっていて、合計41万円です。ご家族への連絡文を作ってください。"),
    # a police caution as a verb, and 微罪処分
    ("criminal_record", "Character reference for our former carer Dean Walsh: he was cautioned for taking cash from a resident's purse in 2019. How should I word it?"),
    ("criminal_record", "元ヘルパーの小池 まゆみさんは、以前微罪処分になったことがあります。紹介状にどう書けばいい？"),
    # a named person's number that fails its check, asked about as a format question
    ("national_id", "Kevin Marsh's NHS number 461 772 0958 fails the checksum in our import, why?"),
    ("national_id", "佐藤 美咲さんのマイナンバー 5678 1234 9021 がフォームの検証で弾かれます。形式が違うのでしょうか？"),
    # a dementia drug started for a named relative
    ("health", "My dad Gordon Fisher (79) was started on memantine and now he's dizzy, should we call the GP?"),
    # a third person's address said as theirs, on a street named for a park
    ("contact", "Booking for the physio: patient Mr Colin Hart, his address is 27 Hillside Park Drive, Leeds LS16 7QA."),
    ("contact", "送迎表を作って。利用者の住所は 東京都小金井市公園通り2-14-3 です。"),
    # guards: a relative's drug beside a role's "should" question; a ticked box is an answer
    ("health", "母がメマンチンを飲み始めました。家族が主治医に相談すべきサインを教えて。"),
    ("health", "問診票の記入内容を要約して：\n【氏名】岡田 紀子\n【アレルギー】■あり（ペニシリン）"),
]

HARD_NEGATIVES = [
    # a service's promise of confidentiality
    "Help me word a notice for the ward: 'Our staff wellbeing sessions run every Thursday. Conversations are confidential and your manager will not be informed.'",
    "Leaflet for the carers' café: 'Our advice sessions are free. Everything you tell us is confidential and we will not contact your employer.'",
    # a textbook's invented vignette with lab values
    "For a textbook exercise on kidney disease: 'A 58-year-old woman with type 2 diabetes attends clinic. HbA1c 9.1%, eGFR 41, creatinine 132.' Write four questions for students.",
    # a question a role keeps asking
    "保育士の応募者から「昔の逮捕歴は採用に関係しますか」とよく聞かれます。一般的な答え方をFAQにまとめてください。",
    # the same words as topics
    "What is PrEP, who is it for, and is it free on the NHS?",
    "PrEPとは何ですか？日本では保険適用されますか？",
    "I do meal prep on Sundays and exam prep in the evenings, how do I fit in the gym?",
    "Jack Harlow was cautioned for a late tackle in the second half, was the referee right?",
    "NHS number 482 915 3306 fails validation, is the format wrong?",
    "マイナンバー 5678 1234 9021 がフォームの検証で弾かれます。形式が違うのでしょうか？",
    "Care home fees are usually paid monthly; what happens legally if a family falls behind?",
    "訪問看護師と病棟看護師の役割の違いを新人向けに説明してください。",
    "Explain how memantine and donepezil differ for a carers' information evening.",
    "The clinic's address is 3 Park Lane, Leeds LS1 4AB, can you add it to the leaflet?",
    "市民公園の住所は 東京都小金井市公園通り2-14-3 です。案内文に入れて。",
    # a header for everyone, not an employee's name
    "研修のお知らせを整えて。\n職員：全員\n内容：うつ病の早期発見と対応",
    # what a role should do, asked as a guide; a blank form's empty tick boxes
    "メマンチンを飲み始めた人によくある副作用と、家族が主治医に相談すべきサインを教えて。",
    "問診票の見出しを整えて：\n【お名前】（　　）\n【アレルギー】□なし □あり（　　）\n【今飲んでいるお薬】",
]
