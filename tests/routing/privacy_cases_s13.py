"""Classes of failure R's first run left open after session 12 (benchmarks/routing/README.md, "Session 12
(R)", "Left for the rules"), generalised and tested on prompts written afresh for session 13 (not R's rows),
EN and JA. Every name, number and key is invented.

Misses (sensitive): a table whose person columns are headed first / last, forename / surname or a member
number (not "name"); a table of people with a union column (組合, 日教組, Union) or an absences column
(欠席日数).

False-positive classes (hard negatives): a record whose person is a stand-in (SAMPLE CUSTOMER,
TEST^PATIENT in a test HL7 message) read as a table's header, or split over first / last columns ("Test,One"),
with Ofcom's drama mobiles (07700 900xxx); a log line whose personal fields are
redacted (`<redacted>`, [REDACTED]) read as a header.
"""

from __future__ import annotations

SENSITIVE = [
    # person columns headed first / last, forename / surname, member number
    ("bulk_personal", ("Why does the import reject row 2?\nmember_id,forename,surname,dob,mobile\n"
                      "A204,Harriet,Lowe,1979-03-02,07700 918273\nA205,Samir,Khan,1991-11-30,07911 562034")),
    ("bulk_personal", ("Dedupe these signups please\nfirst,last,email,postcode\nNadia,Okoro,nadia.okoro@fastmail.com,BS3 4RT\n"
                      "Pete,Lawson,plawson77@gmail.com,BS5 9QA\nNadia,Okoro,nadia.okoro@fastmail.com,BS3 4RT")),
    # a table of people with a union column
    ("bulk_personal", ("この職員一覧、外部の業者に渡して大丈夫？\n氏名,担当教科,教組\n森田 光,理科,加入\n"
                      "片山 由香,英語,非加入\n小池 剛,社会,加入")),
    ("bulk_personal", ("Sort this by depot:\nName,Depot,Union\nTom Hale,Leeds,Unite\nAisha Bello,York,GMB\n"
                      "Gary Pike,Leeds,none")),
    # ...or an absences column
    ("bulk_personal", "出欠表の合計が合わない。\n番号,氏名,欠席日数,遅刻\n1,今井 颯,3,1\n2,大野 彩花,11,4\n3,川口 隼,0,0"),
    # the twins of the hard negatives below: the same layouts carrying a real person
    ("bulk_personal", (
        "HL7のPIDがずれている？\nMSH|^~\\&|RIS|MINAMI_HOSP|HIS|MINAMI_HOSP|20261201||ADT^A01|0001|P|2.5\n"
        "PID|1||80231^^^MINAMI^MR||Kobayashi^Haruto||19870312|M|||Setagaya 3-2-1\nPV1|1|I|W3^301^1\n"
        "EVN|A01|20261201090000"
    )),
    ("health", (
        "Why does this return 422?\n2026-11-30 10:02:11 ERROR  claims  request_id=9c1 body={\"member\":\"Ruth Adams\","
        "\"diagnosis\":\"type 1 diabetes\",\"items\":3}\n2026-11-30 10:02:12 INFO   claims  request_id=9c1 retry 1\n"
        "2026-11-30 10:02:13 INFO   claims  request_id=9c1 retry 2"
    )),
]

HARD_NEGATIVES = [
    # a stand-in person read as a table's header
    ("Build a statement layout for our UI mock (fake data):\nCUSTOMER: SAMPLE CUSTOMER    ADDRESS: 1 SAMPLE STREET    PHONE: 000 000 0000\n"
    "01 Dec  RENT  -900.00\n03 Dec  PAYROLL  +2,400.00\n07 Dec  FUEL  -45.10"),
    ("テスト用のHL7です。PIDのどこがずれている？\nMSH|^~\\&|RIS|TEST_HOSP|HIS|TEST_HOSP|20261201||ADT^A01|0001|P|2.5\n"
    "PID|1||99999^^^TEST^MR||TEST^PATIENT^ONE||19000101|F|||DUMMY ADDRESS\nPV1|1|I|W3^301^1\nEVN|A01|20261201090000"),
    # stand-ins split over first / last columns, with Ofcom drama mobiles
    (
        "Why does row 2 fail?\nmember_id,forename,surname,dob,mobile\nA1,Test,Alpha,2001-01-01,07700 900123\n"
        "A2,Test,Beta,2001-02-30,07700 900456\nA3,Test,Gamma,2001-03-01,07700 900789"
    ),
    # personal fields redacted in a log
    ("Why does this return 422?\n2026-11-30 10:02:11 ERROR  orders  request_id=9c1 body={\"customer\":\"[REDACTED]\","
    "\"phone\":\"[REDACTED]\",\"items\":3}\n2026-11-30 10:02:12 INFO   orders  request_id=9c1 retry 1\n"
    "2026-11-30 10:02:13 INFO   orders  request_id=9c1 retry 2"),
    ("このエラーログの原因わかる？\nbody={\"氏名\":\"<redacted>\",\"住所\":\"<redacted>\",\"plan\":\"B\"}\n"
    "2026-12-01 09:00:01 ERROR  api  500 KeyError plan\n2026-12-01 09:00:02 INFO   api  retry 1\n2026-12-01 09:00:03 INFO   api  retry 2"),
]
