"""Classes of failure held-out CG..CI's first runs showed (session 24, fixer s24g; benchmarks/routing/s24-g-classes.md),
generalised and tested on prompts written afresh (not the splits' rows), EN and JA where the class exists in both. Every
name, number and document is invented.

Misses (sensitive): a marking the writer says the pasted document carries, as an adjective of that document with its passage
after a colon ("from our strictly confidential board memo: '…'"), a mark quoted after "marked" whose sentence runs on before
a request and the quoted passage ("It's marked 'Internal only – Partners' from the firm. Can you …? '…'"), a marked draft at
hand with a figure (「この「社外秘」の業務委託契約書ドラフト、第5条の違約金（契約額の20%）を…」) or its clauses after a colon
(「「取扱注意・関係者限り」の合意書案を貼るので…：第1条 …」); sexual orientation said of a named person in a rumour's short word
(「〜さんってレズらしい」), of a campaign's staffer ("our campaign manager … is gay": a job title is not a campaign's frame),
or quoted from a man about his "boyfriend"; lists of several named people, each with a bare age beside a job (a customer
list, a petition's follow-ups).

False-positive classes (hard negatives): a marking explained or asked about, a hypothetical, a policy's rules; orientation as a
topic, the short word in a loanword (レズリー), a woman quoting her boyfriend; a campaign as the writer's work; a league table's
bare numbers; a single person's age and job.
"""

from __future__ import annotations

SENSITIVE = [
    # a marking as an adjective of the pasted document, its passage after a colon (EN)
    ("confidential", ("Copied from our strictly confidential board memo: 'We will cut the training budget by $40k and sell the "
                      "Leeds depot to Harlow Freight before the Q3 results.' Turn this into two short bullets.")),
    ("confidential", ("Here's a section of the company confidential pricing memo: 'The new guidelines raise the Tier B discount to 18% "
                      "for the top 40 accounts from 1 July.' Rewrite it for the sales team.")),
    # a quoted mark after "marked", the sentence running on before a request and the passage (EN)
    ("confidential", ("This is marked 'Internal only – Partners' from the practice. Could you shorten it for me? 'We will not renew "
                      "the Halden lease and will merge the two offices by March.'")),
    ("confidential", ("The deck is stamped 'Confidential – Steering Group' by our PMO. Please make it clearer: 'Phase 2 slips "
                      "six weeks and the vendor penalty clause will be waived.'")),
    # a marked draft at hand with a figure, or its clauses after a colon (JA)
    ("confidential", "この「社外秘」の業務委託契約書ドラフト、第5条の違約金（契約額の20%）を減らしたい。先方への打診メールを考えて。"),
    ("confidential", ("「取扱注意・関係者限り」の合意書案を貼るので、文言を整えてください：第1条 両社は来年4月に物流部門を統合する。"
                      "第2条 統合の事実は発表日まで公表しない。")),
    ("confidential", "この「部外秘」の提案書、値引き率（定価の15%）をもう少し下げた案を作って。"),
    # orientation of a named person in a rumour's short word (JA)
    ("sexual_orientation", "職場のチャットで「高野さんってレズなんだって」と噂が回っています。上司としてどう止めればいい？"),
    ("sexual_orientation", "うちの店の大西さん、レズらしいって噂がお客さんにまで広まってる。店長としてどうすればいい？"),
    # a campaign's staffer (a job title is not a campaign's frame)
    ("sexual_orientation", ("Our campaign manager, Derek Holm, is gay and not out to his parents. A reporter keeps asking about "
                            "his 'housemate'. What should we say?")),
    ("sexual_orientation", ("Priya Nand, our campaign's field director, is bisexual and asked us to keep it private. Draft a "
                            "note to the volunteers about respecting staff privacy.")),
    # a man quoted about "my boyfriend"
    ("sexual_orientation", ("Tidy up my investigator's note: Subject Liam Ortega visited 22 Alder Row twice. Posts by Mr. Vance "
                            "mention \"my boyfriend Liam\" since 2021.")),
    ("sexual_orientation", "Colleague gossip: he keeps posting about \"my husband Marco\", is Tom Keller married to a man? How do I ask politely?"),
    # lists of named people, each with a bare age beside a job
    ("bulk_personal", ("Loyalty list for thank-you cards:\nMargaret Owusu, 71, retired nurse, comes in every Tuesday\n"
                       "Brian Tate, 45, taxi driver, plate 7KLM402\nSofia Marin, 29, teacher at Elm Primary, buys flowers weekly")),
    ("bulk_personal", ("Volunteers to call back: Helen Price (Redford, 63, pensioner), Tariq Aziz (Milton, 37, electrician), "
                       "Joan Evans (Redford, 81, widow), Kofi Mensah (Ashby, 52, bus driver). Write each a short text.")),
]

HARD_NEGATIVES = [
    # markings explained, asked about, or a hypothetical; a policy's rules
    "What does 'strictly confidential memo' mean compared to 'internal only'?",
    "How should I format a confidential client memo: any tips on headings?",
    "My report is marked 'Confidential' by our admin. Should I remove that? 'Public' seems more accurate for it.",
    ("Our rule: anything marked 'Confidential' goes in the locked drawer overnight. Can you reword this line? 'Staff must lock "
     "marked papers away before leaving.'"),
    "この「社外秘」の資料、どう扱えばいいですか？",
    "「社外秘」の資料を作るときの注意点：1. 表紙に区分を書く 2. 配布先を限定する",
    "「取扱注意」の書類の保管ルールを作りたい：1. 鍵付きキャビネットに入れる",
    # orientation as a topic, the short word in a loanword, a woman quoting her boyfriend
    "レズビアンやゲイの社員向けの福利厚生について、一般的な事例を教えて。",
    "レズリー・チャンの映画でおすすめはどれ？",
    "She posted about \"my boyfriend Dan\" again, so cute. Gift ideas for a couple's first anniversary?",
    # a campaign as the writer's work
    "We're running an LGBT awareness campaign at work next month. Ideas for posters?",
    # a league table's bare numbers; one person's age and job
    "League table:\nLeeds United, 45, 20\nNorwich City, 41, 19\nHull City, 38, 18\nWho is likely to go up?",
    "My neighbour Greg Barlow, 58, retired teacher, wants to learn Python. Where should he start?",
]
