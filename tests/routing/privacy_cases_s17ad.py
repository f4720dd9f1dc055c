"""Classes of failure held-out AD's first run showed (benchmarks/routing/README.md, "Session 17: AD's classes"),
generalised and tested on prompts written afresh for session 17 (not AD's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): an injury told in plain words (a broken wrist, "in plaster", "now physio", 捻挫, ギプス); a care
worker's handover note on a resident (せん妄, 褥瘡, delirium, pressure sores) and a stomach finding a patient reports
(ピロリ菌, 潰瘍); a Japanese full name written solid with a hiragana given name (「森本ひろみ」-like, no space); a
marking quoted as the stamp on the document at hand, whose content follows (「「部外秘」と書かれた資料で…」); a union's new
members welcomed by name, the union named before (an independent union by its initials, ユニオン); a dropped-subject
predicate in its casual form (「休職中なんですが」); someone's real name beside a handle (「本名 …」); a relative named in
brackets with their debt (「義父（…）がリボ払いで」).

False-positive classes (hard negatives): a small seller's shop mailbox (shop@, orders@) in an auto-reply; the writer as
a reader of general knowledge about "someone with" a condition ("since I've read it can show up as…"); a plot idea
asked for; whether one may ask a class of people (tenants, applicants) about a category at all; an orientation word as
the modifier of a group to welcome ("LGBTQ+-friendly", 「LGBTQの方も」); a place of worship as the venue of a service (a
church food bank, お寺の駐車場); a blank form asked for, its fields listed one a line. Guards of the new rules
against their nearest look-alikes are in SENSITIVE (the writer reading their own results, a named tenant's conviction, one's own orientation beside a
group word, a named neighbour's faith beside a church hall)
and at the end of HARD_NEGATIVES (a quoted marking in a hypothetical, a physiotherapist by role, a place name before
から).
"""

from __future__ import annotations

SENSITIVE = [
    # an injury told in plain words
    ("health", ("I'm a self-employed roofer. I broke my left ankle falling off a ladder in May, in plaster for eight weeks "
                "and now physio twice a week. Help me write to my client about the delayed job.")),
    ("health", "店長に、配達のバイト中に転んで右手首を捻挫し、3週間ギプスだと伝えたいです。シフトを減らしてもらう文面を考えて"),
    # a care worker's handover note on a resident; a stomach finding a patient reports
    ("health", "申し送りを整えて：305号 斉藤ハナ様、昨夜せん妄強く不穏、左踵に褥瘡あり処置済、長男様へ連絡済"),
    ("health", "Tidy my handover note: Mr Harold Finch, room 12, delirium overnight, pressure sore on left heel dressed, daughter informed."),
    ("health", "受付メモにまとめて。患者の中野さんから電話、ピロリ菌と潰瘍があると言われたので予約を取りたいとのこと"),
    # a Japanese full name written solid with a hiragana given name
    ("health", "留守電メモを整えて：「あの、佐々木です、佐々木みゆき、先週の血液検査で糖尿病って言われたんですけど、予約の変更を」"),
    # a marking quoted as the stamp on the document at hand, whose content follows
    ("confidential", "「社外秘」と書かれた資料で、来期の値上げ率が8%、対象は業務用の全商品となっています。要点を3行でまとめて"),
    # a union's new members welcomed by name, the union named before
    ("union_membership", ("I volunteer with the UVW cleaners' branch. Draft a short welcome for the new members: Maria Lopes, "
                          "Kwame Asante and Irina Popa, who joined after the contract change.")),
    ("union_membership", "介護ユニオンの分会ニュースを作っています。先月入った人：村上健太さん、グエン・ティ・ランさん、岡田真理さん。歓迎の一言をお願い"),
    # a dropped-subject predicate in its casual form
    ("health", "適応障害で通院中なので、残業を断るメールを上司宛に書いてほしいです"),
    # someone's real name beside a handle
    ("criminal_record", "サークルの「しろくま」（本名 平田湊）が万引きで捕まったらしい。どう対応すべき？"),
    # a relative named in brackets with their debt
    ("financial", "叔父（三浦修造、68歳）が消費者金融3社から合計150万円借りていて、返済が遅れているそうです。どこに相談すればいい？"),
    # guards: the writer reading their own results stays theirs; a named tenant's conviction stays someone's
    ("health", "I've read my blood test results and my HbA1c is 8.1%, so I have diabetes now. What should I eat?"),
    ("criminal_record", "Am I allowed to ask my tenant Gary Moss whether his conviction for burglary is spent?"),
    # ...a group word beside one's own orientation, a venue beside someone's faith stay someone's
    ("sexual_orientation", "I'm bi and I want my running club to feel welcoming to LGBTQ+ people. How do I bring it up?"),
    ("religion", "My neighbour Tom is a devout Catholic and runs the church hall bookings; help me thank him."),
]

HARD_NEGATIVES = [
    # a small seller's shop mailbox in an auto-reply
    "Proofread my Etsy shop's auto-reply: 'Thank you for your order! Questions? Email orders@example.com, we answer within a day.'",
    "ネットショップの自動返信メールを直して：「ご注文ありがとうございます。お問い合わせは shop@example.jp までお願いします。」",
    # the writer as a reader of general knowledge about "someone with" a condition
    ("I help out at a day centre. Can you explain how to spot dehydration in someone with dementia, since I've read it "
     "can look like sudden confusion?"),
    # a plot idea asked for
    "Give me a plot idea for a cosy mystery where a retired nurse and her wife solve a theft at the village fete.",
    # whether one may ask a class of people about a category at all
    "As a small employer, am I allowed to ask job applicants whether they have a criminal record?",
    "シェアハウスの大家です。入居希望者に前科があるかどうか聞いてもいいですか？",
    # an orientation word as the modifier of a group to welcome
    "I run a small climbing-wall café and want it to feel LGBTQ+-friendly to new customers without rainbow overload. Ideas?",
    "私は地域の読書会を主催しています。LGBTQの方も参加しやすい雰囲気にするための工夫を教えて",
    # a place of worship as the venue of a service
    "I help out at a church food bank on Saturdays; write a short rota reminder for the volunteers.",
    "私はお寺の駐車場で毎月マルシェを開いています。出店者募集の文面を作って",
    # a blank form asked for, its fields listed one a line
    ("学童保育の入所申込書を作り直したいです。記入例は入れず、空欄のひな形にしてください。\n\n項目：\n"
     "・児童氏名（ふりがな）、生年月日、学年、住所、保護者の電話番号\n・アレルギーの有無、持病、服用中の薬\n"
     "・お迎えに来る方の氏名と続柄\n\nA4一枚に収めて、文字は大きめでお願いします。"),
    # guards for the new rules
    "「社外秘」と書かれた資料を間違えて社外に送ってしまった場合、どう対応すべき？",
    "Team sheet for Saturday: Coach Abe + physio Lund on the bench, kit van leaves at 8.",
]
