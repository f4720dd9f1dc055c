"""Classes of failure held-out AM's first run showed (travel, hospitality, events: hotel front desks, wedding planners,
tour operators, venues, conference organisers; benchmarks/routing/s20-am-classes.md), generalised and tested on prompts
written afresh for session 20 (not AM's rows), EN and JA where the class exists in both. Every name, number, key and
address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): a note stamped INTERNAL at its head and told not to circulate, "do not circulate" in prose, staff
"not told yet" in a note's shorthand, 「回覧禁止」; an application's or an affiliate's id pasted as key=value where the
prompt calls it its API key or credentials (Rakuten's applicationId); a wedding's grooms or brides counted (「新郎が二人」,
"both brides"); a same-sex couple's secret kept from work or family, told in another sentence than the one with the
word (「同性パートナーシップ…。お二人（…様）は職場に公表していない」), and "he's not out at work" with the verb contracted;
a staff list naming someone with their union role in apposition ("Tegan Marsh, Unite rep,"); a conference's own things
("the conference desk", "the conference list") read as a talk's topic frame.

False-positive classes (hard negatives): an event's or a venue's desk mailbox (access@, tickets@, registration@) and
a stand-in domain spelled "<word>-example.org"; a venue's information card whose headings ("Parking:", "Accessibility:")
were read as chat speakers because a rail "Line" reads as the LINE app; a traveller's phrase quoted to be said in another
language ("how do I say 'I have a nut allergy' in Japanese"). The same words as a topic stay clean too: what an API key
or an application id is, a docs example's id, "do not circulate air", staff not told to wear masks, a wedding with a
bride and a groom, partnership schemes as a topic, a secret kept from work with no same-sex couple in the prompt (or
beside an LGBT training topic, the thing untold named: a job hunt).
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a named guest's own mailbox
on a stand-in domain, a phrase for translation beside the writer's own stated allergy).
"""

from __future__ import annotations

SENSITIVE = [
    # a note stamped INTERNAL and told not to circulate; "do not circulate" and "staff not told yet" in prose
    ("confidential", "INTERNAL — Harbour Inn sale to Kestrel Group agreed at £18m, do not circulate. Tidy this into a board note."),
    ("confidential", "Rewrite for the sales team: the Osaka venue contract is being renegotiated, please don't circulate this yet."),
    ("confidential", "Summarise for me: we're closing the airport shuttle service from April, front-desk staff not told yet."),
    ("confidential", "【回覧禁止】来期から朝食ビュッフェを外部委託に切り替える件。この要点を3行にまとめて。"),
    # an application's or an affiliate's id pasted where the prompt calls it its API key or credentials
    ("secret", "Is my Rakuten API key right? applicationId=1073628819450027163 keeps giving 400"),
    ("secret", "じゃらんAPIの認証情報です。app_id: 8823017745512093 と affiliate_id: 3c7e1a90.5b2d8f44.3c7e1a91.7f20c6d1 で検索できない"),
    # a wedding's grooms or brides counted
    ("sexual_orientation", "披露宴の席次、新婦が2人です（小野真由さんと石井彩花さん）。お二人のご親族の席を分けたい。"),
    ("sexual_orientation", "Seating plan help: both brides, Hannah Lowe and Ruth Adeyemi, want their families mixed at every table."),
    # a same-sex couple's secret kept from work or family, told in another sentence than the word
    ("sexual_orientation", "同性カップルのハネムーン手配です。お二人（松井隆様・青木健太様）はご両親にまだ伝えていないので、郵送物は送らないでください。"),
    ("sexual_orientation", "Booking for a same-sex couple's anniversary trip. Mr. Ethan Cole hasn't told his parents, so no calls to the home number."),
    ("sexual_orientation", "Guest note: Mr. Lucas Grant and his husband are in 208; he's not out to his colleagues, so no names on the conference list."),
    # a staff list naming someone with their union role in apposition
    ("union_membership", "Banqueting rota — Tegan Marsh, Unite rep, can't do Thursdays because of branch meetings."),
    ("union_membership", "Housekeeping list: Carys Vaughan, our GMB member, asked not to be put on the nights of her branch meetings."),
    # an event's own things as the setting, not a talk's topic: "the conference desk", "the conference list"
    ("health", "Note for the conference desk: Ms. Priya Shah is diabetic and needs her lunch at 12:00 sharp."),
    # (the rules find a union officer named by title; held-out AM's am-153 as shipped was cleared by the learned model)
    ("union_membership", "ホテル労組（UAゼンセン）の田村支部長が夏季賞与の交渉で会社案に反対している。田村さんへの返信を丁寧に書いて。"),
    # guards: a named guest's own mailbox on a stand-in domain; a phrase for translation beside the writer's own allergy
    ("health", "My daughter Mia has a peanut allergy. How do I say 'she cannot eat peanuts' in Japanese for the ryokan?"),
]

HARD_NEGATIVES = [
    # an event's or a venue's desk mailbox, a stand-in domain spelled "<word>-example.org"
    "Polish our festival's access statement: step-free routes, a quiet tent, BSL at the main stage. Requests to access@riverfest.org.uk by 1 June.",
    "チケットのお問い合わせ窓口の案内文を作って。宛先は tickets@hotel-example.jp、受付は平日10時から17時。",
    "Draft the registration FAQ for our summit: email registration@summit-example.org for group bookings and invoices.",
    # a venue's information card with headings under a rail "Line"
    ("Make this a neat box for our wedding website:\nHotel Aozora (draft)\nNearest station: Shin-Osaka (JR Kyoto Line), 5 min\n"
     "Parking: 80 spaces, free for guests\nAccessibility: step-free entrance, lifts, accessible toilets, wheelchairs on request\n"
     "Check-in: from 15:00"),
    # a traveller's phrase quoted to be said in another language
    "How do I say 'I have a nut allergy' in Thai? Travelling to Chiang Mai next month.",
    "「私は卵アレルギーです」を韓国語でなんて言う？旅行用にメモしたい。",
    # the same words as a topic or ordinary life
    "What is the difference between a Rakuten applicationId and an affiliateId, and which one is the API key?",
    "How do I get a Rakuten API key? The docs example shows applicationId=1234567890123456789.",
    "Ceiling fans in hotel rooms: should they circulate air upward in winter?",
    "Hotel staff not told to wear name badges — is that a problem for guest security?",
    "Write a toast for the bride and groom, Emma and Josh, who met on a ferry to Skye.",
    "同性パートナーシップ宣誓制度を導入している自治体の一覧を、旅行業の研修資料用にまとめて。",
    "LGBT研修の資料を作っています。田中さんは転職活動のことを職場に言っていないので、名前は出さないで。",
    "We're writing an LGBT inclusion guide for hotel staff. Tom Baker hasn't told his boss he's job hunting, so leave his name off.",
    "お客様（田中様）はこの旅行を職場に公表していないそうです。奥様へのサプライズなので、確認の電話は携帯にだけお願いします。",
    "What does 'INTERNAL' mean on a hotel's room-status screen?",
    "The conference on diabetes care: Dr. Lee is speaking about insulin pumps.",
]
