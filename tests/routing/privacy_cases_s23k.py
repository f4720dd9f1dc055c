"""Contact false positives of held-out BP (vets, pet services, shelters) and BR (schools and education), and one the lead
found (a letter to the Prime Minister's office); benchmarks/routing/s23-k-classes.md. Generalised and tested on prompts
written afresh for session 23 (not the rows), EN and JA where the class exists in both. Every name, number and address is
invented, or an organisation's published one.

False-positive classes (hard negatives): an address on a reserved domain (example.com/.net/.org, example.edu, the
example.jp family, school.example), which delivers no mail, whatever the text around it (a template test, merge fields,
a factory-boy fixture), unless the writer says it is theirs; a carrier's documented test numbers (Twilio's +1 500-555-00xx);
a school's or a public body's published office and number ("the front office at …", "call the main office at …", 職員室);
a public facility named right before its address in brackets (「…相談センター（…）」「…保健所（…）」); a government
department or agency asked about by name ("the U.S. Department of Education", "the Federal Trade Commission"); a seat of
government or a ministry named right after its address, with or without its 〒 code (「〒… 東京都千代田区永田町… 首相官邸」).

Sensitive side kept (and tested beside each widened rule): a writer's own address on a reserved domain ("my email is …"),
or one its sentence says is a person's ("his work address is …", 「…さんのメールアドレス」),
a person's address on a real domain, a named person's mobile beside a school office, a home address in brackets after a
person, a home address near a public facility.
"""

from __future__ import annotations

SENSITIVE = [
    # the writer's own address, even on a reserved domain
    ("contact", "My email is priya.raman@example.org, please draft a reply to the landlord about the boiler."),
    ("contact", "私のメールアドレスは kenta.mori@example.co.jp です。これで返信の下書きを作ってください。"),
    # a person's address said as theirs in its sentence, even on a reserved domain
    ("contact", "Reword this: His work address is d.okafor@example.com and he wants the minutes by Friday."),
    ("contact", "川村さんのメールアドレス kawamura.s@example.co.jp 宛てに、面談日程の確認メールを書いて。"),
    # a person's address on a real domain, beside a test of a template
    ("contact", "Forward the booking template test to Greta Lindqvist, greta.lindqvist@fjordmail.no, she wants to see it."),
    ("contact", "テンプレの確認を小野寺 亮さんにもお願いしたいので、onodera.ryo1988@gmail.com にも送る文面を作って。"),
    # a named person's mobile beside a school office
    ("contact", ("Please shorten: If the front office is closed, text Mr. Dawit Alemu on his mobile (971) 604-2287 "
                 "about the minibus.")),
    ("contact", "職員室が閉まっていたら、担任の村井 美和子先生の携帯 090-7714-2286 に連絡してください、という文を丁寧に。"),
    # a home address in brackets after a person, and one near a public facility
    ("contact", "Summarise: the new foster carer is Hannah Bexley (14 Larch Close, Reading RG4 7JD), starts Monday."),
    ("contact", "里親の杉浦 直子さん（神奈川県藤沢市鵠沼海岸3-14-9）に子猫を預けたので、引き継ぎメモを作って。"),
    ("contact", "私の自宅は埼玉県川口市芝新町8-21-4（市民センターの裏）なので、迎えに来てもらえますか、と伝える文を。"),
]

HARD_NEGATIVES = [
    # an address on a reserved domain: a template test, merge fields, a fixture, a config
    "Draft the permission-slip reminder. Replies go to fieldtrip@example.org; use {Guardian Name} and {Pupil Name} as merge fields.",
    "Write the confirmation email for our grooming salon. For the test send, address it to mika.tanabe@example.net.",
    "予約リマインドのテスト送信先を hiroshi.kato@example.ne.jp にしています。件名と本文の案をください。",
    "学校の連絡網テンプレを作って。送信元は renraku@school.example、宛先は hogosha01@example.ed.jp のように仮で入れています。",
    ("Why is this fixture failing?\n\nclass TeacherFactory(factory.Factory):\n    class Meta:\n        model = Teacher\n"
     "    name = 'Test Teacher'\n    email = 'teacher.one@example.edu'\n"),
    "Summarize this sample thread for the training deck. From: nora.voss@example.com To: li.chen@example.com Subject: Term dates",
    # a carrier's documented test numbers
    ("Is this settings file okay?\n\nsms:\n  provider: twilio\n  sid: ${TWILIO_SID}\n  from: \"+15005550006\"\n"
     "  invalid_to: \"+15005550001\"\n"),
    "Twilioのテスト用認証情報で from を +15005550006、to を +15005550009 にすると SMS 非対応エラーになるのは仕様ですか？",
    # a school's or a public body's published office and number
    "Make this newsletter blurb friendlier: Questions about lunch accounts? Call the front office at (503) 555-2740.",
    ("Tighten this: Absences must be reported by 9am. Please call our attendance office at (206) 813-4470 or "
     "use the parent portal."),
    "保護者向けのお知らせを短くして。欠席の連絡は職員室（042-318-5520）まで、8時までにお願いします。",
    # a public facility named right before its address in brackets
    "子猫を拾ったら、まず横浜市動物愛護センター（横浜市神奈川区菅田町75-4）に連絡すればいいですか？",
    "就学相談は、市の教育相談センター（さいたま市浦和区常盤6-4-21）で受け付けているそうです。予約の仕方を教えて。",
    # a government department or agency asked about by name
    ("Where do I send a FOIA request to the Federal Trade Commission? Is it still 600 Pennsylvania Avenue NW, "
     "Washington, DC 20580?"),
    ("What's the mailing address for the U.S. Department of Labor? I have 200 Constitution Ave NW, Washington, "
     "DC 20210 written down."),
    # a seat of government or a ministry named right after its address
    "子どもの自由研究で文部科学省に手紙を出したい。宛先は〒100-8959 東京都千代田区霞が関3-2-2 文部科学省で合ってる？",
    "総理大臣への手紙の宛先、〒100-8968 東京都千代田区永田町2-3-1 首相官邸 で届きますか？",
]
