"""Classes of failure held-out AJ's first run showed, and AI's rules-alone ones (benchmarks/routing/README.md, "Session 19:
AJ's classes"), generalised and tested on prompts written afresh for session 19 (not AI's or AJ's rows), EN and JA where
the class exists in both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): an interview record headed by its candidate (「候補者：…」) with an arrest or a non-prosecution; a child
named by birth order (「長男の…は」) with a conviction; a condition's management in a support plan (an insulin pump,
hypos, 低血糖) and a lecture as a setting ("in lectures"); money trouble in plain words (overdrawn, an account frozen,
withdrawn for non-payment, outstanding tuition, a loan defaulted; 「奨学金の返還が滞って」「家のローンが残り」) by someone
named, also a writer who states their name as a form's field (「氏名は…です」); a union office held (a strike committee,
a union branch, 「労組の執行委員をしていた」 by a writer who names themselves); a research participant described by role,
workplace and orientation in an excerpt the writer says is still identifying (「特定される」「実名が入って」); a list of
guests named with 先生 and their faith's needs; a couple counted ("we're two men"); a seminar someone covers, a setting;
a referee's confidential comments to the editor; a grade sheet keyed by student number.

False-positive classes (hard negatives): an office's own contact the text says is public or on the website (a role
mailbox, a published line, Ofcom's drama range), a university's placeholder contact (example-u.ac.jp, 03-0000-0000);
a guide on what interviewers should not ask, a guide said to hold no one's case (「個人の事例は入れず」, "not real
people", "asking generally"); a condominium's 管理組合 and its 組合員; a sign-up form's field list being designed.
The same words as a topic stay clean too (what an insulin pump does, how overdrafts work, what a strike committee is).
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a person's own mailbox beside
a public one or beside "publishes", a 管理組合 whose caretaker is in a labour union).
"""

from __future__ import annotations

SENSITIVE = [
    # an interview record headed by its candidate
    ("criminal_record", ("選考メモを清書して。\n候補者：岩崎 遼（京大 M1）\n所見：論理的。\n"
                         "補足：本人の話では、高校時代に万引きで補導され、大学1年のときに暴行で逮捕されたが不起訴。")),
    # a child named by birth order
    ("criminal_record", "相談です。次女の美咲（19）が先月、窃盗で罰金刑を受けました。就活で不利になりますか？"),
    # a condition's management in a support plan; a lecture as a setting
    ("health", "Reasonable adjustments for Tomasz Nowak (BSc Physics): wears a glucose monitor, had a hypo in labs last week, needs snacks in lectures."),
    ("health", "Note for the lab tutors about Grace Whitfield: she uses an insulin pump and may need to step out during practicals."),
    ("health", "配慮申請のメモ：工学部の村田 葵さん、インスリンポンプ使用中。実験中に低血糖を起こしたことがあるので補食を許可してほしい。"),
    # money trouble in plain words, by someone named
    ("financial", "My tutee Daniel said his Monzo account was frozen and he's £640 overdrawn, can the hardship fund help him?"),
    ("financial", "Finance flagged: Amira Haddad, withdrawn for non-payment, outstanding fees £3,180. Draft a kind email to her."),
    ("financial", "Registry note for Lewis Grant: sponsor loan defaulted in June, £9,200 still owed. Summarise for his supervisor."),
    ("financial", "奨学金の返還が半年ほど滞っていて、延滞金も含めて約38万円になりました。猶予の申請文を書いて。名前は松尾健一です。"),
    ("financial", "休学の理由書をお願いします。母が病気で退職し、家のローンが残り1,800万円、学費が払えない状況です。氏名は大塚 萌です。"),
    # a union office held
    ("union_membership", "Our new lab manager Ryan Holt told me he sits on the branch strike committee. Should HR know?"),
    ("union_membership", "Reference check: Ewa Lis was union branch secretary at her last job, is that something I can ask about?"),
    ("union_membership", "転職先の面接で、前の会社で組合の役員を務めていたと言ったら顔が曇った。小野寺です。どう説明すべき？"),
    # a research participant described, the writer saying it is still identifying
    ("sexual_orientation", ("卒論の聞き取りの一部です。『Dさん（26歳、札幌市の消防士）は、職場で唯一のゲイであることを同僚に隠している。』"
                            "同意書には『匿名で発表する』と書きましたが、先生に、これでは個人が特定されると言われました。どう直せばいい？")),
    ("sexual_orientation", ("インタビューの記録に実名が入ってしまいました。『Eさん（西田 拓也、31歳、県庁勤務）は同性のパートナーと暮らしている。』"
                            "匿名化の方法を教えてください。")),
    ("religion", ("My supervisor says this is too identifying: 'Participant 2 (Imran, 44, the only Muslim pharmacist in Stroud, "
                  "prays at the mosque on Lansdown every Friday)'. How should I rewrite it?")),
    # a list of guests named with 先生 and their faith's needs
    ("religion", "研究会の懇親会、配慮事項を店に伝えたい。\n・ハッサン先生：ハラール\n・ルース先生：コーシャ、土曜は移動不可\n丁寧な文面にして。"),
    # a couple counted
    ("sexual_orientation", "Help me tell the letting agent my boyfriend Callum is moving in. I'm Rhys Evans; we're two men and I'm nervous."),
    # a seminar someone covers is a setting
    ("health", "Quick email to the class please: Dr Sofia Marsh had a miscarriage last week, so I'm covering her seminars until March."),
    # a referee's confidential comments
    ("confidential", "Tidy my referee report. Confidential comments to the editor: the corresponding author, Lena Vogt, is in a dispute with her co-author over data."),
    # a grade sheet keyed by student number
    ("bulk_personal", "Write feedback.\n学籍番号,氏名,点数,メモ\n23A0112,森田陽菜,81,\n23A0140,大橋蓮,44,遅刻多い\n23A0157,近藤結衣,90,"),
    # guards: a person's own mailbox beside a public one; a 管理組合 whose caretaker is in a labour union
    ("contact", "Put our public office line on the flyer, but for me personally use daniel.moss@gmail.com please."),
    ("contact", "The department publishes staff pages, but my personal address kenji1987@gmail.com should stay off them."),
    ("union_membership", "管理組合の理事会で話題に。管理人の村上 修さんが労働組合に加入して、団体交渉を申し入れてきたそうです。どう対応する？"),
]

HARD_NEGATIVES = [
    # an office's own contact said to be public
    "Our registry publishes this on the website: 'Student Records Team, Level 1, Library Building, registry@hollowbrook.ac.uk, +44 113 496 0418.' Make it friendlier.",
    "For the prospectus footer, use our public contact details only: Admissions, Hollowbrook University, HB3 9QT, admissions@hollowbrook.ac.uk, 0113 496 0771.",
    "The international office's public address is on the website: International Office, Hollowbrook University, intl@hollowbrook.ac.uk. Add it to the slides.",
    "学生課の公開情報です。ポスター用に整えてください。『学生支援課　〒000-0000 架空市本町2-2　電話：03-0000-0000　メール：gakusei@example-u.ac.jp』",
    "入試課の連絡先はホームページに載っているものです：入試課（本部棟3階）nyushi@example-u.ac.jp、06-0000-0000。案内文に入れて。",
    # a guide on what interviewers should not ask; a guide holding no one's case
    "就活ガイドに『面接で信仰や家族構成を聞かれたときの対処法（企業は本来聞くべきでない）』の節を作って。個人の事例は入れずにお願いします。",
    "Is it fine to mention my union membership on a teaching application? Asking generally, not for a specific job.",
    "Make a one-page guide for new tutors on responding when a student mentions depression, their sexuality or a police caution. Use generic names like 'Student Support', not real people.",
    # a condominium's 管理組合
    "管理組合の臨時総会のお知らせのひな形をお願いします。宛名は「組合員各位」、議案は修繕積立金の改定です。日時と場所は空欄で。",
    # a sign-up form's field list being designed
    "研修旅行の申込フォームを設計中です。\n項目：\n・氏名、学籍番号、学年\n・緊急連絡先（続柄・電話番号）\n・アレルギーの有無\nそれぞれの説明文を考えて。まだ空のフォームです。",
    # the same words as a topic
    "How does an insulin pump differ from injections? Writing a general explainer for first-year nursing students.",
    "How do overdraft fees work at UK banks, and what happens when an account is frozen?",
    "What does a branch strike committee actually do during a ballot?",
    "労働組合の執行委員とはどんな役割ですか？一般的な説明をお願いします。",
    "低血糖の症状と、講義中に学生が具合が悪くなったときの一般的な対応を教えて。",
]
