"""The in-memory keyword index: its terms for Japanese and English, BM25 ranking, and its life in a store
on a real SQLite file (rebuilt when the file changes, also when another connection wrote it)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from kakehashi.pipelines.rag import store as store_module
from kakehashi.pipelines.rag.lexical import LexicalIndex, query_terms, tokens
from kakehashi.pipelines.rag.retrieve import retrieve
from kakehashi.pipelines.rag.store import RagStore


def test_japanese_runs_become_bigrams_and_english_words_are_stemmed() -> None:
    assert tokens("時刻を変更") == ["時刻", "刻を", "を変", "変更"]
    assert tokens("Ｔｉｍｅｓｔａｍｐｓ copied, COPYING") == ["timestamp", "copi", "copy"]  # NFKC, folded, stemmed
    assert tokens("ls の -l オプション") == ["の", "オプ", "プシ", "ショ", "ョン", "ls", "l"]  # a 1-character run is a term
    assert tokens("class") == ["class"]  # "ss" is not a plural


def test_query_terms_leave_out_stopwords_and_hiragana_only_bigrams() -> None:
    assert query_terms("ファイルの時刻を変更したい") == ["ファ", "ァイ", "イル", "ルの", "の時", "時刻", "刻を", "を変", "変更", "更し"]
    assert query_terms("how do I keep the timestamps") == ["keep", "timestamp"]
    assert query_terms("a の b") == []  # nothing searchable


def test_bm25_ranks_by_rare_shared_terms() -> None:
    index = LexicalIndex([(1, "ファイルの時刻を変更する"), (4, "ファイルを表示する"), (9, "ファイルを削除する"),
                          (12, "keep timestamps when copying")])
    hits = index.search(query_terms("ファイルの時刻を変えたい"), 10)
    assert hits[0][0] == 1 and {cid for cid, _, _ in hits} == {1, 4, 9}  # every passage with ファイル, 1 first
    assert hits[0][1] > hits[1][1] > 0
    assert index.search(query_terms("timestamp kept"), 10)[0][0] == 12
    assert index.search(["nothing"], 10) == []
    assert len(index.search(query_terms("ファイル"), 2)) == 2
    # BM25 of a term in one passage of four (FTS5's constants k1 = 1.2, b = 0.75)
    one = LexicalIndex([(1, "alpha"), (2, "beta"), (3, "gamma"), (4, "delta")]).search(["alpha"], 1)[0][1]
    assert one == pytest.approx(math.log((4 - 1 + 0.5) / (1 + 0.5)), rel=1e-5)


def test_each_hit_carries_the_share_of_terms_it_holds() -> None:
    index = LexicalIndex([(3, "時刻を変更する"), (5, "ファイルを表示する"), (8, "無関係")])
    hits = {cid: cover for cid, _, cover in index.search(query_terms("時刻を表示"), 10)}  # 時刻, 刻を, を表, 表示
    assert hits == {3: pytest.approx(2 / 4), 5: pytest.approx(2 / 4)}


class _Fixed:
    model = "m"

    async def embed(self, texts: list[str], input_type: str) -> np.ndarray:
        return np.tile(np.array([1.0, 0.0, 0.0], dtype=np.float32), (len(texts), 1))


async def test_the_store_rebuilds_its_index_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = RagStore.open(path, model="m", dim=3)
    try:
        v = np.eye(3, dtype=np.float32)
        store.replace_document("/a.md", "h1", None, [(0, 0, 5, 1, "alpha text"), (1, 5, 9, 2, "富士山の高さ")], v[:2], 0.0)
        assert store.cached_lexical() == (False, None)
        index = store.lexical()
        assert index is not None and len(index) == 2 and store.cached_lexical() == (True, index)
        assert store.lexical() is index
        hits = await retrieve(store, _Fixed(), "富士山は何メートル", mode="keyword")
        assert [h.chunk.text for h in hits] == ["富士山の高さ"]
        # another connection (another process indexing) changes the file: the next search sees it
        other = RagStore.open(path)
        other.replace_document("/b.md", "h2", None, [(0, 0, 4, 1, "高い山: 富士山")], v[2:], 0.0)
        other.close()
        assert store.cached_lexical() == (False, index)
        hits = await retrieve(store, _Fixed(), "富士山は何メートル", mode="keyword")
        assert {h.chunk.path for h in hits} == {"/a.md", "/b.md"}
        store.delete_document("/a.md")
        assert [h.chunk.path for h in await retrieve(store, _Fixed(), "富士山", mode="hybrid")] == ["/b.md"]
    finally:
        store.close()


async def test_a_store_too_big_for_memory_is_searched_in_fts5(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = RagStore.open(tmp_path / "s.sqlite3", model="m", dim=3)
    try:
        store.replace_document("/a.md", "h1", None, [(0, 0, 5, 1, "alpha text"), (1, 5, 9, 2, "富士山の高さ")],
                               np.eye(2, 3, dtype=np.float32), 0.0)
        monkeypatch.setattr(store_module, "MAX_LEXICAL_CHUNKS", 1)
        assert store.lexical() is None
        hits = await retrieve(store, _Fixed(), "富士山の高さは", mode="keyword")
        assert [h.chunk.text for h in hits] == ["富士山の高さ"]  # the trigram table's answer
        assert next(h.chunk.text for h in await retrieve(store, _Fixed(), "alpha", mode="hybrid")) == "alpha text"
    finally:
        store.close()


async def test_a_path_filter_keeps_other_files_keyword_hits_out_of_the_fusion(tmp_path: Path) -> None:
    store = RagStore.open(tmp_path / "s.sqlite3", model="m", dim=3)
    try:
        v = np.eye(3, dtype=np.float32)
        store.replace_document("/docs/a.md", "h1", None, [(0, 0, 5, 1, "富士山の高さは 3776 m")], v[:1], 0.0)
        store.replace_document("/notes/b.md", "h2", None, [(0, 0, 5, 1, "富士山の高さ、富士山の高さ")], v[1:2], 0.0)
        store.replace_document("/docs/c.md", "h3", None, [(0, 0, 5, 1, "unrelated")], v[2:], 0.0)
        hits = await retrieve(store, _Fixed(), "富士山の高さ", k=5, path_glob="/docs/*")
        assert [h.chunk.path for h in hits] == ["/docs/a.md", "/docs/c.md"]
        assert hits[0].keyword_rank == 1 and hits[1].keyword_rank is None
    finally:
        store.close()
