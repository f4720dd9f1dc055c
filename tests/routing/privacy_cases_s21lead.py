"""Classes the lead fixed in session 21 from earlier rounds' leftovers (benchmarks/routing/s21-lead-classes.md), on
prompts written afresh. Every name is invented.

Misses (sensitive): a union officer named by surname and post written solid, as union papers and bargaining notes name
them (held-out AM's am-153, cleared by the learned model because no name was seen): 「森下支部長」「佐藤委員長」
「山本書記長」.

False-positive classes (hard negatives): a faith's branch or name made of a word the first-name lexicon also holds
("Shia Islam", "Sunni Islam", "Christian Science", "Soka Gakkai"), and a certificate's name ("Gender Recognition
Certificates are…"), asked about as topics (session 20's special-category taxonomy probe); a union post with no name;
a city's mayor or assembly named by a city that is also a surname (「千葉市長」「福岡市長」「千葉市議」), which AW's seats
(市長, 市議…) had turned into a person.
"""

from __future__ import annotations

SENSITIVE = [
    ("union_membership", "組合の佐藤委員長が来週の団体交渉に出席します。議事次第の案を作ってください。"),
    ("union_membership", "うちの労組の山本書記長、春闘の要求書を明日までに出すそうです。返信を考えて。"),
    ("union_membership", "UAゼンセンの北村支部長から、シフト削減に反対する申し入れが来ています。"),
    ("union_membership", "分会の石田分会長がストライキの日程を提案してきた件、上司への報告文を書いて。"),
]

HARD_NEGATIVES = [
    "Shia Islam has how many followers worldwide?",
    "What do Shia Islam and Sunni Islam disagree on about succession?",
    "Sunni Islam has four main schools of law: explain them briefly.",
    "Christian Science forbids which medical treatments, and why?",
    "Soka Gakkai has how many members in Japan today?",
    "Gender Recognition Certificates are issued by which UK body?",
    "労働組合の委員長の任期は一般的に何年ですか？",
    "支部長選挙の告示文のひな形を作ってください。",
    # a city's mayor or assembly named by the city, where the city is also a surname (after AW's seats joined the posts)
    "千葉市長は記者会見で、職員の労働組合との交渉について説明した。",
    "福岡市長が入院したとの報道について、市の公式発表をまとめて。",
    "千葉市議が逮捕された件の記事を要約して",
]
