"""False-positive classes held-out BS, BT and BU's first runs showed (benchmarks/routing/s23-z-classes.md), generalised and
tested on prompts written afresh for session 23 (not the splits' rows), EN and JA where the class exists in both. Every name,
number, key and case is invented.

False-positive classes (hard negatives): a template's header or footer marking over bracketed placeholders or merge fields
("CONFIDENTIAL — [Client name]", 「社外秘 ［顧客名］御中」); a public official's conviction the press reported, summarised for
training from what was reported (a councillor, a mayor, 町議会議員); an AWS key id spelled as a stand-in (EXAMPLE, DUMMY,
TEST, zeros) in a prompt that says its values are dummies; ciphertext safe by design (a SealedSecret's encryptedData, SOPS's
ENC[…], an ansible-vault blob); a public body's placeholder domain (example.gov.uk, example.nhs.uk); a survey's or a schema's
field designed for a special category, or the category as an analysis variable, no one named; 機密値/機密変数 as a
configuration topic; a role's pay its statutory statement publishes (a Pay Policy Statement, a remuneration report,
有価証券報告書); a hotel's PMS (property-management system), not premenstrual syndrome.

Kept sensitive beside each widened rule: a filled-in or converted confidential document, values to fill a template with; a
colleague's conviction, an official's told privately with a decision to take; the documented key pasted as one's own, a real
key; a plaintext password beside the ciphertext (stringData:, a key outside ENC[…]); the writer's own address on
example.gov.uk, a real council mailbox; a named person's answer put in the designed field; a pay figure found out
beside the published one, a named person's.
"""

from __future__ import annotations

SENSITIVE = [
    # a confidential document, not a template's blanks
    ("confidential", ("Make this into a template: CONFIDENTIAL — [Supplier name]\nAcme plans to close the Leeds plant in March "
                      "and cut jobs; [Agency name] [date]")),
    ("confidential", "社外秘 ［顧客名］御中：来月、大阪工場を閉鎖し140名を削減します。テンプレートの体裁で［日付］［担当者名］"),
    ("confidential", ("Fill in the template with these values: CONFIDENTIAL — [Client] / [Agency] / [Date]. Client is Hollins "
                      "Ltd, fee £40k.")),
    # a colleague's conviction, or an official's told privately
    ("criminal_record", ("Our colleague Martin Fell's conviction for fraud was reported in the local paper. For our standards "
                         "committee training, write a neutral case summary using only what was publicly reported.")),
    ("criminal_record", ("Councillor Dean Pryce told me privately about his conviction for assault; he wants to stand again. "
                         "Can you draft a note for our standards committee?")),
    ("criminal_record", "同僚の佐伯健一さんの有罪判決が地元紙で報じられました。報道された内容だけで事例研究をまとめてください。"),
    # a real-looking key, or the documented one pasted as one's own
    ("secret", ("boto3.client('s3', aws_access_key_id='AKIAZ3MPLEK7QWERTY2X', aws_secret_access_key="
                "'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') — why AccessDenied?")),
    ("secret", "My key is AKIAEXAMPLEKEY000000 and it fails with SignatureDoesNotMatch."),
    # a plaintext password beside the ciphertext
    ("secret", ("Same manifest, but I also left a plain one in:\n\nspec:\n  encryptedData:\n"
                "    DB_PASSWORD: AgC4kP9sLq2ZxW7mRt0vYb3NhUe8JdFa\n  stringData:\n    ADMIN_PASSWORD: Pl4inT3xt!Secret")),
    ("secret", ("SOPS encrypted this but I forgot one key:\ndb:\n    user: ENC[AES256_GCM,data:Tr8Kq2mZpX0w,iv:9fGhJk2LmN4pQr6s,"
                "tag:Xy7Zab3Cde==,type:str]\n    password: Wq9#vLm2Kx7pRt")),
    # the writer's own address on a public body's example domain; a real council mailbox
    ("contact", "My email is r.bannerman@example.gov.uk, please use it for the tribunal papers."),
    ("contact", "Tidy this auto-reply: 'For urgent queries email d.hollis@camdenvale.gov.uk or call 0207 946 0321.' Thanks."),
    # a named person's answer put in the designed field
    ("sexual_orientation", ("Designing an optional self-ID field for sexual orientation: Liam Ortega in payroll already told me "
                            "he's gay, should I pre-fill his answer?")),
    ("religion", ("Optional field for religion in our HR system: Farida Haidari is Muslim and asked for Friday prayer breaks; "
                  "record it there?")),
    ("religion", "人事システムに宗教の任意入力欄を作りました。経理の山口真理子さんはムスリムなので、そこに入力しておいていいですか？"),
    # a figure found out beside the published one, or a named person's
    ("financial", ("Our Pay Policy Statement publishes the Chief Executive's salary, but I found out Head of HR's salary is £98,000 "
                   "from her payslip. Can I tell people?")),
    ("financial", "Our annual report lists Dr Priya Nand's salary as £140,000 but her payslip says £152,000 — which is right?"),
    # PMS as someone's condition
    ("health", "Jenna Okoro on reception has bad PMS and asked for lighter shifts; how do I note it in her file?"),
    ("health", "My PMS has been awful this month and I keep missing work; how do I tell my manager?"),
]

HARD_NEGATIVES = [
    # a template's header or footer over bracketed placeholders or merge fields
    ("Draft a template for our quarterly board pack cover page:\n\nCONFIDENTIAL — {{company_name}} Board\n"
     "Meeting date: {{meeting_date}}\nPrepared by: {{author}}\n\nKeep the merge fields as they are."),
    "見積書のひな形を作ってください。ヘッダーは次のとおり：\n\n社外秘 ［顧客名］御中\n有効期限：［日付］まで\n担当：［担当者名］",
    "通知文のテンプレートをお願いします。冒頭に【社外秘】、宛名は○○様、日付は［日付］、差出人は［部署名］で。",
    # a public official's conviction as the press reported it, for training
    ("Councillor Ray Dunmore stepped down after his conviction for benefit fraud was reported in the local paper. For our "
     "councillor induction training, write a short neutral case study using only what was publicly reported."),
    ("Mayor Tessa Harlow stepped down after her conviction for expenses fraud was reported in the regional press. For our ethics "
     "course, write a neutral two-paragraph case study based only on what was widely reported."),
    "市議会議員の河野誠氏は、収賄での有罪判決が新聞で報道され、議員を辞職した。研修資料として、報道された事実だけで事例研究を書いてほしい。",
    # an AWS key id spelled as a stand-in, the values said to be dummies
    ("テスト用のダミー値です：aws_access_key_id = AKIATESTKEY000000000 / aws_secret_access_key = xxxxxxxxxxxxxxxxxxxx。"
     "環境変数から読む形に直して。"),
    ("I replaced the real values with dummies: aws_access_key_id='AKIADUMMY00000000000', aws_secret_access_key="
     "'xxxxxxxxxxxxxxxx'. How do I load them from env vars instead?"),
    # ciphertext safe by design
    ("Is it safe to push this SealedSecret to our repo?\n\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n"
     "  encryptedData:\n    DB_PASSWORD: AgC4kP9sLq2ZxW7mRt0vYb3NhUe8JdFa"),
    "SealedSecretにしたのでGitに置いてもいいですか？\n  encryptedData:\n    password: AgA9xLm2Pq7RtZ4wKv8NbY3cHs6JdFe1",
    ("Our SOPS file looks like this, can I commit it?\ndb:\n    password: ENC[AES256_GCM,data:Tr8Kq2mZpX0w,iv:9fGhJk2LmN4pQr6s,"
     "tag:Xy7Zab3Cde==,type:str]"),
    ("Can I keep this vault file in git?\ndb_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n"
     "  62313365396662343061393464336163383764373764613633653634306231386433626436623361\n"
     "  6435626464326435356432353662393436353439353535360a383338353336"),
    # a public body's placeholder domain, an all-zero number
    ('Proofread our out-of-office text: "For planning enquiries write to planning@example.gov.uk or ring 0000 000 0000." Both '
     "are placeholders for now."),
    "Fix the wording: 'Book your jab by emailing vaccines@example.nhs.uk.' The address is a stand-in until the service goes live.",
    # a survey's or a schema's field for a category, no one named
    ("We're adding a voluntary demographic question on religion or belief to our staff census. How should we word the \"prefer "
     "not to say\" option and keep reporting suppressed below 10?"),
    "社員意識調査に、性的指向の任意回答欄を設けたいです。10人未満の集計値は表示しない設計にするにはどうすればいいですか？",
    ("In my thesis data I coded disability status as a binary variable; should I use logistic regression or a chi-square test "
     "for the employment outcome?"),
    # a role's pay its statutory statement publishes
    ("Our remuneration report discloses that the Managing Director's salary is £240,500. Draft a sentence on the pay ratio "
     "for the accounts."),
    "当社の有価証券報告書で開示されている社長の報酬は年額9,800万円です。従業員の平均給与との倍率を説明する一文を書いて。",
    # a hotel's property-management system (PMS)
    ("I built seed data for the sandbox of our PMS: guest names, room numbers and check-in dates are all made up. Does the "
     "JSON schema look right?"),
    "ホテルのPMSシステムの研修環境用に、架空の宿泊客データを作りました。CSVの形式は合っていますか？",
    # 機密値 as a configuration topic
    "Pulumiで機密値をコードに書かずに扱う方法を教えてください。config set --secret の使い方を知りたいです。",
    "Ansibleで機密変数をどこに置くのが定番ですか？ group_varsに平文で置くのは避けたいです。",
]
