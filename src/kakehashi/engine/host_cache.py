"""The prefix cache's second tier: KV states of prompts pushed out of their slot, kept in host RAM.

A slot's cells stay a cache after its sequence finishes (the first tier, see scheduler.py), but there
are only as many slots as sequences decoded together, so a burst of new requests overwrites them. Before
a slot's cells are overwritten the engine saves them here (llama.cpp serialises one sequence's cells:
~1 MB and ~1-3 ms for 50 tokens of SmolLM2-135M) and a later request whose prompt starts the same way
loads them back (~1 ms) instead of recomputing them (~5 ms per token on 2 CPU cores). llama-server keeps
the same kind of cache (`--cache-ram`); vLLM and SGLang offload KV blocks to CPU memory for the same reason.

Pure Python, no llama.cpp: entries carry an opaque blob that the engine fills when it applies the step's
cache operations. Lookups must not scan every entry (a 1 GiB budget holds thousands of prompts), so
entries are indexed by chained hashes of their prompt's 16-token blocks, as vLLM's block hashing does:
a lookup costs one dictionary probe per block of the new prompt, whatever the number of entries.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sized
from dataclasses import dataclass, field

BLOCK = 16  # tokens per hashed block; prompts shorter than one block are not cached here
MIN_SAVE_TOKENS = BLOCK


@dataclass(eq=False, slots=True)
class SavedPrompt:
    tokens: list[int]
    blob: Sized | None = None  # the engine's saved cells (opaque here); None until saved
    hashes: list[int] = field(default_factory=list)  # chained hash after each full block

    @property
    def nbytes(self) -> int:
        return len(self.blob) if self.blob is not None else 0


def block_hashes(tokens: list[int]) -> list[int]:
    """hash(block 1), hash(hash 1, block 2), ...: one value per full block, each naming the whole prefix."""
    out: list[int] = []
    h = 0
    for i in range(BLOCK, len(tokens) + 1, BLOCK):
        h = hash((h, *tokens[i - BLOCK : i]))
        out.append(h)
    return out


class HostPromptCache:
    """LRU map of prompts' KV states with a byte budget, found by longest shared prefix."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[int, SavedPrompt] = OrderedDict()  # id(entry) -> entry, least recent first
        self._by_hash: dict[int, dict[int, SavedPrompt]] = {}  # block-chain hash -> entries holding that prefix
        self._ends_at: dict[int, dict[int, SavedPrompt]] = {}  # hash of an entry's last full block -> entries
        self.nbytes = 0
        self.saves = 0
        self.restores = 0
        self.evictions = 0

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, prompt: list[int]) -> tuple[SavedPrompt | None, int]:
        """The entry sharing the longest prefix with `prompt` and that length (0 if under one block)."""
        best: SavedPrompt | None = None
        h = n = 0
        for i in range(BLOCK, len(prompt) + 1, BLOCK):
            h = hash((h, *prompt[i - BLOCK : i]))
            holders = self._by_hash.get(h)
            if not holders:
                break
            best, n = next(reversed(holders.values())), i  # the most recently added holder
        if best is None or best.tokens[:n] != prompt[:n]:  # none, or a hash collision
            return None, 0
        # The holder may share part of the next block too (its hashes cover full blocks only).
        limit = min(len(best.tokens), len(prompt))
        while n < limit and best.tokens[n] == prompt[n]:
            n += 1
        return best, n

    def touch(self, entry: SavedPrompt) -> None:
        if id(entry) in self._entries:
            self._entries.move_to_end(id(entry))

    def reserve(self, tokens: list[int]) -> SavedPrompt | None:
        """Register `tokens` to be saved (the engine fills the blob); None if not worth it or already held.
        Entries that `tokens` extends are dropped: the new one serves every lookup they served."""
        if len(tokens) < MIN_SAVE_TOKENS or self.budget_bytes <= 0:
            return None
        held, n = self.lookup(tokens)
        if held is not None and n == len(tokens):
            self.touch(held)
            return None
        entry = SavedPrompt(list(tokens), hashes=block_hashes(tokens))
        for h in entry.hashes:  # entries whose whole prompt `tokens` starts with end at one of its blocks
            for other in list(self._ends_at.get(h, {}).values()):
                if len(other.tokens) <= len(tokens) and tokens[: len(other.tokens)] == other.tokens:
                    self._remove(other)
        for h in entry.hashes:
            self._by_hash.setdefault(h, {})[id(entry)] = entry
        self._ends_at.setdefault(entry.hashes[-1], {})[id(entry)] = entry
        self._entries[id(entry)] = entry
        return entry

    def fill(self, entry: SavedPrompt, blob: Sized | None) -> None:
        """The engine saved the cells (or could not: blob None, the entry is dropped)."""
        if id(entry) not in self._entries:
            return
        if not blob:
            self._remove(entry)
            return
        entry.blob = blob
        self.nbytes += len(blob)
        self.saves += 1

    def trim(self) -> None:
        """Evict least recently used entries until within budget (after a step's operations are applied,
        so an entry saved and restored in the same step is never evicted between the two)."""
        while self.nbytes > self.budget_bytes and self._entries:
            _, oldest = next(iter(self._entries.items()))
            self._remove(oldest)
            self.evictions += 1

    def _remove(self, entry: SavedPrompt) -> None:
        if self._entries.pop(id(entry), None) is None:
            return
        self.nbytes -= entry.nbytes
        for index, hashes in ((self._by_hash, entry.hashes), (self._ends_at, entry.hashes[-1:])):
            for h in hashes:
                holders = index.get(h)
                if holders is not None:
                    holders.pop(id(entry), None)
                    if not holders:
                        del index[h]
