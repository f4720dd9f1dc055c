"""Continuous-batching scheduler: pure Python, no llama.cpp, testable in microseconds.

Each step, every running sequence that has finished its prompt contributes ONE decode token,
and what is left of the step's token budget goes to prompt prefill, in arrival order, in chunks.
So a long prompt never stalls the others' decoding, and a new request joins at the next step.
Slots (llama.cpp sequence ids, each with its own KV stream) are handed out on admission and
returned the moment a sequence finishes or is aborted.

Prompt prefixes are shared across requests ("shared" mode, the default). The KV cells of every slot
are a cache: a finished sequence's slot keeps them (least recently used slot reused first), and a
running sequence's prompt cells are valid from the moment they are computed. A new request takes
the longest prefix of its prompt found anywhere:
- in the free slot it is given (no copy: it simply continues after the cached prefix), or
- in another slot, running or free: that slot's stream is copied over its own (llama.cpp copies
  whole streams across sequence ids; a few milliseconds for a small model), or
- in the prompt of a sequence still prefilling it: the request holds its slot without computing
  until that prefix is in KV, then copies it. So 16 requests that arrive together with the same
  long system prompt compute it once, not 16 times.
"slot" mode reuses only what the request's own slot cached (llama-server's behaviour); "off" reuses
nothing. Running sequences are never evicted: only free slots' cells are overwritten.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

PrefixCache = Literal["shared", "slot", "off"]

# Copying a prefix moves a whole KV stream (ctx_size cells), which costs about as much as
# prefilling a few dozen tokens of a small model on CPU; below this many extra shared tokens the
# request prefills them instead. (SmolLM2-135M, 2048-cell streams: a stream copy is ~47 MB.)
MIN_COPY_TOKENS = 64


@dataclass(eq=False, slots=True)
class Sequence:
    request_id: int
    prompt: list[int]
    max_new_tokens: int
    slot: int = -1
    n_kv: int = 0  # tokens of prompt + generated already in the slot's KV cache (= next position)
    n_reused: int = 0  # prompt tokens taken from the prefix cache (in place or copied)
    generated: list[int] = field(default_factory=list)
    payload: Any = None  # engine-side state (sampler, text assembler, ...); opaque here
    # n > 1: the other choices of the same request. They are admitted with this sequence (the leader),
    # never prefill: once the leader's prompt is in its KV cells the engine copies them over.
    followers: list[Sequence] = field(default_factory=list)
    leader: Sequence | None = None
    # Waiting for another running sequence to compute the first prefix_len tokens of this prompt.
    prefix_src: Sequence | None = None
    prefix_len: int = 0

    @property
    def prefilling(self) -> bool:
        return self.n_kv < len(self.prompt)

    def kv_tokens(self) -> list[int]:
        """The tokens whose KV cells this sequence's slot holds, in position order."""
        if self.n_kv <= len(self.prompt):
            return self.prompt[: self.n_kv]
        return self.prompt + self.generated[: self.n_kv - len(self.prompt)]

    def future_tokens(self) -> list[int]:
        """The tokens its slot will hold once the prompt is prefilled (what others may wait for)."""
        return self.prompt if self.prefilling else self.kv_tokens()


def common_prefix(a: list[int], b: list[int]) -> int:
    """Length of the longest common prefix. Slice comparisons run in C: blocks first, then one block's
    tokens, so comparing a 2,000-token prompt with every slot stays in microseconds."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    block = 128
    i = 0
    while a[i : i + block] == b[i : i + block]:
        i += block
    while a[i] == b[i]:
        i += 1
    return i


@dataclass(slots=True)
class KvOp:
    """Prepare one sequence's slot before the step's decode: if src_slot >= 0, copy that slot's stream
    over it first; then drop its cells at positions >= keep. Applied in list order."""

    seq: Sequence
    keep: int
    src_slot: int = -1


@dataclass(slots=True)
class StepPlan:
    decode: list[Sequence]  # one token each: their last sampled token
    prefill: list[tuple[Sequence, int]]  # (sequence, number of prompt tokens to feed this step)
    admitted: list[Sequence] = field(default_factory=list)  # got a slot this step
    kv_ops: list[KvOp] = field(default_factory=list)  # cache moves to apply, in order, before decoding

    @property
    def empty(self) -> bool:
        return not self.decode and not self.prefill

    @property
    def n_tokens(self) -> int:
        return len(self.decode) + sum(n for _, n in self.prefill)


class Scheduler:
    def __init__(self, n_slots: int, token_budget: int, prefix_cache: PrefixCache = "shared") -> None:
        if token_budget < n_slots:
            raise ValueError("token_budget must be >= n_slots so every running sequence can decode each step")
        if prefix_cache not in ("shared", "slot", "off"):
            raise ValueError(f"prefix_cache must be shared, slot or off, not {prefix_cache!r}")
        self.token_budget = token_budget
        self.prefix_cache = prefix_cache
        self._free_slots: list[int] = list(range(n_slots))  # least recently used first
        self._cached: list[list[int]] = [[] for _ in range(n_slots)]  # KV contents kept per free slot
        self.waiting: deque[Sequence] = deque()
        self.running: list[Sequence] = []
        # Prefix-cache counters (for /metrics): requests looked up, requests that reused >= 1 token,
        # prompt tokens reused, stream copies made.
        self.lookups = 0
        self.hits = 0
        self.tokens_reused = 0
        self.copies = 0

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
        # A sequence still waiting for its prefix holds nothing valid (its slot was cleared on admission).
        self._cached[seq.slot] = [] if seq.prefix_src is not None else seq.kv_tokens()
        seq.prefix_src = None
        self._free_slots.append(seq.slot)

    # ------------------------------------------------------------------ admission
    def _take_slot(self, seq: Sequence, ops: list[KvOp], copied: set[int]) -> None:
        """Give `seq` a free slot and the longest cached prefix of its prompt that pays off.

        At least one prompt token is always left to compute: its logits start the generation.
        """
        prompt, cap = seq.prompt, len(seq.prompt) - 1
        slot, in_place = self._free_slots[0], 0
        if self.prefix_cache != "off":
            slot, in_place = self._best_free_slot(prompt)
        src, shared = None, 0  # the running sequence with the longest prefix (a copy source)
        if self.prefix_cache == "shared":
            for r in self.running:
                if r.leader is None and r.prefix_src is None and r.slot not in copied:
                    n = common_prefix(r.future_tokens(), prompt)
                    if n > shared:
                        src, shared = r, n
            shared = min(shared, cap)
        self.lookups += 1
        if shared - in_place < MIN_COPY_TOKENS:  # what the slot holds is (nearly) as good: no copy
            self._free_slots.remove(slot)
            seq.slot = slot
            self._reuse(seq, in_place)
            ops.append(KvOp(seq, in_place))
        else:
            assert src is not None
            slot = self._free_slots.pop(0)  # the least recently used free slot is overwritten
            seq.slot = slot
            if src.n_kv < shared:  # still being prefilled: hold the slot until that prefix is computed
                seq.prefix_src, seq.prefix_len = src, shared
                ops.append(KvOp(seq, 0))
            else:
                self._copy(seq, src.slot, shared, ops)
                copied.add(slot)
        self._cached[slot] = []  # now owned by seq; recorded again when it finishes

    def _best_free_slot(self, prompt: list[int]) -> tuple[int, int]:
        """The free slot whose cached cells share the longest prefix with `prompt` (LRU on ties) and that
        length, capped so one prompt token is left to compute (its logits start the generation)."""
        best_slot, best = self._free_slots[0] if self._free_slots else -1, 0
        for s in self._free_slots:  # LRU first, so ties go to the least recently used slot
            n = common_prefix(self._cached[s], prompt)
            if n > best:
                best_slot, best = s, n
        return best_slot, min(best, len(prompt) - 1)

    def _reuse(self, seq: Sequence, n: int) -> None:
        seq.n_kv = seq.n_reused = n
        if n:
            self.hits += 1
            self.tokens_reused += n

    def _copy(self, seq: Sequence, src_slot: int, n: int, ops: list[KvOp]) -> None:
        ops.append(KvOp(seq, n, src_slot))
        self.copies += 1
        self._reuse(seq, n)

    def _resolve_waiters(self, ops: list[KvOp], copied: set[int]) -> None:
        """Sequences waiting for a prefix: copy it once computed; if its source went away, take the
        best free slot's copy instead (a finished source left its cells there) or prefill it all."""
        for seq in self.running:
            src = seq.prefix_src
            if src is None:
                continue
            if src.slot >= 0 and src in self.running:
                if src.n_kv >= seq.prefix_len:
                    seq.prefix_src = None
                    self._copy(seq, src.slot, seq.prefix_len, ops)
                    copied.add(seq.slot)
                continue
            seq.prefix_src = None
            best_slot, best = self._best_free_slot(seq.prompt)
            if best >= MIN_COPY_TOKENS:
                self._copy(seq, best_slot, best, ops)
                copied.add(seq.slot)

    def schedule(self) -> StepPlan:
        ops: list[KvOp] = []
        copied: set[int] = set()  # slots receiving a copy this step: not a copy source until it is done
        self._resolve_waiters(ops, copied)
        admitted: list[Sequence] = []
        while self.waiting and len(self._free_slots) > len(self.waiting[0].followers):
            seq = self.waiting.popleft()
            self._take_slot(seq, ops, copied)
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
            if seq.prefilling and seq.leader is None and seq.prefix_src is None:
                n = min(budget, len(seq.prompt) - seq.n_kv)
                prefill.append((seq, n))
                budget -= n
        return StepPlan(decode=decode, prefill=prefill, admitted=admitted, kv_ops=ops)
