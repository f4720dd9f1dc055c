"""Classes of false positive held-out BP and BQ (and the older BO, BM) showed on confidentiality marks (a marking word that is
not a stamp on the text at hand; benchmarks/routing/s23-r-classes.md), generalised and tested on prompts written afresh for
session 23 (not the rows), EN and JA where the class exists in both. Every company, site, figure and date is invented.

False-positive classes (hard negatives): a marking word naming a category of documents in a handling rule, a training outline or
an instruction (「部外秘の書類はシュレッダーへ」「社外秘の段ボールは前日までに出しといて」, "leave the CONFIDENTIAL boxes by the
lift"), or an audience limit laid down as a policy's rule for a kind of information (「名簿の写しは役員限りとし、…」); marking
words whose rendering is asked (translated, candidates compared: "Strictly Confidential / Internal Use Only?"); a marking word
inside a creative work's title (『社外秘ファイルは冷蔵庫の中』という小説, "the film TOP SECRET!"); a blank form's header
("CONFIDENTIAL WHEN COMPLETED", 【社外秘（記入後）】 over empty fields).

Sensitive (kept): the same words stamped on a document whose content is given — the document at hand (この…/本件は…), a
marked passage to translate, a title with the stamp's colon and content, a completed form, a stamp heading a memo.
"""

from __future__ import annotations

SENSITIVE = [
    # the document at hand, its content given (not a handling rule for a category)
    ("confidential", "この社外秘の資料は回収前に要約して：来期、掛川工場のライン3本を止めて人員27名を配置転換する。"),
    ("confidential", "本件は役員限りとします。来期の早期退職は55名を予定し、1月20日に社内発表します。"),
    ("confidential", "【部外秘】\n書類保管ルールの改定案：鶴見倉庫を2027年2月に閉鎖し、文書は川崎センターへ移管（費用1,260万円）。"),
    # a marked passage to translate (not the mark's rendering asked)
    ("confidential", "英訳して：極秘 来期の希望退職募集は140名規模、11月5日に社内発表。"),
    ("confidential", "Translate into Japanese: STRICTLY CONFIDENTIAL — we will close the Preston depot and cut 38 roles in May."),
    # a document's heading given as its title, the stamp's colon and content inside
    ("confidential", "『極秘計画：来年4月に富山工場閉鎖』という資料のタイトルを英語にして。"),
    # a stamp heading a memo, its content after
    ("confidential", "極秘指令：来月12日に大宮拠点を閉鎖、全員を浦和へ異動。"),
    ("confidential", "CONFIDENTIAL — board pack\nThe shredding contract renewal is off: 52 redundancies in Swindon from June."),
    # a completed form under the same header (the mark applies now)
    ("confidential", ("COUNSELLING REFERRAL — CONFIDENTIAL WHEN COMPLETED\nName: Imogen Tarrant\nReason for referral: "
                      "we are merging the Hull and Grimsby offices in August 2026\nReferred by: line manager")),
]

HARD_NEGATIVES = [
    # a marking word naming a category of documents in a handling rule or instruction
    "新人向けの情報管理の手引きです。読みやすくして。\n・部外秘の書類はシュレッダーへ\n・社外秘の資料は机の上に置きっぱなしにしない",
    "総務からの連絡をやさしい文面にして。\n・極秘の書類は退社時に必ず鍵付きキャビネットへ\n・コピー機に残った紙は回収箱へ",
    ("倉庫チャットを要約して。\n山口：溶解業者は3/14の朝に来ます。\n大野：社外秘の箱は前日の夕方までにまとめて出しておいてください。\n"
     "山口：了解です。"),
    "Rewrite our office rules for new volunteers:\n- CONFIDENTIAL papers go in the locked shred bin, never the recycling.\n- Collect your printouts straight away.",
    ("Summarise this chat:\nKen: shredding van comes Friday 9am, leave the CONFIDENTIAL boxes by the lift on Thursday.\n"
     "Ana: ok, I'll tape them up."),
    # an audience limit laid down as a policy's rule for a kind of information
    "町内会の名簿管理ルール（案）です。\n・名簿の写しは役員限りとし、会員外には配らない\n・古い名簿は年度末に回収する",
    "サークルの運営メモを整えて。\n・会費の滞納状況は幹事限りとし、全体チャットには書かない\n・退会届は紙で受け取る",
    # marking words whose rendering is asked (translated, candidates compared)
    "How would you translate 極秘 and 社外秘 into English? Strictly Confidential / Internal Use Only?",
    "「厳秘」は英語だと Strictly Confidential でいいですか？",
    "「部外秘」を英語の書類に書くなら Highly Confidential が自然？",
    # a marking word inside a creative work's title
    "『社外秘ファイルは冷蔵庫の中』という小説のあらすじを考えて。",
    "映画『極秘作戦は給食のあとで』の感想文を400字で書いて。",
    "Review the 1984 film TOP SECRET! for a retro movie blog.",
    "Suggest a tagline for our school musical CLASSIFIED: TOP SECRET PANCAKES.",
    # a blank form's header over empty fields
    ("Make this form friendlier, keep every field.\nPATIENT REGISTRATION — CONFIDENTIAL WHEN COMPLETED\nName: ____________\n"
     "Date of birth: __ / __ / ____\nGP surgery: ____________\nAllergies: ____________"),
    "面談シートの書式を整えて。\n【社外秘（記入後）】\n氏名：＿＿＿＿＿＿\n生年月日：＿＿年＿＿月＿＿日\n相談内容：＿＿＿＿＿＿",
]
