"""The host-RAM prompt cache's bookkeeping (pure Python; the engine tests cover real KV cells)."""

from __future__ import annotations

from kakehashi.engine.host_cache import BLOCK, HostPromptCache


def saved(cache: HostPromptCache, tokens: list[int], nbytes: int = 100) -> None:
    entry = cache.reserve(tokens)
    assert entry is not None
    cache.fill(entry, b"x" * nbytes)


def test_lookup_finds_the_longest_shared_prefix_across_block_boundaries() -> None:
    cache = HostPromptCache(10_000)
    a = list(range(100))
    b = list(range(40)) + [999] * 30
    saved(cache, a)
    saved(cache, b)
    entry, n = cache.lookup(list(range(37)) + [5, 5])
    assert n == 37 and entry is not None  # both hold 0..36: either answers, 37 tokens
    entry, n = cache.lookup(list(range(90)) + [7])
    assert entry is not None and entry.tokens == a and n == 90
    entry, n = cache.lookup(list(range(40)) + [999] * 10)
    assert entry is not None and entry.tokens == b and n == 50


def test_prompts_shorter_than_a_block_or_diverging_in_the_first_block_miss() -> None:
    cache = HostPromptCache(10_000)
    assert cache.reserve(list(range(BLOCK - 1))) is None
    saved(cache, list(range(64)))
    assert cache.lookup([1] + list(range(1, 64))) == (None, 0)
    assert cache.lookup(list(range(BLOCK - 1))) == (None, 0)


def test_an_entry_extended_by_a_new_one_is_replaced_and_a_covered_one_is_not_saved_twice() -> None:
    cache = HostPromptCache(10_000)
    saved(cache, list(range(40)))
    saved(cache, list(range(80)))
    assert len(cache) == 1 and cache.nbytes == 100
    assert cache.reserve(list(range(60))) is None  # already held inside the 80-token entry
    assert len(cache) == 1


def test_least_recently_used_is_evicted_first_and_lookups_refresh() -> None:
    cache = HostPromptCache(250)
    first, second, third = ([k] * 32 for k in (1, 2, 3))
    saved(cache, first)
    saved(cache, second)
    entry, _ = cache.lookup(first)
    assert entry is not None
    cache.touch(entry)  # used: now the most recent
    saved(cache, third)
    cache.trim()
    assert cache.evictions == 1 and cache.nbytes == 200
    assert cache.lookup(second) == (None, 0)
    assert cache.lookup(first)[1] == 32 and cache.lookup(third)[1] == 32


def test_a_failed_save_drops_the_entry() -> None:
    cache = HostPromptCache(1000)
    entry = cache.reserve(list(range(32)))
    assert entry is not None
    cache.fill(entry, None)
    assert len(cache) == 0 and cache.lookup(list(range(32))) == (None, 0)
