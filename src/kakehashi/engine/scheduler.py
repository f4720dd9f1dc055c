"""Continuous-batching scheduler: pure Python, no llama.cpp, testable in microseconds.

Each step, every running sequence that has finished its prompt contributes ONE decode token,
and what is left of the step's token budget goes to prompt prefill, in arrival order, in chunks.
So a long prompt never stalls the others' decoding, and a new request joins at the next step.
Slots (llama.cpp sequence ids, each with its own KV stream) are handed out on admission and
returned the moment a sequence finishes or is aborted.
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
    n_prefilled: int = 0  # prompt tokens already in the KV cache
    generated: list[int] = field(default_factory=list)
    payload: Any = None  # engine-side state (sampler, text assembler, ...); opaque here

    @property
    def prefilling(self) -> bool:
        return self.n_prefilled < len(self.prompt)

    @property
    def n_past(self) -> int:
        """Tokens already in the KV cache for this sequence."""
        if self.prefilling:
            return self.n_prefilled
        return len(self.prompt) + len(self.generated) - 1


@dataclass(slots=True)
class StepPlan:
    decode: list[Sequence]  # one token each: their last sampled token
    prefill: list[tuple[Sequence, int]]  # (sequence, number of prompt tokens to feed this step)

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
        self._free_slots: deque[int] = deque(range(n_slots))
        self.waiting: deque[Sequence] = deque()
        self.running: list[Sequence] = []

    def add(self, seq: Sequence) -> None:
        self.waiting.append(seq)

    def abort(self, request_id: int) -> Sequence | None:
        """Remove a sequence wherever it is; returns it (slot already released) or None."""
        for seq in self.waiting:
            if seq.request_id == request_id:
                self.waiting.remove(seq)
                return seq
        for seq in self.running:
            if seq.request_id == request_id:
                self.finish(seq)
                return seq
        return None

    def finish(self, seq: Sequence) -> None:
        self.running.remove(seq)
        self._free_slots.append(seq.slot)

    def schedule(self) -> StepPlan:
        admitted: list[Sequence] = []
        while self.waiting and self._free_slots:
            seq = self.waiting.popleft()
            seq.slot = self._free_slots.popleft()
            self.running.append(seq)
            admitted.append(seq)
        decode = [s for s in self.running if not s.prefilling]
        budget = self.token_budget - len(decode)
        prefill: list[tuple[Sequence, int]] = []
        for seq in self.running:  # arrival order: the oldest prompt finishes first (best TTFT on average)
            if budget <= 0:
                break
            if seq.prefilling:
                n = min(budget, len(seq.prompt) - seq.n_prefilled)
                prefill.append((seq, n))
                budget -= n
        return StepPlan(decode=decode, prefill=prefill)
