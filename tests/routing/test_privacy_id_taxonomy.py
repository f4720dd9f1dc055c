"""Government and national identifiers from the established categories, not from eval examples (session 19).

The list is python-stdnum's personal-identifier modules (national ID, personal tax, social security / insurance) for
the G20, EU/EEA, UK, Switzerland and the major Asian countries, the passport and driving-licence formats of the big
issuers, Japan's APPI 個人識別符号 (個人情報保護法施行令 1条), cross-checked with Presidio's predefined recognizers.
Every value is invented; "valid" ones were made to pass stdnum's (or the written-down) check, "typo" ones fail it
(a typo is still someone's number when the prompt names it). Hard negatives: order / tracking / invoice numbers with
the same digits, questions about a format with no value, placeholders, SKUs. In-sample: these are the cases the rules
were written against (benchmarks/routing/s19-id-taxonomy.md), not a held-out result.
"""

from __future__ import annotations

import importlib

import pytest

from kakehashi.routing import privacy

# (identifier key, prompt): each must be found as category national_id
NAMED = [
    # --- United States
    ("us_ssn", "my SSN is 514-70-9529, can you fill in the W-4 for me"),
    ("us_ssn typo", "Social security number 536-00-3433 — is that what goes in box a?"),
    ("us_ssn ja", "夫の社会保障番号は 514-70-9529 です。申請書の英文を整えて"),
    ("us_itin", "My ITIN is 921-78-6761, draft the letter to the IRS"),
    ("us_ein", "I'm a sole proprietor, my EIN is 48-3734589, write the W-9 cover note"),
    ("us_passport", "US passport number 567203418, expires next May — fill in the visa form"),
    ("us_passport letter", "My new passport no. A41827365 arrived, update my airline profile"),
    ("us_dl", "California driver's license D4827153, please put it on the rental form"),
    ("us_dl fl", "Florida driver license W426-545-30-761-0 for the insurance quote"),
    # --- United Kingdom
    ("gb_nino", "My National Insurance number is JG 10 37 45 B, add it to the starter form"),
    ("gb_nhs", "Her NHS number is 110 553 6661, can you write to the GP surgery"),
    ("gb_nhs typo", "NHS number 222 481 5299 for my dad, please draft the referral letter"),
    ("gb_utr", "My UTR is 11981 26771, help me reply to HMRC about self assessment"),
    ("gb_utr typo", "Unique Taxpayer Reference 47625 83832 — write the covering letter"),
    ("gb_passport", "UK passport number 533401987, renewing for my son"),
    ("gb_dvla", "My driving licence number is MORGA753116SM9IJ, fill in the hire form"),
    # --- Canada
    ("ca_sin", "My SIN is 304-320-773, what goes on the TD1?"),
    ("ca_sin typo", "Social insurance number 494-455-641 for the new hire, please add it"),
    ("ca_passport", "Canadian passport number HK447120, please add it to the booking"),
    # --- Mexico, Brazil, Argentina
    ("mx_curp", "My CURP is GOMW850312HDFRRN96, help me fill in the IMSS form"),
    ("mx_curp typo", "CURP GOMM850312HDFRRN81 for my mother, write the letter to the school"),
    ("mx_rfc", "My RFC is GOMY850312Z43, draft the invoice request"),
    ("br_cpf", "Meu CPF é 444.249.043-00, preencha o formulário"),
    ("br_cpf typo", "My CPF is 077.273.877-18, fill in the tax form"),
    ("ar_dni", "My Argentine DNI is 28.183.658, fill in the rental application"),
    ("ar_cuil", "Mi CUIL es 20-14483165-9, completá el formulario"),
    ("ar_cuil typo", "CUIT 20-05336850-6 for my accountant, put it on the invoice"),
    # --- Germany, Austria, Switzerland
    ("de_idnr", "Meine Steuer-ID ist 95 362 514 085, bitte ins Formular eintragen"),
    ("de_idnr typo", "My German tax ID (Steuer-ID) 56 210 822 737 — put it on the form"),
    ("de_idnr ja", "ドイツの税番号（Steuer-ID）は 95362514085 です。書類に記入して"),
    ("de_personalausweis", "Personalausweisnummer L7HRK0M29, bitte für die Kontoeröffnung notieren"),
    ("de_reisepass", "Meine Reisepassnummer ist CF7K31M48, bitte ins Visumformular"),
    ("de_fuehrerschein", "Führerscheinnummer B072RRE2I55 für die Mietwagenbuchung"),
    ("at_svnr", "Meine österreichische Sozialversicherungsnummer ist 2128 120385, bitte eintragen"),
    ("at_svnr typo", "Austrian social security number 8059 120385 for the payroll form"),
    ("ch_ahv", "Meine AHV-Nummer ist 756.8786.9078.29, bitte auf das Formular"),
    ("ch_ahv typo", "My Swiss AHV number 756.7808.0618.35 — put it on the pension form"),
    # --- France, Italy, Spain, Portugal
    ("fr_nir", "Mon numéro de sécurité sociale est 1 85 05 78 006 084 91, remplis le formulaire"),
    ("fr_nir typo", "My French social security number is 1 85 05 78 006 084 66, fill in the form"),
    ("fr_nif", "Mon numéro fiscal est 1954245600195, aide-moi pour la déclaration"),
    ("fr_passport", "Mon numéro de passeport est 18AV34567, pour le formulaire de visa"),
    ("fr_permis", "Numéro de permis de conduire 120375101234, pour la location"),
    ("it_cf", "My codice fiscale is RSSMRA85C12H501J, fill in the contract"),
    ("it_passport", "Il mio numero di passaporto è YA1234567, per il check-in"),
    ("it_patente", "Numero patente di guida RM4827153K, per il noleggio"),
    ("es_dni", "Mi DNI es 99651228W, rellena el formulario"),
    ("es_nie", "My NIE is X3117419E, fill in the rental contract"),
    ("es_pasaporte", "Mi número de pasaporte es PAA123456, para la reserva"),
    ("pt_cc", "O meu Cartão de Cidadão é 66229141 0 LW0, preencha o pedido"),
    ("pt_nif", "O meu NIF é 268289026, para a fatura"),
    # --- Benelux, Nordics
    ("nl_bsn", "Mijn BSN is 103020627, vul het formulier in"),
    ("nl_bsn typo", "My Dutch BSN 393531224 — put it on the employment contract"),
    ("nl_paspoort", "Mijn paspoortnummer is XBLH07S18, voor de boeking"),
    ("be_nn", "Mon numéro de registre national est 85.03.12-855.09, remplis le formulaire"),
    ("be_nn typo", "My Belgian national number is 85.03.12-303.67, fill in the form"),
    ("se_pnr", "my Swedish personnummer is 850312-1868, can you fill in the form"),
    ("se_pnr typo", "Personnummer 850312-2531, skriv ansökan åt mig"),
    ("no_fnr", "Mitt fødselsnummer er 12038563910, fyll ut skjemaet"),
    ("no_fnr typo", "My Norwegian national identity number is 12038530178, fill in the form"),
    ("dk_cpr", "Mit CPR-nummer er 120385-0982, udfyld formularen"),
    ("fi_hetu", "Henkilötunnukseni on 120385-1265, täytä lomake"),
    ("fi_hetu typo", "My Finnish personal identity code is 120385-4890, fill in the form"),
    # --- Central and eastern Europe
    ("pl_pesel", "Mój PESEL to 85031286881, wypełnij wniosek"),
    ("pl_pesel typo", "PESEL 85031263665 for my wife, fill in the form"),
    ("cz_rc", "Moje rodné číslo je 855312/5042, vyplň formulář"),
    ("cz_rc typo", "My Czech birth number (rodné číslo) is 855312/0218, fill in the form"),
    ("sk_rc", "Slovak birth number 855312/2952 for the new employee"),
    ("ro_cnp", "CNP-ul meu este 1850312016751, completează formularul"),
    ("ro_cnp typo", "My Romanian CNP is 1850312833040, fill in the form"),
    ("bg_egn", "My Bulgarian EGN is 8503126309, fill in the form"),
    ("hr_oib", "Moj OIB je 07123993448, ispuni obrazac"),
    ("hr_oib typo", "My Croatian OIB 46324666877 for the rental contract"),
    ("si_emso", "Moja EMŠO je 1203285505269, izpolni obrazec"),
    ("ee_ik", "Minu isikukood on 38503122517, täida vorm"),
    ("lt_ak", "Mano asmens kodas 38503125947, užpildyk formą"),
    ("gr_amka", "My Greek AMKA is 12038521048, fill in the form"),
    ("ie_pps", "My PPS number is 4742680B, fill in the form"),
    ("tr_tckn", "TC kimlik numaram 18313327806, formu doldur"),
    ("tr_tckn typo", "My Turkish ID number (T.C. Kimlik No) 13857760469 for the hotel"),
    ("ru_inn", "Мой ИНН 033272308727, заполни заявление"),
    ("ru_inn typo", "My Russian INN is 347611636779, fill in the tax form"),
    ("ru_snils", "Мой СНИЛС 245-383-236 72, заполни анкету"),
    # --- Africa, Oceania
    ("za_id", "My South African ID number is 8503125078183, fill in the form"),
    ("za_id typo", "South African ID number 8503125978959 for the lease"),
    ("au_tfn", "My TFN is 547 571 984, fill in the declaration"),
    ("au_medicare", "My Medicare card number is 2405 62241 1, for the clinic form"),
    ("au_passport", "Australian passport number PA1234567 for the booking"),
    ("au_dl", "NSW driver licence number 17483926, for the car hire"),
    # --- Asia
    ("cn_ric", "我的身份证号是110105198503128073，帮我填表"),
    ("cn_ric en", "My Chinese ID number is 110105198503128073, fill in the visa form"),
    ("cn_ric ja", "中国の身分証番号は 110105198503128073 です。申請書に書いて"),
    ("cn_passport", "我的护照号码是E12345678"),
    ("cn_passport en", "Chinese passport number E48271536 for the hotel booking"),
    ("kr_rrn", "내 주민등록번호는 850312-1380665 이야"),
    ("kr_rrn ja", "韓国の住民登録番号 850312-1380665 を書類に"),
    ("kr_passport", "Korean passport number M48271536 for the booking"),
    ("kr_passport ko", "여권번호 M48271536 입력해줘"),
    ("kr_dl", "운전면허번호 11-12-345678-90 적어줘"),
    ("tw_id", "我的身分證字號是A219303642"),
    ("tw_id en", "My Taiwan ID number is A219303642, fill in the form"),
    ("tw_id typo", "Taiwanese national ID A262129972 for my colleague"),
    ("hk_hkid", "My HKID is K200332(5), fill in the bank form"),
    ("hk_hkid zh", "我的香港身份證號碼是K200332(5)"),
    ("sg_nric", "My NRIC is S8123456Z, please fill in the form"),
    ("my_nric", "My MyKad number is 850312-14-1263, fill in the form"),
    ("my_nric 2", "Malaysian NRIC 850312-14-1268 for the tenancy agreement"),
    ("th_pin", "My Thai national ID number is 1506149262654, fill in the form"),
    ("th_pin typo", "Thai ID card number 1842167019128 for the hotel"),
    ("id_nik", "NIK saya 3171070801482234, tolong isi formulirnya"),
    ("id_nik en", "My Indonesian NIK is 3171960349772689, fill in the form"),
    ("ph_philsys", "My PhilSys number is 4821-7305-6619-2047, fill in the form"),
    ("ph_sss", "My SSS number is 33-4829175-6, for the loan application"),
    ("ph_tin", "My Philippine TIN is 123-456-789-000, for the BIR form"),
    ("vn_cccd", "Số CCCD của tôi là 001085012345, điền giúp mẫu đơn"),
    ("vn_cccd en", "My Vietnamese citizen ID (CCCD) is 001085012345, fill in the form"),
    ("in_aadhaar", "My Aadhaar number is 2253 5241 8542, fill in the KYC form"),
    ("in_aadhaar typo", "Aadhaar 2923 8872 0389 for my mother"),
    ("in_pan", "My PAN is HCNPD2469H, fill in the form"),
    ("in_epic", "My voter ID (EPIC) number is EXA1368323, fill in the form"),
    ("in_passport", "Indian passport number J8369854 for the visa"),
    ("in_dl", "My driving licence number is MH12 20110012345, for the rental"),
    # --- Japan: APPI 個人識別符号 (施行令1条), EN and JA
    ("jp_mynumber", "私のマイナンバーは 7611 0391 0855 です。年末調整の書類に書いて"),
    ("jp_mynumber typo", "個人番号 1594 4383 8514 を扶養控除申告書に記入してください"),
    ("jp_mynumber en", "My Japanese My Number is 7611 0391 0855, fill in the year-end form"),
    ("jp_passport", "旅券番号は TK1234567 です。ビザ申請書に記入して"),
    ("jp_passport en", "My Japanese passport number is TK1234567, fill in the ESTA"),
    ("jp_pension", "基礎年金番号 1234-567890 を書類に書いて"),
    ("jp_pension en", "My Japanese basic pension number is 1234-567890, fill in the form"),
    ("jp_dl", "運転免許証番号は 301234567890 です。レンタカーの予約に"),
    ("jp_dl en", "My Japanese driver's license number is 301234567890, for the car rental"),
    ("jp_juminhyo", "住民票コード 12345678901 を転入届に書いて"),
    ("jp_hoken", "健康保険証の記号 1234 番号 56 です。病院の問診票に書いて"),
    ("jp_zairyu", "在留カード番号 AB12345678CD を申請書に書いて"),
    ("jp_zairyu en", "My residence card number is AB12345678CD, fill in the form"),
    ("jp_koyo", "雇用保険被保険者番号 1234-567890-1 を退職届に書いて"),
    ("jp_koyo en", "My employment insurance number is 1234-567890-1, put it on the form"),
    # --- foreign identifiers named in Japanese, and more English names
    ("gb_nino ja", "英国の国民保険番号は JG 10 37 45 B です。入社書類に書いて"),
    ("se_pnr ja", "スウェーデンの個人番号（personnummer）850312-1868 を書類に"),
    ("tw_id ja", "台湾の身分証番号 A219303642 を申請書に書いて"),
    ("hk_hkid ja", "香港のIDカード番号 K200332(5) を記入して"),
    ("th_pin ja", "タイの身分証番号 1506149262654 を書類に書いて"),
    ("br_cpf ja", "ブラジルのCPF 444.249.043-00 を書類に"),
    ("ph_sss ja", "フィリピンのSSS番号 33-4829175-6 を書類に"),
    ("id_nik ja", "インドネシアのNIK 3171070801482234 を書類に"),
    ("vn_cccd ja", "ベトナムのCCCD番号 001085012345 を書類に"),
    ("de_personalausweis ja", "ドイツの身分証明書番号 L7HRK0M29 を書類に"),
    ("mx_curp ja", "メキシコのCURP GOMW850312HDFRRN96 を書類に"),
    ("ch_ahv ja", "スイスのAHV番号 756.8786.9078.29 を書類に"),
    ("my_nric ja", "マレーシアのMyKad番号 850312-14-1263 を書類に"),
    ("kr_passport ja", "韓国の旅券番号 M48271536 です"),
    ("cn_passport ja", "中国のパスポート番号 E48271536"),
    ("fr_nir ja", "フランスの社会保障番号 1 85 05 78 006 084 91"),
    ("gb_dvla ja", "英国の運転免許証番号 MORGA753116SM9IJ"),
    ("ca_sin ja", "カナダの社会保険番号 304-320-773"),
    ("au_tfn ja", "豪州の納税者番号（TFN）547 571 984"),
    ("it_cf ja", "イタリアの納税者番号 RSSMRA85C12H501J"),
    ("kr_dl en", "My Korean driver's license number is 11-12-345678-90"),
    ("us_dl tx", "Texas driver's license 48271536"),
    ("us_dl ny", "NY driver license 482 715 390"),
    ("de_svnr en", "My German social security number is 65 170839 J 003"),
    ("se_pnr en", "Swedish personal identity number 850312-1868"),
    ("dk_cpr en", "Danish CPR number 120385-0982"),
    ("no_fnr en", "Norwegian birth number 12038563910"),
    ("pl_pesel en", "Her Polish national ID (PESEL) 85031286881"),
    ("nl_bsn en", "Dutch citizen service number 103020627"),
    ("es_nie en", "My Spanish foreigner ID (NIE) X3117419E"),
    ("hk_hkid en", "My Hong Kong ID card number is K200332 5"),
    # --- EEA members and a G20 member added on a second pass over the list
    ("is_kennitala", "Kennitalan mín er 120385-5260, fylltu út eyðublaðið"),
    ("is_kennitala typo", "My Icelandic kennitala is 120385-1815, fill in the form"),
    ("lv_pk", "Mans personas kods ir 120385-96030, aizpildi veidlapu"),
    ("lv_pk typo", "My Latvian personas kods is 120385-82462, fill in the form"),
    ("hu_taj", "A TAJ-számom 104 974 650, töltsd ki az űrlapot"),
    ("hu_taj typo", "My Hungarian TAJ number is 752 917 034, for the clinic"),
    ("hu_ado", "Az adóazonosító jelem 8612220297, töltsd ki a bevallást"),
    ("hu_ado typo", "My Hungarian tax ID (adóazonosító jel) is 8299752882"),
    ("lu_matricule", "Mon matricule luxembourgeois est 1985031212345, remplis le formulaire"),
    ("mt_id", "My Maltese ID card number is 0123485M, fill in the form"),
    ("sa_id", "My Saudi national ID number is 1759898347, fill in the visa form"),
    ("sa_iqama typo", "His Iqama number is 2887838483, write the sponsorship letter"),
    # --- Presidio cross-check: IT_IDENTITY_CARD, KR_FRN
    ("it_cie", "Il numero della mia carta d'identità è CA12345AB, per il check-in"),
    ("it_cie en", "My Italian identity card number is CA12345AB, fill in the form"),
    ("kr_frn", "His Korean foreigner registration number is 850312-5678698, fill in the form"),
    ("kr_frn ko", "외국인등록번호 850312-5678698 입력해줘"),
]

# bare values: only formats distinctive enough, with their check passing
BARE = [
    ("mx_curp bare", "fill in the IMSS form for GOMW850312HDFRRN96 please"),
    ("ch_ahv bare", "Bitte für 756.8786.9078.29 das Formular ausfüllen"),
    ("hk_hkid bare", "Please open the account for Mr Chan, K200332(5), tomorrow"),
    ("cn_ric bare", "帮我填表：110105198503128073"),
    ("kr_rrn bare", "850312-1380665 로 가입해줘"),
    ("jp_mynumber bare", "7611 0391 0855 を書類に書いて"),
    ("br_cpf bare", "preencha com 444.249.043-00"),
    ("it_cf bare", "Put RSSMRA85C12H501J on the contract"),
]

# nothing here names a person's identifier: the scanner must not report national_id
HARD_NEGATIVES = [
    "Order 850312-1868 shipped yesterday, where is it?",
    "Tracking number 1Z999AA10123456784, when will it arrive?",
    "Invoice 2253 5241 8542 is overdue by two weeks, draft a reminder",
    "What format does a Swedish personnummer have?",
    "How many digits is a Chinese resident ID number and how is the check digit computed?",
    "Is a UK National Insurance number two letters, six digits and a letter?",
    "What does the CURP encode? Explain each field.",
    "Write a regex for a Swiss AHV number (756.XXXX.XXXX.XX).",
    "SSN placeholder 000-00-0000 should be rejected by the form validator",
    "Use 123456789 as a dummy passport number in the test fixture",
    "My Number: XXXX XXXX XXXX (masked on the printout) — is that allowed?",
    "SKU GOMW-850312-HD, how many are in stock?",
    "The part number 12038563910 is out of stock, reorder it",
    "Reference 756.8786.9078 on the shipping label is wrong",
    "Our company registration number is 103020627, put it in the footer",
    "Flight LH 1954245600195 ticket number, can I change the date?",
    "マイナンバーの桁数は？チェックデジットの計算方法を教えて",
    "在留カード番号の形式（英字2桁＋数字8桁＋英字2桁）を検証する正規表現を書いて",
    "運転免許証の番号は何桁ですか？",
    "注文番号 301234567890 の配送状況を確認して",
    "Reservation code E12345678 for the hotel, please confirm",
    "Call the support line at 0120 123 456 about order 3171070801482234",
    "What is the difference between a TIN, an EIN and an SSN?",
    "Phone number 1506149262654? That looks too long, is it a typo?",
    # the new names next to other numbers, or as another word
    "CPR certificate number 120385-0982 for the lifeguard course, when does it expire?",
    "Epic Games order ABC1234567 was charged twice, write a refund request",
    "Our Philippine office invoice 4821-7305-6619 is overdue, draft a reminder",
    "PSN order 4821 7305 6619 2047 never arrived, write to support",
    "Personalausweis beantragt, Vorgangsnummer VG12345678 — wann ist er fertig?",
    "What does the 756 at the start of a Swiss AHV number mean?",
    "How is the check digit of a Mexican CURP computed?",
    "Generate five fake Taiwanese ID numbers for our test data",
    "Reference 8503125078183 on my South African electricity bill looks wrong",
    "See RFC 7231 section 6.5.1 for the 400 status code",
    "Holiday Inn confirmation 033272308727 for two nights",
    "Medicare Part B premium for 2025 is how much per month?",
    "身分証明書の番号はどこに書いてありますか？",
    "社会保障番号は何桁ですか？米国と仏国の違いを教えて",
    "SSS番号とは何ですか？フィリピンの制度を説明して",
    "Your national ID card application number is 20251203-0042; when will it be ready?",
    "My driving licence renewal reminder says reference DVLA-2025-114233, is that a scam?",
    "パスポートの申請受付番号 2025-123456 の進捗を確認したい",
    "Reorder a tin of paint, catalogue 4821-7305-6619, for the hall",
    "TIN stands for taxpayer identification number; how do I get one in the Philippines?",
]


@pytest.mark.parametrize(("key", "text"), NAMED + BARE, ids=[k for k, _ in NAMED + BARE])
def test_named_identifier_is_found(key: str, text: str) -> None:
    findings = privacy.scan(text)
    assert "national_id" in privacy.categories(findings), [(f.label, f.masked) for f in findings]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negative_is_not_an_identifier(text: str) -> None:
    findings = privacy.scan(text)
    assert "national_id" not in privacy.categories(findings), [(f.label, f.masked) for f in findings]


# The checks written in identifiers.py (stdnum has no module) against the specimens their issuers and the usual
# references print, and one changed digit each.
WRITTEN_CHECKS = [
    ("_tw_id", "A123456789", True),
    ("_tw_id", "A123456788", False),
    ("_hkid", "A123456(3)", True),
    ("_hkid", "A123456(4)", False),
    ("_snils", "112-233-445 95", True),
    ("_snils", "112-233-445 96", False),
    ("_au_medicare", "2123 45670 1", True),
    ("_au_medicare", "2123 45671 1", False),
    ("_hu_taj", "123 456 788", True),
    ("_hu_taj", "123 456 789", False),
]


@pytest.mark.parametrize(("check", "value", "valid"), WRITTEN_CHECKS)
def test_written_check_digits(check: str, value: str, valid: bool) -> None:
    module = importlib.import_module("kakehashi.routing.privacy.identifiers")
    assert getattr(module, check)(value) is valid


def test_digit_first_patterns_match_exactly_where_the_written_ones_do():
    """`identifiers` compiles each value pattern with its leading lookbehind after the first digit (faster in `re`);
    the rewritten pattern must find the very same spans as the written one, on strings built to probe the
    boundaries (digits, separators, letters, word characters and Japanese around and between digit runs)."""
    import random

    ids = importlib.import_module("kakehashi.routing.privacy.identifiers")
    rng = random.Random(19)
    pieces = ["0", "1", "2", "7", "9", "12", "345", "4567", "756", " ", "-", ".", "/", "+", "_", "a", "Z", "CX",
              "(", ")", "番号", "は", "\n", ":", ",", "x1", "1x"]
    probes = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 24))) for _ in range(4000)]
    probes += ["123-45-6789", "a123456789", "-1234567890", "1.234.567", "756.1234.5678.97", "x9876543210y"]
    changed = 0
    for written, fast in zip(ids._WRITTEN_RULES, ids._RULES, strict=True):
        if written.value.pattern == fast.value.pattern:
            continue
        changed += 1
        assert fast.value.pattern.startswith("\\d") or "|\\d(?<!" in fast.value.pattern
        for text in probes:
            assert [m.span() for m in written.value.finditer(text)] == [m.span() for m in fast.value.finditer(text)], (
                written.value.pattern, text)
    assert changed >= 10
