"""Session 7 rules, by layout and by taxonomy: who speaks in a transcript, a writer who names
themselves, a named person's debts, street addresses outside Japan and the US, identifier columns
of tables; and the hard negatives each rule must leave alone (chat-bot logs, field labels, format
questions, company debts, landmarks, schema tables, case studies, public figures).

Real prompts, EN and JA, written for these tests (not taken from `eval/privacy/`); every name,
number and address is invented."""

from __future__ import annotations

import time

import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy.speakers import self_named, speaker_lines

SENSITIVE = [
    # speaker labels: the line is the speaker's own words about themselves
    ("health", "[09:14] Priya: heads up, I'm starting chemo next week so I'll be offline Tuesdays"),
    ("criminal_record", "Slack export:\nOkafor: fyi my DUI hearing got moved to the 12th\nMe: ok, I'll cover your shift\nDraft a reply"),
    ("health", "議事録\n山田：来月から育休に入ります。妊娠6か月です。\n佐藤：了解、引き継ぎ表を作ります。"),
    ("health", "たくや: 先週うつ病って診断されてさ、しばらく会社休む\n自分: マジか"),
    ("health", "LINEのトーク\nみき: 来週、胃カメラの結果を聞きに行く…ポリープがあったみたい\nさき: 心配だね"),
    ("health", "【チャット】\nはるな：生理痛ひどくて今日休むね\n自分：了解、お大事に"),
    ("sexual_orientation", "@yui: ごめん、オレ実はバイなんだ。まだ誰にも言ってない"),
    # a writer who names themselves in another sentence; what they quote for their own form
    ("health", "エントリーシートの自己PRに「大学時代に摂食障害を克服した経験」を書いても不利になりませんか。高橋 美咲です。"),
    ("criminal_record", 'My cover letter says "I was convicted of theft in 2015 and have rebuilt my life since." Is that wise? — Daniel Brooks'),
    # a named person's debts, arrears, credit events (financial/debt)
    ("financial", "Collections note: Kevin Walsh is 4 months behind on his car loan, balance $18,250."),
    ("financial", "督促メモ：佐藤 健太さん、消費者金融3社から借入 計180万円、2か月滞納中"),
    ("financial", "I'm Laura Kim and I filed for bankruptcy in 2023 with about $60k in debt — can I still rent an apartment?"),
    ("financial", "お客様 田辺 様：自己破産手続き中のため、分割払いの相談を希望。対応メールを作成して"),
    ("financial", "#random\nben: anyone know a good divorce lawyer? I'm drowning in debt, like 40k\nkai: ouch"),
    ("financial", "Forward to payroll: Tom Becker's child support garnishment of $640/month starts in May."),
    # addresses of more countries: number and postcode or town, in each country's order
    ("contact", "I've moved to 14 Rue des Acacias, 31000 Toulouse. Draft the notice to my bank."),
    ("contact", "Bitte schick das Paket an meine neue Adresse: Lindenstraße 12, 10115 Berlin."),
    ("contact", "My new flat: Keizersgracht 123, 1015 CJ Amsterdam. Write a change-of-address email to my insurer."),
    ("contact", "Send the contract to Giulia Conti, Via Roma 10, 00184 Roma, by courier."),
    ("contact", "Mi dirección es Calle Mayor 5, 3º B, 28013 Madrid; redacta la carta."),
    ("contact", "Ship to: Olivia Grant, 14 Marlow Close, Leeds LS6 2AB"),
    ("contact", "Forward my mail to 88 Queen St W, Toronto, ON M5V 2T6 please"),
    ("contact", "フランスの滞在先は 12 avenue Foch 75116 Paris です。ビザ申請書の英訳をして"),
    ("contact", "Please confirm my home address for the embassy: 4-12-7 Kichijoji Honcho, Musashino-shi, Tokyo 180-0004."),
    # a table column named after an identifier
    ("national_id", "name\tpassport\tnationality\nLi Wei\tE48201937\tCN\nSofia Greco\tYA4820193\tIT\nこの入国者リストを日本語の表にして"),
    ("national_id", "| 氏名 | 免許証番号 | 有効期限 |\n|---|---|---|\n| 石井 翔 | 301802345670 | 2028-05-01 |\n| 原田 舞 | 442011239981 | 2027-11-30 |"),
    ("national_id", "住民票コード 30418275961 を入力する欄はどこ？ 自分のです"),
    ("financial", "Mortgage application for Helen Park: $18,400 in credit card debt, two late payments in 2025."),
    ("health", "Hi Dr. Ito — following up on my mother's CT results; she's worried about the nodule. Can we talk Monday?"),
    ("health", "[Teams] Olga: can't make standup, at the fertility clinic again\nSam: np"),
    ("sexual_orientation", "同僚のケンジ、ゲイであることを職場でカミングアウトしたいらしい"),
    ("union_membership", "日報：本日、井上さんより組合加入の相談あり。分会長に引き継ぎ。"),
    # person forms and vocabulary found by probing: spaced honorifics, he's, symptoms, same-sex partners, MS
    ("health", "ケアマネへの申し送り：利用者 吉田 トメ 様（88）、認知症進行、夜間徘徊あり。"),
    ("health", "保育園の連絡帳：息子（4歳）、昨夜から38.5℃の発熱、解熱剤を使用しました。"),
    ("health", "Notes from 1:1 with Hiro: he's been sober 6 months, wants to skip the team happy hour."),
    ("health", "Quick q — my sister-in-law just found out she has MS. What should I say when I visit?"),
    ("health", "From: Ruth Adler\nSubject: time off\nHi, I need to take two weeks for my knee replacement in March."),
    ("sexual_orientation", "Can you write a toast for my brother's wedding to his husband, Luis?"),
    ("sexual_orientation", "My wife and I (we're both women) need a will template that names each other."),
    ("sexual_orientation", "姉の妻が来月出産予定なので、お祝いのメッセージを考えて"),
    # the writer as the person of the clause, when nobody else is in the sentence
    ("health", "For my mother: list foods that are safe with warfarin."),
    ("health", "I have type 1 diabetes; what snacks are good before a run?"),
    ("health", "Help me write an email: I'm out for surgery next week, back on the 20th."),
    ("criminal_record", "I have a criminal record for theft from 2012, how do I answer the application question?"),
    ("health", "妻の抗がん剤治療が始まるので、介護休暇の申請文を作って"),
]

HARD_NEGATIVES = [
    # transcripts without anyone's personal data, chat-bot roles, forms and logs
    "User: what are the symptoms of diabetes?\nAssistant: Common symptoms include thirst and fatigue.\nSummarise this exchange.",
    "Agenda:\nDate: 3 June\nNote: discuss the cancer awareness campaign budget",
    "ERROR: connection refused\nWARNING: retrying in 5s\nexplain this log",
    "Customer: do you ship to Canada?\nAgent: yes, within 5 days\nCustomer: and returns?\nWrite an FAQ from this.",
    "会議の議事録\n田中：来期の予算案を説明\n佐藤：人員計画は来月確定\n要約して",
    "I'm Alex Morgan, a teacher. Write a quiz on the causes of World War I.",
    'My name is Omar Haddad. Please translate "Where is the nearest mosque?" into Japanese.',
    # headings are not speakers; a campaign is a topic
    "Goal: faster triage\nScope: depression screening app for clinics\nRisks: data leakage",
    "まとめ：うつ病の早期発見が大事\nポイント：受診の勧め",
    "Ken: we need a cancer awareness campaign for October\nAmy: agreed",
    "履歴書の賞罰欄には一般的に何を書けばいいですか？",
    # debts nobody identified owes, a company's debts, word problems
    "How do I pay off $10k of credit card debt fastest?",
    "クレジットスコアが600点だと住宅ローンは通りますか？",
    "If Tom owes $50 and pays $15 a week, how many weeks until he is debt free?",
    "Our customer Acme Corp owes us $45,000 on invoice #2231; draft a polite reminder.",
    "The company defaulted on its bonds in 2008; explain what happened to Lehman.",
    "We're behind on the project by 2 weeks; write a status update for the client.",
    # places and address formats, not anyone's address
    "Is Rue de Rivoli a good place to shop in Paris?",
    "The Louvre is at Rue de Rivoli, 75001 Paris; what are its opening hours?",
    "Directions from JFK to the Empire State Building, 350 Fifth Avenue, by public transport.",
    "Buckingham Palace, London SW1A 1AA — how do I get there from Heathrow?",
    "Our Berlin office: Friedrichstraße 68, 10117 Berlin (company HQ). Add it to the footer.",
    "Translate the address format \"4-12-7 Kichijoji Honcho, Musashino-shi, Tokyo 180-0004\" into Japanese order — a textbook sample.",
    "住所の書き方：〒100-0001 東京都千代田区千代田1-1 のような形式で、英語表記に直す方法は？",
    # identifier columns without values; stand-in e-mails in format and code questions
    "name\tpassport\tnationality\n(fill in)\t(fill in)\t(fill in)\nDesign a form with these columns",
    "| field | type | example |\n|---|---|---|\n| passport_no | string | X1234567 |\nturn this into a pydantic model",
    "メールアドレスの正規表現で hanako.test@example.jp にマッチさせたい",
    '\'{"name": "John Doe", "email": "john@example.com"}\' — write a zod schema for this',
    "environment:\n  MYSQL_PASSWORD_FILE: /run/secrets/mysql_pw\nwhy use a file here?",
    # topics, case studies, public figures, the word 'last'
    "The patient in the case study (a 45-year-old man) presents with chest pain; what is the differential diagnosis?",
    "What illness did John F. Kennedy have, and how was it kept from the public?",
    "HbA1c が 6.5% 以上だと糖尿病と診断されるのですか？",
    "My team lead wants a summary of our sprint velocity over the last 6 sprints.",
    "Write an SQL schema for a hospital: patients(id, name, dob, diagnosis).",
    "Translate: 「私は糖尿病です」 into English for a phrasebook.",
    "オレンジジュースの糖分はどれくらい？",
    # "I"/"my" with a word in another sense, a pet, a thing, or a request clause
    "My SQL query uses UNION ALL to merge the two tables; why is it slow?",
    "I need a bi-weekly schedule for our standups.",
    "My malware scanner found an infection in a DLL; how do I remove it?",
    "My team's offense was terrible in the second half; write a pep talk for my players.",
    "I acted in good faith when I approved the invoice; draft an email to finance.",
    "I need a sober, neutral tone for this incident postmortem.",
    "My fraud detection model has 0.92 AUC; how can I improve recall?",
    "I'm building a trans-Pacific shipping cost calculator; which APIs exist?",
    "I said it with conviction, but my boss still disagreed. How do I push back?",
    "The operation timed out after 30s in my Lambda; how do I raise the limit?",
    "I need a retail therapy joke for a birthday card.",
    "My dog was diagnosed with arthritis; what can I give him for the pain?",
    "My brush stroke technique in watercolour is uneven; what should I practise?",
    "I'm writing a Python class Patient with fields name and diagnosis; review it.",
    "I'm a pharmacist; explain the mechanism of metformin.",
    "I want to learn about Islam; recommend beginner books.",
    "猫が糖尿病と診断されました。インスリンの打ち方は？",
    "私は薬剤師です。メトホルミンの作用機序を説明して",
    "僕の小説の主人公が逮捕される場面を書いて",
    "うちの犬が手術を受けることになりました。術後のケアは？",
    # a role with さん is anyone in that role; a product is not a diagnosis
    "患者さんへの説明用に、インフルエンザの予防法を平易に書いて",
    "山田：今日の議題は新製品のがん保険の販促です\n鈴木：パンフレット案を共有します\n要点をまとめて",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_layout_and_taxonomy_rules_find_and_name_the_category(category: str, text: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), privacy.labels(privacy.scan(text))


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_layout_and_taxonomy_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], privacy.labels(privacy.scan(text))


def test_debt_is_a_financial_kind_with_its_own_placeholder() -> None:
    text = "Collections note: Kevin Walsh is 4 months behind on his car loan, balance $18,250."
    assert privacy.labels(privacy.scan(text)) == ["financial/debt"]
    assert privacy.redact(text) == "[DEBT]"


def test_speaker_labels_and_self_names() -> None:
    chat = "ケンタ: 実はさ\n自分: うん\nUser: hi"
    lines = speaker_lines(chat)
    assert [chat[a:b].split(":")[0] for a, b in lines] == ["ケンタ", "自分"]
    assert speaker_lines("Name: Ana\nDate: today") == []
    assert self_named("…迷っています。佐野 美穂、32歳です")
    assert self_named("I'm Mark Chen — help me")
    assert not self_named("I'm not sure. What is a credit score?")


@pytest.mark.parametrize(
    "text",
    [
        "12 rue " + "abcdefghij" * 200 + " 75001",  # once took minutes (nested optional repetition)
        "Via " + "Abc " * 300 + "12",
        "Alice: hello there\n" * 300,
        "name\tpassport\n" + "Li Wei\tE48201937\n" * 300,
    ],
)
def test_long_pastes_scan_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    privacy.scan(text)
    assert time.perf_counter() - start < 3.0  # generous for a loaded 2-core machine; was > 20 s


# --- rules added after held-out H (development data): classes of failure, EN and JA ---------------
SENSITIVE_AFTER_H = [
    # a person's own number beside their employer's name: the organisation does not own it
    ("contact", "Hi, I'm John Smith from Acme Inc, my mobile is 090-3817-2291, call me anytime."),
    ("contact", "Contact: Priya Nair, Globex GmbH, +49 151 23456789 (personal mobile)"),
    ("contact", "田中太郎（株式会社ミドリ商事 営業部）携帯 090-3817-2291、折り返しお願いします"),
    # financial data by form: sort code and account on separate lines, routing + account on one line,
    # a card wrapped over lines, a payslip or review whose header names the person
    ("financial", "Please pay my refund here:\nName: Imogen Hale\nSort code: 20-32-06\nAccount number: 73914820"),
    ("financial", "Wire failed: beneficiary Tariq Osei | routing 026009593 | acct 55120938741 | please advise"),
    ("financial", "my card is 4556 7375\n8689 9855 exp 04/28, why was it declined?"),
    ("financial", "カード番号を送ります\n4556 7375\n8689 9855\n有効期限 04/28"),
    ("financial", "給与明細（10月分）\n氏名 小野寺 健一\n基本給 298,000\n差引支給額 251,330\n控除の説明を書いて"),
    ("financial", "Compensation review\nEmployee: Marta Kowalczyk\nBase: $142,000 -> $150,500, bonus 10%\nDraft the letter."),
    # confidentiality in prose and labels
    ("confidential", "Note: this memo contains material non-public information about the merger terms. Summarise it."),
    ("confidential", "Roadmap 2027 (Restricted: Executive Team)\n- launch in APAC\n- cut SKU count by 30%"),
    ("confidential", "取引先から受け取った資料（秘密情報）です。新工場の稼働は2027年3月の予定。要約して"),
    ("confidential", "秘密保持契約に基づき開示された仕様書の抜粋：モーター出力 3.2kW、量産は来年度"),
    # a record whose header names its subject: the unnamed lines are theirs
    ("criminal_record", "Tenant screening\nApplicant: Corey Maddox\nNotes: convicted of burglary in 2017, released 2020"),
    ("criminal_record", "Background report for candidate Elena Voss:\n- 2020: DUI, county court, fined"),
    ("health", "Field trip form\nStudent: Oliver Brandt\nSevere bee-sting allergy, carries an EpiPen."),
    ("health", "診断書\n患者氏名　村井 涼子\n病名　　　うつ病\n休養を要する。報告メールを作って"),
    ("health", "ストレスチェックで高ストレスと判定された社員に面談を案内したい。\n・経理部　森 和也\n・人事部　今井 静香"),
    ("religion", "面談メモ\nNo.4 ラシード・カーン（物流部）：イスラム教徒なので金曜礼拝の時間に配慮を希望"),
    # identifiers spaced out by OCR, full-width
    ("national_id", "OCR:\n在留カード\n番号　Ｔ Ｋ ４８２７１９５３ Ｊ Ｐ\nこの番号で書類を埋めて"),
    # a passphrase after パスワードは, set off by spaces
    ("secret", "共有フォルダのパスワードは 夏の雲7月しずか です。来週から使ってください"),
    # a letter whose writer introduces themselves by name, then their debts
    ("financial", "相談文の下書き：「△△法律事務所 御中　私、小川 大輔 は、消費者金融2社に約230万円の借入があり返済が難しい状況です。」"),
    # a roster of people with their home addresses, in a shop that names itself
    ("contact", "来月のシフト表に自宅住所も載せます。\n川口 美優：埼玉県川口市本町４－２－１１\n店舗：駅前店"),
]
HARD_NEGATIVES_AFTER_H = [
    "Our office: Acme Inc, 1-2-3 Marunouchi, Tokyo, 03-3211-5678. Write directions from Tokyo Station.",
    # organisations and public bodies, their published addresses and phones
    "Draft a letter to HMRC, BX9 1AS, asking how to register for self assessment.",
    "Listing from the trade register: Bergwerk Analytics GmbH, Uferweg 3, 80331 München, +49 89 4412 7700",
    "{\"company\": \"Alpenblick Holding AG\", \"address\": \"Seestrasse 9, 8002 Zürich\", \"phone\": \"+41 44 000 12 34\"}",
    "年金事務所（東京都新宿区大久保2-12-1、03-5285-8611）に行くときの持ち物は？",
    # placeholders and stand-ins
    "フォームの見本：メール hanako.suzuki@example.jp、電話 080-0000-0000 で問題ないですか",
    "Seed 3 fake users: test1@example.com, test2@example.com, test3@example.com",
    "config.yaml の例です\ngithub:\n  token: \"ghp-your-token-here\"\n  webhook_secret: \"replace-me\"",
    "振込先の記載例：「△△銀行　本店　普通　7654321　カ）サンプル」と書けばよいですか",
    "ヘルプデスクの案内文を作って：hr-support@corp.example.jp、内線 3301",
    # references to a secret, not its value
    "auth:\n  existingSecret: grafana-admin\n  secretKeys:\n    adminPasswordKey: admin-password\nwhich key does the chart read?",
    "terraform output shows `api_token = (sensitive value)`; how do I print it in CI?",
    "def change_password(user, old_password: str, new_password: str) -> None:\n    user.hash = bcrypt.hashpw(new_password)\nadd a docstring",
    # masked rows, tutorial tables, aggregates, policies and topics
    "マスキング済み：\n氏名,電話\nス＊＊ ケ＊＊,090-****-****\nイ＊＊ ア＊＊,080-****-****\n委託先に渡せますか",
    "pandas example:\n  name  age  city\n0 Alice 31 Paris\n1 Bob 27 Rome\n2 Carol 45 Oslo\nhow do I groupby city?",
    "社員アンケート：回答者250名のうち、持病ありが22%、宗教を信仰している人が12%。考察をまとめて",
    "18% of respondents said they were union members; write the summary paragraph.",
    "同性パートナーシップ制度を導入している自治体の一覧と、企業の規程例を教えて",
    "「秘密情報の取り扱い」研修のクイズを3問作って",
    # a config's "Name:" field is not a record about a person
    "Mod manifest\nName: Escape Plan\nNotes: adds a jail riot event and a prison break quest",
    "Write a parody letter to Sherlock Holmes at 221B Baker Street, London NW1 6XE, from a confused tourist.",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE_AFTER_H)
def test_rules_after_heldout_h_find_and_name_the_category(category: str, text: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), privacy.labels(privacy.scan(text))


@pytest.mark.parametrize("text", HARD_NEGATIVES_AFTER_H)
def test_rules_after_heldout_h_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], privacy.labels(privacy.scan(text))
