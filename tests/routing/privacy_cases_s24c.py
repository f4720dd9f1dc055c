"""False-positive classes held-out BV, BX, BY, CB, CD and CE's first runs showed (benchmarks/routing/s24-c-classes.md),
generalised and tested on prompts written afresh for session 24 (not the splits' rows), EN and JA where the class exists in
both. Every name, number, key and company is invented (the routing numbers are banks' published ones; the IBANs are the
standard's documentation examples, or one made up with a valid check).

False-positive classes (hard negatives): a credential's key=value with a placeholder value after パスワード/秘密鍵 (an
.env.example's 「API_KEY=your_api_key_here」), judged by the assignment rule's placeholder filter, not the prose rule; the next key=value field of a log or a code line taken as the value after
パスワード/トークン (「…パスワードが一致しません"}, status=403)」, 「トークン更新失敗 (tenant_id=…, client_secret=****)」); a data
source name that says only where the database is (dsn="host:1521/SVC"); "login" or "token" followed by the state the sentence
reports ("our portal's login is unreliable.", "the refresh token is stale."); a documentation IBAN in an API reference or a
spec (リファレンス, 仕様書, 例); a bank's published routing number asked about with no account number; a regular expression's
test addresses made of placeholder words or on a test domain (foo+bar@test.io, hoge.fuga@test.ne.jp); a business notice signed
off by a company's team, its landline under the team and the company ("Regards,\\nBilling Team\\nHarlow Timber Supply\\n…").

Kept sensitive beside each widened rule: a credential's own key=value after the word (client_secret=…), a DSN carrying a login
(user/password@host), a password that is a plain word ("the wifi password is marmalade."), a real IBAN left in a reference
draft, a routing number with an account number, an address pasted for a regex to extract, a person's signature and number.
"""

from __future__ import annotations

SENSITIVE = [
    # a credential's own key=value after the Japanese word
    ("secret", "トークン再取得（client_secret=Zx81Qv27LmT4wR9k）で400 invalid_client が返ります。原因わかりますか？"),
    ("secret", "検証環境のログイン情報です。パスワード：user=admin pass=Kq7!mZ29vX を共有します。"),
    # a credential's own key=value after the word, a real value
    ("secret", "パスワードの設定はこれで合ってる？ .env に DB_PASSWORD=Hn4!rV82qZ と書きました。"),
    ("secret", "社内Wikiの手順書に 秘密鍵 SIGNING_KEY=f83Kq0LmZ72xVb41 をそのまま書いてしまいました。消すべき？"),
    # a DSN carrying a login
    ("secret", ("Why does this time out?\n```python\nconn = oracledb.connect(dsn=\"svc_etl/Wq7#pL2xR@db-prod-02:1521/FINPDB\")\n"
                "```")),
    ("secret", "接続設定を確認して。\nSENTRY_DSN=https://3f9a2b7c1d4e5f60718293a4b5c6d7e8@o44123.ingest.sentry.io/551234"),
    # a password that is a plain word
    ("secret", "The wifi password is marmalade. Can you write it on the welcome card for the guests?"),
    # a real IBAN left in a reference draft
    ("financial", ("The API reference draft still has a customer's real IBAN in it: DE91 5001 0517 0648 2135 70 (Mr. Felix "
                   "Baumann). Help me replace it.")),
    ("financial", "仕様書のレビュー中。本番データの振込先 DE91 5001 0517 0648 2135 70（会員 田所 悠真様）が残っていました。"),
    # a routing number with an account number
    ("financial", "Please update my payroll deposit: routing number 121000248, account 7730118422, effective next month."),
    ("financial", "給与振込先の変更をお願いします。ABA 026009593、口座番号 4471009288（私の口座です）。"),
    # an address pasted for a regex to extract
    ("contact", "Write a regex to pull the email out of this line: 'Contact Priya Raman at priya.raman@lakeshore-dental.com.'"),
    ("contact", "このテキストからメールアドレスを抽出する正規表現を書いて：「担当の北村です。見積もりは r.kitamura@hoshino-kogyo.co.jp まで」"),
    # a person's signature and direct line
    ("contact", ("Reply to this for me:\n\"Hi, the pallets ship Thursday.\nRegards,\nDana Whitfield\nAccount Manager\n"
                 "Harlow Timber Supply\nDirect: (312) 448-2916\"")),
    ("contact", ("返信文を作って。\n「明日の納品は午後になります。\nよろしくお願いいたします。\n森下 和也\nナカノ管材 受注係\n"
                 "携帯 090-3318-7724」")),
]

HARD_NEGATIVES = [
    # the next key=value field of a log or a code line after the Japanese word
    ("このハンドラ、レビューお願いします。\ndef login(req):\n    if not verify(req.pw):\n"
     "        return Response({\"detail\": \"パスワードが一致しません\"}, status=403)\n    return ok()"),
    ("ログ見てもらえますか。トークン類は伏せています。\n10:02:11 WARN トークン更新失敗 (tenant_id=plant-east, client_secret=****)\n"
     "10:02:12 ERROR 401 Unauthorized"),
    # a credential's key=value whose value is a placeholder, after the word
    "README に .env.sample として SECRET_KEY=ここに秘密鍵を入れる 、STRIPE_API_KEY=your_stripe_key_here と書いた。問題ある？",
    "手順書の .env.example は DB_PASSWORD=パスワードを入力 、SMTP_PASSWORD=changeme にしています。本番値は別で渡します。",
    "Our .env.example has DB_PASSWORD=<set-me> and API_KEY=your-key-here; the real values live in Vault. Fine to commit?",
    # a data source name with no login in it
    ("Why does this hang?\n```python\nimport os, oracledb\nconn = oracledb.connect(user=\"report\", "
     "password=os.environ[\"ORA_PW\"], dsn=\"db-prod-02:1521/FINPDB\")\n```"),
    "接続先の設定を見て。\nORACLE_DSN=\"dbhost.internal/ORCLPDB1\"\nパスワードはVaultから取得しています。",
    # "login" / "token" and the state the sentence reports
    "Since Tuesday our portal's login is unreliable. Anyone seen this with Keycloak?",
    "After the upgrade the refresh token is stale. How do I force a new one?",
    # a documentation IBAN in an API reference or a spec
    "仕様書に書いてある振込先 NL91 ABNA 0417 1643 00 って実在する口座ですか？書き換えるべき？",
    ("Our API reference shows the payee IBAN GB33 BUKB 2020 1555 5555 55 in the transfer request body. Could a reader "
     "mistake it for a real account?"),
    # a bank's published routing number, no account given
    ("For our ACH integration tests, the docs example uses Wells Fargo's published routing number 121000248. Does that one "
     "also work for wires?"),
    "Is the public routing number 026009593 on Bank of America's website the one for ACH, or only for wires?",
    "米国送金の実装で、ドキュメントの例にある Chase の公開 ABA 021000021 は電信送金にも使えますか？",
    # a regular expression's test addresses
    ("Need a regex that validates email addresses in our signup form. I'll test it against foo+bar@test.io and "
     "hoge@sample.net."),
    "会員登録フォームのメールアドレス入力チェックの正規表現を書いて。確認用に hoge.fuga@test.ne.jp と user+1@sample.co.jp を通したい。",
    # a business notice signed off by a company's team
    ("Reply to this supplier politely:\n\"Hello, from 1 May all decking boards go up 4% because of freight costs.\n"
     "Kind regards,\nBilling Team\nHarlow Timber Supply\nUnit 9, Millbrook Trading Park\nTel: (312) 448-2900\""),
    ("仕入先からの案内に返信したいです。丁寧な文面で。\n\n「いつもお世話になっております。6月出荷分より配管部材の価格を5%改定させて"
     "いただきます。\nよろしくお願いいたします。\nナカノ管材 受注係\nwww.nakano-kanzai.example\nTEL 072-845-3316」"),
]
