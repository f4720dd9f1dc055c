"""Classes of failure held-out AK's first run showed (benchmarks/routing/README.md, "Session 19: AK's classes"),
generalised and tested on prompts written afresh for session 19 (not AK's rows), EN and JA where the class exists in
both. Every name, number and address is invented. Short prompts first: users paste one-liners.

Misses (sensitive): a board's or a few people's news kept from the rest, said as who may read it ("Directors only.",
「取締役限り」「持出厳禁」), as who has not been told ("nobody's been told", "staff haven't been told",
「まだ社員には伝えていません」「役員しか知らない」「経理課長と私しか知りません」, "no one outside the steering group
knows") or as 「ここだけの話」; a union's subscription deducted or paid ("his Unison subs"); a wallet's recovery phrase named, then a clause,
then a colon and the words; a member of a religious order or someone under religious vows ("a Jesuit", "a Franciscan
friar", "a vow of poverty", 修道士, 修道女, 出家した).

False-positive classes (hard negatives): an organisation's own bank details printed for its customers' or donors'
payments (「当社へのお振込先」「当社の請求書の振込先」, "our donate page: give by bank transfer to …"); a company's own
address in its website footer; a dict in code that passes a constant read from the environment ("client_secret":
CLIENT_SECRET). The same words as a topic stay clean too (what "board only" means, a novice's vows in general).
Guards of the new exclusions against their nearest look-alikes are at the end of SENSITIVE (a person's own account for
a refund, a named person's home address in a footer-free letter, a literal secret in a dict).
"""

from __future__ import annotations

SENSITIVE = [
    # a board's or a few people's news kept from the rest
    ("confidential", "tidy this up: 'Directors only. We will miss the Q2 payroll unless the Lloyds overdraft is extended by Friday.'"),
    ("confidential", "Trustees only - the charity lost £310k on the Hexham property deal and the auditors don't know yet. Draft a holding statement."),
    ("confidential", "We are closing the Leeds depot in March and nobody's been told. Can you outline a redundancy consultation timeline?"),
    ("confidential", "Rewrite for clarity: the merger with Corvane is agreed in principle; staff haven't been told and won't be until the 3rd."),
    ("confidential", "取締役限り：第3四半期は営業赤字2,800万円、来月の賞与は見送りの方向。これを箇条書きにして。"),
    ("confidential", "【経営会議資料・持出厳禁】福岡工場を来年度末で閉鎖し、熊本へ集約する。要約して。"),
    ("confidential", "来年4月で名古屋営業所を閉めることになりました。まだ社員には伝えていません。説明会の進め方を考えて。"),
    ("confidential", "ここだけの話、うちの会社は来月メインバンクを変更します。取引先への案内文のたたき台を作って。"),
    ("confidential", "この件はまだ役員の2人しか知らない話ですが、第2工場を売却する方向です。社内向けの説明の順番を相談したい。"),
    ("confidential", "Please polish: 'We have agreed to sell the Harrogate branch to Pellow Partners. No one outside the steering group knows, so keep it off email.'"),
    ("confidential", "取引先の倒産で売掛金3,200万円が回収不能になりそうです。今は経理課長と私しか知りません。社長への報告の仕方を相談したい。"),
    # a union's subscription deducted or paid
    ("union_membership", "Karen Doyle wants her Unison subs taken out of her pay from April. Where is that set up in Xero payroll?"),
    # a wallet's recovery phrase named, then a clause, then a colon and the words
    ("secret", "this is the recovery phrase for my ledger wallet, is anything misspelt: copper lantern ocean river tiger pencil marble garden velvet eagle summit lemon"),
    ("secret", "my metamask seed phrase, just checking it's 12 words: apple window crane silver mountain rocket puzzle harbor violin candle meadow frost"),
    # a member of a religious order, someone under religious vows
    ("religion", "My uncle Declan Moore is a Franciscan friar and still gets rental income from a flat. Who pays the tax on it?"),
    ("religion", "Sister Agnes Kelly took a vow of poverty in 1988 - does her teacher's pension still count as her income?"),
    ("religion", "顧客の小野寺さんは修道女で、給与は全額修道会に納めています。確定申告は必要ですか？"),
    ("religion", "父の弟の村井宗一は20年前に出家して、今は寺に住んでいます。相続の手続きで気をつけることは？"),
    # guards: a person's own account, a literal secret in a dict
    ("financial", "Refund to my own account please: Megan Price, sort code 20-44-91, account 55102873. Can you word the email?"),
    ("financial", "返金は私個人の口座にお願いします：みずほ銀行 渋谷支店 普通 3381920 ヤマモト ユイ。文面を整えて。"),
    ("financial", "当社への振込先とは別に、私個人の口座に返金してください：りそな銀行 大宮支店 普通 4471028 カワシマ ケン。文面を考えて。"),
    ("secret", 'review please:\nbody = {"client_id": "app-4471", "client_secret": "q8Vn2LxT9pRw4KzE7mYc", "grant_type": "refresh_token"}'),
]

HARD_NEGATIVES = [
    # an organisation's own bank details for its customers' or donors' payments
    "For our donation page: 'Give by bank transfer to Riverside Hospice Trust, Unity Trust Bank, sort code 60-83-01, account 20417736, reference your surname.' Make it friendlier?",
    "Text for our invoices: please pay us by bank transfer to Oakfield Joinery, sort code 30-96-26, account 41873320. Does that read well?",
    "請求書の下に入れる文言です。「当社へのお振込先：三井住友銀行 梅田支店 普通 2846103 カ）ミナミサンギョウ」 敬語はこれで合っていますか？",
    "当店（有限会社さくら堂）のお振込先が変わります。新：三菱UFJ銀行 仙台支店 普通 1093376。お客様向けの案内文を作って。",
    # a company's own address in its website footer
    "Footer for our website: Larchwood Dental Care, 7 Mill Lane, Kendal LA9 4QT, info@larchwooddental.co.uk. Any layout tips?",
    "Our website footer currently says 'Brightmoor Tutors, 22 Station Road, Didcot OX11 7LZ'. Should we add opening hours?",
    # a dict in code passing a constant read from the environment
    'APP_SECRET = os.environ["SHOP_APP_SECRET"]\nAPI_PASSWORD = os.environ["SHOP_API_PASSWORD"]\npayload = {\n    "app_secret": APP_SECRET,\n    "password": API_PASSWORD,\n}\nIs this safe?',
    # the same words as a topic
    "What does 'board only' mean on a company document, and who else may read it?",
    "修道士や修道女になるときの誓願にはどんな種類がありますか？一般論で教えてください。",
    "How does a recovery phrase work in general, and why are there 12 or 24 words?",
]
