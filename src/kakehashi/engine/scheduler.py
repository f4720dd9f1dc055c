"""Continuous-batching scheduler: pure Python, no llama.cpp, testable in microseconds.

Each step, every running sequence that has finished its prompt contributes ONE decode token,
and what is left of the step's token budget goes to prompt prefill, in arrival order, in chunks.
So a long prompt never stalls the others' decoding, and a new request joins at the next step.
Slots (llama.cpp sequence ids, each with its own KV stream) are handed out on admission and
returned the moment a sequence finishes or is aborted. A returned slot keeps its KV cells as a
prefix cache (as llama-server's slots do): a new request goes to the free slot whose cached tokens
share the longest prefix with its prompt, and only the rest of the prompt is prefilled.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False, slots=True)
class Sequence:
    request_id: int
    prompt: list[int]
    max_new_tokens: int
    slot: int = -1
    n_kv: int = 0  # tokens of prompt + generated already in the slot's KV cache (= next position)
    n_reused: int = 0  # prompt tokens found in the slot's prefix cache on admission
    generated: list[int] = field(default_factory=list)
    payload: Any = None  # engine-side state (sampler, text assembler, ...); opaque here
    # n > 1: the other choices of the same request. They are admitted with this sequence (the leader),
    # never prefill: once the leader's prompt is in its KV cells the engine copies them over.
    followers: list[Sequence] = field(default_factory=list)
    leader: Sequence | None = None

    @property
    def prefilling(self) -> bool:
        return self.n_kv < len(self.prompt)

    def kv_tokens(self) -> list[int]:
        """The tokens whose KV cells this sequence's slot holds, in position order."""
        if self.n_kv <= len(self.prompt):
            return self.prompt[: self.n_kv]
        return self.prompt + self.generated[: self.n_kv - len(self.prompt)]


def common_prefix(a: list[int], b: list[int]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


@dataclass(slots=True)
class StepPlan:
    decode: list[Sequence]  # one token each: their last sampled token
    prefill: list[tuple[Sequence, int]]  # (sequence, number of prompt tokens to feed this step)
    admitted: list[Sequence] = field(default_factory=list)  # got a slot this step (KV past n_kv to drop)

    @property
    def empty(self) -> bool:
        return not self.decode and not self.prefill

    @property
    def n_tokens(self) -> int:
        return len(self.decode) + sum(n for _, n in self.prefill)


class Scheduler:
    def __init__(self, n_slots: int, token_budget: int) -> None:
        if token_budget < n_slots:
            raise ValueError("token_budget must be >= n_slots so every running sequence can decode each step")
        self.token_budget = token_budget
        self._free_slots: list[int] = list(range(n_slots))  # least recently used first
        self._cached: list[list[int]] = [[] for _ in range(n_slots)]  # KV contents kept per slot
        self.waiting: deque[Sequence] = deque()
        self.running: list[Sequence] = []

    def add(self, seq: Sequence) -> None:
        self.waiting.append(seq)

    def abort(self, request_id: int) -> list[Sequence]:
        """Remove a sequence (and its followers) wherever they are; returns them (slots already released)."""
        for seq in self.waiting:
            if seq.request_id == request_id:
                self.waiting.remove(seq)
                return [seq, *seq.followers]
        gone: list[Sequence] = []
        for seq in list(self.running):
            if seq.request_id == request_id or (seq.leader is not None and seq.leader.request_id == request_id):
                self.finish(seq)
                gone.append(seq)
        return gone

    def finish(self, seq: Sequence) -> None:
        self.running.remove(seq)
        self._cached[seq.slot] = seq.kv_tokens()
        self._free_slots.append(seq.slot)

    def _take_slot(self, prompt: list[int]) -> tuple[int, int]:
        """The free slot sharing the longest cached prefix with `prompt` (LRU on ties) and that length.

        At least one prompt token is always left to compute: its logits start the generation.
        """
        best, best_len = self._free_slots[0], -1
        for slot in self._free_slots:
            n = common_prefix(self._cached[slot], prompt)
            if n > best_len:
                best, best_len = slot, n
        self._free_slots.remove(best)
        return best, min(best_len, len(prompt) - 1)

    def schedule(self) -> StepPlan:
        admitted: list[Sequence] = []
        while self.waiting and len(self._free_slots) > len(self.waiting[0].followers):
            seq = self.waiting.popleft()
            seq.slot, seq.n_reused = self._take_slot(seq.prompt)
            seq.n_kv = seq.n_reused
            self._cached[seq.slot] = []  # now owned by seq; recorded again when it finishes
            self.running.append(seq)
            admitted.append(seq)
            for follower in seq.followers:  # their KV cells are copied whole from the leader's
                follower.slot = self._free_slots.pop(0)
                follower.n_kv = follower.n_reused = 0
                self._cached[follower.slot] = []
                self.running.append(follower)
                admitted.append(follower)
        decode = [s for s in self.running if not s.prefilling]
        budget = self.token_budget - len(decode)
        prefill: list[tuple[Sequence, int]] = []
        for seq in self.running:  # arrival order: the oldest prompt finishes first (best TTFT on average)
            if budget <= 0:
                break
            if seq.prefilling and seq.leader is None:
                n = min(budget, len(seq.prompt) - seq.n_kv)
                prefill.append((seq, n))
                budget -= n
        return StepPlan(decode=decode, prefill=prefill, admitted=admitted)
