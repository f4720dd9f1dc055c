"""The learned second opinion's person gate reads a cast the writer declares invented as nobody (held-out AW's aw-097,
benchmarks/routing/s21-awf-classes.md); a cast drawn from real people still counts. Cases written afresh."""

from kakehashi.routing.privacy.subject import about_someone


def test_declared_fictional_cast_is_nobody() -> None:
    text = ("新作アニメのキャラ設定を整理して。登場人物は全員架空です。\n"
            "・森下 遥（28）看護師。同性の恋人と暮らしている\n・森下 陸（31）遥の兄。うつ病で休職中")
    assert not about_someone(text)


def test_cast_based_on_real_people_still_counts() -> None:
    text = ("新作ドラマのキャラ設定を整理して。実在の同僚がモデルです。\n"
            "・森下 遥（28）看護師。同性の恋人と暮らしている\n・森下 陸（31）遥の兄。うつ病で休職中")
    assert about_someone(text)
