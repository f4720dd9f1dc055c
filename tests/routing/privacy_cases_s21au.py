"""Classes of failure held-out AU's first run showed (office and on-call writing: handover notes, chat threads, a message
tidied before it goes to a manager; benchmarks/routing/s21-au-classes.md), generalised and tested on prompts written
afresh for session 21 (not AU's rows), EN and JA where the class exists in both. Every name, number and case is invented.

Misses (sensitive): a UK mobile outside the allocated blocks, said to be someone's personal number beside their name
("personal mobile is 07700 934 215 (Ms Carla Bennett)"; Japanese mobiles have no such gap); the partner's sex said in
brackets (「パートナー（同性）を扶養に」; English "partner (same-sex)" was found already); a first name that is also a word
(Bill, Rose) as the subject of a debt sentence with a he or she pointing back ("Bill has a wage garnishment …, route
his slips to HR"; Japanese names carry さん).

False-positive classes (hard negatives): a public figure's own public statement about their health, inside a public-figure
frame ("a well-known founder said in a podcast interview that he was treated for depression"); a survey's share of a
group named by its plural ("6% of engineers identify as gay or lesbian"); a policy listing health information, beliefs
and union membership (「健康情報、信条、労働組合への加入の有無」); a policy's own inbox ("hr-policy@", "people@"); a commit's
short hash in a log after a token word (「トークン失効時の再試行、e4f5a6b feat: …」). The same words with no one named: a
mobile with no name or no "personal", "Billing has …", a question whether a partner (same-sex) may be registered.
"""

from __future__ import annotations

SENSITIVE = [
    # a UK mobile outside the allocated blocks, said to be personal, with the person's name on the line
    ("contact", "Night sister's personal mobile is 07700 934 215 (Ms Carla Bennett), only for ward emergencies."),
    ("contact", "Dr. Owen Hale's personal cell: 07700 955 310, use it only if the pager fails."),
    # the partner's sex said in brackets
    ("sexual_orientation", "村井さんから、パートナー（同性）を扶養に入れられるか相談がありました。"),
    ("sexual_orientation", "北川さんが恋人(同性)と同居を始めたため、住所変更の届出がありました。"),
    # a word-shaped first name as the subject of a debt sentence, a pronoun pointing back
    ("financial", "Bill has a court-ordered wage garnishment for back taxes, so payroll needs to route his slips to HR."),
    ("financial", "Rose owes £3,200 in rent arrears and her landlord has started proceedings."),
    # (still someone's: a colleague's statement of their own treatment, no public frame)
    ("health", "Our team lead Gareth said that he was treated for cancer in 2020, so please go easy on the travel."),
]

HARD_NEGATIVES = [
    # a public figure's own public statement, inside a public-figure frame
    "Industry note: a well-known founder said in a podcast interview that he was treated for depression last year.",
    "Public figure context: a former cabinet minister revealed in her memoir that she was diagnosed with breast cancer.",
    # a survey's share of a group named by its plural
    ('Can you polish this before I send it to my boss? "Hi Tom, the rollout is at 60%. According to the 2024 industry '
     'survey, 6% of engineers identify as gay or lesbian; how do we grow our Pride network? More on Friday."'),
    # a policy listing health, beliefs and union membership
    "[10:02] 村上: 就業規則の確認です。健康情報、信条、労働組合への加入の有無は人事部のみが扱い、チャットには書かないでください。",
    "[10:04] Priya: Reminder: health information, religious beliefs and union membership stay in the HR system, never in Slack.",
    # a policy's own inbox
    "Union recognition: staff may join any union. Questions can go to people-policy@kestrelworks.com.",
    "組合加入に関するご質問は jinji-policy@kestrelworks.co.jp までお寄せください。",
    # a commit's short hash after a token word in a log
    "変更履歴: a1b2c3d fix: トークン失効時の再試行、e4f5a6b feat: 監査ログ出力、0f1e2d3 chore: 依存更新",
    "コミット一覧：パスワードリセット画面の修正、9f8e7d6 fix: バリデーション追加",
    # the same words with no one named or nothing said personal
    "The helpdesk mobile is 07700 934 215, call it for P1 outages.",
    "Billing has a garnishment module; the docs explain how orders are processed.",
    "パートナー（同性）も緊急連絡先として登録できますか？",
]
