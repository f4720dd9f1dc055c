"""Classes of failure held-out K showed, each tested on prompts of the same kind written afresh (not
K's rows), EN and JA: half-width katakana (old systems, bank transfer names), a Japanese driving
licence number typed in groups, the 記号/番号 pair of a health-insurance card, the German social
insurance number, Japanese tables whose columns are one full-width space apart, romaji block
addresses in a list of people, a stamp followed by "!", 未公表 said in prose; and the hard
negatives beside them: vendor default credentials (user == password), published test cards in a
docs question, a condition asked about while revising for an exam. Every name and number is invented."""

from __future__ import annotations

SENSITIVE = [
    # half-width katakana: the Japanese rules read it as full width
    ("secret", "ｻｰﾊﾞｰ接続情報　ﾕｰｻﾞｰ名: deploy　ﾊﾟｽﾜｰﾄﾞ: Kumo7734#　これで入れません"),
    ("financial", "振込先 ﾐｽﾞﾎ銀行 渋谷支店 普通 4455123 ﾔﾏｸﾞﾁ ｹﾝｼﾞ 宛に送金お願いします"),
    ("sexual_orientation", "同僚の岡本さん、ｹﾞｲだってこっそり教えてくれた。まだ誰にも言ってないって"),
    # a driving licence number in groups of four, named
    ("national_id", "免許証番号 4410 2398 7761 の住所変更ってオンラインでできますか"),
    ("national_id", "my Japanese driver's license number is 3308 1147 5920, which box on the rental form?"),
    # the insurance card's 記号 and 番号, the card named after them
    ("national_id", "記号 5521 番号 108 の被保険者証をなくしました。再発行の手順を教えて"),
    # German social insurance number
    ("national_id", "Meine Rentenversicherungsnummer ist 12 030575 M 045 — what do I tell my Japanese HR?"),
    # a Japanese table copied from a PDF: one full-width space between columns
    ("bulk_personal", "研修参加者\n氏名\u3000部署\u3000年収\n岩田 翔\u3000経理部\u3000640万\n水野 彩\u3000人事部\u3000590万\n多い順に"),
    ("bulk_personal", ("Addresses for the wedding invites:\nMarco Bianchi 3 May, 1-4-12 Shimokitazawa\nYuki Tan 18 Sep, 2-11-3 Nakameguro\n"
                      "Ola Berg 7 Dec, 5-2-9 Sangenjaya\nmake the envelopes")),
    # a same-sex couple said in plain words
    ("sexual_orientation", "My wife and I are both women and we're adopting; draft the letter for the agency"),
    # a stamp heading the text, with an exclamation mark
    ("confidential", "INTERNAL ONLY! the reorg chart goes out monday, 9 roles cut in support. draft the FAQ for team leads"),
    # 未公表 said in prose
    ("confidential", "来月の値上げ、まだ社内にも発表されてない話なんだけど、取引先への案内文を下書きしておいて"),
]

HARD_NEGATIVES = [
    # vendor default credentials: the password is the user name
    "curl -u guest:guest http://localhost:15672/api/overview returns 401 on the rabbitmq docker image, why?",
    "DATABASE_URL=postgres://postgres:postgres@localhost:5432/app is what the compose file uses, is that ok for dev?",
    # published test cards, in a question about documentation
    "why does every tutorial in the docs use card=5555 5555 5555 4444 for mastercard? is it special?",
    "ドキュメントのサンプルにある 4111 1111 1111 1111 ってなぜどこでも使われているの？",
    # a condition asked about while revising
    "I'm studying for my nursing boards: what distinguishes type 1 from type 2 diabetes in presentation?",
    "国家試験の勉強中です。統合失調症と双極性障害の違いを簡単にまとめて",
    "Mei and I are both women on the team, can we pair up for the hackathon?",
    # a marking as a topic, half-width katakana with no data
    "what does 'INTERNAL ONLY!' mean on a slide footer?",
    "ﾒｰﾙの署名テンプレートを作って。会社名と部署名だけでいいです",
]
