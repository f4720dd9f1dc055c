"""Pure parts of RAG: the FTS5 query for Japanese and English, and the store on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.rag.retrieve import fts_query
from kakehashi.pipelines.rag.store import RagStore, store_path


def test_fts_query_uses_trigrams_for_japanese_and_words_for_english() -> None:
    q = fts_query("確定申告の期限は？ What is the deadline?")
    terms = [t.strip('"') for t in q.split(" OR ")]
    assert terms[:3] == ["確定申", "定申告", "申告の"]
    assert "deadline" in terms
    assert "what" not in terms and "the" not in terms  # stopwords
    assert fts_query("a b") == ""  # nothing searchable
    assert fts_query('quote"mark') == '"quote" OR "mark"'  # FTS5 syntax never reaches MATCH


def test_store_replaces_and_deletes_documents(tmp_path: Path) -> None:
    store = RagStore.open(tmp_path / "s.sqlite3", model="m", dim=3)
    try:
        v = np.eye(3, dtype=np.float32)
        store.replace_document("/a.md", "h1", None, [(0, 0, 5, 1, "alpha text"), (1, 5, 9, 2, "富士山の高さ")], v[:2], 0.0)
        store.replace_document("/b.md", "h2", None, [(0, 0, 4, 1, "beta text")], v[2:], 0.0)
        assert store.documents() == {"/a.md": "h1", "/b.md": "h2"}
        hits = store.vector_search(np.array([1, 0.1, 0], dtype=np.float32), 3)
        assert hits[0][0] == store.keyword_search('"alpha"', 1)[0][0]
        assert store.keyword_search('"富士山"', 5)
        assert store.keyword_search(fts_query('NEAR(alpha* OR -x) ^"text" AND (富士山の高さ'), 5)
        store.replace_document("/a.md", "h3", None, [(0, 0, 5, 1, "gamma text")], v[1:2], 0.0)
        assert store.keyword_search('"alpha"', 5) == [] and store.keyword_search('"富士山"', 5) == []
        store.delete_document("/b.md")
        assert store.documents() == {"/a.md": "h3"}
        assert len(store.vector_search(np.ones(3, dtype=np.float32), 10)) == 1
        assert store.stats()["chunks"] == 1
    finally:
        store.close()
    with pytest.raises(InvalidRequest):
        RagStore.open(tmp_path / "s.sqlite3", model="another-model", dim=3)  # vectors would not compare
    with pytest.raises(InvalidRequest):
        RagStore.open(tmp_path / "missing.sqlite3")


def test_store_names_and_paths() -> None:
    assert store_path("work").name == "work.sqlite3"
    assert store_path("/tmp/x.sqlite3") == Path("/tmp/x.sqlite3")
    with pytest.raises(InvalidRequest):
        store_path("bad name!")
