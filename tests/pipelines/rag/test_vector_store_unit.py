"""Pure parts of the vector-store API: attribute filters, cursor pages, and the catalog on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pydantic import ValidationError

from kakehashi.pipelines.rag.catalog import INTERRUPTED, Catalog
from kakehashi.pipelines.rag.filters import matches
from kakehashi.protocol.vector_stores import FileBatchCreate, SearchRequest, VectorStoreFileCreate, page

ATTRS = {"lang": "ja", "year": 2024, "draft": False}


@pytest.mark.parametrize(("flt", "expected"), [
    ({"type": "eq", "key": "lang", "value": "ja"}, True),
    ({"type": "ne", "key": "lang", "value": "ja"}, False),
    ({"type": "ne", "key": "missing", "value": "x"}, True),
    ({"type": "gte", "key": "year", "value": 2024}, True),
    ({"type": "lt", "key": "year", "value": 2024.5}, True),
    ({"type": "gt", "key": "lang", "value": 3}, False),  # a string is not ordered against a number
    ({"type": "in", "key": "lang", "value": ["en", "ja"]}, True),
    ({"type": "nin", "key": "lang", "value": ["en", "ja"]}, False),
    ({"type": "eq", "key": "draft", "value": False}, True),
    ({"type": "eq", "key": "year", "value": True}, False),  # booleans equal only booleans
    ({"type": "and", "filters": [{"type": "eq", "key": "lang", "value": "ja"},
                                 {"type": "gt", "key": "year", "value": 2030}]}, False),
    ({"type": "or", "filters": [{"type": "eq", "key": "lang", "value": "en"},
                                {"type": "and", "filters": [{"type": "lte", "key": "year", "value": 2024}]}]}, True),
])
def test_filters(flt: dict, expected: bool) -> None:
    parsed = SearchRequest(query="q", filters=flt).filters
    assert parsed is not None and matches(parsed.model_dump(), ATTRS) is expected


def test_requests_refuse_what_they_cannot_honour() -> None:
    with pytest.raises(ValidationError):
        SearchRequest(query="q", rewrite_query=True)
    with pytest.raises(ValidationError):
        SearchRequest(query=["ok", " "])
    with pytest.raises(ValidationError):
        SearchRequest(query="q", ranking_options={"ranker": "default-2024-11-15"})
    with pytest.raises(ValidationError, match="one query"):
        SearchRequest(query=["a", "b"], ranking_options={"ranker": "kakehashi-rerank"})
    assert SearchRequest(query="q", ranking_options={"ranker": "kakehashi-rerank"}).ranking_options is not None
    with pytest.raises(ValidationError):
        VectorStoreFileCreate(file_id="f", attributes={f"k{i}": i for i in range(17)})
    with pytest.raises(ValidationError):
        VectorStoreFileCreate(file_id="f", attributes={"k": "x" * 513})
    with pytest.raises(ValidationError):
        VectorStoreFileCreate(file_id="f", chunking_strategy={"type": "static"})


def test_cursor_pages() -> None:
    objs = [{"id": f"o{i}"} for i in range(5)]  # oldest first
    first = page(objs, limit=2, order="desc", after=None, before=None)
    assert [o["id"] for o in first["data"]] == ["o4", "o3"] and first["has_more"] and first["last_id"] == "o3"
    second = page(objs, limit=2, order="desc", after="o3", before=None)
    assert [o["id"] for o in second["data"]] == ["o2", "o1"] and second["has_more"]
    last = page(objs, limit=2, order="desc", after="o1", before=None)
    assert [o["id"] for o in last["data"]] == ["o0"] and not last["has_more"]
    back = page(objs, limit=2, order="asc", after=None, before="o3")
    assert [o["id"] for o in back["data"]] == ["o1", "o2"] and back["has_more"]


def test_catalog_marks_interrupted_indexing_failed(tmp_path: Path) -> None:
    cat = Catalog(tmp_path)
    f = cat.add_file("a.md", b"# a", "assistants")
    vs = cat.add_store("s", {}, None, None, "multilingual-e5-small")
    cat.attach(vs["id"], f["id"], {"lang": "en"})
    assert cat.store(vs["id"])["file_counts"]["in_progress"] == 1
    cat.close()
    again = Catalog(tmp_path)  # as after a restart: that indexing task is gone
    row = again.store_file(vs["id"], f["id"])
    assert row["status"] == "failed" and row["last_error"] == {"code": "server_error", "message": INTERRUPTED}
    assert again.delete_file(f["id"]) == [vs["id"]] and again.store_files(vs["id"]) == []
    assert not again.file_path(f["id"]).exists()
    again.close()


def test_batch_requests_take_file_ids_or_files() -> None:
    shared = FileBatchCreate(file_ids=["f1", "f2"], attributes={"lang": "ja"})
    assert shared.entries() == [("f1", {"lang": "ja"}), ("f2", {"lang": "ja"})]
    own = FileBatchCreate(files=[{"file_id": "f1", "attributes": {"n": 1}}, {"file_id": "f2"}])
    assert own.entries() == [("f1", {"n": 1}), ("f2", {})]
    for bad in ({}, {"file_ids": ["f"], "files": [{"file_id": "f"}]}, {"file_ids": []},
                {"files": [{"file_id": "f"}], "attributes": {"a": 1}}, {"file_ids": ["f"], "chunking_strategy": {
                    "type": "static"}}):
        with pytest.raises(ValidationError):
            FileBatchCreate(**bad)


def test_catalog_batches_count_their_files(tmp_path: Path) -> None:
    cat = Catalog(tmp_path)
    vs = cat.add_store("s", {}, None, None, "m")
    f1, f2, f3 = (cat.add_file(f"{i}.md", b"x", "assistants")["id"] for i in range(3))
    for f in (f1, f2, f3):
        cat.attach(vs["id"], f, {})
    batch = cat.add_batch(vs["id"], [f1, f2, f3])
    cat.finish(vs["id"], f1, usage_bytes=1)
    cat.finish(vs["id"], f2, error={"code": "invalid_file", "message": "bad"})
    assert cat.batch(vs["id"], batch)["file_counts"] == {
        "in_progress": 1, "completed": 1, "failed": 1, "cancelled": 0, "total": 3}
    cat.cancel_batch(vs["id"], batch)  # only the file still in progress is cancelled
    assert cat.store_file(vs["id"], f3)["status"] == "cancelled"
    assert cat.batch(vs["id"], batch)["cancelled"] == 1
    cat.detach(vs["id"], f1)  # a detached file counts as cancelled
    assert cat.batch(vs["id"], batch)["file_counts"]["cancelled"] == 2
    assert cat.batch("vs_other", batch) is None
    cat.delete_store(vs["id"])
    assert cat.batch(vs["id"], batch) is None and cat.batch_file_ids(batch) == []
    cat.close()


def test_catalog_scopes_by_owner_and_upgrades_old_files(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "catalog.sqlite3")  # a catalog from before owners
    old.execute("CREATE TABLE files (id TEXT PRIMARY KEY, filename TEXT NOT NULL, bytes INTEGER NOT NULL, "
                "purpose TEXT NOT NULL, created_at INTEGER NOT NULL, seq INTEGER NOT NULL)")
    old.execute("INSERT INTO files VALUES ('file-old', 'old.md', 1, 'assistants', 0, 1)")
    old.commit()
    old.close()
    cat = Catalog(tmp_path)
    assert cat.file("file-old")["owner"] is None
    a = cat.add_file("a.md", b"a", "assistants", owner="key-a")
    cat.add_file("b.md", b"b", "assistants", owner="key-b")
    assert [f["id"] for f in cat.files(owner="key-a")] == [a["id"]]
    assert len(cat.files()) == 3  # no owner given: a server without keys sees everything
    sa = cat.add_store("a", {}, None, None, "m", owner="key-a")
    cat.add_store("b", {}, None, None, "m", owner="key-b")
    assert [s["id"] for s in cat.stores(owner="key-a")] == [sa["id"]] and len(cat.stores()) == 2
    cat.close()
