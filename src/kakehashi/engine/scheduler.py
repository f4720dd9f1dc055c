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
- in host RAM (host_cache.py): a free slot's cells are saved there before a new request overwrites
  them, and loaded back into a slot when that is the longest prefix found.
"slot" mode reuses only what the request's own slot cached (llama-server's behaviour) and host RAM;
"off" reuses nothing. Running sequences are never evicted: only free slots' cells are overwritten.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

from kakehashi.engine.host_cache import HostPromptCache, SavedPrompt

PrefixCache = Literal["shared", "slot", "off"]

# Copying a prefix moves a whole KV stream (ctx_size cells, applied at the next decode). Measured on
# this project's 2-core CI machine with SmolLM2-135M: copying a 2048-cell stream (~47 MB) adds ~13 ms
# to a step, while prefilling costs 5-8 ms per token, so a copy pays off from ~2 shared tokens. The
# default asks for 8 tokens: the engine scales it with the stream size (longer streams, dearer copies).
DEFAULT_MIN_COPY_TOKENS = 8

# Prompt tokens a step computes at least while others decode, however slow the model: below this the
# per-step overhead (graph build, one pass over the weights) dominates and prompts crawl.
MIN_PREFILL_CHUNK = 16

# Loading a saved prompt costs ~1 ms (a memory copy of the used cells only), less than one token's
# prefill, so host RAM wins from a couple of tokens more than the slot holds in place.
MIN_RESTORE_TOKENS = 2
# Fewer cached tokens than this lost when a slot is reused: not worth saving to host RAM.
MIN_SAVE_LOST_TOKENS = 16


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
    """Prepare one sequence's slot before the step's decode. Applied in list order, each in this order:
    if `save`, save the slot's cells (what it cached before this sequence took it) to host RAM; then
    load `restore` from host RAM, or if src_slot >= 0 copy that slot's stream over it; then drop its
    cells at positions >= keep."""

    seq: Sequence
    keep: int
    src_slot: int = -1
    save: SavedPrompt | None = None
    restore: SavedPrompt | None = None


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
    def __init__(
        self, n_slots: int, token_budget: int, prefix_cache: PrefixCache = "shared",
        min_copy_tokens: int = DEFAULT_MIN_COPY_TOKENS, host_cache: HostPromptCache | None = None,
    ) -> None:
        if token_budget < n_slots:
            raise ValueError("token_budget must be >= n_slots so every running sequence can decode each step")
        if prefix_cache not in ("shared", "slot", "off"):
            raise ValueError(f"prefix_cache must be shared, slot or off, not {prefix_cache!r}")
        self.token_budget = token_budget
        self.prefix_cache = prefix_cache
        self.min_copy_tokens = min_copy_tokens  # fewer extra shared tokens than this: prefill, no copy
        self.host_cache = host_cache if prefix_cache != "off" else None
        self._free_slots: list[int] = list(range(n_slots))  # least recently used first
        self._cached: list[list[int]] = [[] for _ in range(n_slots)]  # KV contents kept per free slot
        # KV moves planned but not yet applied by a decode (llama.cpp copies across streams at the next
        # decode): slots copied from, and slots receiving a copy or a load (no copy source until done).
        # Kept across admit-only calls (see schedule), cleared once a step has been planned after them.
        self._sources: set[int] = set()
        self._copied: set[int] = set()
        self._moves_pending = False
        self._unsaved: set[int] = set()  # slots freed since their cells were last considered for an idle save
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

    @property
    def free_slots(self) -> int:
        return len(self._free_slots)

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
        self._unsaved.add(seq.slot)

    def idle_save(self) -> tuple[int, SavedPrompt] | None:
        """While nothing runs: a free slot whose cells host RAM does not hold yet, and the entry to save
        them into (the engine fills it); None when no slot needs it.

        A burst of new requests overwrites free slots, and each one's cells were saved on the engine
        thread just before, while every admitted prompt waited (measured: 28 ms of moves for 8 slots
        at 16 streams, half of it saves). Saved while the engine is idle, the burst only loads. The
        same rule as at admission: only if at least a quarter of the slot is not already in host RAM."""
        if self.host_cache is None or self.running:
            return None
        while self._unsaved:
            slot = self._unsaved.pop()
            if slot not in self._free_slots:
                continue
            _, held = self.host_cache.lookup(self._cached[slot])
            entry = self._save(slot, held)
            if entry is not None:
                return slot, entry
        return None

    # ------------------------------------------------------------------ admission
    def _take_slot(self, seq: Sequence, ops: list[KvOp]) -> None:
        """Give `seq` a free slot and the longest cached prefix of its prompt that pays off.

        At least one prompt token is always left to compute: its logits start the generation.
        """
        prompt, cap = seq.prompt, len(seq.prompt) - 1
        copied = self._copied
        cached = {s: common_prefix(self._cached[s], prompt) for s in self._free_slots} \
            if self.prefix_cache != "off" else {}
        slot, in_place = self._choose_slot(cached)
        in_place = min(in_place, cap)
        src: Sequence | int | None = None  # a running sequence, or a free slot's cached cells
        shared = 0
        if self.prefix_cache == "shared":
            for r in self.running:
                if r.leader is None and r.prefix_src is None and r.slot not in copied:
                    n = common_prefix(r.future_tokens(), prompt)
                    if n > shared:
                        src, shared = r, n
            for s, n in cached.items():
                if s != slot and s not in copied and n > shared:
                    src, shared = s, n
            shared = min(shared, cap)
        stored, in_ram = self.host_cache.lookup(prompt) if self.host_cache is not None else (None, 0)
        in_ram = min(in_ram, cap)
        self.lookups += 1
        self._free_slots.remove(slot)
        seq.slot = slot
        if (stored is not None and in_ram >= shared and in_ram - in_place >= MIN_RESTORE_TOKENS
                and slot not in self._sources):
            # Host RAM holds at least as much as any slot: loading it is cheaper than a stream copy and
            # needs no waiting for a prefilling source. Not into a slot another sequence copies from in
            # this step: llama.cpp moves a copy's data at the decode, after a load would have overwritten it.
            assert self.host_cache is not None
            self.host_cache.touch(stored)
            self._reuse(seq, in_ram)
            ops.append(KvOp(seq, in_ram, save=self._save(slot, 0), restore=stored))
            self._copied.add(slot)  # not a copy source before the load has succeeded
        elif shared - in_place < self.min_copy_tokens:  # what the slot holds is (nearly) as good: no copy
            self._reuse(seq, in_place)
            ops.append(KvOp(seq, in_place, save=self._save(slot, in_place)))
        elif isinstance(src, Sequence) and src.n_kv < shared:
            # Its source is still prefilling that prefix: hold the slot until it is computed.
            seq.prefix_src, seq.prefix_len = src, shared
            ops.append(KvOp(seq, 0, save=self._save(slot, 0)))
        else:
            assert src is not None
            self._copy(seq, src if isinstance(src, int) else src.slot, shared, ops, self._save(slot, 0))
            self._copied.add(slot)
        self._cached[slot] = []  # now owned by seq; recorded again when it finishes

    def _save(self, slot: int, keep: int) -> SavedPrompt | None:
        """If a slot's cached cells beyond `keep` are about to be overwritten: the host-RAM entry to save
        them into (None: no host cache, too little lost, too short, or already held there).

        llama.cpp saves a sequence's cells whole, and that runs on the engine thread while every stream
        waits: ~23 ms for 1,780 tokens of SmolLM2-135M (41 MB). A request that keeps most of the slot in
        place (the same long system prompt, a different question) loses only the tail, so the slot is
        saved only when at least a quarter of it would be lost."""
        cached = self._cached[slot]
        if self.host_cache is None or len(cached) - keep < max(MIN_SAVE_LOST_TOKENS, len(cached) // 4):
            return None
        return self.host_cache.reserve(cached)

    def _choose_slot(self, cached: dict[int, int]) -> tuple[int, int]:
        """The free slot for a new sequence, and how many prompt tokens its cached cells already hold
        (`cached`: that length per free slot; empty when prefixes do not count).

        Running slots are kept in few runs of consecutive ids: llama.cpp decodes a batch over separate
        KV streams in one pass only for consecutive sequence ids, so every gap costs a whole extra
        forward pass per step (measured: 8 sequences on slots 0,2,..,14 decode 1.6x slower than on
        0..7). So the slot that adds the fewest runs wins; in "shared" mode a better prefix elsewhere is
        copied in (a one-off ~13 ms) rather than decoded from a detached slot for the whole reply. In
        "slot" mode (llama-server's behaviour) the longest cached prefix wins first. Ties: least
        recently used.
        """
        occupied = {r.slot for r in self.running}
        best: tuple[tuple[int, int, int], int, int] | None = None
        for rank, s in enumerate(self._free_slots):  # least recently used first
            runs = 1 - ((s - 1) in occupied) - ((s + 1) in occupied)
            n = cached.get(s, 0)
            key = (-n, runs, rank) if self.prefix_cache == "slot" else (runs, -n, rank)
            if best is None or key < best[0]:
                best = (key, s, n)
        assert best is not None
        return best[1], best[2]

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

    def _copy(self, seq: Sequence, src_slot: int, n: int, ops: list[KvOp], save: SavedPrompt | None = None) -> None:
        ops.append(KvOp(seq, n, src_slot, save=save))
        self._sources.add(src_slot)
        self.copies += 1
        self._reuse(seq, n)

    def _resolve_waiters(self, ops: list[KvOp]) -> None:
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
                    self._copied.add(seq.slot)
                continue
            seq.prefix_src = None
            best_slot, best = self._best_free_slot(seq.prompt)
            if best >= self.min_copy_tokens:
                self._copy(seq, best_slot, best, ops)
                self._copied.add(seq.slot)

    def schedule(self, prefill_tokens: int | None = None, *, admit_only: bool = False) -> StepPlan:
        """Plan the next step. `prefill_tokens`: how many prompt tokens a step may compute while other
        sequences share it (the engine derives it from measured speed), never fewer than
        MIN_PREFILL_CHUNK. So a long prompt cannot stall the others' decoding for long, and prompts
        arriving together finish group after group instead of all at the end of one long step.
        None: only the token budget limits a step.

        admit_only: give waiting requests slots and plan their KV moves, but no tokens (an engine
        gathering a burst before its first decode calls this as requests arrive, then schedules the
        step). The moves of admit-only calls count as this step's until a step is planned."""
        if not self._moves_pending:
            self._sources, self._copied = set(), set()
        self._moves_pending = admit_only
        ops: list[KvOp] = []
        self._resolve_waiters(ops)
        admitted: list[Sequence] = []
        while self.waiting and len(self._free_slots) > len(self.waiting[0].followers):
            seq = self.waiting.popleft()
            self._take_slot(seq, ops)
            self.running.append(seq)
            admitted.append(seq)
            for follower in seq.followers:  # their KV cells are copied whole from the leader's
                follower.slot = self._choose_slot({})[0]
                self._free_slots.remove(follower.slot)
                follower.n_kv = follower.n_reused = 0
                save = self._save(follower.slot, 0)
                if save is not None:
                    ops.append(KvOp(follower, 0, save=save))
                self._cached[follower.slot] = []
                self.running.append(follower)
                admitted.append(follower)
        if admit_only:
            return StepPlan(decode=[], prefill=[], admitted=admitted, kv_ops=ops)
        decode = [s for s in self.running if not s.prefilling]
        budget = self.token_budget - len(decode)
        if prefill_tokens is not None and len(self.running) > 1:
            budget = min(budget, max(MIN_PREFILL_CHUNK, prefill_tokens))
        prefill: list[tuple[Sequence, int]] = []
        for seq in self.running:  # arrival order: the oldest prompt finishes first (best TTFT on average)
            if budget <= 0:
                break
            if seq.prefilling and seq.leader is None and seq.prefix_src is None:
                n = min(budget, len(seq.prompt) - seq.n_kv)
                prefill.append((seq, n))
                budget -= n
        return StepPlan(decode=decode, prefill=prefill, admitted=admitted, kv_ops=ops)
