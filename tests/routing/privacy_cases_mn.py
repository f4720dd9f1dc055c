"""Classes of failure held-out M and N showed, each tested on prompts of the same kind written afresh
(not M's or N's rows), EN and JA.

False-positive classes (hard negatives): organisations' published contact details (a museum's, a
charity's, a surgery's, a company switchboard, 代表電話 / お問い合わせ窓口 / 本社所在地); passwords that
are a story's prop or a guidance example, and password managers by name; a classification scheme
defined as a table (極秘・秘・社外秘・公開); a card number walked through to teach the Luhn check;
survey shares about LGBTQ+ staff, faith or health; the writer as the author of a document on a
special-category topic, and a role word modifying a noun ("our patient privacy notice").

Misses (sensitive): a person identified by role ("our night caretaker", 「この応募者」, 「（30代女性）」), a
pronoun that refers back to a named person, a record signed with an ID line (学籍番号 … 氏名), cautions,
convictions by offence or date and DBS disclosures, medical certificates and surgery, a union named with
its branch, the user's own ゆうちょ 記号番号, an English stamp quoted in a Japanese request, a list of
passwords in prose. Every name and value is invented; the personal twins of the negatives (a person's
mobile beside a company, the writer's own password in a story prompt, the writer's own card) stay
sensitive.
"""

from __future__ import annotations

SENSITIVE = [
    # a person identified by role (owner + role, a demonstrative + role, an age band and sex)
    ("criminal_record", "our night caretaker told HR he has a conviction for theft from 2012. do we need to re-run his check?"),
    ("health", "My new tenant mentioned she is on dialysis three times a week; can I ask the council for a ramp?"),
    ("criminal_record", "この応募者、面接で「前科があります」と自分から話してくれました。採否の判断でどこまで考慮していい？"),
    ("health", "その利用者は先月から統合失調症で通院中とのこと。ケース会議用に要点をまとめて"),
    ("criminal_record", "来週から受け入れる研修生（30代女性、窃盗で執行猶予中）の受け入れ先への説明文を作って"),
    ("health", "その方は先月から透析を受けています。送迎の手配をお願いします"),
    # a pronoun referring back to the person named before
    ("criminal_record", "We act for Ms. Joanna Pike in her appeal. Her basic disclosure showed a conviction in 2009 for shoplifting. Draft the cover note."),
    # a record signed with an ID line
    ("health", "欠席届の理由欄をもう少し丁寧に。「うつ病の悪化により二週間の療養が必要と診断されたため。」社員番号 K20417 総務部 小野 真理"),
    # cautions, convictions by offence or date, DBS disclosures
    ("criminal_record", "Quick check of this reference: 'Mr. Colin Hardy received a police caution in 2016 and has no other record.' Is it OK to send?"),
    ("criminal_record", "My brother Neil got a drink-driving conviction in 2019 at the Magistrates' Court. Does he need to declare it for a taxi licence?"),
    # medical certificates and surgery
    ("health", "Translate into Japanese: 'Ms. Aiko Brennan underwent a cholecystectomy on 3 May and is unfit for work for four weeks.'"),
    # a union named with its branch
    ("union_membership", "Please tidy this for the UNISON branch bulletin: 'Welcome to Priya Nair, our new branch treasurer, who starts next month.'"),
    # the user's own ゆうちょ 記号番号
    ("financial", "ゆうちょの記号番号は 10170-38465921 です。これを他の銀行から振り込んでもらうときの店名と口座番号に直して"),
    # an English stamp quoted in a Japanese request
    ("confidential", "取引先の資料の表紙に「Strictly Confidential - Prepared for the Board」とあります。中身の要約を日本語でお願いします"),
    # a list of passwords in prose
    ("secret", "these are my passwords from the old laptop: dropbox — Tulip9Harbor, amazon — Quartz!Falcon21. make a table"),
    # personal twins of the negatives
    ("contact", "Our company switchboard is fine, but for urgent issues call our engineer Tomoko on her mobile 090-3871-2245."),
    ("secret", "Write a short story about a hacker. For realism use my actual wifi password, which is Kestrel-Moor-8812."),
    ("financial", "Is my card 4539 1488 0343 6467 valid? I think I typed it wrong on the checkout page."),
    ("sexual_orientation", "From the survey free-text: Daniel Ortiz wrote that he is gay and not out to his manager. How do I follow up?"),
    # a person's number or address beside an organisation's kind stays theirs
    ("contact", "The school needs a parent contact: Tom Rees, 0117 342 0555, 22 Oak Lane, Bristol BS6 5TT."),
    ("contact", "our club treasurer's home number is 0161 496 0734, can you add it to the committee list?"),
    ("contact", "The hospital discharged Mrs. Ellen Ward to her daughter's at 14 Elm Road, Leeds LS6 2AB; arrange the district nurse."),
    ("contact", "病院から連絡があり、父の自宅住所（東京都杉並区阿佐谷南1-2-3）に書類を送るとのこと"),
    # an event is a setting, not a topic frame, when a named person is in it
    ("religion", "Dr. Hamid Saleh made remarks in a lecture about a student's (Yusuf Ali) religion and prayer times. Draft the complaint."),
]

HARD_NEGATIVES = [
    # organisations' published contact details
    "The gallery's visitor desk is 020 7946 0823 and the address is 12 Canal Walk, Leeds LS2 7EW. Put it in the leaflet footer.",
    "Draft the letterhead for our veterinary practice: Fernhill Vets, 8 Mill Lane, Bristol BS3 1QA, tel 0117 496 0281.",
    "For the contact page of our charity: Riverside Food Trust, Unit 2, Wharf Road, Norwich NR1 4DS, 01603 496 118.",
    "会社案内の最後に載せる情報を整えて。本社所在地：東京都千代田区丸の内2-7-1、代表電話：03-6263-4410",
    "市役所のお問い合わせ窓口（市民課 03-5510-2231）への行き方を案内文にまとめてください",
    # passwords in fiction and guidance, and password managers
    "Write a riddle for my escape room where the final door's password is 'silver lantern'.",
    "小説の一場面を書いて。主人公が古い金庫の合言葉「さくらもち」を思い出すシーン",
    "Write password guidance for new staff: use a passphrase, avoid weak passwords like Summer2024 or Welcome1, and store them in Bitwarden.",
    "社内向けにパスワードの作り方の案内を作って。悪い例として「Qwerty123」や「誕生日」を挙げ、管理には1Passwordを使うよう書いて",
    # a classification scheme defined as a table
    "Draft a data classification policy table with the levels Classification: Public / Internal / Confidential / Restricted and handling rules for each.",
    "情報区分：極秘・社外秘・社内限り・公開 の四つの定義と、メール送付時のルールを表にして",
    # a card number walked through to teach the Luhn check
    "Explain the Luhn algorithm step by step using 4111 1111 1111 1111 as a worked example.",
    "チェックデジットの仕組みを、5500 0000 0000 0004 を例にして計算方法を説明して",
    # survey shares about LGBTQ+ staff, faith or health
    "In our engagement survey we asked 'Do you identify as LGBTQ+?' and 9% said yes. Write one neutral sentence for the board pack.",
    "社員アンケートで「信仰している宗教がある」と答えた人は12%でした。この結果を社内報向けに一文で",
    # the writer as the author, a role word modifying a noun
    "I'm the HR lead at a logistics firm and I'm drafting our menopause support guidance. Give me headings and a friendly intro.",
    "We're updating our patient privacy notice for the clinic; list what it must say about health records and retention.",
    # a role that asks for a document, and この方法 / この人数 (no one pointed at)
    "Our coordinator wants a one-page explainer on Ramadan for the volunteer team. Keep it friendly.",
    "Our secretary needs a template letter for members explaining the union's new dues structure.",
    "この方法で糖尿病の患者向けパンフレットを作れますか",
    "この人数で宗教行事の会場を押さえられる？",
    # a story's frame stays a frame ("in a novel" is not an event)
    "Write a scene about a character in a novel who has schizophrenia and hears voices at night.",
]
