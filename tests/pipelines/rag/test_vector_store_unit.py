"""Pure parts of the vector-store API: attribute filters, cursor pages, and the catalog on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kakehashi.pipelines.rag.catalog import INTERRUPTED, Catalog
from kakehashi.pipelines.rag.filters import matches
from kakehashi.protocol.vector_stores import SearchRequest, VectorStoreFileCreate, page

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
