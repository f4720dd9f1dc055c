"""Classes of failure held-out BN's confidential misses showed (a confidentiality stamp said of a pasted or described
document; benchmarks/routing/s23-c-classes.md), generalised and tested on prompts written afresh for session 23 (not BN's
rows), EN and JA where the class exists in both. Every company, site, figure and date is invented.

Misses (sensitive): a quoted or bracketed mark as the adjective of a document noun the rules did not list (通達, 通知, 回覧,
見積書, 仕様書…) or of an excerpt 「…から抜粋：」, the document's words quoted after it, also when those words hold a topic
word (規程, 運用); a stamp named on the document at hand (スタンプ/判子/印/ラベル が押してある・付いてる・貼ってある, or
スタンプ入り・印付き) whose content is then told in the writer's words with a figure (「…と書いてあります」「…方針だそうです」
「…計画とのこと」); in English, a mark quoted after "marked"/"stamped"/"labelled" and the document's words quoted after
it, or "a '…' stamp on it that says …" / "labelled 'Restricted' and it says …" with a figure.

Hard negatives: the marks compared or defined; a stamped document in a hypothetical or a question about keeping or
shredding it; a marked document's template; news of someone else's leak; a policy asking whether to mark; training
material about the levels.
"""

from __future__ import annotations

SENSITIVE = [
    # a quoted mark, の + a document noun (now also 通達/通知/見積書…, or 「…から抜粋：」), the document's words quoted after it
    ("confidential", "これは「部外秘」の回覧の一部です：「9月末で浜松の検品ラインを止め、豊橋センターへ人員11名を移す」。朝礼用に話す順に並べて。"),
    ("confidential", "『社外秘』の見積書から抜粋：「保守費用は年額2,340万円、3年契約なら8%値引き可」。先方に出す前の社内確認メールを書いて。"),
    ("confidential", "以下は「関係者外秘」の通知の一部です：「来年度から在宅勤務手当を月4,000円に改め、通勤手当は実費精算とする」。Q&A形式にして。"),
    # ...its quoted words holding a topic word (規程, 運用): still the paste
    ("confidential", "以下は「社外秘」の通達です：「12月1日から出張規程を改定し、宿泊上限を1泊9,500円に下げる」。要点を箇条書きで。"),
    # a stamp named on the document at hand, its content told in the writer's words with a figure
    ("confidential", "「部外秘」の判子が押してある資料なんですが、再来年の2月に長岡営業所を閉じて新潟本社に統合する、と書いてあります。お客様向けでなく社員向けの説明文を作って。"),
    ("confidential", "「社外秘」ってハンコが付いてる企画書なんだけど、秋の新商品は税込1,980円で10月7日発売の予定とのこと。販売店向けじゃなく社内の営業向けに要約して。"),
    ("confidential", "「取扱注意」のスタンプ入りの報告書なんですが、来期の採用枠を前年より14名減らす方針だそうです。人事部長向けの論点メモにして。"),
    ("confidential", "【関係者外秘】のラベルが貼ってある計画書で、2027年3月に苫小牧の冷凍倉庫を閉める計画と書かれています。現場説明の台本にして。"),
    # English: a mark quoted after "marked"/"stamped", the document's words quoted after it
    ("confidential", ("Below is a bit of a notice marked \"Internal Only\": \"The Wrexham depot switches to night picking from 9 February; "
                     "drivers will be told on the 2nd.\" Rewrite it as a short FAQ.")),
    ("confidential", ("The slide is stamped 'Confidential - Leadership': 'Price rise of 6.5% on all contract customers from 1 July.' "
                     "Turn this into speaker notes.")),
    # English: a stamp or label on the document at hand, its content told after "says"
    ("confidential", ("I've got a report with a \"Not for circulation\" watermark across every page, and it says the Falkirk "
                     "office will shut in April 2027. Draft a note to my direct reports.")),
    ("confidential", ("Our finance memo is labelled \"Restricted\" and it says capex is being cut by 18% next year. Help me write "
                     "three talking points for the team meeting.")),
]

HARD_NEGATIVES = [
    # the marks compared, defined, or asked about
    "「関係者外秘」と「取扱注意」はどう使い分けるのが一般的？",
    "以下は「部外秘」の意味です：「部署の外に出してはいけない情報のこと」。もっとやさしく言い換えて。",
    # a stamped document in a hypothetical, or a question about keeping or shredding it (no content told)
    "「部外秘」の判子が押してある資料を取引先に誤送信してしまった場合、まず何をすべき？",
    "「社外秘」のスタンプが押してある資料なんですが、3年経ったらシュレッダーにかけても大丈夫ですか？",
    "「取扱注意」のスタンプ入りの文書なんですが、保管期間は何年が目安ですか？",
    # a marked document's template
    "「社外秘」の通達のひな形を作って。件名：＿＿＿ 発信日：＿＿＿ 本文：＿＿＿",
    # news of someone else's leak
    ("A leaked memo stamped \"Confidential\": \"We will close 9 branches in 2026\" was quoted by a tabloid. What defamation "
    "risks does the paper face?"),
    "B社で「社外秘」の見積書が流出したという記事について、再発防止策を3つ考えて。",
    # a policy asking whether and how to mark
    "Should all board minutes be marked \"Internal Only\"? Give 3 pros and cons for our 2026 records policy.",
    "What does a \"Not for circulation\" label on a report mean, and who may read it?",
]
