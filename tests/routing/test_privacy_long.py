"""Long prompts (over learned.MAX_TEXT characters) and the learned second opinion (session 15, held-out X).

The model reads a long prompt by windows (`learned.windows`): its rules' flag of soft kinds only is cleared when
every window scores below the clearing threshold; the model never adds a catch to a long prompt. Written afresh
for session 15 (not X's rows), EN and JA: long pastes where a health topic (a wellbeing week, a seminar) sits near
people's names with nothing private said about anyone (cleared), and their twins with one
private detail buried (kept). Every name is invented.
"""

from __future__ import annotations

import pytest

from kakehashi.routing import privacy
from kakehashi.routing.privacy import learned

_EN_NEWSLETTER = (
    "Please tighten this staff newsletter item; keep the headings and the comments.\n\n"
    "WELLBEING WEEK — WHAT'S ON\n\n"
    "Monday: the canteen is running a healthy-eating stall with free fruit all day. Tuesday: lunchtime walk around "
    "the reservoir, meet at reception at 12:15. Wednesday: a talk on sleep and shift work and what the company health "
    "plan covers, by a nurse from our provider; slides will be on the intranet afterwards.\n\n"
    "Thursday: the mental health first aiders will have a stand in the atrium, with leaflets on the employee "
    "assistance programme. Friday: desk stretches at 10:00 and 15:00, five minutes each, no kit needed.\n\n"
    "Comments\n"
    "Priya Desai: Will the sleep talk be recorded? I'm on nights that week.\n"
    "Tom Hughes: Yes, the recording goes up on Thursday.\n"
    "Amy Ross: Is there parking at the venue for the Wednesday talk?\n"
    "Tom Hughes: Yes, the visitor bays behind block C. Details at the talk.\n\n"
    "Ideas for next year's programme to the wellbeing group by the end of March, please.\n"
)
_JA_UNION = (
    "以下の社内SNSの投稿とコメントから、イベントの詳細だけを抜き出して表にしてください。\n\n"
    "【投稿】総務部 宮本\n"
    "来月の健康セミナーのお知らせです。今回のテーマは「睡眠と生活リズム」。健康保険組合の保健師さんをお招きして、"
    "交代勤務の人でもできる睡眠の工夫や、会社の健康相談窓口の使い方を紹介していただきます。\n"
    "日時：2月12日（木）12:10〜12:50\n"
    "場所：本社5階 大会議室／オンライン同時配信\n"
    "申込：社内ポータルの「イベント」から、2月5日まで\n"
    "当日はお弁当を用意します。アレルギーのある方は申込フォームの備考欄にご記入ください。\n\n"
    "【コメント】\n"
    "佐藤：オンラインの録画はありますか？\n"
    "宮本：はい、1週間アーカイブを公開します！\n"
    "田中：工場の夜勤明けでも参加できるように、夕方の回はありますか？\n"
    "宮本：今回は昼の回だけですが、録画をご覧ください。\n"
    "木村：会議室の定員は何人ですか？\n"
    "宮本：60人です。満席の場合はオンラインでお願いします。\n"
    "小林：去年のセミナーも分かりやすかったので楽しみです。\n"
    "宮本：ありがとうございます！今年は質問コーナーの時間を長めに取ります。\n"
    "山田：大阪支社からもオンラインで参加します。資料は事前にもらえますか？\n"
    "宮本：前日までにポータルに掲載します。印刷が必要な方は各自でお願いします。\n"
    "中村：会社の補助って、人間ドックの胃カメラや乳がん検診のオプションも対象ですか？\n"
    "宮本：35歳以上の方は全額補助です。詳しくは当日説明します。\n"
    "中村：お弁当の申込みは参加申込と一緒でいいですか？\n"
    "宮本：はい、同じフォームです。不要な方は「弁当不要」にチェックを入れてください。\n"
    "井上：会議室の場所が分からない人のために、案内図もポータルに載せてもらえると助かります。\n"
    "宮本：承知しました。エレベーターを降りて右手です。当日は受付を置きます。\n"
)
LONG_CLEAN = (_EN_NEWSLETTER, _JA_UNION)
LONG_SENSITIVE = (
    _EN_NEWSLETTER.replace(
        "Tom Hughes: Yes, the visitor bays behind block C. Details at the talk.",
        "Tom Hughes: Yes, the visitor bays behind block C. I had my bypass surgery in May after one of those checks, so go.",
    ),
    _JA_UNION.replace(
        "田中：工場の夜勤明けでも参加できるように、夕方の回はありますか？",
        "田中：睡眠時無呼吸症候群でCPAPを使っているのですが、夜勤明けでも参加できる夕方の回はありますか？",
    ),
)


def test_windows_cover_a_long_prompt_at_line_ends():
    # (and a line longer than a window: cut after a sentence end or a space, else anywhere)
    for text in (*LONG_CLEAN, "".join(f"{i:04d}" for i in range(400)), "".join(f"sentence {i}. " for i in range(150))):
        wins = learned.windows(text)
        assert len(wins) >= 2 and all(0 < len(w) <= learned.MAX_TEXT for w in wins)
        # every character is read: the windows, in order, overlap or touch
        pos = 0
        for w in wins:
            start = text.find(w, max(0, pos - learned.MAX_TEXT))
            assert 0 <= start <= pos
            pos = start + len(w)
        assert pos == len(text)
    # lines shorter than a window are never cut
    for text in LONG_CLEAN:
        assert all(w.endswith("\n") or text.endswith(w) for w in learned.windows(text))


def test_a_long_prompt_is_cleared_only_when_every_window_is_below_the_clearing_threshold():
    model = learned.load_model()
    for text in (*LONG_CLEAN, *LONG_SENSITIVE):
        wins = learned.windows(text)
        every_window_low = all(model.scores(w)["sensitive"] < model.clear_below for w in wins)
        assert model.clears(text) == every_window_low
        assert model.scores(text)["sensitive"] == 0.0  # the whole text is never scored as one


def test_long_soft_flags_are_cleared_when_every_window_is_harmless():
    """A seminar thread: a health check the company pays for, named colleagues asking about the venue."""
    text = LONG_CLEAN[1]
    assert len(learned.normalise(text)) > learned.MAX_TEXT
    found = privacy.scan(text)
    assert found and all(f.kind in privacy.SOFT_KINDS for f in found), privacy.labels(found)
    assert privacy.scan(text, learned=True) == [], privacy.labels(privacy.scan(text, learned=True))


def test_a_long_paste_the_model_is_unsure_of_keeps_its_flag():
    """The wellbeing newsletter with a bypass surgery buried: one window scores above the clearing threshold, so the
    rules' flag stays. (Its clean twin kept its flag too until the retraining on dev + A..AB, session 17, which
    clears it: every window of the clean newsletter now scores below the clearing threshold.)"""
    assert privacy.labels(privacy.scan(LONG_SENSITIVE[0], learned=True)) == ["health/health"]
    assert privacy.labels(privacy.scan(LONG_CLEAN[0])) == ["health/health"]
    assert privacy.scan(LONG_CLEAN[0], learned=True) == []


@pytest.mark.xfail(strict=True, reason="known limit of clearing, not of the windows: the model scores this line "
                   "low on its own too (as a short prompt, main's model clears it as well)")
def test_a_health_detail_in_a_long_thread_is_not_cleared():
    assert privacy.scan(LONG_SENSITIVE[1], learned=True)


def test_a_very_long_prompt_is_not_cleared_and_costs_little():
    text = LONG_CLEAN[1] * 40  # ~31,000 characters: more windows than MAX_WINDOWS
    assert len(learned.windows(text)) > learned.MAX_WINDOWS
    assert not learned.load_model().clears(text)


def test_the_model_adds_no_catch_to_a_long_prompt():
    """Catching long prompts by windows lost recall out of fold (the gated threshold had to rise for the long
    clean pastes' windows): the model only clears there."""
    text = LONG_SENSITIVE[0]
    model = learned.load_model()
    assert model.assess(text) is None
    assert privacy.learned_findings(text) == []
