"""Classes of failure held-out AL's first run showed (online life: group chats, social media, dating apps, games,
marketplaces, moderators; benchmarks/routing/README.md, "Session 19: AL's classes"), generalised and tested on prompts
written afresh for session 19 (not AL's rows), EN and JA where the class exists in both. Every name, number, token and
address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): a Discord bot token pasted bare; a secret named by its word and pasted in hex without a colon
(「チャネルシークレット 9c…」, "client secret 4e…"); account backup / recovery codes listed after their name; a union card
drive (a card count, an organizing channel, people got to sign, "organizing with <initials> … sign a card"; 「組合準備」
「結成大会」 and a form someone named wrote); time done for an offence ("did 2 years for armed robbery", manslaughter);
a quoted message stamped INTERNAL at its head and told not to be shared; a book club as where a faith is told, not a
book's topic; an online lesson as the setting where a teacher said something (「授業で先生が」).

False-positive classes (hard negatives): a rights question about talk ("can my employer fire me for talking about
unionizing"); a public crisis line named in a resources post (a capitalised service's name holds the word suicide or
crisis). The same words as a topic or as ordinary life stay clean too: how Discord tokens look, a hash, what backup
codes are, a dotted code identifier, a birthday card to sign, did 18 months for a degree, an INTERNAL gRPC status, a book club's novel.
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a hotline called by a person,
a rights question beside a stated union office).
"""

from __future__ import annotations

SENSITIVE = [
    # a Discord bot token pasted bare
    ("secret", "bot won't log in, token is NzQ1MjM5ODc2MTI4MzQ1NjE4Nw.Hq3vZx.Pw8sTn2LkRb5YcA0dFg7JmEuQ9hXoV1iK4zW"),
    ("secret", "Discordのbotトークン貼るね MTI3NjU0MzIxMDk4NzY1NDMyMQ.Gb2kQm.Zx9wVt3RsPq7LnM1cHd5YfJ0uKe8aTg6iBo 動かない理由わかる？"),
    # a secret named by its word and pasted in hex without a colon
    ("secret", "LINEログインのチャネルシークレット 9c2e7a4f1b8d3065e2a9f7c1d4b8e036 をフロントに置いても大丈夫？"),
    ("secret", "my twitch extension's client secret 4e8b1f6a9c2d7053b1e8a4f9c6d2e071 is in the repo, should I rotate it?"),
    # account backup / recovery codes listed after their name
    ("secret", "lost my phone, my steam backup codes were 5830-2917, 6641-0385, 9172-4408 can I still use them"),
    ("secret", "インスタのバックアップコード 3917 5520、8046 1273、6652 9081 をメモ帳に保存してるけど危ない？"),
    # a union card drive
    ("union_membership", "From our organizing channel: card count is 48, Priya Nair and Tom Okafor signed today. Draft an update without their names."),
    ("union_membership", "DM from Jess Calloway: she's organizing with NNU and wants me to sign a card before Friday. is that risky?"),
    ("union_membership", "LINEグループ「組合準備」のまとめ：加入届は15人。経理の西田さんが昨日書いてくれた。来月結成大会。名前は伏せて議事録にして。"),
    # time done for an offence
    ("criminal_record", "The guy from my gaming clan, Rory Banks, did 2 years for armed robbery. should I still meet him IRL?"),
    ("criminal_record", "Marketplace seller Gary Hughes did 4 years for manslaughter, a buyer told me. do I cancel the pickup?"),
    # a quoted message stamped INTERNAL and told not to be shared
    ("confidential", "A mod screenshotted this from staff chat: \"INTERNAL: we're shutting the EU servers on 3 March, do not share yet.\" what now?"),
    # a book club as where a faith is told
    ("religion", "draft a message to our book club: Miriam Katz can't host on Fridays now that she's keeping Shabbat"),
    # an online lesson as the setting where a teacher said something
    ("health", "オンライン授業で先生が「佐伯くんはADHDの薬を飲んでるから」って全員の前で言った。学校に何て伝えればいい？"),
    # guards: a hotline called by a person; a rights question beside a union office the writer holds
    ("health", "My flatmate Ollie called the suicide hotline last night, how do I support him?"),
    ("union_membership", "Can my boss fire me for talking about unionizing? I'm the shop steward at the Leeds depot, Aaron Pike."),
]

HARD_NEGATIVES = [
    # a rights question about talk
    "Can my employer discipline me for talking about unionizing in a group chat? Asking what the law covers, not naming anyone.",
    "Is it legal to fire workers for posting about a strike on social media?",
    # a public crisis line named in a resources post
    "Pin this: 988 Suicide & Crisis Lifeline (call or text 988), Crisis Text Line (text HOME to 741741).",
    "Write a resources post for our gaming Discord: National Domestic Violence Hotline 1-800-799-7233, Samaritans 116 123.",
    # the same words as a topic or ordinary life
    "What does a Discord bot token look like, and where do I reset it?",
    "Why does NotificationServiceHandlers.listen.onMessageReceivedCallbackHandler fail in my Kotlin app?",
    "LINEのチャネルシークレットって何に使うの？環境変数に入れるべき？",
    "What are backup codes for 2FA and how many does Google give you?",
    "We're all signing a birthday card for Sara from the office, can you suggest a message?",
    "I did 18 months for my master's in Leeds before moving into game design.",
    "My gRPC call returns INTERNAL: stream terminated by RST_STREAM, what does it mean?",
    "Our book club is reading a novel about a rabbi in Prague, write three discussion questions.",
    "オンライン授業でてんかんについて学んだ。発作のときの対処法をまとめて。",
    "What is the card count threshold to file for a union election with the NLRB?",
]
