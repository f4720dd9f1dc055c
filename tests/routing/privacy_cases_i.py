"""Classes of failure held-out I showed, each tested on prompts of the same kind written afresh (not
I's rows): same-sex orientation said in plain Japanese, union officers and 加入届, ward and 申し送り
lists with diagnoses, 檀家名簿/信徒名簿 and parish rolls, tenant and loan screening, 源泉徴収票 and
年末調整 tables, 示談書 parties, passwords on login command lines; and the hard negatives beside
them: published test cards, jwt.io's token, barcodes, numbers given as samples for a regex, public
figures in a biography question, a story's characters, blank forms, committees that are not unions,
aggregate tables. Every name and number is invented."""

from __future__ import annotations

SENSITIVE = [
    # sexual orientation in plain words about a named or first-person subject
    ("sexual_orientation", "担任メモ：2年3組 佐藤 蓮くん、恋愛対象は同性だと相談あり。クラスでの配慮について助言がほしい"),
    ("sexual_orientation", "友人の高橋さんは同性と付き合っていて、親にはまだ言っていないそうです。どう支えればいい？"),
    ("sexual_orientation", "社宅の申請です。「申請者：中村 悠、同居者：小林 翼。お二人は同性同士のカップルです」を整えて"),
    ("sexual_orientation", "Carlos Vega is dating another man and asked that his emergency contact be changed quietly."),
    ("sexual_orientation", "経理の山田さんは女性が好きな女性で、そのことを職場では隠しています"),
    ("sexual_orientation", "同僚の佐藤くん、男が好きらしいよ。本人はまだ誰にも言っていないみたい"),
    ("sexual_orientation", "Tom in accounts has a boyfriend but isn't out at work."),
    ("sexual_orientation", "My son told me he likes boys. How do I support him?"),
    # union membership by form and by office
    ("union_membership", "労働組合加入申込書\n氏名：村上 直樹\n所属：製造部 第二工場\n加入組合：全日本金属産業労働組合 ○○支部\nこの内容で送付状を書いて"),
    ("union_membership", "春闘の交渉メンバー表を整えて。\n組合側：委員長 桑原 聡、副委員長 吉村 舞、書記長 西川 剛"),
    ("union_membership", "組合費控除一覧\n山本 健一　2,000円\n井上 真理　2,000円\n木村 拓也　1,500円"),
    ("union_membership", "Bargaining session attendees. Union side: branch secretary Omar Haddad and Dana Ruiz (local 412)."),
    # a list of patients, each row a person with a diagnosis
    ("health", "明日の申し送り用に整理して\n201 佐々木 ハル 91 誤嚥性肺炎\n202 山口 正 78 腰椎圧迫骨折\n205 松本 幸子 85 うっ血性心不全"),
    ("health", "Bed board for handover:\nBay 3 - Edith Crawley 84 hip fracture post-op\nBay 4 - Walter Boyle 77 COPD\nBay 6 - Maria Gomez 69 sepsis"),
    ("health", "デイサービス利用者\n木村 キヨ 要介護3 アルツハイマー型認知症\n斎藤 茂 要介護2 パーキンソン病"),
    # religion in a list of people
    ("religion", "信徒名簿を五十音順に並べ替えて\n・青木 恵　洗礼名マリア\n・石井 誠　洗礼名ヨセフ\n・上田 和也"),
    ("religion", "Parish roll for the Christmas mailing:\nAnne Walsh, 12 Elm Rd\nPeter Quinn, 4 Mill Lane\nRosa Diaz, 9 Bank St"),
    ("religion", "過去帳の写しを清書して\n中村 茂　平成30年没　戒名 慈光院釋浄信\n中村 トメ　令和2年没　戒名 釋尼妙香"),
    # financial facts about an applicant or a spouse
    ("financial", "入居審査メモ\n申込者：藤原 大輝（41）\n年収：560万円\n他社借入：カードローン 45万円、住宅ローン残 1,200万円"),
    ("financial", "Pre-approval notes for borrower Kevin Marsh: Experian 602, three 30-day lates in 2024, student loan $22,000."),
    ("financial", "夫の源泉徴収票です。確定申告に使えるか見てください。\n受給者：中川 雄一\n支払金額 6,120,000\n源泉徴収税額 184,300"),
    ("bulk_personal", "年末調整の回収状況\n氏名\t扶養\t配偶者控除\t提出\n吉田 修\t1\tあり\t済\n前川 愛\t0\tなし\t未"),
    # the parties to a criminal matter
    ("criminal_record", "示談書（案）\n甲（被害者）：北村 由美\n乙（加害者）：長谷川 誠\n乙は現在勾留中であり、謝罪の意向を示している。"),
    ("criminal_record", "Victim statement draft. Defendant: Jason Holt\nRemanded in custody after the incident on 3 March."),
    ("financial", "P60 for my wife, employee: Claire Dunn. Pay £38,420, tax £5,104. Can she claim marriage allowance?"),
    # gender identity in plain words, in a school record with a class before the name
    ("sexual_orientation", "保護者面談メモ\n生徒：1年2組 森 結衣\n母親より、本人が性別に違和感を持っていると相談あり"),
    ("sexual_orientation", "Our new hire Sam identifies as non-binary; please update the badge and the org chart."),
    ("health", "Night shift handover\nRm 210 Doris Kemp 88 CVA\nRm 211 Albert Nash 79 AKI on dialysis\nRm 214 June Park 66 chemo day 3"),
    ("religion", "檀家さんの一覧です。\n高木 勝　戒名予約済\n野口 美代子　納骨済\n菅原 進　戒名あり"),
    # passwords on login command lines
    ("secret", "CI log:\n+ podman login -u ci-bot -p \"N7x!q2Lm9z\" quay.io\nError: authenticating creds"),
    ("secret", "redis-cli -h cache.internal -a 'S3cr3t-Redis-77' ping でNOAUTHが出ます"),
    ("secret", "oc login https://api.ocp.kanade.internal:6443 -u admin -p Kx9mPq2Lr4 --insecure-skip-tls-verify"),
]

# jwt.io's claims ({"sub": "1234567890", "name": "John Doe", "admin": true, ...}) signed RS256: the
# documentation's token in another variant than the one held-out I carried.
_JWT_IO_RS256 = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0."
    "NHVaYe26MbtOYhSKkoKYdFVomg4i8ZJd8_-RU8VNbftc4TSMb4bXP3l3YlNWACwyXPGffz5aXHc6lty1Y2t4SWRqGteragsVdZufDn5BlnJl9pdR_kdVFUsra2rWKEofkZeIC4yWytE58sMIihvo9H1ScmmVwBcQP6XETqYd0aSHp1gOa9RdUPDvoXQ5oqygTqVtxaDr6wUFKrKItgBMzWIdNZ6y7O9E0DhEPTbE9rfBo6KTFsHAZnMg4k68CDp2woYIaXbmYTWcvbzIuHO7_37GT79XdIwkm95QJ7hYC9RiwrV7mesbY4PAahERJawntho0my942XheVLmGwLMBkQ"
)

HARD_NEGATIVES = [
    # the networks' and gateways' published test numbers, in a test or sandbox
    "Adyenのテスト環境で 4111 1111 1111 1111 を使うと3Dセキュアの画面が出ません。",
    "Braintree sandbox rejects 5555 5555 5555 4444 with a processor error - which setting is wrong?",
    # jwt.io's documented token in another variant
    f"What does the admin claim mean in this tutorial token? {_JWT_IO_RS256}",
    # product barcodes whose digits also pass Luhn (stdnum's EAN check)
    "商品のJANコード 4960913909967 をバーコードリーダーが読みません。原因は？",
    "EAN 4579754323193 - how is the last digit computed?",
    # numbers given as samples for a pattern
    "正規表現で 080-2345-6789 や 03-3456-7890 のような電話番号にマッチさせたい",
    "Write a validator that accepts US numbers such as (415) 555-2671 and 212-555-0187.",
    # public figures in a biography question
    "Johnny Cash was a devout Christian for most of his life. How did his faith shape his music?",
    "Muhammad Ali converted to Islam in his youth; how did that influence his boxing career?",
    # a story's characters
    "Write a scene where the protagonist, a nurse named Clara Diaz, learns her patient has leukemia.",
    "漫画のネームです。ヒロインの佐倉 みおが白血病と告げられる場面を描いてください。",
    # blank forms: a role word, then the field labels
    "Sign-up sheet for parish volunteers: Name ___ Email ___ Availability ___",
    "Template for each new hire: Name ____ Department ____ Emergency contact ____",
    # committees that are not unions; 健康保険組合 is an insurer
    "文化祭実行委員会：委員長 田中 葵、副委員長 山本 湊、書記 佐藤 陽菜で決定しました。告知文を作って",
    "健康保険組合の理事長 佐藤 一郎 の新年の挨拶文を作って",
    # aggregate tables of diagnoses, no one on a row
    "病名別の入院患者数\n肺炎 42\n心不全 31\n脳梗塞 27\nグラフにして",
    "診療科別の件数\n内科 肺炎 12件\n外科 骨折 8件\n整形外科 圧迫骨折 5件",
    # topics: same-sex couples, credit scores, login flags
    "同性カップルが住宅ローンを組むときに使える制度を教えて",
    "How do 30-day late payments affect an Experian score in general?",
    "docker login -u USER -p $REGISTRY_PASSWORD registry.kanade.internal - is this safe in CI?",
    "性別違和とはどういう状態ですか",
    "She is into women's football and plays on Sundays.",
    "彼女は男性が好きなタイプの映画をよく観ます",
    # blank templates of the same records
    "申し送りテンプレート\n部屋番号　氏名　年齢　診断名　特記事項\n（記入例）101 山田 太郎 80 肺炎",
    "示談書のひな形：甲（被害者）と乙（加害者）は以下の通り合意する",
    "団体交渉の進め方と、委員長・書記長の役割を教えて",
    "What is the tax: £5,000 threshold for VAT?",
    "What does `docker login --password-stdin` do differently from -p?",
    "OpenShift Local: oc login -u developer -p developer https://api.crc.testing:6443 fails with x509",
]
