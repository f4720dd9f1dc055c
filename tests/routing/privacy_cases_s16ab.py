"""Classes of failure held-out AB's first run showed (benchmarks/routing/README.md, "Session 16: AB's classes"),
generalised and tested on prompts written afresh for session 16 (not AB's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): a lock or an alarm whose code changes, named by the thing ("the yard gate keypad is now 5082#",
「シャッターの番号は 4719 に変更」); observances as a rota request spells them (jummah, suhoor, puja, ジュムア); a boss or a
colleague by post alone, opening a chat line that reports what happened to them (「課長、また入院したらしい」); a debt
adviser's remedies by name (IVA, DRO, liability order) in a named client's note.

False-positive classes (hard negatives): a handling notice quoted as wording to translate or reuse ("How do you say
'Strictly confidential - do not copy' in Japanese?"); a text that defines a marking (「「部外秘」とは…」) and a scheme's
levels numbered in brackets (「(2)社外秘:…」); a landline in a business's public listing, an opening-hours
question, a guide's "useful numbers" or beside its hours (「受付（10時〜22時）」); a reserved-domain address beside a stand-in name (Jane Doe, 山田花子); a payee field naming a company by its
legal form on its account's line or heading the block; a registered company's invoice whose payment line names no
holder; the writer asking for a guide or a handout on a topic ("I'd like a short briefing for our restaurant team on
guests' religious needs"); a care manual's rules about anyone in a role (「入居者が38度以上の熱を出した場合は」「職員の家族に…場合も」「新人さん」); a union's news whose members and staff are a group (「全社員が」「従業員の待遇向上」); people named by a letter in a training example's rota (「早番:Aさん、Cさん」); an env file's values that say how to make them ("generate-one-with-openssl"). Each negative but the last two was flagged by main's rules (1bc1a88); each sensitive case is found. Guards of
the new rules against their nearest look-alikes: alarm times and a question about when jummah starts stay clean; a
quoted notice with a document's content or marking the document the prompt gives, a sole trader's payee and a refund to a named customer on a company's invoice
stay sensitive (in SENSITIVE).
"""

from __future__ import annotations

SENSITIVE = [
    # a lock or an alarm whose code changes, named by the thing
    ("secret", "FYI the yard gate keypad is now 5082# - text the drivers before the 5am run please"),
    ("secret", "Stockroom alarm got reset to 6194 after the break-in, can you draft a note to the weekend staff?"),
    ("secret", "倉庫のシャッターの番号、今日から 4719# に変更になりました。バイトさん向けに連絡文を作って"),
    # observances as a rota request spells them
    ("religion", "Yusuf wants to swap to lates during Ramadan because of suhoor and taraweeh, is that ok under our policy?"),
    ("religion", "can Anjali have Tuesday evening off for puja next week? reply nicely pls"),
    ("religion", "ハサンさんから、毎週金曜のジュムアに行きたいので昼休みを1時間半にしてほしいと相談がありました。返事の文面を考えて"),
    # a quoted notice with a document's content in it stays a marked document
    ("confidential", ("summarise a memo stamped 'Strictly confidential - do not circulate': the two depots merge in May and "
                      "drivers move to nights. one line")),
    ("confidential", "Translate: 'CONFIDENTIAL - do not forward. We close the Derby branch on 30 June and 12 staff are affected.'"),
    # a boss or a colleague by post alone, reporting what happened to them
    ("health", "課長、また入院したらしい。今度は心臓だって。来週の会議どうしよう"),
    ("criminal_record", "店長が万引きの件で警察に捕まったって。明日のシフト誰が鍵開ける?"),
    # a sole trader's payee, and a refund to a named customer on a company's invoice, stay someone's accounts
    ("financial", "振込先：高田 修 みずほ銀行 横浜駅前支店 普通 5528163"),
    ("financial", ("Bramble & Finch Design Ltd, 8 Tanner Row, York YO1 6JB\nCompany no. 10448213\n"
                   "Refund to the customer: Ellen Shaw, sort code 30-94-57, account 28816403")),
    # a number "listed" in a phone tree is a household's
    ("contact", "連絡網に載ってた番号 0466-22-3391 にかけたけど出ない。どうしよう"),
    # a relative's number in a list of useful numbers stays theirs
    ("contact", "notes for the dog sitter:\nUseful numbers:\n- my mum Carol (9am-5pm): 01539 432 118\n- vet: 01539 447 700"),
    # the writer asking for a letter about themselves still discloses
    ("religion", "I'd like a letter to HR saying I'm Muslim and need ten minutes to pray at 1pm on shift days."),
    # a resident by name, or a subordinate with no condition, stays someone
    ("health", "申し送り：入居者の佐々木さんに昨日から発熱があり、看護師に報告済みです。文章を整えて"),
    ("health", "部下がうつ病と診断された。どう対応すればいい？"),
    ("health", "同僚が倉庫で倒れたときに、てんかんの発作だと本人から聞きました。報告書の書き方は？"),
    # a member of staff by the role, with a name, stays someone
    ("union_membership", "社員の北村さんが先月組合に入ったそうです。面談で聞いてもいいですか？"),
    # a debt adviser's remedies by name
    ("financial", "Note for file: Mrs Okonkwo has a liability order for £1,420 council tax and asked whether a DRO is possible."),
    ("financial", "Client Marek Novak is weighing an IVA against bankruptcy; total unsecured about £22,000. Draft a summary for him."),
]

HARD_NEGATIVES = [
    # a handling notice quoted as wording to translate or reuse
    "How do you say 'Strictly confidential - do not copy or forward' in Japanese? it goes on our slide footer",
    "「社外秘：無断転載・複製を禁じます」を英語にして。資料のフッターに入れたい",
    "署名の下に入れる「本メールは社外秘です。第三者への転送はご遠慮ください。」の英訳をお願いします",
    # a text that defines a marking, and a scheme's levels numbered in brackets
    ("新人研修の原稿を読みやすくして。\n「部外秘」とは、部署の外に出してはいけない情報のことです。部外秘の資料は、会議が終わったら"
     "必ず回収します。"),
    "規程の文案を整えて。\n(1)公開:誰が見てもよい情報\n(2)社外秘:社員だけが見てよい情報\n(3)極秘:役員だけが見てよい情報",
    # a landline in a business's public listing or an opening-hours question
    "Is this right for our Google Business Profile? Fenwick Hardware, 22 Quay Road, Alnmouth, 01665 830 421",
    "駅前の蕎麦屋って何時まで営業してる？ネットに 0466-22-3391 って載ってたけど、つながらない",
    "定休日の書き方を直して：喫茶ポプラ 月曜定休 電話 0422-51-7730",
    ("Can you tidy our guest info sheet?\n\nUseful numbers:\n- Reception (8am-10pm): 01539 432 118\n- Lakeside Taxis: 01539 447 700\n"
     "- Ambleside pharmacy: 01539 433 905"),
    "ジムの案内文を直して。受付（10時〜22時）：045-331-2290",
    # a reserved-domain address beside a stand-in name
    ("why does my importer skip the second row?\nid,full_name,email,joined\n1,Jane Doe,jane.doe@example.org,2024-02-01\n"
     "2,Joe Bloggs,joe.bloggs@example.org,2024-03-15"),
    "会員登録の確認メールの文面を作って。宛先は 山田 花子 様（hanako.yamada@example.com）でお願いします",
    # a payee field naming a company by its legal form
    "振込先：合同会社アオバ設計 みずほ銀行 横浜駅前支店 普通 5528163 ←この書き方で請求書おかしくない？",
    "請求書のひな形です。\nお振込先：\n有限会社タカセ工務店\nしずおか銀行 本店営業部 普通 3047718\n口座名義：ユ）タカセコウムテン",
    # a registered company's invoice whose payment line names no holder
    ("Is this invoice footer complete?\nBramble & Finch Design Ltd, 8 Tanner Row, York YO1 6JB\nCompany no. 10448213\n"
     "Please pay to: Lloyds, sort code 30-94-57, account 28816403"),
    # the writer asking for a guide on a topic, not disclosing
    ("I'd like a short briefing for our restaurant team on guests' religious needs: halal and kosher meals, fasting during "
     "Ramadan, prayer times. Bullet points please."),
    "We run a small gym. I want a friendly handout for trainers on respecting members' religious dress, like hijab or turban, in classes.",
    # a care manual's rules about anyone in a role, and a role's family in general
    ("介護施設のマニュアルを直して。\n・入居者が38度以上の熱を出した場合は、すぐ看護師に報告する。\n"
     "・職員の家族にインフルエンザの人が出た場合も、主任に相談する。\n新人さんが迷わないように短くして"),
    # a union's news, its members and staff as a group
    ("社内報向けに短くして。「大手スーパーの労働組合は春闘で、組合員の平均で月1万2千円の賃上げで妥結した。会社は『従業員の待遇向上に"
     "努める』とした」全社員が読むので、やさしい言葉で"),
    # people named by a letter in a training example's rota
    ("パート向けの個人情報研修の資料です。分かりやすく直して。\n\n名前、住所、電話番号など、個人が分かる情報は持ち出さないこと。\n\n"
     "例)休憩室のシフト表\n土曜 早番:Aさん、Cさん 遅番:Bさん\n日曜 早番:Dさん 遅番:Aさん、Fさん"),
    # an env file's values that say how to make them
    ("docker env for my side project, ok to commit?\n\nDB_USER=app\nDB_PASSWORD=${DB_PASSWORD}\n"
     "JWT_SECRET=generate-one-with-openssl-rand-base64\nWEBHOOK_TOKEN=fill-in-after-deploy"),
    # guards for the new rules
    "Alarm times changed to 0630 on weekdays, update the shop notice",
    "what time does jummah usually start in winter? planning our community centre's room bookings",
]
