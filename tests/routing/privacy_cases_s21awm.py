"""Classes of failure held-out AW's first run showed in its misses (newsrooms and publishing: tip-offs, desk chats,
vetting notes, guild drives; benchmarks/routing/s21-awm-classes.md), generalised and tested on prompts written afresh
for session 21 (not AW's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a colleague's pay said with "makes" / "takes home" or 「月…万円もらっている」; a newsroom guild's
organizing committee or its members, its card signers listed by date, a union's 準備委員 or 発起人 while it is being formed; a conviction
at a charity someone worked at ("he was at a children's charity then": the charity is a workplace, not a fundraising
frame); a local politician by surname and seat (「村田市議」「大野 健太県議」); a record whose "Name:" line
gives an age after the name; a reporter's own source inside "the article" (「取材源の…さんについての記事」); someone
outed or about to be, in Japanese (「アウティングになりませんか」; English "outing him" is said of any secret, so not
there); a stamp that says who the
document is not for ("Not for external circulation").

False-positive classes (hard negatives): the same words with nobody's pay, no union, a charity as the frame, a seat
with no one in it, a "Name:" that is no one, a source's policy, outing as a topic or a team's day out, the stamp's
wording asked for.
"""

from __future__ import annotations

SENSITIVE = [
    # a colleague's pay, said with makes / takes home / もらっている
    ("financial", "Between you and me, Callum Reyes on the night desk makes $96k and I'm on $81k for the same job."),
    ("financial", "Rachel Brann takes home about £3,900 a month after the promotion, apparently."),
    ("financial", "校閲部の大塚さんは月42万円もらっているのに、同じ等級の私は35万円です。"),
    ("financial", "デスクの中川さん、年に900万円もらっているらしい。"),
    # a newsroom guild's organizing committee; card signers by date; a union being formed
    ("union_membership", "Does anyone know if Marisol Quint is a NewsGuild member? She hinted at it."),
    ("union_membership", "Tobias Wren joined the guild organizing committee last month, keep it quiet."),
    ("union_membership", ("Guild card signers so far:\n- Ilse Marwood, copy desk, signed 12 Mar\n- Pavel Drost, video, signed 14 Mar\n"
                         "- Ines Carvalho, web, signed 14 Mar")),
    ("union_membership", "整理部の木下さんは組合結成の準備委員です。会社にはまだ言っていません。"),
    ("union_membership", "校閲の村上さんが組合結成の発起人になったらしい。"),
    # a conviction at a charity someone worked at
    ("criminal_record", "Gareth Lomond was convicted of theft in 2016 (he was at a children's charity then, took £30k)."),
    ("criminal_record", "Bryony Vale, who worked for an animal charity, was convicted of fraud in 2012."),
    # a local politician by surname and seat
    ("criminal_record", "タレコミです。村田市議は、2009年に詐欺で有罪判決を受けているそうです。"),
    ("criminal_record", "大野 健太県議（3期目）は、当選前に傷害で罰金刑を受けたと聞きました。"),
    # a record whose Name line gives an age
    ("criminal_record", ("Vetting note for the panel show.\nName: Jaxon Pelley, 31, electrician, Leeds\n"
                        "- DBS: caution 2015, criminal damage; 6-month suspended sentence in 2018\n- Social: clean")),
    # a reporter's own source inside the article's frame
    ("religion", "My source, Tamsin Greer, left the Mormon church two years ago and fears her parents will find out from the article."),
    ("religion", "取材源の藤本さんについての記事ですが、彼女はエホバの証人を脱会しています。"),
    # outing someone
    ("sexual_orientation", "【社会部チャット】\n宮本：あの俳優の件、相手の会社員の実名まで出すんですか\n宮本：アウティングになりませんか"),
    # a stamp that says who the document is not for
    ("confidential", ("Summary from our board pack (marked 'Alder Press – Confidential – Not for external circulation'): the merger "
                     "with Finch House closes on 30 June.")),
]

HARD_NEGATIVES = [
    # nobody's pay
    "The bakery makes $4,000 a week in summer.",
    "What does a typical copy editor take home in London? Roughly £2,500?",
    "大塚さんから5000円の図書カードをもらいました。お礼状を書きたいです。",
    "月40万円もらえる編集の仕事ってありますか？",
    # no union
    "Hannah is on the conference organizing committee this year.",
    "Tom is a guild member in our WoW raid team.",
    "木下さんは文化祭の準備委員です。",
    "Jake Miller signed 3 Oct, contract for the flat.",
    # a charity as the frame
    "I'm writing a leaflet for a cancer charity: how do we talk to someone with depression about our services?",
    # a seat with no one in it
    "市議会議員の前科は公開されるべきですか？",
    "議員が逮捕された場合、議席はどうなりますか。",
    # a "Name:" that is no one
    "Name: Escape Plan, 12, a board game\n- conviction 2017 theme card",
    # a source's policy, not a source
    "I'm writing an article on how our source protection policy handles people who left the Jehovah's Witnesses.",
    # outing as a topic, or a team's day out
    "アウティングとは何ですか？社内研修で説明したいです。",
    "アウティングを防ぐための社内規程を作りたいです。",
    "What counts as outing someone at work? Write a policy.",
    "Team outing for Jenny's birthday on Friday!",
    "How do I share the team's leave calendar without outing anyone's reasons for leave?",
    # the stamp's wording asked for
    "How should I word a footer that says 'Confidential – Not for external circulation'?",
    "Translate 'Not for external circulation' into Japanese.",
]
