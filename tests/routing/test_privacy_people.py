"""Who a special-category sentence is about: the person forms held-out E showed were missing.

Japanese sentences that drop their subject (「実は…」「通院中です」「同居しています」), initials
("J. Ruiz", "Karen M."), record headers ("Patient: …", 「氏名：…」, 「対象者：…」), a full name with a
personal aside ("John Petrakis (warehouse, shift B)", 「鈴木 一郎（営業部）」), rosters with US/EU
dates and "emp #", surname-with-honorific contact lists; and next to each, the hard negatives the
wider rules must leave alone (blank forms, example rows, groups, organisations, test fixtures).
Real prompts, EN and JA; every name and number is invented."""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy

SENSITIVE = [
    # Japanese without a subject: the predicate needs a human experiencer, the speaker
    ("sexual_orientation", "実はバイセクシュアルで、今は同性の恋人と暮らしています。福利厚生の申請はどうすれば？"),
    ("health", "去年から抗うつ薬を飲んでいます。産業医面談で言うべきでしょうか"),
    ("health", "うつ病で休職中です。復職面談で何を聞かれますか"),
    ("sexual_orientation", "同性のパートナーと同居しています。住宅手当の扱いを総務に聞きたい"),
    # initials and first name + initial, as notes and rosters write people
    ("union_membership", "New Teamsters sign-ups this week: R. Diaz, T. Nguyen, M. Brooks — HR wants the names."),
    ("criminal_record", "Screening summary: Derek W. — convicted of fraud in 2019, probation ended 2022."),
    # record headers and asides
    ("health", "Patient: Mia Schultz, 52F, dx COPD, on tiotropium. Rewrite as a referral letter."),
    ("health", "John Okafor (night shift, line 3) had a seizure at work; write the incident note."),
    ("health", "対象者：西田 亜美（総務部）適応障害により休職中。上長への連絡文を作って"),
    ("criminal_record", "大塚 健二（倉庫）、窃盗の前科あり。配置転換の相談文を作って"),
    ("health", "Diagnosed with Crohn's last spring; draft a note asking for a desk near the restroom."),
    ("union_membership", "Our branch's Unison rep Kevin asked to sit in on the disciplinary hearing."),
    # rosters: US/EU dates, emp #, surname + honorific with phone numbers
    ("bulk_personal", "Badges for the offsite:\n- Ana Silva, emp #20417, born 7/19/1990\n- Tom Reyes, emp #20433, born 2/3/1986\n- Li Wei, emp #20458, born 11/28/1993"),
    ("bulk_personal", "Birthdays: Omar Haddad 14 Feb 1988\nJulia Stone 3 Sep 1991\nPeter Novak 22 Jun 1979"),
    # after held-out F (its misses became development data): katakana names with an honorific, a
    # relative by the word itself, a name before a colon or an upper-case aside, name lists, "she" +
    # verb, pronouns, results without a name, bank accounts in prose, 機密性N情報, one-line rosters
    ("religion", "新しく来たサラさんはヒンドゥー教徒なので、社食のメニューを確認したい"),
    ("health", "Mum's biopsy came back benign but she starts radiotherapy next week; help me ask for leave."),
    ("criminal_record", "Reference check on Dana Whitfield: two shoplifting convictions, 2016 and 2018."),
    ("union_membership", "Invite for the meeting: Luis Ortega (UFCW Local 7 steward), Ann Holt, Sam Diaz."),
    ("union_membership", "These staff joined the union drive — Nadia Klein, Ray Moss, Tom Fitch. What can HR do?"),
    ("criminal_record", "Character letter for Owen Price — he served 18 months for burglary and has worked here since."),
    ("sexual_orientation", "Riley (they/them) is transitioning and wants a new email alias before Monday."),
    ("health", "人間ドックの結果、LDL 168、HbA1c 6.9 でした。食事で何を変えればいい？"),
    ("financial", "For payroll: my savings account is 4417829301 and the routing number is 011000138."),
    ("financial", "BACS: 'Ellen Ruiz | sort code 40-12-76 | acct 61830457 | £1,200'"),
    ("confidential", "機密性３情報\n令和9年度の組織改編案：情報政策課を2課に分割。要点を3行で"),
    ("bulk_personal", "Put in order: Iris Beck 2 Apr 1991, Noah Kemp 17 Oct 1984, Zoe Hart 9 Dec 1996"),
    ("secret", "Ticket note: helpdesk reset her password to Spring#2026x and she still can't log in."),
    ("bulk_personal", "町内会の名簿を表にして\n1班 木下さん 090-3318-2207 練馬区石神井町2-1\n2班 平野さん 080-6624-1190 練馬区関町北4-8\n3班 宮本さん 070-2281-5536 練馬区大泉学園町6-3"),
]

HARD_NEGATIVES = [
    # a group, an organisation, a blank form, an example row, a quiz
    "LGBTQ+の社員に配慮した休暇制度の事例を教えて",
    "Centers for Disease Control (CDC) guidance on HIV testing in workplaces, summarised.",
    "問診票のテンプレートを作って。氏名：　　　生年月日：　　　既往歴：　　　服用中の薬：",
    "名前：山田太郎（例）、持病：なし、のような記入例を作って",
    "Tell me about Martin Luther (1483) and the Protestant Reformation.",
    "Our HR assistant Claude should answer questions about parental leave and disability accommodations.",
    "The wine steward recommended a Bordeaux for the client dinner.",
    # marking schemes, stations, test fixtures
    "情報セキュリティ研修のスライド：機密区分（極秘・秘・社外秘・公開）の説明文を作って",
    "東京駅（東京都千代田区丸の内1丁目）への行き方を案内する文を作って",
    "Write a pytest fixture that creates two users, carol@example.com and dave@example.org.",
    # after F: reference ranges, generic katakana roles, institutions before a colon, conference speakers
    "健康診断の結果の見方：γ-GTPは50以下、ALTは30以下が目安です",
    "ユーザーさんから「うつ病について知りたい」と問い合わせが来たときの回答テンプレート",
    "Notes for Disease Control: new guidance on HIV testing, due Friday.",
    "Speakers at the diabetes conference: John Smith, Mary Jones, Ahmed Ali, Keiko Sato.",
    "If a patient says she smoked for 20 years, what screening is recommended for lung cancer?",
    "Reset the password to the default, then force a change at next login.",
    "メンタル不調で休職した社員が復職するまでの一般的な流れを教えて",
    # a list of people with tasks, not personal attributes
    "Action items: J. Park – update the runbook; L. Moreau – renew the cert; S. Iqbal – book the room.",
]


@pytest.mark.parametrize(("category", "text"), SENSITIVE)
def test_person_forms_find_and_name_the_category(category: str, text: str) -> None:
    assert category in privacy.categories(privacy.scan(text)), text


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_person_form_hard_negatives_stay_clean(text: str) -> None:
    assert privacy.scan(text) == [], privacy.labels(privacy.scan(text))


def test_initial_does_not_end_the_sentence() -> None:
    # "Karen M. — arrested 2022" is one sentence: the initial and the arrest are about the same person.
    text = "Tenant note: Karen M. — arrested 2022 for assault (charges dropped)."
    (finding,) = [f for f in privacy.scan(text) if f.category == "criminal_record"]
    assert finding.span[0] <= text.index("Karen") and finding.span[1] > text.index("arrested")
