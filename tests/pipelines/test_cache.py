from __future__ import annotations

import sqlite3
from pathlib import Path

from kakehashi.pipelines.cache import CACHE_FILE_NAME, ChunkCache, cache_key

RESULT = {
    "answers": [{"answerable": True, "answer": "333 m"}],
    "facts": [{"fact": "東京タワーは333メートル。"}],
}


def test_results_survive_closing_and_reopening_the_cache(tmp_path: Path) -> None:
    key = cache_key("model", [{"role": "user", "content": "chunk"}], {"type": "object"})
    first = ChunkCache(tmp_path)
    assert first.get(key) is None
    first.put(key, RESULT)
    first.close()

    second = ChunkCache(tmp_path)
    assert second.get(key) == RESULT
    assert (second.stats.hits, second.stats.misses, second.stats.writes) == (1, 0, 0)
    assert len(second) == 1
    second.close()
    # It is a plain SQLite file other tools can read.
    with sqlite3.connect(tmp_path / CACHE_FILE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM chunk_results").fetchone() == (1,)


def test_writing_the_same_key_again_replaces_the_result(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    cache.put("k", RESULT)
    cache.put("k", {"answers": [], "facts": []})
    assert cache.get("k") == {"answers": [], "facts": []}
    assert len(cache) == 1


def test_the_key_changes_with_every_part_and_not_with_dict_order() -> None:
    base = cache_key("chunk text", "template", "model-a", {"a": 1, "b": 2})
    assert cache_key("chunk text", "template", "model-a", {"b": 2, "a": 1}) == base
    assert cache_key("chunk text!", "template", "model-a", {"a": 1, "b": 2}) != base
    assert cache_key("chunk text", "template 2", "model-a", {"a": 1, "b": 2}) != base
    assert cache_key("chunk text", "template", "model-b", {"a": 1, "b": 2}) != base
    assert cache_key("chunk text", "template", "model-a", {"a": 1, "b": 3}) != base


def test_without_a_directory_the_cache_lives_in_memory() -> None:
    cache = ChunkCache(None)
    cache.put("k", RESULT)
    assert cache.path is None and cache.get("k") == RESULT
