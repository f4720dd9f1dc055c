"""Classes of missed sensitive prompts held-out BB (pharma, clinical trials, labs) and BC (e-commerce, marketplaces, gig
work) showed (benchmarks/routing/s22-s22miss-classes.md), generalised and tested on prompts written afresh for session 22
(not BB's or BC's rows), EN and JA where the class exists in both. Every name, number, password and case is invented.

Misses (sensitive): a record header whose name has a middle initial ("Applicant: Dana K. Moreau") and a clinical trial's
subject header (「被験者：…」), the lines under them theirs; a Buddhist ordination or a temple as one's family home (僧籍,
「実家がお寺」, "was ordained"); a pregnancy lost in a parent's words ("lost the baby at 9 weeks", stillbirth, 「死産」);
「パス」 (short for パスワード) before a password in a chat, as "pw" is; a Japanese self-introduction after the writer's group
or post (「物流センター勤務の大西です」), which makes the writer identifiable for a special category; a total of someone's debts told with 合計で / in total
(no word problem); loan repayments that stopped (「返済が滞って」) and a revolving balance (リボ残); a message quoted under a
label naming its sender, its sentences the sender's; a Japanese stamp heading a pasted document's line before its title
(「■社外秘／…」).

Hard negatives: a word problem that asks for a total; the levels listed after a stamp (「■社外秘／部外秘の違い」); a
katakana word holding パス (キャンパス, パスポート); a noun after の that is no surname (「問題の原因です」); a temple visited, not
one's home (「実家の近くのお寺」); a baby lost as a toy or luggage; a quoted message under a label that names no one.
"""

from __future__ import annotations

SENSITIVE = [
    # a record header with a middle initial
    ("criminal_record", ("Rewrite this screening summary in plain English:\n\nAPPLICANT: Dana K. Moreau\nPosition: Lab Technician\n"
                        "Criminal history:\n - 2014: shoplifting, misdemeanor, convicted, fine paid\nReferences: 2 of 2 confirmed")),
    ("health", ("Patient: Owen T. Briggs\nVisit: week 12 follow-up\nNotes: reports new onset migraines since starting the study drug.\n"
                "Please turn these notes into a short narrative.")),
    # a clinical trial's subject header
    ("health", ("モニタリング報告用に整えてください。\n被験者：宮坂 洋子（68歳）\n来院：Visit 5\n所見：治験薬投与後に発疹あり、"
                "皮膚科を受診。")),
    ("religion", "議事録に入れる前に文章を整えて。\n被験者：新井 隆\n本人はイスラム教徒で、ラマダン中は日中の服薬ができないとのこと。"),
    # ordination, a temple family
    ("religion", "バイトの森口くん、実家がお寺で夏はお盆の手伝いがあるそうです。シフトの組み方を相談させてください。"),
    ("religion", "経理の大野さんは僧籍を持っているそうで、年末は休みたいとのこと。締め作業の分担案を作って。"),
    ("religion", ("Our new QC analyst, Ben Hartley, mentioned he was ordained last spring and needs two days off "
                 "in August for a retreat. Can you draft a reply approving it?")),
    # a pregnancy lost
    ("health", ("Draft a kind reply to this seller: \"Hi, it's Priya Nandakumar from shop #4410. I lost the baby at 9 weeks "
               "on Monday, so orders will ship late this week.\"")),
    ("health", "出品者の岡部 みゆきさんは先週死産だったそうで、今月は発送をお休みしたいとのことです。返信の文案をお願いします。"),
    # 「パス」 before a password
    ("secret", "このLINEを引き継ぎメモにして。\n店長：管理画面は俺のアカウントで入って\n店長：ID tanaka.k / パス Shop!2025Kd\n私：了解です"),
    ("secret", "Slackの会話を要約して。\n木村：検証環境は ID qa_kimura、パス Wh3se#Tab88 でログインして\n高田：ありがとうございます"),
    # a self-introduction after the group or the post
    ("union_membership", ("店舗スタッフの問い合わせ：「いつもお世話になっております。物流センター勤務の大西です。先月から労働組合に加入しました。"
                         "組合の掲示板を休憩室に置いてよいか確認させてください。」")),
    ("union_membership", "返事の文案をお願いします。\n「配送委託の藤田です。今月から地域ユニオンに加入しましたので、組合として単価の協議を申し入れます。」"),
    # a total of someone's debts told
    ("financial", "部下の杉本さんから、カードローン2社で合計で約180万円の借金があると相談されました。人事への伝え方を考えて。"),
    ("financial", ("My coworker Liam Brennan told me he owes about $23,000 in total across three payday loans. "
                  "How can I suggest he talk to a debt adviser without embarrassing him?")),
    # repayments stopped, a revolving balance
    ("financial", "加盟店オーナーの石田 聡さんは、設備ローンの返済が3ヶ月滞っていると話していました。本部への報告文を作って。"),
    ("financial", "ドライバーの西村さん、リボ残が90万円あって毎月きついそうです。前払い制度の案内文を書いてください。"),
    # a quoted message under a label naming its sender
    ("financial", ("返信の相談です。\n出店者（店舗「こもれび雑貨」 北川 さくらさん）：\n「先月の入金をまだ受け取れていません。"
                  "実は車のローンの返済が2ヶ月滞っていて、残高も140万円あります。早めに出金できませんか」")),
    ("financial", ("How should I answer this?\nMessage from Carla Jimenez:\n\"I know my payout is on hold. Honestly I'm "
                  "3 months behind on my car loan and owe $6,800 on it. Could you release half now?\"")),
    # a JA stamp heading a pasted document's line
    ("confidential", ("新人向けにやさしく言い換えて。\n\n◆極秘｜返金審査ルール v3（CS部限り）\n・初回注文かつ3万円以上 → 目視確認\n"
                     "・同一住所で5アカウント以上 → 即時停止")),
    ("confidential", "この表を要約して。\n■社外秘／加盟店手数料の改定ガイドライン\n・A区分 8.5% → 9.2%\n・B区分 6.0% → 6.8%"),
]

HARD_NEGATIVES = [
    # a word problem that asks for a total
    "算数の問題：たろうくんは友だち2人から500円と300円を借りました。合計でいくら借りていますか。",
    "Word problem: Ann borrows $40 from Ben and $25 from Cal. How much does she owe in total?",
    # the levels listed after a stamp
    "研修資料を作りたい。\n■社外秘／部外秘の違い\n・社外秘は社外に出さない\n・部外秘は部外に出さない",
    # a katakana word holding パス
    "キャンパス Tokyo2025East の地図を作って。",
    "コンパス Sunrise2024Edition の使い方を教えて。",
    # a noun after の that is no surname
    "問題の原因です。サーバーのログを見て、何が起きたか説明してください。",
    # a business mail's self-introduction, then a payroll line with the subject dropped: no debt of the writer's
    "敬語を直して。\n経理部 各位\nお疲れ様です。総務の川端です。\n今月は差押・控除関係の変更はありません。支給日は25日です。",
    # a temple visited, not one's home
    "実家の近くのお寺でお盆の行事があるそうです。行事の由来を簡単に説明して。",
    # a baby lost as a toy, luggage
    "My daughter lost the baby doll we bought at the fair. Where can I find the same model online?",
    # a quoted message under a label that names no one
    "返信の相談です。\nお問い合わせ内容：\n「先月の入金がまだ確認できません。いつ頃になりますか」",
]
