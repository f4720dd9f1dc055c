"""The learned second opinion's person gate (subject.about_someone) on a batch or QC record (session 24, fixer s24d; held-out BB's
bb-145): its field labels (「製品名：」「工程：」「硬度：」, "Batch:", "Hardness:") and its blank signature lines (「作業者：（署名）」) are
not speakers, so a tablet's 錠 or mg there is the product's, not anyone's medicine. A named operator's own medicine stays someone's."""

from __future__ import annotations

from kakehashi.routing.privacy.subject import about_someone


def test_batch_record_fields_are_no_one() -> None:
    ja = ("充填記録の抜粋を確認してください。\n製品名：NV-110錠 50mg　ロット番号：25A114\n製造日：2025年1月20日\n工程：コーティング\n"
          "質量：規格 150.0 mg ±5%　実測 149.2 mg\n硬度：規格 40〜80 N　実測 55 N\n作業者：（署名）　確認者：（署名）\n逸脱：なし")
    en = ("Check this batch record extract:\nProduct: ZX-20 tablets 20 mg\nBatch: 25B007\nHardness: 62 N (spec 40-80)\n"
          "Weight: 201.4 mg\nOperator: ____\nDeviation: none")
    assert not about_someone(ja)
    assert not about_someone(en)


def test_named_operator_medicine_is_someone() -> None:
    assert about_someone("作業者：山田 一郎\n備考：頭痛のため作業前に鎮痛薬を2錠服用、午後は早退した。")
