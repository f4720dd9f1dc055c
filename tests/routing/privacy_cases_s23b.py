"""Classes of failure held-out BV..CA's first runs showed (benchmarks/routing/s23-b-classes.md), generalised and tested on
prompts written afresh for session 23 (not the rows' text), EN and JA where the class exists in both. Every name, number,
key and case is invented.

Misses (sensitive): a password inside an Oracle JDBC URL (user/pass@host); a Twitch "oauth:" chat token; a named worker's
occupational-health surveillance result (a standard threshold shift, a blood-lead value; 「血中鉛」); end-of-life care and
opioids of a named resident (看取り期, モルヒネ, フェンタニル); a named person's crypto balances (BTC/ETH/USDT with the amount);
a colleague's debt named by surname + post (「鈴木係長」「小林班長」); an unallocated UK mobile (07700 outside 900xxx) given as
where to text or call a named person; a stamp on a document titled in 『』 then a quoted passage; items with figures drawn
from a 「MARK」扱いの list; "stamped 'MARK'. <request>: '<passage>'"; a case note's claimant introduced after the claim's line.

Hard negatives: a JDBC URL with ${DB_PASSWORD} or no login, Oracle's scott/tiger; a placeholder oauth:xxxx; blood-lead limits
and STS definitions in general; 看取り期のケア in general; a crypto price question; a rule for every 班長; Ofcom's 07700 900xxx
in a radio play, a helpline on an unallocated mobile; a marked document's handling question; a marking policy; a claims
handbook; "BI claims" (bodily injury).
"""

from __future__ import annotations

SENSITIVE = [
    # a password inside an Oracle JDBC URL
    ("secret", "Nightly ETL died with: Cannot connect to jdbc:oracle:thin:etl_svc/Hv7!qRm2#pz@10.4.8.19:1521/FINPRD — why?"),
    ("secret", "接続設定これで合ってる？ url=jdbc:oracle:thin:uriage_app/Yt5$kW9q!m@db-prd02:1521/URIAGE"),
    # a Twitch chat token
    ("secret", "my stream bot won't join chat. .env:\nTWITCH_TOKEN=oauth:4hq8x2lm7r0kz9v3ntc6py1wbg5sdf\nNICK=kestrelbot"),
    ("secret", "配信用のボットが落ちる。設定は PASS=oauth:p3m9xk2t7q1zv8r4nwb6yh0cj5lgda です。原因わかる？"),
    # occupational-health surveillance of a named worker
    ("health", "Hearing test results: Dana Whitlock, press line, 30 dB standard threshold shift in the right ear. Recordable?"),
    ("health", "Marta Kowalski's blood lead level came back at 38 ug/dL on the retest; do we remove her from the smelter?"),
    ("health", "鉛健康診断の結果、山本 健二さんの血中鉛 42 µg/dL でした。配置転換の説明文を作って。"),
    # end-of-life care and opioids of a named resident
    ("health", "佐藤 一郎さん、終末期に入り、フェンタニル貼付剤を開始しました。ご家族への連絡文をお願いします。"),
    ("health", "入居者の中川 とよさん（91）が看取り期に入り、在宅酸素とオキノームを使っています。申し送りを整えて。"),
    # a named person's crypto balances
    ("financial", "Customer Dana Whitlock (acct 44120) has 0.75 BTC and 9,800 USDC in her wallet; she wants to know why it's locked."),
    ("financial", "会員ID 5530182（小野寺 蓮様）のETH 22.4とUSDT 15,000の残りについて、返信文を作ってください。"),
    # a colleague's debt named by surname + post
    ("financial", "鈴木係長、カードローンで300万借金してるらしい。給与の前借りを頼まれたけどどうしよう。"),
    # an unallocated UK mobile given as where to reach a named person
    ("contact", "Could you text Mr Hollis at 07700 916 774 that the van will be late?"),
    ("contact", "Draft a message to Priya Fenwick (our tenant's daughter) at 07700 918 205 about Monday's boiler visit."),
    # a stamp on a titled document, then its passage quoted
    ("confidential", "社外秘スタンプ付きの『営業手当支給基準（2025年4月改定）』なんですが、「新規契約1件につき2万円、解約時は返金」という部分を要約して"),
    ("confidential", "「極秘」扱いの顧客リストから、上位5社の今期売上（A社 3.2億、B社 2.7億）をグラフにしたい"),
    ("confidential", "The memo is stamped 'Confidential - Board Only'. Please rewrite for managers: 'We will close the Hull depot in June and move 38 staff to Leeds.'"),
    # a case note's claimant introduced after the claim's line
    ("criminal_record", ("File opened 3 March. Claimant Priya Lanning (DOB 02/11/1984) says the van hit her. Records show "
                         "Lanning was convicted of shoplifting in 2016.")),
]

HARD_NEGATIVES = [
    "How do I pass the password from ${DB_PASSWORD} in jdbc:oracle:thin:scott/${DB_PASSWORD}@db:1521/ORCL with Spring?",
    "jdbc:oracle:thin:@db01:1521/ORCL と jdbc:oracle:thin:scott/tiger@db:1521/ORCL の書き方の違いは？",
    "Twitch docs say the IRC password looks like oauth:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx — where do I generate mine?",
    "What is the OSHA action level for blood lead? Is 40 ug/dL the medical removal threshold?",
    "How does OSHA define a standard threshold shift for recordability?",
    "看取り期のケアで大切なことを新人向けにまとめて",
    "Is 0.5 BTC a good buy at 60k? What about ETH 3000?",
    "BTC 1.5を日本円にするといくら？",
    "各班長は、部下の借金について100万以上なら報告すること",
    "In our radio play, Detective Hale says: call me at 07700 900 451.",
    "Text the helpline at 07700 914 362 for support.",
    "社外秘スタンプ付きの『就業規則』なんですが、これって社外に見せてもいいですか？",
    "「社外秘」扱いの資料から情報を抜き出すときの注意点を3つ教えて",
    "Our policy: anything stamped 'Internal Use Only' stays on the intranet. Can you tighten this wording: 'Staff should not forward internal docs.'",
    "Our claims handbook covers fraud. Claimant Services Team reviews each file; an applicant with a fraud conviction is referred.",
    "How should we set reserves for BI claims after a rear-end collision?",
]
