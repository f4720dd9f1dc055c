"""Classes of failure held-out V's first run showed (benchmarks/routing/README.md, "Session 14 (V)"), generalised and
tested on prompts written afresh for session 14 (not V's rows), EN and JA, each with a clean twin. Every name,
number and address is invented. V is phone chat: typos, romaji, half-width kana, full-width digits, dictation.

Misses (sensitive): a one-time code just received ("my 2fa code is 771 305", 「認証コード届いた　３８１０４６」); a Wi-Fi key
in shorthand after its network ("wifi … pw sunnyhill551", 「SSID … パス 9f3c7a21b8」); a door, gate, storage or
lockbox code given after a few words, spaced key by key or dictated as words ("the code to the shed is two eight
four one", 「ｵｰﾄﾛｯｸ 暗証 ５８２０」); a US Medicare number (MBI); a bank account with the bank's name
before its number ("my acct is Wells Fargo 5521 …"); a relative's address where a parcel is going; a
list of people by nickname with their hourly pay or unpaid fees; a special-category fact about someone named by a
chat kin word with the particle dropped (「じいちゃん透析始まった」「元カノ」) or by where the writer knows them from
(「バイトの先輩、…」).

False-positive classes (hard negatives): the same keywords with no value or a rule about the value ("the OTP
expires after 300 seconds", "door code must be 4 digits", "wifi password needs 8 characters", a year after
"changed in"); a keyword's qualifier running past a question mark ("the gate code on a keypad? the manual is
lost"); a password given as an example (「例として」); an address format question; roles or products priced in a
list, not people; a list of roles (「職場の先輩、後輩、同期との…」); a character in a show ("in the show X is Y bi", 「アニメの○○の
キャラ」); a restaurant's booking line on a menu ("Tel réservations …", 「ご予約 03-…」).
"""

from __future__ import annotations

SENSITIVE = [
    # a one-time code just received
    ("secret", "my 2fa code is 771 305 but the app says invalid?? what am i doing wrong"),
    ("secret", "認証コード届いた　３８１０４６　これ入れていいやつ？"),
    ("secret", "verification code 640913 came from a number i dont know, is it a scam"),
    # a Wi-Fi key in shorthand after its network
    ("secret", "airbnb wifi is TP-Link_55 pw sunnyhill551 how do i connect my switch"),
    ("secret", "メモして　Wi-Fi SSID Buffalo-G-3A7C　パス 9f3c7a21b8e4　実家の2階"),
    # a door, gate, storage or lockbox code, spaced out, dictated, or after a few words
    ("secret", "dictated: the code to the shed is two eight four one and the alarm code is nine nine three six"),
    ("secret", "text from my landlord: front door code for the building is 3 9 0 2, keybox for the bike room 5813"),
    ("secret", "ｱﾊﾟｰﾄのｵｰﾄﾛｯｸ 暗証 ５８２０ 、宅配ボックス 7104 ってメモ作って"),
    # a US Medicare number
    ("national_id", "dad's medicare card says 3HN5-TR2-KM68, can i use it to book his flu shot online"),
    # a bank account with the bank's name before its number
    ("financial", "venmo is down so pay me direct: my acct is Wells Fargo 5521 0087 3341, routing on the app"),
    # ...not a safe: a 信用金庫 is a bank (its account stays an account)
    ("financial", "会費の振込先まとめて\n・城北信用金庫 普通 5820417（サークルの口座）"),
    # a relative's address where a parcel is going
    ("contact", "母の住所 〒８１２－００１１ 福岡県福岡市博多区博多駅前４－２－７ ｺｰﾎﾟ博多１０２ に荷物送りたい"),
    ("contact", "my sister's new address is 418 Maple Ridge Dr, Boise, ID 83709, whats the cheapest way to ship a box"),
    # a list of people by nickname with hourly pay or unpaid fees
    ("financial", "塾のバイト、みんなの時給まとめて\nさき 1300円\nゆうと 1250円\nはるか 1400円"),
    ("bulk_personal", "部費払ってない人に連絡したい\n・高橋みお 2ヶ月 6000円\n・森たける 1ヶ月 3000円\n・山田あおい 3ヶ月 9000円"),
    ("financial", "can u total the weekly payroll for my food truck\nCarlos Vega $540/wk\nEmily Stone $480/wk\nDanny Cho $505/wk"),
    # a special-category fact about someone named by a chat kin word or by where the writer knows them from
    ("health", "じいちゃん透析始まったらしい。週3で病院だって。お見舞いに何持っていけばいい？"),
    ("health", "バイトの先輩、パニック障害で通院してるって。シフト代わってあげるべき？"),
    ("criminal_record", "元カノの兄貴、詐欺で逮捕されて今保釈中らしい。家族に言うべき？"),
    # twins of the show and booking-line negatives: a real person beside a show, a private number at a restaurant
    ("sexual_orientation", "my cousin Leo told me he's bi, we were watching a tv show together. how do i react"),
    ("sexual_orientation", "弟のけんたがゲイだってカミングアウトした。アニメの話しかしない子なんだけど"),
    ("contact", "レストランで隣の席の人に番号もらった 090-3321-7765 って、登録名どうしよう"),
]

HARD_NEGATIVES = [
    "the OTP expires after 300 seconds, is that normal for a bank?",
    "my otp never arrives, the sms code is supposed to be 6 digits right?",
    "認証コードが届かない。SMSの設定どこ？",
    "wifi password has to be at least 8 characters, what should i pick for the router",
    "Wi-Fiのパスワードって何文字以上にすればいい？ルーターの説明書なくした",
    "the door code must be 4 digits, can i use letters on a yale keypad?",
    "how do i change the gate code on a liftmaster keypad? the manual is lost",
    "my building's gate code changed in 2024 and the landlord never told anyone",
    "オートロックの暗証番号って何桁が安全？",
    "パスワードの例として「Qwerty!23」を研修資料に載せていい？悪い例として",
    "how do i format a japanese address like 〒100-0001 東京都千代田区千代田1-1 on an envelope",
    "時給一覧を表にして\nホール 1150円\nキッチン 1200円\n深夜 1400円",
    "make a payroll sheet template with these roles\nManager $900/wk\nStylist $620/wk\nReceptionist $480/wk",
    "部費の内訳\nボール代 3000円\n合宿費 24000円\nユニフォーム 8000円",
    "職場の先輩、後輩、同期との付き合い方でうつにならないコツある？",
    "what does a medicare number look like? mine got lost in the move",
    "chase account number is usually 9 to 12 digits, is 12 normal",
    # a character in a show, a restaurant's booking line
    "in the show Young Royals is Wilhelm gay or bi? settle this for me",
    "アニメの呪術廻戦のキャラってゲイ設定あるの？友達と揉めてる",
    "translate this flyer: 'Trattoria Gina, pasta fresca, tel. reservations 02 8845 1120'",
    "メニューの写真を英訳して：「季節のランチ 1200円、ご予約 03-5521-8890」",
]
