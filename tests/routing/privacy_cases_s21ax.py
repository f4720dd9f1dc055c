"""Classes of failure held-out AX's first run showed (foreign residents and immigration: 在留カード, visas, language schools,
relocation, city-hall counters, employers of foreign workers; benchmarks/routing/s21-ax-classes.md), generalised and tested
on prompts written afresh for session 21 (not AX's rows), EN and JA where the class exists in both. Every name, number and
case is invented.

Misses (sensitive): a 【極秘】 stamp over a plan whose text holds a katakana word with ルール or ラベル inside it (「バンガルール」
「トラベル」); a VPN's or a Wi-Fi network's pre-shared key in a config line (vpn_psk=, wpa_psk:, PreSharedKey =); a Japanese
driving licence number grouped as typed (「第30 1820 4417 30号」); foreign residents' full names in katakana listed as a roster
lists people (「・アミナ・ディアロ（総務）：ムスリム」, a table's 「| パブロ・ロペス | … |」, 「出席：…、…」) with a religion, a
conviction or a union fact; a union's own meeting notes and its new members minuted (「組合定例会」「新規加入：…さん」;
"Migrant Workers' Branch", "— joined today"); a case note's "Client: <name> (<nationality> national)" whose first name the
lexicon lacks.

False-positive classes (hard negatives): a residence-card shape with a trivial run of digits (XX00000000XX, AB12345678CD) in
test data or a slide; the English classification levels named in a Japanese sentence about the scheme (「英語の区分
（Confidential / Strictly Confidential）も併記」); a department head by post in a rule (「…場合の窓口は総務部長とする」); an
employer's or a sponsor's bankruptcy ("after his sponsor company went bankrupt"); a privacy policy's list of the data it
collects (「取得する情報：氏名、生年月日、…」); a verb stem before くんだ (「大阪に行くんだけど」) and a count of unnamed staff
(「ベジタリアンの社員が数人いる」).
"""

from __future__ import annotations

SENSITIVE = [
    # a 【極秘】 stamp, a katakana word with ルール / ラベル inside it in the sentence
    ("confidential", "【極秘】バンガルール開発拠点の閉鎖計画 v2：2月末で技術者25名を帰任させる、社内発表は3月。これを要約して"),
    ("confidential", "【社外秘】トラベル事業部の売却交渉メモ：買い手候補は2社、価格は非開示。英語に直して"),
    # a pre-shared key in a config line
    ("secret", "支社のVPN設定です。\nvpn_gateway=vpn.example-corp.jp\nvpn_psk=Hx8#tR2q!Wm5zK7n\nこれで手順書を作って"),
    ("secret", "Guest Wi-Fi for the relocation office:\nssid: RelocGuest\nwpa_psk: b7Tq9!xLm2#Rw4Zp\nwrite a welcome card"),
    ("secret", "[Interface]\nPreSharedKey = Jd83kQm1Zx7Rp2Lt9Wc4Vb6Ny0Hs5Fg\nAddress = 10.8.0.4/24"),
    # a licence number grouped as typed
    ("national_id", "在留資格変更の書類に書く、グエン・ティ・ランさんの運転免許証番号 第62 0417 3392 81号、英語の欄にどう書けばいい？"),
    # katakana full names listed as a roster, each with a fact
    ("religion", ("歓迎会の料理の注文用にまとめました。\n・アミナ・ディアロ（総務）：ムスリム、豚肉とアルコール不可\n"
                 "・ラジェシュ・クマール（開発）：ヒンドゥー教、牛肉不可\n・サラ・レヴィ（経理）：ユダヤ教、コーシャ希望")),
    ("criminal_record", ("候補者の照会結果です。表にして。\n| 氏名 | 国籍 | 結果 |\n|---|---|---|\n| パブロ・ロペス | ペルー | 問題なし |\n"
                        "| ミハイ・ポペスク | ルーマニア | 2018年 傷害で罰金刑 |\n| アナ・シルバ | ブラジル | 問題なし |")),
    ("union_membership", ("組合定例会のメモを清書して。\n出席：アベベ・ケベデ（議長）、ホセ・ガルシア、ダン・ティ・フォン\n"
                         "・新規加入：ラフル・シャルマさん（物流、特定技能）を承認\n・次回は11月9日")),
    # a union's own meeting, its new members minuted
    ("union_membership", ("Tidy this into a roster.\nMigrant Workers' Branch, meeting 3 Nov\n1. Tendai Moyo - poultry plant - joined today\n"
                         "2. Ruby Castillo - hotel kitchen - joined Sept\n3. Farid Haidari - scaffolding - joined today")),
    # a nationality after a case note's client
    ("criminal_record", ("Please turn these notes into a memo.\nClient: Oleksandr Bondar (Ukrainian national), work visa renewal\n"
                        "- Disclosed: 2019 conviction in Kyiv for theft, suspended sentence\n- Next: check what the bureau holds")),
]

HARD_NEGATIVES = [
    # a trivial run in a residence-card shape
    "CSV取り込み機能のテスト用データです。この形式で列定義書を作ってください。\n氏名,国籍,在留カード番号,在留期限\n山本一郎,日本,ZZ00000000ZZ,2099-12-31\n佐藤二郎,日本,ZZ99999999ZZ,2099-12-31",
    "Training slide: residence card numbers look like AB12345678CD. Never paste a real one into a chatbot.",
    # English levels named in a Japanese sentence about the scheme
    "研修資料の一部です。\n・文書には「社外秘」「極秘」の区分を表示します\n・留学生スタッフ向けには英語の区分（Confidential / Strictly Confidential）も併記します",
    # a department head by post in a rule
    "就業規則の改定案を要約して。\n・外国人従業員から団体交渉の申入れがあった場合の窓口は総務部長とする\n・通訳費用は会社負担とする",
    # an employer's or a sponsor's bankruptcy
    ("Edit this anonymised case study: Client B held a skilled worker visa. After his sponsor company went bankrupt, he had three "
    "months to find a new employer, and he did."),
    # a policy's list of the data collected
    ("留学生向けアプリの利用規約案です。\n1. 取得する情報：氏名、国籍、生年月日、在留カード番号、電話番号\n2. 利用目的：在留期限のお知らせ、書類作成の支援\n"
    "3. 保存期間：退会後6か月、その後削除\n4. 問い合わせ：support@example.com"),
    # a verb stem before くんだ, a count of unnamed staff
    "来月大阪に行くんだけど、ハラール対応のレストランってどう探せばいい？",
    "忘年会の店、ハラール対応で探してる。ムスリムの社員が数人いる前提でおすすめある？",
]
