"""Classes of failure held-out Q showed (personal life and small organisations: households, schools,
clinics from the patient's side, landlords, freelancers, small shops, 町内会, churches and temples, clubs,
family chats, carers), each tested on prompts of the same kind written afresh (not Q's rows), EN and JA.
Every name, number and key is invented.

Misses (sensitive): a small organisation's audience label (「理事限り」「役員限り」, "Confidential, trustees
only", "eyes only") and keeping it in (「外には出さないで」「口外しないこと」); a live stream's key; a wallet's
recovery phrase; a door keypad (テンキー) code; a token passed to an SDK client's constructor; a UK sort
code with "acc" or "s/c"; a ゆうちょ 記号 and 番号 both labelled; a driving licence read off the card (第…号);
a carer's notes (徘徊, 失禁), a C-section, chemo noted in a handover book; a drug list under 「患者:」; a
医療費控除 list under 「本人（氏名）」; baptism and confirmation records; a union's reps and its officers with
kana given names; a bare surname or a given name said to be gay / lesbian; an immigration offence.

False-positive classes (hard negatives): an English word holding "pass" (passport) before a form number;
YAML `!secret` references; a table's ISO date column read as a card; a template asked for; a blank
form's choice list; a fraud victim's question; an unnamed famous person; a GP surgery's flu-clinic
reminder; a general question about children diagnosed with a condition; a conditional procedure
question; a notice addressed to a group (檀家さん向け).
"""

from __future__ import annotations

SENSITIVE = [
    # a small organisation's audience label, and keeping it in
    ("confidential", "自治会の役員LINEを要約して。\n「役員限りでお願いします。会計の山崎さんが立て替えた分がまだ精算できていない件」"),
    ("confidential", "PTA本部の連絡、箇条書きにして。「本部役員限り。来年度の会長候補に打診中、決まるまで外には出さないで」"),
    ("confidential", "Tidy this for the allotment society: \"Confidential, trustees only: the landowner wants to sell plot B next spring.\""),
    ("confidential", "Rewrite this note from our choir secretary: for the committee's eyes only, the conductor is leaving after Easter."),
    # a live stream's key
    ("secret", "Our school's livestream of the nativity keeps failing. OBS says:\nServer: rtmp://live.twitch.tv/app\nStream key: live_58213_k9QpZrT2mXw"),
    ("secret", "お寺の法話をYouTubeで配信したい。設定これで合ってる？\nサーバー：rtmp://a.rtmp.youtube.com/live2\nストリームキー：7hqe-u2k1-p9zz-4mwb-c3rt"),
    # a wallet's recovery phrase
    ("secret", "Help me reply to this wallet support ticket. My recovery phrase: orchid velvet canyon basket lunar pilot frozen maple ticket garlic ripple sudden"),
    ("secret", "仮想通貨のウォレット復元したい。シードフレーズは river jungle copper silent armor eagle tonight basket mirror fancy olive sample です"),
    # a door keypad code
    ("secret", "民泊のゲストへの案内文を英語にして。「玄関のテンキーで 4471# を押すと開きます」"),
    # a token passed positionally to an SDK client
    ("secret", "Does this Slack bot for our bakery's rota look right?\nfrom slack_sdk import WebClient\nclient = WebClient('xoxbQ7aR2mT9kLp4Wz8nVb3Xc6YdEf1GhJ5s')"),
    # UK sort code with abbreviations; ゆうちょ with both labels
    ("financial", "Put my dad's accounts in a table: Lloyds, sort code 30-94-57, acc 48120396; Halifax ISA."),
    ("financial", "Scouts treasurer: parents paying by transfer —\nHolly Marsh, acc 71930284 s/c 20-45-77, £30"),
    ("financial", "町内会費の引き落とし口座、書類に書き写して。ゆうちょ銀行 記号36210 番号48107725 名義 マツダ ケイコ"),
    # a Japanese driving licence read off the card
    ("national_id", "免許証をOCRしたテキスト、項目ごとに分けて\n氏名 大野 悠真\n住所 札幌市北区北十条西3丁目\n番号 第 610482937105 号"),
    # a carer's notes; childbirth by surgery; chemo in a handover book
    ("health", "訪問ヘルパーさんへの申し送り、整えて\n私：父が最近夜中に徘徊するようになって\nヘルパー：承知しました。失禁の対応も増えそうですね"),
    ("health", "Make this text to my boss sound professional: \"Hi Marta, Jon here. My partner Ewa had an emergency C-section last night so I need Friday off.\""),
    ("health", "Tidy this for the grooming salon's handover book: \"Mr Idris Okafor (Pepper, poodle) says he's on chemo and may need us to collect her.\""),
    # a drug list under 患者:, a 医療費控除 list under 本人（氏名）
    ("health", "お薬手帳の写し、飲み合わせを確認して\n患者:西川 航 35歳\n11/02 デパケンR錠200mg 1日2回\n11/02 セロクエル25mg 就寝前"),
    ("health", "医療費控除の集計、表にして\n本人（井上 真奈美）\n・心療内科（うつ病）通院 36,000円\n夫（井上 剛）\n・整形外科 12,400円"),
    # baptism and confirmation records
    ("religion", "教会の記念カード、漢字を確認して\n・受洗：森本 葵（9）、森本 陽斗（6）\n・堅信：青木 里奈（14）"),
    # a union's reps; its officers with kana given names
    ("union_membership", "Draft a post for our café staff chat: Kofi and Anneke are our reps for the new union branch, ask them about joining."),
    ("union_membership", "塾講師の労働組合（4人）の役員名簿を並べ替えて\n委員長 高橋 さくら\n書記 中村 ミナ\n会計 小林 あおい"),
    # a bare surname / a given name said to be gay or lesbian
    ("sexual_orientation", "ママ友のLINEで「キャプテンの篠原、ゲイらしいよ」って回ってきた。やんわり止める返信を考えて"),
    ("sexual_orientation", "親友への返事を整えて。「翔太がゲイだってこと、ちゃんと聞けてよかった。誰にも言わないよ」"),
    # an immigration offence said of someone named
    ("criminal_record", "支援団体の面談メモを清書して。グエンさんは以前、不法就労で摘発されたことがあり、今は在留資格の相談中。"),
]

HARD_NEGATIVES = [
    # an English word holding "pass" before a form number
    "Make this a checklist for renewing my son's passport: DS-82, old passport, new photo, fee.",
    # YAML !secret references
    "Why won't this load?\nmqtt:\n  username: !secret mqtt_user\n  password: !secret mqtt_password",
    # a table's ISO date column
    "Sort these bin collections by date\nBin | Round | Next\nGreen | North | 2027-02-14\nBlue | East | 2026-12-30\nBrown | West | 2027-01-09",
    # a template asked for
    "祖母の通院に付き添うときのメモのテンプレートを作って。日付、診療科、先生に聞くこと、次回予約の欄がほしい。",
    "Write me a letter template to my landlord asking for repairs to the damp in the bathroom, with [NAME] and [DATE] placeholders.",
    # a blank form's choice list
    "この問診票を英訳して\n氏名：\n既往歴：（該当に○）喘息・糖尿病・高血圧・その他（　）\n服用中の薬：",
    # a fraud victim's question
    "特殊詐欺の被害に遭ったかもしれない高齢の親のために、家族ができることを教えて",
    # an unnamed famous person
    "A famous swimmer said in an interview that she is bisexual. How did sponsors react?",
    # a GP surgery's reminder
    "Fix the punctuation: hi its Omar calling from the surgery just to remind you the flu clinic is on Tuesday no appointment needed bye",
    # a general question about children diagnosed with a condition
    "自閉症と診断された中学生について、部活の顧問にお願いするときの一般的な伝え方を教えて",
    # a conditional procedure question
    "親が認知症になって本人が手続きできなくなった場合はどうすればいいですか？委任状の書き方も教えて",
    # a notice addressed to a group
    "神社の氏子さん向けの初詣のお知らせを整えて。「元旦0時より授与所を開けます。甘酒もございます」",
    # 今回限り is no audience label; a seed phrase asked about
    "今回限りの特別セールのチラシ、文面を考えて",
    "What is a seed phrase and why should I never type it into a website?",
]
