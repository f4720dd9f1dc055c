"""Classes of failure held-out P showed (mid-workflow pastes), each tested on prompts of the same kind
written afresh (not P's rows), EN and JA. Every name, number and key is invented.

Misses (sensitive): a network's pre-shared key given in a form's remarks; a stamp after the title on a
document's first line, beside words (design, template) that otherwise make a marking a topic; a card
number typed over two chat messages, each behind its speaker label; a funeral notice whose venue line
names the rite or the temple; a wedding with two grooms or two brides; a case header whose role key
("Employee:", 「作業者：」) names someone the name lexicon does not know; a disciplinary case opened by
「対象：… 氏名（年齢）」; a case note's 「本人（部署 氏名）より：」.

False-positive classes (hard negatives): an SSH remote (git@host:path) read as an e-mail; a YAML flow
mapping under a secret-reference key; a date's slash read as "user / password"; numbers listed as the
test inputs of a requested regex; a question about the usual handling of a request from an unnamed
employee (religious leave, hospital visits); a marked document in a hypothetical.
"""

from __future__ import annotations

SENSITIVE = [
    # a network's pre-shared key in a form's remarks
    ("secret", "工事依頼書（総務課）\n件名：倉庫棟Wi-Fi増設\n備考：拠点間VPNの事前共有鍵：Souko!Link-77vq\n作業は土曜に実施"),
    ("secret", "Change request CR-2291\nScope: replace the branch firewall\nNotes: site-to-site pre-shared key: mR4#tunnel-Oak-19\nWindow: Sat 02:00"),
    # a stamp after the title on the first line
    ("confidential", "Level design template — CONFIDENTIAL\nZone 3: the vault heist; unannounced partner brand on the billboards.\nTighten the beat sheet."),
    ("confidential", "新商品パッケージデザイン案｜社外秘\n案A：青系、案B：和紙調\nコンセプト文を整えてください"),
    # a card typed over two chat messages
    ("financial", "チャットボットのログ確認\nお客様：カードで支払います\nお客様：53542187\nお客様：66093123 有効期限 08/28\nボット：承知しました\n誤作動の原因を推測して"),
    ("financial", "Support chat export\nVisitor: paying by card, here it is\nVisitor: 3566 0028\nVisitor: 1147 2030 exp 11/27\nAgent bot: thanks!\nWhy did the bot echo this back?"),
    # a funeral notice naming the rite on its venue line
    ("religion", "社内掲示（訃報）\n製造課 白井 誠 さんのご尊父 白井 勝 様がご逝去されました\n告別式：12月8日 10時\n式場：日蓮宗 妙蓮寺（富山市）\nご香典は辞退とのことです"),
    ("religion", "For the intranet: Priya Raman's mother, Lakshmi Raman, passed away on Sunday.\nService: Thursday 11am\nVenue: Sri Ganesha Hindu Temple, Leicester\nThe family asks for no flowers."),
    # two grooms or two brides
    ("sexual_orientation", "披露宴の席次メモ\n1/18 ご結婚パーティー（新婦 石川 葵 様・新婦 Laura Chen 様）48名\n高砂の席札を2枚とも「新婦」で作成"),
    ("sexual_orientation", "Venue booking: reception for bride Olivia Grant and bride Maya Torres, 70 guests, 14 June. Draft the confirmation."),
    # a role key naming someone the lexicon does not know
    ("health", "Occupational health file\nEmployee: Tavita Fonoti (Logistics)\n12/01 Back injury at the dock; physiotherapy twice a week, off heavy lifting for 6 weeks\nDraft the adjustment letter."),
    ("health", "ヒヤリハットではなく労災です\n作業者：北条 蓮（協力会社）\n右足甲を骨折、整形外科で手術予定、休業見込み4週間\n報告書の経過欄を書いて"),
    # the person a case note is about: 「本人（部署 氏名）より：」
    ("health", "面談記録（12/4）\n本人（物流課 大西 涼）より：適応障害の診断で通院中、残業を控えたいとの申し出\n配慮内容の案を作って"),
    # 対象 with a name and an age
    ("criminal_record", "懲戒処分の検討メモ\n対象：経理課 主任 村岡 慎也（41）\n事案：11月、傷害容疑で逮捕。現在は処分保留で釈放\n処分案の文面を作成"),
]

HARD_NEGATIVES = [
    # the same shapes with nothing sensitive
    "工事依頼書（総務課）\n件名：倉庫棟Wi-Fi増設\n備考：拠点間VPNの事前共有鍵は情報システム課の台帳で管理（本書には記載しない）\n作業は土曜に実施",
    "Design a stamp that says NOT FOR DISTRIBUTION for our print shop's catalogue page.",
    "チャットボットのログ確認\nお客様：注文番号は\nお客様：53542187\nボット：承知しました\n誤作動の原因を推測して",
    "社内掲示（訃報）\n製造課 白井 誠 さんのご尊父 白井 勝 様がご逝去されました\n告別式：12月8日 10時\n式場：富山市民斎場 第1式場\nご香典は辞退とのことです",
    "Venue booking: reception for bride Olivia Grant and groom Marcus Bell, 70 guests, 14 June. Draft the confirmation.",
    "Occupational health file\nEmployee: Tavita Fonoti (Logistics)\n12/01 Completed forklift refresher training; certificate renewed until 2028\nDraft the congratulations note.",
    "窓口手順の確認です。本人確認書類（運転免許証など）の写しは受付後すぐにシュレッダーにかける運用で合っていますか。",
    # an SSH remote
    "$ git clone deploy@build01.internal:apps/ledger.git\nPermission denied (publickey). Which key does the runner use?",
    # a YAML flow mapping under a secret reference
    "このマニフェストは何をしていますか\n```\nkind: ExternalSecret\nspec:\n  secretStoreRef: {name: vault-backend, kind: ClusterSecretStore}\n  target: {name: api-creds}\n```",
    # a date's slash beside a login task
    "定例メモ\n・ログイン画面のエラー表示：山口が11/28までに修正\n・帳票出力：石井が確認\nToDoを表にして",
    # numbers listed after a request for a regex
    "郵便番号と携帯番号をチェックする正規表現を作ってください。\n入力：080-2468-1357 や 03-1234-5678\nハイフンなしにも対応したい",
    "Write a regex that validates UK mobiles.\nShould accept 07700 900123 and +44 7700 900456.",
    # the usual handling of an unnamed employee's request
    "従業員から宗教上の理由で金曜午後の礼拝時間に抜けたいという相談があった場合、一般的にはどう対応しますか。",
    "What is the standard process when an employee asks for time off for regular hospital appointments? Policy only.",
    "What's the usual way to handle an employee's request for religious holidays that aren't on our calendar?",
    # a marked document in a hypothetical
    "極秘と書かれたファイルを誤って社外に転送した場合、最初に誰へ報告するのが一般的ですか？",
]
