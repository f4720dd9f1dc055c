"""Classes of failure the held-out splits BP..BR showed in the special categories (session 23; benchmarks/routing/
s23-s-classes.md), generalised and tested on prompts written afresh (not the rows), EN and JA where the class exists in
both. Every name, number, case and docket is invented.

Misses (sensitive): a named person's conviction told by its year and then its offence ("a 2017 wildlife trafficking
conviction"), or by a criminal docket number ("21CR-00917", 「令和3年(わ)第512号」); a named customer's pregnancy and its
symptoms (つわり, 妊娠7か月, morning sickness) where the name has 々 or a solid 様 (「佐々木 菜々子様」「石川美奈様」).

False-positive classes (hard negatives): fiction framed by its genre (a legal thriller's chapter, a mystery, 推理もの);
an exam's or a textbook's hypothetical with stand-in names (Alice/Bob, 甲/乙); a public figure's widely reported case (a
double-barrelled surname's "2019 convictions", 「…氏の事件の経緯」 for training); a book's character named after the author and
the title in single quotes; an animal's case record (「症例：犬」, "Signalment: … DSH cat") with lab values; a PHP / Perl
variable read as the value of a password assignment ($_POST['password'], $request->password).
"""

from __future__ import annotations

SENSITIVE = [
    # a conviction by year then offence, or by a criminal docket number
    ("criminal_record", ("Volunteer applicant Dana Whitlock has a 2017 wildlife trafficking conviction in Marion County. "
                         "Write a short decline email.")),
    ("criminal_record", ("Our new driver Marco Bellini has a 2021 reckless endangerment conviction (docket 21CR-00917). "
                         "Should we keep him on the school route?")),
    ("criminal_record", "Tenant applicant Priya Sandoval, case 1:20-cr-00388, please draft a note to the landlord."),
    ("criminal_record", "応募者の三宅 和也さんは2020年に傷害事件で有罪判決を受けています。不採用通知の文面を作ってください。"),
    ("criminal_record", ("ボランティア希望の北村 沙織さん、令和3年(わ)第512号で執行猶予付きの判決が出ていると本人から申告がありました。"
                         "返信文を作って。")),
    # a named customer's pregnancy and its symptoms (a name with 々, or 様 written solid)
    ("health", "ネイルサロン予約の佐々木 菜々子様、妊娠7か月でジェルの匂いがつらいとのこと。返信文を考えて。"),
    ("health", "カット予約の石川美奈様、妊娠6か月でつわりがまだあるそうです。返信文作って"),
    ("health", "ヨガ教室の野々村 真由さんから、つわりがひどいので今月はお休みしたいと連絡がありました。返信を書いて。"),
    # an animal's record does not hide its named owner's own health
    ("health", ("Owner Karen Lowe says she has diabetes herself and cannot inject the dog twice a day.\n"
                "Patient: Rex, canine, 8y\nO: glucose 28")),
    # the writer's own people in an exam question stay theirs
    ("criminal_record", "司法試験の事例問題に、同僚の佐藤さんが逮捕された件を使えますか？"),
    ("health", ("Booking note: client Hannah Price is 30 weeks pregnant and still has morning sickness, so no strong scents. "
                "Draft a reply.")),
]

HARD_NEGATIVES = [
    # the widened rules' words with no one in them
    "What does a 2019 conviction rate of 80% mean for prosecutors?",
    "つわりの時期に使える無香料シャンプーのおすすめを教えて。",
    "What helps with morning sickness at 8 weeks pregnant?",
    "佐々木様へのお礼状を書いてください。",
    # fiction framed by its genre
    ("I'm writing a crime novel. Chapter 7 draft:\n\nDetective Ruth Amsel read the file twice. \"Three priors for burglary,\" "
     "she said. \"And an assault charge that never stuck.\" Felix Dorn just smiled.\n\nCan you tighten the dialogue?"),
    ("We're writing a cozy mystery for a writing group. Scene: the vicar, Oswin Pike, admits he was arrested in his youth "
     "for shoplifting. Make it funnier."),
    # an exam's hypothetical with stand-in names
    ("Criminal law exam question, please check my answer plan:\n\"Alice has a prior conviction for theft. Bob lends her "
     "his car and she is arrested for dangerous driving.\" Discuss Bob's liability."),
    "会社法の事例問題です。A社の取締役X氏は横領で有罪判決を受けた。Y社の責任を論じなさい。模範解答を作って。",
    "司法試験の事例問題です。甲は前科のある乙に車を貸し、乙は飲酒運転で逮捕された。甲の責任について答案構成を見てください。",
    ("Torts practice problem: Bob, who has epilepsy, has a seizure while driving and hits Alice's fence. "
     "Is Bob negligent? Outline the model answer."),
    # a public figure's widely reported case
    ("For a compliance training slide, list Elizabeth Holmes-Whitfield's 2022 convictions in two bullets."),
    "日産のカルロス・ゴーン氏の事件の経緯を、コンプライアンス研修のスライド用に3行でまとめて。",
    # a book's character, the title in single quotes after the author
    "In Mark Haddon's 'The Curious Incident of the Dog in the Night-Time', Christopher is autistic. Suggest essay topics.",
    # an animal's case record
    ("このSOAPを学会用に整えて（飼い主情報なし）。\n症例：犬、柴犬、去勢オス、9歳\nS：食欲低下\nO：ALT 210、ALP 480、"
     "T-Bil 1.2\nA：慢性肝炎疑い\nP：肝臓サポート食、2週後再診"),
    ("Tidy this case summary for rounds.\nSignalment: 12 y/o FS DSH cat\nO: BUN 52, creatinine 3.4, USG 1.010\n"
     "A: CKD IRIS stage 3\nP: renal diet, recheck in 2 weeks"),
    ("Patient: Biscuit, 9 y/o MN Labrador dog\nHx: vomiting for 3 days\nO: ALT 340, ALP 520\nA: pancreatitis suspected\n"
     "Please rewrite this as a referral letter."),
    # a PHP / Perl variable read as the password's value
    ("ログインできません。\n$password = $_POST['password'];\nif (password_verify($password, $row['hash'])) { echo 'ok'; }\n"
     "どこが悪い？"),
    "Why is this failing?\n$pass = $request->password;\n$user = User::where('email', $email)->first();",
]
