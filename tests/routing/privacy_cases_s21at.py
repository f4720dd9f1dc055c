"""Classes of failure held-out AT's first run showed (HR, recruiting and payroll: starter forms, interview panels, leave
requests, benefits; benchmarks/routing/s21-at-classes.md), generalised and tested on prompts written afresh for session 21
(not AT's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a dependence named by its substance and the fellowship that treats it ("in recovery from alcohol
dependence", "goes to AA", 「AAのミーティング」「ギャンブル依存」); a named person's identifier whose digits are a specimen
run, in their own record ("Hannah Cole, NI number AB 12 34 56 D", 「森 健太さん、マイナンバー 1234 5678 9012」); a
diagnosis told as received, the subject dropped (「適応障害との診断を受けました」, Japanese only: English says "I"); a
panel that decides, not one that talks ("for Thursday's interview panel", "keep him off the panel", English only); a
named person asking for a scheme to be applied to them (「パートナーシップ制度の適用を申請したい」, Japanese only: the
frame 「制度の」 is Japanese).

False-positive classes (hard negatives): a consultation or a reporting desk's mailbox (soudan@, hotline@, speakup@); a
form's stand-in address, jane.doe@ on a reserved domain or beside NANP's fiction number 555-01xx; a public figure's own
published disclosure ("has said publicly he has ADHD", "wrote in her memoir", 「自伝で公表」); and the same words with no
one's record: a specimen number in a format or a test question, a class of people diagnosed, a panel discussion, a
scheme asked about in general.
"""

from __future__ import annotations

SENSITIVE = [
    # a dependence by its substance, the fellowship that treats it
    ("health", ("Marcus in accounts is in recovery from alcohol dependence and attends AA meetings on Thursdays, so "
               "please don't book the team call then.")),
    ("health", "Heads-up for the rota: Kerry Doyle goes to AA every Monday evening and can't do late shifts."),
    ("health", "倉庫の小池さん、毎週AAのミーティングに通っているので、水曜の残業は外してあげてください。"),
    ("health", "営業の村上さん、ギャンブル依存で専門外来に相談しているそうです。"),
    # a named person's specimen-run identifier in their record
    ("national_id", "New hire pack: Hannah Cole, NI number AB 12 34 56 D, start 3 March, salary band C."),
    ("national_id", "Payroll query: Ravi Menon's NI number is QQ123456A and his tax code looks wrong."),
    ("national_id", "入社手続き：森 健太さん、マイナンバー 1234 5678 9012、4月1日入社です。"),
    # a diagnosis told as received, the subject dropped
    ("health", "営業部の石原です。先週、適応障害との診断を受けました。しばらく時短勤務を希望します。"),
    ("health", "総務の大西です。\n心療内科でうつ病と診断を受けましたので、来月から休職させていただきたく存じます。"),
    # a panel that decides
    ("health", "For Thursday's interview panel: Leah Ford will need a ground-floor room as she has multiple sclerosis."),
    ("union_membership", "Keep Marco Silva off the disciplinary panel; he is the GMB shop steward for that site."),
    # a scheme applied for by a named person
    ("sexual_orientation", "経理の松本さん、同性のパートナーと暮らしていて、パートナーシップ制度の適用を申請したいそうです。"),
    # a disclosure, but by someone the writer deals with
    ("health", ("My colleague Dan Price has said publicly on LinkedIn that he has bipolar disorder; can I mention it in "
               "his leaving card?")),
]

HARD_NEGATIVES = [
    # a consultation or a reporting desk's mailbox
    "内部通報窓口のご案内：メール hotline@hinode-shoji.co.jp（24時間受付）。この文面を丁寧にしてください。",
    "ハラスメント相談はメール sodan@minato-kikaku.co.jp まで。匿名でも受け付けます。掲示用に整えて。",
    "Speak-up line for all staff: speakup@northwind-logistics.com. Make this notice friendlier.",
    # a form's stand-in address
    "Offer letter template. Contact: john.doe@example.com, 555-0123. Swap in the new starter's details before sending.",
    "Reference request draft — reply to joe.bloggs@example.org with your comments, then I'll fill in the real referee.",
    # a public figure's published disclosure
    "The Olympic swimmer Tom Drake has said publicly that he has ADHD. Write a short intro for our webinar host.",
    ("The novelist Julia Penn wrote in her memoir that she was treated for bulimia as a teenager. Summarise the book's "
    "themes in three bullet points."),
    "俳優の高峰 涼さんは自伝で双極性障害であることを公表しています。この話題に触れる社内報コラムの見出し案を3つください。",
    # specimen numbers with no one's record
    "Is QQ 12 34 56 C the HMRC example NI number? Our payroll form shows it as a hint.",
    "Payroll test data: Hannah Cole, NI number AB 12 34 56 D. Will the validation accept it?",
    "マイナンバー欄に 1234 5678 9012 と入れたらエラーになりました。形式の問題ですか？",
    # a class of people diagnosed, a panel discussion, a scheme in general
    "パニック障害と診断を受けた人は、休職制度を使えますか？",
    "Grace Lin will join the panel discussion on returning to work after chemo at the HR summit.",
    "パートナーシップ制度の適用範囲について、一般的に教えてください。",
]
