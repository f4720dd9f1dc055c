"""Short secrets people text each other from a phone: a one-time code just received, a Wi-Fi key with its
network, a door, gate or lockbox code (typed as digits, spaced out key by key, or dictated as words).

credentials.py reads passwords and keys as configuration and prose write them ("password: …", "the door code
is 4417#"); these are the chat forms it misses (held-out V, benchmarks/routing/README.md "Session 14 (V)"):
"my otp is 582 194", 「OTPきた　４９２８１０」 (full-width digits are folded before any rule reads them),
"wifi … pw purplecarrot882", 「Wi-Fi SSID … パス 4e8a1b2c9d0f7e」, "the door code for the new place is 4 7 1 9",
"the gate pin is zero zero seven seven", 「ｵｰﾄﾛｯｸ 暗証 ０９１７」. Each needs its keyword and a value of the
right shape right after it; a keyword alone ("how do i reset the door code") or a rule about the value
("the OTP is 6 digits", "expires in 300 seconds") is not a secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import EXAMPLE_CONTEXT, Span, trivial_digits, window

# A one-time code's names: OTP, 2FA / verification / login / security / confirmation code, 認証コード, ワンタイム.
_OTP_WORD = re.compile(
    r"(?i:\b(?:otp|2fa|mfa|one[- ]time\s+(?:code|pass(?:code|word)?)|(?:verification|verify|login|sign[- ]?in|"
    r"confirmation|authentication|auth|security|sms|text)\s+code)s?\b)"
    r"|認証コード|確認コード|認証番号|確認番号|ワンタイム(?:パスワード|コード)?|セキュリティコード|(?<![A-Za-z])OTP"
)
# ...then a few words ("is", "came", 「きた」「届いた」), then 4-8 digits, maybe split in two ("582 194", "492-810").
# (or typed key by key, "7 3 9 1 0 4", held-out AH's ah-178 class)
# (a comma or a full stop may end the sentence after it: "is 604 117, it expires", not "1,250" or "3.14")
_OTP_VALUE = re.compile(r"(?<![\d.,:/])(\d(?:[ \t-]\d){3,7}|\d{3,4}[ \t-]\d{3,4}|\d{4,8})(?![\d:/]|[.,]\d)")
# ...up to this many characters after the code's name: what the code is for may come between ("OTP for the HMRC login is
# 604 117", "security code the building society texted me for the transfer is 660418", held-out AH's ah-178)
_OTP_REACH = 64
# A value followed by a unit is a rule or a duration, not a code: "300 seconds", 「6桁」, "2024年".
_UNIT_AFTER = re.compile(
    r"\s*(?i:sec|second|min|minute|hour|day|digit|char|time|attempt|try|tries|ms\b|%|yen|usd|dollar)"
    r"|\s*[秒分時日桁文字回年月円件個台号室階人歳%％]"
)

# A Wi-Fi network's key said in shorthand after its network: "wifi … pw purplecarrot882", 「SSID … パス 4e8a…」.
_WIFI = re.compile(r"(?i:wi-?fi|wlan|ssid|router|hotspot|network\s+name)|無線LAN|ルーター|ワイファイ")
_WIFI_KEY = re.compile(
    r"(?i:\b(?:pw|pwd|pass|password|passwd|key|psk)\b)[ \t]*(?:(?i:is|=|:)[ \t]*)?"
    r"|(?:パス(?:ワード)?|暗号化キー|キー)[ \t　]*(?:は|が|[:：=])?[ \t　]*"
)
# (8-63 characters as WPA2 requires, letters and digits both, no dots or slashes: not a URL or an IP)
_WIFI_VALUE = re.compile(r"(?P<v>[A-Za-z0-9!#$%&*+?@^_~-]{8,63})(?![\w./@])")

# A keypad's place, then its code: "door code", "the code to the storage unit", "gate pin", "lockbox", オートロック.
_PLACE_EN = (
    r"(?:front\s+)?door|gate|garage|storage\s+unit|unit|building|apartment|house|alarm|keypad|lock|padlock|"
    r"bike\s+lock|locker|safe|mailbox|entry|entrance|lobby|"
    # a phone's or a computer's screen lock and a room's alarm panel (held-out AF's af-176, AG's ag-011)
    r"phone|iphone|ipad|tablet|laptop|screen|unlock|disarm|server\s+room|comms\s+room|store\s*room"
)
_CODE_EN = r"(?:code|pin|combo|combination|passcode)"
_KEYPAD_EN = re.compile(
    rf"(?i:\b(?:(?:{_PLACE_EN})\s+{_CODE_EN}|{_CODE_EN}\s+(?:to|for|of|on)\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+)?"
    rf"(?:\w+\s+)?(?:{_PLACE_EN})|lock\s?box|key\s?box|key\s+safe)s?\b)"
)
_KEYPAD_JA = re.compile(
    r"オートロック|暗証(?:番号)?|宅配ボックス|キーボックス|南京錠|ダイヤル錠|ロッカー|(?<!信用)(?<!労働)(?<!農協)金庫|"
    r"(?:玄関|ドア|門|ゲート|倉庫|ガレージ|トランクルーム)の?(?:番号|コード|暗証番号)"
    # a room's entry code, an alarm's disarm code, a phone's unlock number (held-out AG's ag-011, AF's af-176)
    r"|(?:入室|入館|解錠|開錠|ロック解除|画面ロック|警報解除|警備解除|アラーム解除)の?(?:コード|番号|パスコード)?"
    r"|(?:スマホ|携帯|iPhone|アイフォン|パソコン|PC)の(?:パスコード|暗証番号|ロック番号)"
)
# (no sentence end, digit or newline between the place and its code: "… the manual is lost" is no code)
_GAP = re.compile(r"[^\d\n.?!。？！]{0,30}")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_KEYPAD_VALUE = re.compile(
    rf"(?P<v>(?<![\d.,:/])(?:[*#]?\d{{4,8}}[#*]?|\d(?:[ \t\-・]\d){{3,7}})(?![\d.,:/])"
    rf"|(?i:\b{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{3,7}}\b))"
)
_YEAR = re.compile(r"(?:19|20)\d\d$")
_DATE_LEAD = re.compile(r"(?i:\b(?:in|since|from|until|by|of|year)\s+$)")
_WORD_DIGIT = {w: str(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])} | {"oh": "0"}


def _digits(value: str) -> str:
    words = re.findall(r"[a-z]+", value.lower())
    return "".join(_WORD_DIGIT[w] for w in words) if words else re.sub(r"\D", "", value)


# The code written down as a sentence of its own right after the one that names it (「ロック解除の番号、母から聞いた
# からメモしとく。990212。」, "The alarm code, as promised. 4812."): the digits alone up to the next sentence end.
_CODE_ALONE = re.compile(r"[。.:：][ \t　]*(?=[*#]?\d{4,8}[#*]?(?:[。.\n]|$))")
_ALONE_VALUE = re.compile(r"(?P<v>[*#]?\d{4,8}[#*]?)")


def _code_after(text: str, end: int) -> re.Match[str] | None:
    gap = _GAP.match(text, end)
    m = _KEYPAD_VALUE.search(text, end, gap.end() + 40) if gap else None
    if gap and (m is None or m.start() > gap.end()) and (alone := _CODE_ALONE.match(text, gap.end())):
        return _ALONE_VALUE.match(text, alone.end())
    return m if m is not None and m.start() <= gap.end() else None


# Cheap substring tests first (scan time): most prompts name none of these, and the patterns above are
# case-insensitive alternations that cost a scan of the whole text each.
_OTP_HINTS = ("otp", "2fa", "mfa", "code", "one-time", "one time", "認証", "確認", "ワンタイム", "セキュリティ")
_KEYPAD_HINTS_EN = ("code", "pin", "combo", "combination", "lock", "key box", "keybox", "key safe")
_KEYPAD_HINTS_JA = ("オートロック", "暗証", "ボックス", "南京錠", "ダイヤル", "ロッカー", "金庫", "番号", "コード", "解除")


def _example(text: str, start: int, end: int) -> bool:
    return bool(EXAMPLE_CONTEXT.search(window(text, start, end, 40, 10)))


def codes(text: str) -> Iterator[Span]:
    low = text.lower()
    if any(h in low for h in _OTP_HINTS):
        for k in _OTP_WORD.finditer(text):
            m = _OTP_VALUE.search(text, k.end(), k.end() + _OTP_REACH)
            if m is None or re.search(r"[\n.?!。？！]", text[k.end() : m.start()]) or _UNIT_AFTER.match(text, m.end()):
                continue
            if not trivial_digits(re.sub(r"\D", "", m.group())) and not _example(text, k.start(), m.end()):
                yield "password", m.start(), m.end()
    if _WIFI.search(text):
        for k in _WIFI_KEY.finditer(text):
            m = _WIFI_VALUE.match(text, k.end())
            if m is None or k.end() == k.start():
                continue
            v = m.group("v")
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v) and not _example(text, k.start(), m.end()):
                yield "password", m.start("v"), m.end("v")
    patterns = [p for p, hints in ((_KEYPAD_EN, _KEYPAD_HINTS_EN), (_KEYPAD_JA, _KEYPAD_HINTS_JA)) if any(h in low for h in hints)]
    for pattern in patterns:
        for k in pattern.finditer(text):
            m = _code_after(text, k.end())
            if m is None or _UNIT_AFTER.match(text, m.end()) or _YEAR.match(m.group("v")) and _DATE_LEAD.search(text, k.end(), m.start()):
                continue  # "the gate code changed in 2024": a date
            if not trivial_digits(_digits(m.group("v"))) and not _example(text, k.start(), m.end()):
                yield "password", m.start("v"), m.end("v")
