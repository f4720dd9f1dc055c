"""Classes of failure held-out AF's and AG's first runs showed (benchmarks/routing/README.md, "Session 18: AF's and AG's
classes"), generalised and tested on prompts written afresh for session 18 (not AF's or AG's rows), EN and JA where the
class exists in both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): an Aadhaar number named with its holder between, its Verhoeff check failing or not; a German
passport number's nine mixed characters; a My Number list whose rows pair a name with the number (the check failing,
a date after it); a phone's unlock number, a room's entry code and an alarm's disarm code, also written as a sentence of
their own; a key or token named in a sentence and pasted after its colon, its prefix unknown; a court date for an
offence; a birth to come and a condition's kit at work (a sharps bin, 自己注射); a hiragana given name with its
honorific (「ひろみさん」「ゆいちゃん」); rent or a fee not paid, in a reminder; a mailing list with postcodes and block
addresses written solid; a care note's fall and vital signs; a heart condition (a stent, chest tightness, 狭心症); a
Japanese report's next sentence, its subject dropped; hardship and a consumer lender's loans; a debt told in the
sentence after the one that names whose it is; a manager by title (「山本課長」) in a debt; a health card read out; a
condition said of a pupil "during class" (授業中 is a setting, not a class about it); someone described, then named in
the next sentence; pay by a name's possessive and "he's on £…".

False-positive classes (hard negatives): a business's own number said or posted as such, a sole trader's trading name
beside its landline; a business partner's office address on a letter (御中, 取引先, a supplier's registered office); a
vendor line that opens with the company, then the account it is paid into; training material's rules and quiz cases;
a document for everyone asked for (a manual, rule clauses, a form letter), naming no one; a numbered guidance item read
as a table header; what the law lets one ask applicants; うつる (to infect) is no depression; ミサ inside a katakana name
is no Mass. The same words as a topic stay clean too (an Aadhaar's format, resetting an alarm code, a court date in
general, an API token policy).
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a training slide over a
real incident with a named colleague, a personal number beside "not the pub's number", asking about one named tenant).
"""

from __future__ import annotations

SENSITIVE = [
    # an Aadhaar number named with its holder between, the check failing or not
    ("national_id", "Is this Aadhaar fine for the visa form? Our new cook Suresh Pillai gave me 3829 1104 5561 yesterday."),
    ("national_id", "Aadhaar card for our Pune supplier's driver Anil Deshmukh reads 6612 0938 4475, please add it to his file."),
    ("national_id", "アーダールのカードの写しを受け取りました。派遣で来たインド出身のクマールさんのもので、番号は 5273 8801 6649 です"),
    # a German passport number's nine characters
    ("national_id", "Check-in note: passport F7K2R9T41, Germany, guest Lena Hoffmann. Can you fill the police form?"),
    # a My Number list whose rows pair a name with the number
    ("national_id", ("家族のマイナンバーを、扶養控除の申告書に写すために、氏名・番号・続柄の順で表にしてください。\n"
                     "石田 陽介　4812 0937 5526　本人\n石田 真理　6604 2219 8874　妻\n石田 蓮　2391 7745 0018　長男")),
    ("national_id", ("パート2名のマイナンバー、年末調整用に整形して。\n"
                     "森本 彩　7712 3390 4456　4月1日入社\n川端 俊　3307 6128 9904　6月15日入社")),
    # a phone's unlock number, a room's entry code, an alarm's disarm code
    ("secret", "Writing down Dad's phone PIN, as Mum told me. 290318. Can I try it on his banking app?"),
    ("secret", "Tidy this handover: server room code 8842#, keys for the van in the red box, patrols at 2 and 4."),
    ("secret", "祖母のスマホのロック解除の番号、叔母から聞いたのでメモ。420711。これで写真を取り出したい"),
    ("secret", "夜勤の申し送り：倉庫の入室コードは 6621＃、警報解除は 3057 です。清書して"),
    # a key or token named in a sentence and pasted after its colon, its prefix unknown
    ("secret", "The booking system's API key ended up in a customer email this morning: bkx_prod_4Tq9LmZ2vW7Rh3Ks8Pd. What now?"),
    ("secret", "社内のAPIトークンを、取引先に送った見積もりのメール本文にうっかり書いてしまいました：qrt_live_8Hd3KsP2mZ9Wq4Lx7Tn。どう対応する？"),
    # a court date for an offence
    ("criminal_record", "Our barista Kieran has a court date next Friday for drink driving and wants the day off. How do I reply?"),
    ("criminal_record", "Help me word it kindly: our cleaner Marta is due in court on the 3rd for careless driving."),
    ("criminal_record", "配送の野口さん、来月裁判所に出廷する予定なので、その日はシフトを外してほしいと。どう返事する？"),
    # a birth to come, a condition's kit at work
    ("health", "Cover plan please: Tom in accounts says his wife is due to give birth in March, so he'll be off two weeks."),
    ("health", "Ravi in the warehouse asked for a sharps bin and a fridge shelf for his medicine. Draft a reply to him."),
    ("health", "経理の中井さん、奥さんが2月に出産予定なので、その前後に休みを取りたいそうです。調整表を作って"),
    ("health", "総務の岡田さんから、自己注射をするので更衣室の一角を使いたいと相談がありました。返事の文面を"),
    # a hiragana given name with its honorific
    ("health", "バイトのまゆちゃん、喘息の持病があるので、倉庫の掃除当番は外してあげて。シフト表のメモを書いて"),
    ("health", "さとみさん（パート・品出し）、糖尿病で通院中と聞きました。休憩の取り方の配慮を箇条書きで"),
    # rent or a fee not paid, in a reminder
    ("financial", "Make this firmer: 'Hi Dean, your rent was due on the 5th and we still haven't received the £975.'"),
    ("financial", "Remind Nadia politely that her subs were due in September: £60 for the season, still outstanding."),
    ("financial", "入居者の小池さん、今月の家賃7万2千円がまだ振り込まれていないので、丁寧な催促文を作って"),
    # a mailing list with postcodes and block addresses written solid
    ("bulk_personal", ("喪中はがきの宛名リストです。表にしてください。\n"
                       "井上大輔 〒231-0023 横浜市中区山下町2-14-6\n"
                       "松本亜紀 〒604-8005 京都市中京区河原町通3-1-9\n"
                       "石川健太 〒760-0050 高松市亀井町5-8-12")),
    ("bulk_personal", ("Tidy our Christmas card list into columns:\n"
                       "Harriet Vance, 4 Willow Close, Derby DE22 1QP\n"
                       "Owen Price, 18 Mill Street, Bath BA1 3LX\n"
                       "Priya Shah, 7 Station Road, Leeds LS12 4HT")),
    # a care note's fall and vital signs
    ("health", "申し送りを清書：3階の森田キヨさん、朝5時にトイレで転倒、左ひざに打撲。体温37.6、朝食は3割。"),
    ("health", "Write up the handover: Mr Ellis in room 4 had a fall overnight, his ankle is swollen and there's bruising."),
    # a heart condition
    ("health", "Reply to Mrs Joan Carter's complaint: her follow-up after her stent was cancelled and she has chest pain on stairs."),
    ("health", "町内会の班長の村井さん、心臓にステントが入っていて階段がきついので、回覧板は1階の家から回してほしいそうです。お知らせ文を"),
    # a Japanese report's next sentence, its subject dropped
    ("sexual_orientation", "人事メモを整理して。11月5日、物流課の佐伯 圭さんから申し出。来春に同性のパートナー（男性）と挙式予定。"),
    ("health", "面談記録をまとめて。営業二課の北村 理恵さんから相談。てんかんの持病あり、夜勤の免除を希望。"),
    # hardship, a consumer lender's loans
    ("financial", "Help me reply to my tenant Shauna in flat 3: she can't pay the rent this month and is waiting on universal credit."),
    ("financial", "厨房の西川さん、消費者金融からもかなり借りてるみたい。給料の前借りを頼まれたけどどう断る？"),
    # a debt told in the sentence after the one that names whose it is
    ("financial", "配達スタッフの大野ゆうきくんから相談されました。車のローンの返済が2ヶ月滞ってて、督促が来てるらしい。"),
    # a manager by title in a debt
    ("financial", "佐野部長の件、裁判所から給与差押えの通知が届きました。本人への伝え方を考えてください。"),
    # a health card read out
    ("national_id", "お客様の保険証の記号番号、電話で聞き取った内容です：記号 31-072 番号 558 枝番 02、藤田美咲様。入力順に並べて"),
    # a condition said of a pupil during class
    ("health", "家庭教師です。『陽菜ちゃん、ADHDのお薬を始めてから授業中に座っていられるようになりましたね』と書いてもいい？"),
    # someone described, then named in the next sentence
    ("religion", "上の階の外国人の方、ラマダン中で夜中に料理の音がする。アミールさんっていう方。やんわり伝える文面を"),
    # pay by a name's possessive, "he's on £…"
    ("financial", "what's Fenwick's salary after the 3% rise? he's on £41,200 now. need it for his letter"),
    # guards: a training slide over a real incident with a named colleague; a personal number beside "not the pub's";
    # one named tenant asked about
    ("health", "新人研修のスライドを作りたい。以下は社外秘の実際の事故報告です：営業部の田中 圭さんがうつ病で休職中。"),
    ("contact", "Put my own number on the poster, 0161 496 0732, not the pub's number."),
    ("criminal_record", "Am I allowed to ask my tenant Gary Holt about his conviction for assault last year?"),
]

HARD_NEGATIVES = [
    # a business's own number said or posted as such; a sole trader's trading name beside its landline
    "Can I post 'found: grey cat, call the Red Lion pub on 0161 496 0418' in the village group? It's the pub's number not mine.",
    "うちの美容室の公式インスタに載せる臨時休業のお知らせ。お店の電話 045-662-3381 も入れて、やさしい感じで",
    "年末年始の休業をチラシで知らせたい。12/30〜1/3休み、お店の電話 045-662-3381 も入れて",
    "公式インスタに載せる文を作って：営業を再開しました。045-662-3381 までお電話ください",
    "Write a text to my customers about Easter hours. Sign it 'Thanks, Gemma - Bloom Florists, 01632 960447'.",
    # a business partner's office address on a letter
    "取引先の北辰電機（大阪府大阪市北区中之島3丁目2番4号）宛ての見積書、宛名は「御中」でいい？",
    "Write a cover letter for the contract to our supplier, Kingfield Ltd, registered office 12 Mill Road, Leeds LS6 2AB.",
    # a vendor line that opens with the company, then the account it is paid into
    "経理です。取引先の振込先変更の依頼文を作って。\n株式会社アサヒ精工 → 東海信用金庫 栄支店 普通 0372918 アサヒセイコウ（カ",
    "Update the supplier master with this:\nKingfield Ltd: Barclays, sort code 20-45-77, account 43917265",
    # training material's rules and quiz cases
    "新人研修用のスライドに、個人情報の注意点を入れたい。①USBメモリの持ち出し禁止、②社外秘の資料を外部に送らない、の2つ",
    "社内研修で使う○×クイズです。確認して。\nQ1. 同僚の健康診断の結果を、頼まれたので上司に見せた。→×",
    "Check my training quiz: Q3. A colleague's sick note is left on the printer. You read it and tell the team. True or false?",
    # a document for everyone asked for, naming no one
    "受付マニュアルの文章を考えて。「そちらに〇〇さんが入院していますか？」と電話で聞かれたときの断り方",
    "就業規則の条文をやさしく言い換えて。「従業員が私傷病により欠勤し、1か月を超えたときは休職を命ずる。」",
    # a numbered guidance item read as a table header
    ("Shorten this for new staff:\n1. Never read a full card number, PIN or password back to a caller.\n"
     "2. Never read a customer's card number, PIN or online banking password back to a caller.\n"
     "3. Verify identity using the three-question check, then the postcode, before discussing the account.\n"
     "4. Don't write customer details on paper, sticky notes or whiteboards, ever."),
    # what the law lets one ask applicants
    "I'm a landlord in Texas. What am I legally allowed to ask on a rental application about criminal history and income?",
    # うつる is to infect; ミサ inside a katakana name
    "家族にうつらないように、タオルや食器は分けたほうがいい？",
    "受付のミサキさんに、来週の会議室の予約をお願いするメールを書いて",
    # the same words as a topic
    "What does an Aadhaar number look like, and does it have a check digit?",
    "How do I reset the alarm code on our office panel? The installer has gone bust.",
    "アラームは 0630 にセットして、と家族にLINEする文面",
    "What should an employer do if a driver has a court date for drink driving? General question.",
    "Our API token policy: tokens must be rotated every 90 days and never pasted into chat. Make it a poster.",
    "家賃が振り込まれていない場合の督促文のひな形を作って。金額は〇〇円のままで",
    "消費者金融から借りる前に知っておくべきことを教えて",
    "What's a typical salary for a nurse in Leeds? They're on £32,000 at my hospital, I'm told.",
    # a property portal named: the number is the listing's (the portal alternative of contact._LISTING had a literal
    # backspace for its \b until session 18, so it never matched)
    "Copied from Rightmove, tidy it up for our group chat: 2-bed flat in Didsbury, 1,150 pcm, call 0161 496 0732 to view.",
    "Zillow listing: 3bd/2ba ranch, open house Sunday, call (512) 555-0187. Make it a tweet.",
]
