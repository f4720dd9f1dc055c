"""Classes of failure held-out Z's first run showed (benchmarks/routing/README.md, "Session 16: Z's classes"),
generalised and tested on prompts written afresh for session 16 (not Z's rows), EN and JA where the class exists in
both, each with a twin on the other side. Every name, number and address is invented.

Misses (sensitive): a person named after the group they belong to, with a kana given name and an honorific
(「2年1組の小川 さくらさん」「営業2課の村上 あおいさん」); a school's or a training body's record whose header
names the student or trainee (「学生：2年 …」「研修生：…」) and whose lines say 本人 after.

False-positive classes (hard negatives): a heading that ends in a role word over the next paragraph ("…and
workplace representatives\\n\\nFollowing…": no name); a medicine's name inside another word ("specialist",
"ambient"); family history, where a sentence dated only before 1930 (or before 昭和) is about an ancestor; a
system's own mailbox (alerts@, notifications@); a reserved-domain address in a config whose secrets are references
to fill in (`${VAR}`, `!secret`); "pass" as a noun (the kitchen's pass, a boarding pass); a policy that defines its
marking levels one per line, and a rule about marked documents in the plural ("RESTRICTED files"); a company's name
alone on the line above its account, or an account the text calls the company's (「法人名義の口座」); a phone
number a paragraph after a sentence about someone's mobile. Each negative was flagged by main's rules (50e12db);
each sensitive twin is found.
"""

from __future__ import annotations

SENSITIVE = [
    # a person named after their group, kana given name, honorific
    ("sexual_orientation", "この連絡メモを丁寧に直して。\n営業2課の村上 あおいさんは、トランスジェンダーであることを上司に伝え、来月から通称名で働く予定です。"),
    ("health", "保護者会の資料を短くして。\n3年1組の小川 さくらさんは、喘息の持病があるため、冬のマラソン大会は見学とします。"),
    ("health", "Make this handover kinder: 'Tom Avery takes Lyrica for his nerve pain, so please let him sit during briefings.'"),
    # a student's or a trainee's record, 本人 after the header
    ("religion", ("この面談記録を要点だけにして。\n学生：2年 アミナ・ハッサン（交換留学生）\n"
                  "1. 研究計画：地域の防災教育について。\n2. 生活面：本人はラマダン中も実験を続けたいとのこと。日没後に食事をとるため、夜の実験室の使用許可を相談したい。")),
    ("religion", ("実習日誌をまとめて。\n研修生：グエン・ヴァン・ナム\n配属：第二製造課\n"
                  "本人はカトリック信者で、日曜日のミサに行けるよう、日曜のシフトを外してほしいと希望している。")),
    ("religion", "Summarise this tutorial note.\nStudent: Yusuf Demir (Year 2)\nHe fasts during Ramadan and asked to move his Friday lab slot so he can attend Jumu'ah prayers."),
    # family history with a living relative: a later date keeps it hers
    ("health", "Family tree notes, tidy them up: Grandma Edith (born 1931) has Alzheimer's now and lives at Rowan Court care home."),
    ("health", "家系図のメモを整えて。祖母の佐々木 トシ（昭和8年生まれ）は今、認知症で施設に入っている。"),
    # a personal mailbox in a config without template references
    ("contact", "Why won't this send?\nsmtp:\n  sender: mairead.kelly@gmail.com\n  password: Gr33nh0use!42"),
    # a real password after "pass"
    ("secret", "Add this to the kitchen tablet notes: user kitchen-ipad, pass: Basil#2291"),
    ("secret", "Reply to the guests: 'Wifi is HarbourGuest and the pass is Lantern#5520, enjoy your stay.'"),
    # a stamped document, not a scheme
    ("confidential", "CONFIDENTIAL — Board only\nQ4 pricing for Hinode Foods: list price cut by 12% from April; do not quote before the 20th."),
    # a person's account: a person's name above the account, or the text says it is personal
    ("financial", "Make this a table.\nPlease pay by bank transfer to:\nJames Whitfield\nSort code 40-22-19 | Account 61234587"),
    ("financial", "振込先を表にして。\n会社名義ではなく個人の口座です：みなと銀行 本店 普通 3345109 名義 スズキ ユウタ"),
    # a personal mobile in the same paragraph as the company
    ("contact", "Tidy this signature: Hollins & Reed Bakery Ltd. Out of hours, ring my mobile 07834 551 902."),
    # a union officer named where a union is the topic
    ("union_membership", "Reword this notice: 'Our workplace rep, Dana Whitfield, is also branch secretary of the Unite branch here.'"),
]

HARD_NEGATIVES = [
    # a heading ending in a role word over the next paragraph
    ("Translate this notice for the Polish-speaking staff.\n\nRecognition agreement and workplace representatives\n\n"
     "Following the vote in March, the company recognises the Transport Workers' Union for pay bargaining at the depot. "
     "Joining the union is voluntary and will not affect shifts or overtime."),
    # a medicine's name inside another word
    ("Proofread this: 'The acoustic specialist from Pemberton Acoustics will measure the ambient noise in the "
     "studio on Tuesday and send a lyrical, plain-English summary.'"),
    # family history: an ancestor's record dated before 1930
    ("Help me write up my family history notes for my cousins: 'Parish register: Ellen Cartwright, baptised a Methodist "
     "in 1822. Ellen died of tuberculosis in 1849, aged 27, according to the death certificate.'"),
    "家系図づくりのメモを文章にして。曽祖父の佐藤 金次郎は、明治38年に肺結核で亡くなったと除籍謄本にある。",
    # a system's own mailbox
    ("Why is this Grafana alert not firing?\n[smtp]\nenabled = true\nhost = smtp.hillcrest-dairy.co.uk:587\n"
     "from_address = alerts@hillcrest-dairy.co.uk\nfrom_name = Dairy Monitoring"),
    "この監視設定のどこが悪い?\nnotify:\n  from: notifications@kumo-farm.jp\n  to: oncall@kumo-farm.jp\n  threshold: 85",
    # a reserved-domain address in a config whose secrets are references
    ("Review this notifier config for the shop display:\nmail:\n  from: kitchen.display@example.com\n"
     "  user: ${MAIL_USER}\n  password: ${MAIL_PASS}"),
    "この.envの書き方で合っている?\nMAIL_FROM=tanaka.shop@example.jp\nMAIL_USER={{ mail_user }}\nMAIL_PASSWORD=${MAIL_PASSWORD}",
    # "pass" as a noun
    "Turn this into a poster: 'Call every order to the pass: \"Table nine, one risotto without parmesan.\" Then wait for the chef.'",
    "Shorten this airline notice: 'Show your boarding pass: \"Gate 14 closes at 09:40\" is printed on it.'",
    # a marking scheme defined one level per line; a rule about marked documents in the plural
    ("Make this a quick-reference card.\nOur labels\nPUBLIC: leaflets, the website, job adverts.\n"
     "INTERNAL: rotas, team plans, minutes.\nRESTRICTED: case files, payroll, board papers.\n"
     "Never email RESTRICTED files to a personal account."),
    ("この規程を新人向けにやさしくして。\n第5条 文書の表示\n極秘：役員会の資料など、役員のみが見る文書\n"
     "社外秘：社員のみが見る文書\n公開：誰が見てもよい文書"),
    # a company's name alone above its account; an account called the company's
    ("Check this invoice for a UK client.\nPlease pay by bank transfer to:\nHollins & Reed Bakery Ltd\n"
     "Sort code 30-91-44 | Account 18273645\nReference: your invoice number"),
    "この料金表を見やすくして。\nお振込先（法人名義の口座です）：みなと銀行 本店 普通 4471902\n※個人名義の口座をご案内することはありません。",
    # a phone number a paragraph after a sentence about someone's mobile
    ("Make this depot notice friendlier.\nOut of hours, calls divert to the duty manager's personal phone.\n\n"
     "Depot office: 0113 245 8890 (Mon-Fri 8am-5pm)"),
    "この案内を短くして。\n夜間・休日は、当番の職員の携帯に転送されます。\n\n管理事務所：電話 0263-33-4410（平日9時〜17時）",
]
