"""Classes of failure held-out O showed, each tested on prompts of the same kind written afresh (not O's
rows), EN and JA. Every name and value is invented.

Misses (sensitive): a court's garnishment order for a named employee; a named person's severance or
retirement pay computed over two sentences; a keypad code typed key by key; a BitLocker recovery key;
an NDA said in prose; a passport number with letters among its digits; a table with a column for a
special-category fact (union membership, religion); a case record's header line (department, full name,
age) with symptoms on the lines after it; a screening result with the subject in an 「対象：」 line; a
foreign name with its honorific set off by a space.

False-positive classes (hard negatives): contact details the text says are published (from a website, a
switchboard marked 「（代表）」, a public service's line); AWS-style documentation keys ending in EXAMPLE;
values already redacted; a quantity under a key that contains "token"; a PowerShell cmdlet fetching the
secret; a policy question that says outright it is about no one in particular; a test account on a
reserved domain; a test fixture.
"""

from __future__ import annotations

SENSITIVE = [
    # garnishment of a named person's wages
    ("financial", "裁判所から倉庫課 森本 健二さん宛の給与差押命令が届いた。来月の給与からいくら控除すればいいか教えて"),
    ("financial", "We received a wage garnishment order for Kevin Walsh in shipping, $640 per pay period. How do we set up the deduction?"),
    # severance / retirement pay of a named person, the figures in the next sentence
    ("financial", "経理 宮下 典子 さん（勤続31年）の退職金の計算です。基本給 385,000円 × 支給率 40 ＝ 15,400,000円 で合ってますか"),
    ("financial", "Severance for Gareth Llewellyn, who leaves on Friday: 26 weeks at $2,150 a week = $55,900. Please double-check."),
    # a keypad code typed key by key
    ("secret", "新しいバイトさん向けに開け方をメモ：裏口のドアの暗証番号は 7 3 1 9 5 です"),
    ("secret", "Note for the cleaners: the alarm disarm code is 4 8 2 6 then press OFF."),
    # a BitLocker recovery key
    ("secret", "BitLocker asks for this after the firmware update: 318549-220187-604461-095964-573826-412577-151349-300432"),
    ("secret", "回復キーはこれです 104863-551320-267729-438306-090123-371415-624217-185394 どこに入力すればいい？"),
    # an NDA said in prose
    ("confidential", "Everything below is covered by the NDA with Orison Labs, so keep it inside the deal team: their pricing floor is $41 per seat."),
    ("confidential", "This term sheet is under the mutual NDA; summarise the exclusivity clause for me."),
    # a passport number with letters among its digits
    ("national_id", "Visa form for our engineer Lukas Brenner, German passport C4T920X17, valid until 2031. Fill in section 3."),
    # a table with a column for a special-category fact
    ("union_membership", "部署別の集計をして\n氏名,所属,労組,勤続年数\n青木 大輔,製造,加入,12\n川村 美穂,製造,未加入,3\n松井 亮,品証,加入,7"),
    ("religion", "Seating plan for the dinner, check the dietary column:\nname,team,religion,meal\nAmir Haddad,Sales,Muslim,halal\nRuth Cohen,Legal,Jewish,kosher\nDev Patel,IT,Hindu,veg"),
    # a case record's header line with symptoms on the lines after it
    ("health", "面接指導の記録を整えて。\n製造2課 菅原 隆（41）、11月時間外 88h。\n最近めまいと息切れがあり、不眠も続いている。"),
    # a screening result with the subject in an 「対象：」 line
    ("criminal_record", "取引先審査の結果まとめ\n対象：有限会社ミナト商事 代表取締役 桐生 正人（1968年生）\n・2015年 横領で有罪判決の報道あり"),
    # a foreign name with a spaced honorific
    ("religion", "来週の懇親会、営業部の ラフマン さん（ムスリムで豚肉とお酒はNG）が来るのでお店選びを手伝って"),
]

HARD_NEGATIVES = [
    # published contacts: from a website, a switchboard, a public service
    "Add the Osaka office of Brightline Media to our press list, from their website: +81 6-6345-2290, press@brightline-media.jp",
    "本社宛に書類を送ります。\nお届け先：〒530-0001 大阪市北区梅田2-4-9 梅田スクエアビル 12F 経理部\n電話：06-6345-1100（代表）",
    "Poster text please: Building security desk (212) 481-3300, Fire Department non-emergency (212) 639-9675.",
    "供花の送り先は公開されている斎場です：メモリアルホール桜台（東京都練馬区桜台1-5-3、03-3948-1234）。添え状の文面を",
    # AWS documentation keys, redacted values, quantities, a cmdlet fetching the secret
    'my provider block from the tutorial: access_key = "AKIAI44QH8DHBEXAMPLE"\nsecret_key = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"',
    "webhook fails, log line: 2026-11-03T10:04:11Z DEBUG client init token=ghp_[REDACTED] retries=3",
    "設定ファイルの説明をコメントで付けて\nOPENAI_API_KEY=<your-key>\nMAX_TOKENS=4096\nTOKEN_TTL=3600",
    '$pw = Get-Secret -Name SqlAdminPassword -AsPlainText\nwhy does Invoke-Sqlcmd still say login failed?',
    # a policy question that says no one in particular is meant
    "休職中の社員がうつ病の場合の復職プログラムの作り方を教えてください。個別の社員の話ではありません",
    "Draft our policy on time off for gender-affirming surgery. This is not about a specific employee, just the policy.",
    # a test account on a reserved domain, a test fixture
    "再現手順をまとめて。テストアカウント qa-user02@example.com でログインすると注文履歴が空になる",
    'turn this fixture into a pytest factory:\n- {name: "Jane Doe", dob: 1980-02-02, addr: "1 Elm St, Anytown NY 10000"}\n- {name: "John Doe", dob: 1975-07-07, addr: "2 Oak St, Anytown NY 10000"}',
]
