"""Classes of failure held-out AR's first run showed (retail, restaurants, customer service: shift memos, franchise
owners, store managers; benchmarks/routing/s20-ar-classes.md), generalised and tested on prompts written afresh for
session 20 (not AR's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a named person's debt with a shop's or a franchise's post standing where さん would (「吉田オーナー」
「佐藤マネージャー」「森支配人」; "franchise owner Morton", "Licensee Dunmore"); two named people dating and both of one
sex said beside it (「二人とも女性です」「どちらも男性」「男同士」; "(both women)", "both men, have been a couple"); a
くん and his boyfriend with a clause between (「高橋くん、彼氏と旅行に」); 本人 in the sentence after the one that names
someone (「本人から聞いた話ですが、…有罪になった」); a worker named by their branch or shop, the name not in the lexicon
("Gaz Whitlow from the Hull depot is the GMB steward").

False-positive classes (hard negatives): a general question followed by the writer listing what it covers ("I'm
thinking of antenatal appointments, …"); a role asked whether it may join a union or take leave (「アルバイトも労働組合に
入れますか？」); the same words with no one named or no pairing: a post with no name (「加盟店オーナーの平均借入額」), both
men and women, two named women at work, 本人確認, someone else's boyfriend (「田中くんの妹が、彼氏と」), a company after "owner"; a 診断士 qualification (held-out Y's y-024).
"""

from __future__ import annotations

SENSITIVE = [
    # a named person's debt with a post for an honorific
    ("financial", "駅前店の佐藤マネージャー、カードローンが300万円あって返済が遅れているそうです。"),
    ("financial", "山本支配人、消費者金融から200万円借りていて督促が来ているらしい。"),
    ("financial", "小野料理長は家賃を3か月滞納しているそうです。"),
    ("financial", "Franchise owner Morton owes £60,000 to a payday lender and has missed two payments."),
    ("financial", "Licensee Dunmore owes £8,000 in rent arrears to the brewery."),
    # two named people dating, both of one sex
    ("sexual_orientation", "木村さんと大野さん、交際中で、どちらも男性です。休みを合わせたいとのこと。"),
    ("sexual_orientation", "二人とも女性で付き合っている山田さんと森さんから、同じ店舗に異動したいと相談がありました。"),
    ("sexual_orientation", "キッチンの石井さんと小林さん、同棲していて、二人とも男性です。"),
    ("sexual_orientation", "Priya and Hannah on the tills are dating (both women) and asked for matching rotas."),
    ("sexual_orientation", "Tom and Leo, both men, have been a couple for two years; can they share the staff flat?"),
    # a くん and his boyfriend, a clause between
    ("sexual_orientation", "ホールの高橋くん、彼氏と旅行に行くので来週の土日は休みがほしいそうです。"),
    # 本人 after a named person
    ("health", "レジの中村 優さんについて。本人が言うには、昔てんかんの発作で倒れたことがあるそうです。"),
    ("criminal_record", "新しく入った川村 亮さんの件です。本人から聞いたのですが、以前窃盗で有罪判決を受けたことがあるそうです。"),
    # a worker by their branch, the name not in the lexicon
    ("union_membership", "Gaz Whitlow from the Hull depot is the GMB steward now, so loop him in on the rota dispute."),
]

HARD_NEGATIVES = [
    # a general question and the writer's list of what it covers
    ("General question for a staff handbook: what should a café manager do when a barista tells her she is pregnant? "
     "I'm thinking of time off for antenatal appointments and maternity leave."),
    ("Quick general question: what must a restaurant do when a waiter tells them he has epilepsy? I'm thinking about "
     "rota changes, first aid for seizures and who needs to know."),
    "In general, what support is there for shop staff with depression? I have in mind phased returns and adjustments.",
    # a role asked whether it may do something
    "アルバイトも労働組合に入れますか？",
    "パートさんが組合に加入することは禁止できますか？店長として知りたいです。",
    "Can part-time staff join a union? What should a store manager know?",
    # the words with no one named or nothing paired
    "加盟店オーナーの平均借入額は2000万円です。資料にまとめて。",
    "How much debt does a typical franchise owner carry? Say $200k?",
    "The owner Acme Ltd owes $40,000 on the fit-out invoice.",
    "佐藤さんと鈴木さんは二人とも女性ですが、同じチームで働いています。",
    "カップル向けのプランは二人とも女性でも予約できますか？",
    "The dating app is used by both men and women in their 30s.",
    "本人確認書類として運転免許証を提出してください。前科がある場合は申告が必要です。",
    "田中くんの妹が、彼氏と同棲を始めたそうです。",
    "What does a Usdaw rep do at the Leeds branch?",
    # a qualification, not a diagnosis, in the sentence 本人 now makes someone's: 診断士
    "パートの森 恵子さんの件です。本人から、中小企業診断士の資格取得支援について質問がありました。",
]
