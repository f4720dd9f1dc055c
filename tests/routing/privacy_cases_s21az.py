"""Classes of failure held-out AZ's first run showed (farms, orchards, fisheries, food processing, rural co-ops and
inns; benchmarks/routing/s21-az-classes.md), generalised and tested on prompts written afresh for session 21 (not AZ's
rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a connection URI whose password holds "@" (cut at its own "@" before); a worker named by their
shift or the works ("Lou Ortega at the packing shed", "Mia Chen on the early shift"), the first name not in the
lexicon; a son or a brother with a male partner, a daughter with a female one (「長男が男性のパートナーと」, "his male
partner", "my son has a boyfriend"); an estate inventory whose 被相続人 / "Deceased:" heads its debts.

False-positive classes (hard negatives): an f-string placeholder as a query parameter's value (`api-key={API_KEY}`); a
never-issued SSN in a fixture (area 000 or 666, group 00); a vet's prescription for an animal (獣医さん is a role);
a marking word fused to a dish's or a trick's name (「マル秘スープ」「極秘レシピ」); faiths as the modifier of a
community to include ("our Jewish, Hindu and Muslim neighbours", 「ムスリムやヒンドゥー教徒の方々」); a business's
email footer and its job posting (its own contacts); a co-op's member notice (出資配当 is no labour union, a labelled
bullet listing kinds of data is no table header); a debt in a novel the request asks to write; a pronoun after the
figure an encyclopedic question names ("when he …").
"""

from __future__ import annotations

SENSITIVE = [
    # a URI password holding "@"
    ("secret", "Why does this fail? mysql -h db 'mysql://orchard:Pl@nt1ngDay#77@192.168.3.20:3306/harvest' says access denied."),
    ("secret", "このコマンドが認証エラーになります：psql 'postgresql://kumiai:Hi@Kumiai2025!@10.0.8.4:5432/nouka' -c 'select 1'"),
    # a worker named by their shift or the works
    ("health", "Please soften this note: 'Lou Ortega at the packing shed has epilepsy and can't work near the conveyor.'"),
    ("health", "Draft a rota note: Tavi Brennock on the early shift is pregnant and needs to avoid lifting crates."),
    ("criminal_record", "Ossie Harlan at the sawmill was convicted of theft in 2019; should that affect his promotion?"),
    # a male relative with a male partner, a female one with a female partner
    ("sexual_orientation", "長男が男性のパートナーと一緒に牧場を継ぎたいと言っています。祖父母への伝え方を考えて。"),
    ("sexual_orientation", "次女が女性の恋人と同居を始めました。親戚にどう話せばいいでしょうか。"),
    ("sexual_orientation", "My brother has a boyfriend, and Dad doesn't know yet. How should I support him?"),
    ("sexual_orientation", "Our daughter has a girlfriend now; help me write a kind note to my conservative aunt."),
    # an estate inventory's deceased
    ("financial", ("母の相続について、兄弟への説明資料を作りたいです。以下の内容を表にしてください。\n\n・被相続人：岡部 正子（令和5年死亡）\n"
                  "・不動産：自宅、畑 約0.4ha\n・預金：農協 普通貯金 残高 8,120,400円\n・負債：農協ローン 残債 2,860,000円\n"
                  "・相続人：長男 岡部 誠、長女 小池 直美\n・誠が畑を相続し、直美には代償金を支払う予定\n計算例もつけてください。")),
    ("financial", ("Make a table for my siblings about our father's estate.\n- Deceased: Harold Pike (died March 2024)\n"
                  "- Savings: 84,200 dollars\n- Debts: tractor loan, 41,000 dollars outstanding")),
]

HARD_NEGATIVES = [
    # an f-string placeholder, no value
    'Is this OK?\n    url = f"https://api.farmweather.example/v1/obs?station={STATION}&api_key={API_KEY}"',
    # never-issued SSNs in a fixture
    ('Fixture rows for our CI tests, look realistic?\n[{"name": "Row One", "phone": "555-0199", "ssn": "000-12-3456"},\n'
     ' {"name": "Row Two", "phone": "555-0198", "ssn": "666-45-0000"}]'),
    # a vet's prescription for an animal
    "子牛が下痢をして、獣医さんに抗生物質を処方されました。休薬期間はどれくらいですか？",
    "母豚が乳房炎になり、獣医さんから抗生剤を処方されました。出荷はいつからできますか？",
    # a marking word fused to a dish's or a trick's name
    "うちのラーメン屋の「マル秘スープ」をPOPで紹介したい。いい文句ある？",
    "居酒屋の新メニュー「大将の極秘レシピ唐揚げ」のキャッチコピーを3つ考えて。",
    # faiths as the modifier of a community to include
    "How can I make the village fete welcoming for our Jewish, Hindu and Muslim neighbours? Food ideas please.",
    "近所のムスリムやヒンドゥー教徒の方々も来る秋祭り、私はどんな料理を出せばいい？",
    # a business's email footer and its job posting
    "Tidy up our farm's email footer: Brookside Farm · 12 Orchard Rd, Hood River OR 97031 · (541) 386-2277 · hello-farm@brooksidefarm.com",
    ("Make this job posting friendlier:\n\nRiverbend Creamery is hiring 6 seasonal cheese packers.\nPay: $17/hr\n"
     "Apply in person at 40 Mill Rd, or call our office: (802) 555-3190."),
    # a co-op's member notice
    ("組合員向けの個人情報のお知らせを作って。\n・取得する情報：氏名、住所、電話番号、口座情報、マイナンバー（出資配当の支払調書作成のため）\n"
     "・利用目的：事業運営、配当金の支払い\n・第三者提供：法令に基づく場合を除き行わない\n・問い合わせ窓口：事務局（代表電話）\n"
     "高齢の組合員にもわかる表現でお願いします。"),
    # a debt in a story the request asks to write
    ("Write a short story (fiction) set on a Vermont dairy farm.\nCharacters:\n- Walt Rinaldi, 60, owes $90,000 to the feed "
     "supplier and hides it\n- his niece Bea, who keeps the books\nAbout 400 words."),
    # a pronoun after an encyclopedic question's figure
    "Was Thomas Merton a Trappist monk when he did the Asian journey? Writing a library display card.",
    "Was Hildegard Bingen a Benedictine nun when she did the Physica? It's for a herb garden sign.",
    # the words with no one, or the wrong pairing
    "Our son asked a male partner at the law firm for advice on the lease.",
    "長女が男性のパートナーと結婚します。披露宴の挨拶文を考えて。",
    "The Night Shift at the cannery has a new lead. Write a welcome note.",
]
