"""The step loop: schedule -> decode -> sample -> emit, on one dedicated thread per model.

llama_decode blocks for the whole step (and releases the GIL while it computes), so the loop runs
on its own thread; the asyncio side talks to it through a thread-safe inbox, and each step's
outputs go back to the event loop in ONE call_soon_threadsafe, not one per token, as the next step's
llama_decode starts (see `_send`).
"""

from __future__ import annotations

import asyncio
import ctypes
import dataclasses
import itertools
import logging
import os
import queue
import random
import sys
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from kakehashi import arrivals
from kakehashi.engine import bridge
from kakehashi.engine.cpu_share import CpuShare, free_threads
from kakehashi.engine.detokenize import TextAssembler
from kakehashi.engine.host_cache import HostPromptCache
from kakehashi.engine.llama import ContextConfig, LlamaContext, LlamaModel, Sampler
from kakehashi.engine.scheduler import Scheduler, Sequence, StepPlan
from kakehashi.engine.settings import EngineConfig
from kakehashi.errors import ContextLengthExceeded, EngineFailed, InvalidRequest, Overloaded
from kakehashi.types import (
    Finished,
    FinishReason,
    GenerationEvent,
    SamplingParams,
    TextDelta,
    TokenLogprob,
    TopLogprob,
    Usage,
)

log = logging.getLogger(__name__)

# Fault injection for tests only: after this many steps every decode raises, as a broken GPU driver or
# an out-of-memory llama_decode would. Read once per engine; unset in any real deployment.
TEST_FAIL_DECODE_AFTER_ENV = "KAKEHASHI_TEST_FAIL_DECODE_AFTER"

# Woken from idle by a request while others are still arriving (kakehashi.arrivals): how long the first
# decode may wait for them at most (16 requests sent at once reach the engine over ~20 ms on 2 cores),
# and how often the arrivals count is re-read when no request comes (a request may end elsewhere).
GATHER_MAX_S = 0.05
GATHER_QUIET_S = 0.003
GATHER_POLL_S = 0.001
RECENT_FINISH_S = 0.1
# How often a running engine re-reads the CPU other processes use (cpu_share; ~15 us per read). A thread
# count changes when two readings in a row agree: another process's burst shorter than this is ignored.
# Woken from idle, it measures afresh: what other processes did while it idled says little (e.g. another
# server busy until the requests came), and one short reading would take a local client's burst of work
# as contention.
CPU_CHECK_S = 0.25
LONG_READING_S = 1.0  # a CPU reading this long is trusted alone (see _follow_cpu_share)


@dataclass(slots=True)
class _Group:
    """The n choices of one request: its Finished waits for all of them (usage counts the prompt once)."""

    n: int
    remaining: int
    reasons: list[FinishReason]
    completion_tokens: int = 0


@dataclass(slots=True)
class _Request:
    """Engine-side state of one sequence (Sequence.payload)."""

    sampler: Sampler
    text: TextAssembler
    out: bridge.Channel
    index: int = 0  # choice index
    top_logprobs: int | None = None  # None: this sequence computes no logprobs
    pending_logprobs: list[TokenLogprob] = field(default_factory=list)  # tokens whose text is held back
    group: _Group | None = None  # n > 1 only


class Engine:
    def __init__(self, model: LlamaModel, config: EngineConfig = EngineConfig()) -> None:  # noqa: B008 - frozen
        self.model = model
        self.config = config
        self.ctx = LlamaContext(
            model,
            ContextConfig(
                n_seq_max=config.slots,
                n_ctx_per_seq=config.ctx_size,
                n_batch=config.batch_size,
                n_threads=config.threads,
                flash_attn=config.flash_attn,
            ),
        )
        self.n_ctx_per_seq = self.ctx.n_ctx_per_seq
        # A recurrent model's state cannot be cut at a position or copied partially: only reuse in place.
        prefix_cache = "slot" if config.prefix_cache == "shared" and model.is_recurrent else config.prefix_cache
        # A copy moves a whole stream: 8 tokens' worth at 2048 cells per sequence, more for longer ones.
        min_copy = max(8, self.n_ctx_per_seq // 256)
        # Host RAM tier: not for recurrent state, which cannot be cut back to a shared prefix.
        self.host_cache = HostPromptCache(config.cache_ram * 2**20) \
            if config.cache_ram and not model.is_recurrent and prefix_cache != "off" else None
        self._scheduler = Scheduler(config.slots, config.batch_size, prefix_cache, min_copy, self.host_cache)
        self._inbox: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._n_queued = 0  # submitted but not yet holding a slot (guarded by _lock)
        self._stopping = False
        self.failure: str | None = None  # why the loop died; set once, then every request fails fast
        fail_after = os.environ.get(TEST_FAIL_DECODE_AFTER_ENV)
        self._fail_decode_after = int(fail_after) if fail_after else None
        self._thread = threading.Thread(target=self._run, name=f"engine:{model.path.name}", daemon=True)
        self.steps = 0
        self.n_running = 0
        self.prompt_tokens_computed = 0  # prompt tokens prefilled (n > 1 choices share one prefill)
        self._s_per_token: float | None = None  # measured decode seconds per batch token (smoothed)
        self._unsent: list[tuple[_Request, GenerationEvent]] = []  # the last step's events (see _send)
        self._finish_times: deque[float] = deque(maxlen=8)  # when the last sequences finished (see _gather)
        # --threads 0 (all cores): leave the cores other processes keep busy (see cpu_share); a number is kept.
        self._cpu_share = CpuShare() if config.threads == 0 else None
        self._next_cpu_check = 0.0
        self._threads_wanted: int | None = None  # a change read once; made when the next reading agrees
        self._cpu_idle = True  # idle since the last reading: the next one starts afresh

    # ------------------------------------------------------------------ public, asyncio side
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping = True
        self._inbox.put(("wake", None))
        self._thread.join(timeout=30)
        self.ctx.close()

    @property
    def threads(self) -> int:
        """Compute threads llama.cpp runs now (see _follow_cpu_share)."""
        return self.ctx.threads

    @property
    def n_waiting(self) -> int:
        return self._n_queued

    @property
    def prefix_cache_stats(self) -> dict[str, int]:
        """Counters for /metrics: lookups, hits (requests that reused >= 1 prompt token), tokens reused, copies."""
        s, h = self._scheduler, self.host_cache
        stats = {"lookups": s.lookups, "hits": s.hits, "tokens_reused": s.tokens_reused, "copies": s.copies}
        if h is not None:
            stats |= {"host_saves": h.saves, "host_restores": h.restores, "host_evictions": h.evictions}
        return stats

    async def generate(
        self, prompt: list[int], params: SamplingParams, n: int = 1
    ) -> AsyncIterator[GenerationEvent]:
        """Stream TextDelta events then one Finished. Leaving early (e.g. client gone) aborts and frees the slot.

        n > 1 generates n choices (TextDelta.index) from one prefill: the prompt's KV cells are copied
        to the other choices' slots; choice i samples with seed + i.
        """
        if not prompt:
            raise InvalidRequest("the prompt is empty")
        if len(prompt) >= self.n_ctx_per_seq:
            raise ContextLengthExceeded(
                f"This model's maximum context length is {self.n_ctx_per_seq} tokens; "
                f"the prompt has {len(prompt)} tokens.",
                param="messages",
            )
        if not 1 <= n <= self.config.slots:
            raise InvalidRequest(f"n must be between 1 and {self.config.slots} (the engine's slots)", param="n")
        room = self.n_ctx_per_seq - len(prompt)
        max_new = room if params.max_tokens is None else min(params.max_tokens, room)
        seed = params.seed if params.seed is not None else random.getrandbits(32)
        loop = asyncio.get_running_loop()
        out = bridge.Channel(loop)
        group = _Group(n, n, ["stop"] * n) if n > 1 else None
        seqs: list[Sequence] = []
        try:
            for i in range(n):
                p = params if i == 0 else dataclasses.replace(params, seed=(seed + i) & 0xFFFFFFFF)
                sampler = Sampler(self.model, p, default_seed=seed)
                req = _Request(sampler, TextAssembler(params.stop), out, i, params.top_logprobs, group=group)
                seqs.append(Sequence(request_id=next(self._ids), prompt=prompt, max_new_tokens=max_new, payload=req))
        except ValueError as e:  # a grammar llama.cpp rejects, a token id outside the vocabulary
            for q in seqs:
                q.payload.sampler.close()
            param = "logit_bias" if "logit_bias" in str(e) else None
            raise InvalidRequest(str(e), param=param) from None
        lead = seqs[0]
        lead.followers = seqs[1:]
        for follower in lead.followers:
            follower.leader = lead
        with self._lock:  # the put happens under the lock so that a dying loop cannot miss it
            if self.failure is not None:
                for q in seqs:
                    q.payload.sampler.close()
                raise EngineFailed(f"the engine for this model has stopped: {self.failure}")
            if self._n_queued >= self.config.max_waiting:
                for q in seqs:
                    q.payload.sampler.close()
                raise Overloaded("the engine's waiting queue is full; retry shortly", retry_after=1.0)
            self._n_queued += 1
            self._inbox.put(("add", lead))
        arrivals.settle_current()  # queued: no longer arriving (see _gather)
        finished = False
        try:
            async for event in bridge.events(out):
                finished = isinstance(event, Finished)
                yield event
        finally:
            if not finished:
                self._inbox.put(("abort", lead.request_id))

    # ------------------------------------------------------------------ engine thread
    def _run(self) -> None:
        _name_os_thread("kk-engine")
        try:
            while not self._stopping:
                idle = not self._scheduler.running and not self._scheduler.waiting
                self._cpu_idle |= idle
                if idle and self._save_idle_slot():
                    self._drain_inbox(block=False)  # one save at a time: a new request waits for one at most
                    continue
                self._drain_inbox(block=idle)
                if self._stopping:
                    break
                if self._scheduler.waiting and not self._scheduler.running:
                    self._gather()
                self._step()
            self._send()
        except Exception as e:  # a crash here must not hang every client silently
            cause = f"{type(e).__name__}: {e}"
            log.exception("engine loop for %s died: %s", self.model.path.name, cause)
            with self._lock:
                self.failure = cause
            self._drain_inbox(block=False)  # requests submitted but not yet seen by the scheduler
            self._fail_all(f"the engine stopped: {cause}")

    def _drain_inbox(self, block: bool, timeout: float | None = None) -> None:
        while True:
            try:
                kind, arg = self._inbox.get(block=block, timeout=timeout)
            except queue.Empty:
                return
            block = False
            if kind == "add":
                assert isinstance(arg, Sequence)
                self._scheduler.add(arg)
            elif kind == "abort":
                assert isinstance(arg, int)
                for seq in self._scheduler.abort(arg):
                    self._release(seq)

    def _gather(self) -> None:
        """Woken from idle by a request: while more are on their way, admit each one as it comes and load
        its cached prefix, then decode them all in one first step (at most GATHER_MAX_S later).

        On their way: received by the HTTP layer and not yet queued (kakehashi.arrivals), or, in a
        burst, any that come within GATHER_QUIET_S of the last: clients that send together still reach
        the server over tens of milliseconds. A burst: a second request has come, or several sequences
        finished within RECENT_FINISH_S before the wake-up (clients in a loop, such as agents,
        pipelines and benchmarks, send their next requests as their answers end). Without this a burst's
        first request is decoded alone, and the others wait for that step, then for their prefixes'
        loads (measured at 16 streams: a 20 ms step, then 15 loads in 20 ms, before their common first
        decode); here the loads run while the event loop parses. A request that comes alone starts at
        once (nothing pending, no second arrival)."""
        start = last_arrival = time.perf_counter()
        sched = self._scheduler
        recent = self._finish_times
        gathered = sum(1 for t in recent if start - t < RECENT_FINISH_S) if len(recent) > 1 else 0
        while not self._stopping:
            plan = sched.schedule(admit_only=True)
            self._admit(plan)
            now = time.perf_counter()
            if plan.admitted:
                gathered += len(plan.admitted)
                last_arrival = now
            if not sched.free_slots or now - start >= GATHER_MAX_S:
                return
            if arrivals.ARRIVALS.pending <= 0 and (gathered < 2 or now - last_arrival >= GATHER_QUIET_S):
                # A request settles its ticket just after its put (see generate): the last one may have reached the
                # inbox after this pass drained it. Its put is visible once its settling is, so take it before the decode.
                if self._inbox.empty():
                    return
                self._drain_inbox(block=False)
                continue
            self._drain_inbox(block=True, timeout=min(GATHER_MAX_S - (now - start), GATHER_POLL_S))

    def _save_idle_slot(self) -> bool:
        """Nothing to decode: save one free slot's cells to host RAM if it needs it (Scheduler.idle_save),
        so the next burst of requests does not wait for it. False when no slot does."""
        todo = self._scheduler.idle_save()
        if todo is None or self.host_cache is None:
            return False
        slot, entry = todo
        self.host_cache.fill(entry, self.ctx.save_seq(slot))
        self.host_cache.trim()
        return True

    def _release(self, seq: Sequence) -> None:
        """Free what a finished or aborted sequence holds: its slot (or its queue place) and sampler.

        The slot's KV cells stay as a prefix cache for the next request that lands in that slot.
        """
        if seq.slot < 0 and seq.leader is None:  # a group holds one queue place, its leader's
            with self._lock:
                self._n_queued -= 1
        req: _Request = seq.payload
        req.sampler.close()

    def _admit(self, plan: StepPlan) -> None:
        """Account for the plan's admissions and apply its KV moves (before its decode, if any)."""
        admitted = sum(1 for seq in plan.admitted if seq.leader is None)
        if admitted:
            with self._lock:
                self._n_queued -= admitted
        self.n_running = len(self._scheduler.running)
        ctx = self.ctx
        host = self.host_cache
        if plan.kv_ops:  # they call into llama.cpp, which releases the GIL (some take milliseconds)
            self._send()
        for op in plan.kv_ops:  # take over a cached prefix: save what the slot held, bring in the prefix
            slot = op.seq.slot
            if op.save is not None and host is not None:
                host.fill(op.save, ctx.save_seq(slot))
            if op.restore is not None and host is not None:
                blob = op.restore.blob
                if blob is None or not ctx.load_seq(slot, blob):
                    op.seq.n_kv = op.seq.n_reused = 0
                    ctx.free_seq(slot)
                    continue
                host.restores += 1
            elif op.src_slot >= 0:
                ctx.copy_seq(op.src_slot, slot)
            if not ctx.trim_seq(slot, op.keep):
                op.seq.n_kv = op.seq.n_reused = 0
        if host is not None:
            host.trim()

    def _follow_cpu_share(self) -> None:
        """While running: as many compute threads as the cores other processes leave free (cpu_share).

        A reading over a few short steps may catch a blip (a process starting up), so a change is made when
        two readings in a row agree, but at once on a reading that spans a long step: a decode that took
        seconds because other processes had the cores is no blip, and waiting for a second such step
        doubles the damage. An idle engine reads nothing; its first reading after waking starts afresh."""
        share = self._cpu_share
        now = time.monotonic()
        if share is None or now < self._next_cpu_check:
            return
        self._next_cpu_check = now + CPU_CHECK_S
        if self._cpu_idle:
            self._cpu_idle = False
            share.restart()
            self._threads_wanted = None
            return
        span = share.since_last()
        others = share.others()
        if others is None:
            return
        ctx = self.ctx
        want = free_threads(others, ctx.max_threads, ctx.max_threads)
        if want == ctx.threads or (want != self._threads_wanted and span < LONG_READING_S):
            self._threads_wanted = None if want == ctx.threads else want
            return
        self._threads_wanted = None
        log.info("engine %s: %d compute threads (other processes use %.1f of %d cores)",
                 self.model.path.name, want, others, ctx.max_threads)
        ctx.set_threads(want)

    def _step(self) -> None:
        t_start = time.perf_counter()
        self._follow_cpu_share()
        sched = self._scheduler
        plan = sched.schedule(self._prefill_tokens())
        self._admit(plan)
        ctx = self.ctx
        if plan.empty:
            self._send()
            return
        ctx.batch_clear()
        sampling: list[tuple[Sequence, int]] = []
        # In slot order: llama.cpp puts consecutive sequence ids in one forward pass (see the scheduler).
        work = sorted([(seq, 0) for seq in plan.decode] + plan.prefill, key=lambda item: item[0].slot)
        for seq, n in work:
            if n == 0:  # decoding: its last sampled token
                sampling.append((seq, ctx.batch_add(seq.generated[-1], seq.n_kv, seq.slot, True)))
                continue
            start = seq.n_kv
            last = start + n == len(seq.prompt)
            idx = ctx.batch_add_run(seq.prompt[start : start + n], start, seq.slot, last)
            self.prompt_tokens_computed += n
            if last:
                sampling.append((seq, idx))
                # The other choices sample their first token from the same logits.
                sampling.extend((follower, idx) for follower in seq.followers if follower.slot >= 0)
        if self._fail_decode_after is not None and self.steps >= self._fail_decode_after:
            raise RuntimeError(f"decode failed (injected by {TEST_FAIL_DECODE_AFTER_ENV})")
        self._send()
        t0 = time.perf_counter()
        ctx.decode()
        elapsed = time.perf_counter() - t0
        self.steps += 1
        # Seconds per batch token, smoothed: what sizes the next steps (see _prefill_tokens).
        per_token = elapsed / plan.n_tokens
        self._s_per_token = per_token if self._s_per_token is None else 0.8 * self._s_per_token + 0.2 * per_token
        for seq in plan.decode:
            seq.n_kv += 1
        for seq, n in plan.prefill:
            seq.n_kv += n
            if not seq.prefilling:
                for follower in seq.followers:
                    if follower.slot >= 0 and follower in sched.running:
                        ctx.copy_seq(seq.slot, follower.slot)
                        follower.n_kv = seq.n_kv

        outputs: list[tuple[_Request, GenerationEvent]] = []
        for seq, idx in sampling:
            req: _Request = seq.payload
            token = req.sampler.sample(ctx, idx)
            reason: FinishReason | None = None
            if self.model.is_eog(token):
                reason = "stop"
            else:
                seq.generated.append(token)
                if req.top_logprobs is not None:
                    req.pending_logprobs.append(self._logprob(idx, token, req.top_logprobs))
                text = req.text.push(self.model.piece(token))
                if text:
                    outputs.append((req, self._delta(req, text)))
                if req.text.stopped:
                    reason = "stop"
                elif len(seq.generated) >= seq.max_new_tokens:
                    reason = "length"
            if reason is not None:
                tail = req.text.flush()
                if tail:
                    outputs.append((req, self._delta(req, tail)))
                elif req.pending_logprobs and not req.text.stopped:
                    outputs.append((req, self._delta(req, "")))
                sched.finish(seq)
                self._release(seq)
                self._finish_times.append(time.perf_counter())
                finished = self._finish(req, reason, len(seq.prompt), len(seq.generated))
                if finished is not None:
                    outputs.append((req, finished))
        self.n_running = len(sched.running)
        self._unsent += outputs
        if not sched.running and not sched.waiting:  # no next decode to wait for
            self._send()
        if log.isEnabledFor(logging.DEBUG):  # `serve --log-level debug`: what each step did and cost
            log.debug("step %d: %d decode + %d prompt tokens (%d seqs), %d admitted, %d waiting, %d kv ops, "
                      "plan %.1f ms, decode %.1f ms, sample+emit %.1f ms",
                      self.steps, len(plan.decode), plan.n_tokens - len(plan.decode), len(plan.prefill),
                      len(plan.admitted), len(sched.waiting), len(plan.kv_ops), (t0 - t_start) * 1000,
                      elapsed * 1000, (time.perf_counter() - t0 - elapsed) * 1000)

    def _prefill_tokens(self) -> int | None:
        """Prompt tokens a step may compute while others run: about step_target_ms of work at the
        measured cost per token.

        On a CPU a step's cost grows nearly linearly with its tokens (measured here: ~10 ms per decoded
        and ~7.5 ms per prompt token for SmolLM2-135M on 2 cores), so one step holding 800 prompt tokens
        stalls every stream for 6 s and gives all those prompts their first token at its end; on a GPU
        a token costs microseconds and this is far above batch_size, i.e. no limit."""
        target = self.config.step_target_ms
        if not target or self._s_per_token is None:
            return None
        return max(1, int(target / 1000 / self._s_per_token))

    def _delta(self, req: _Request, text: str) -> TextDelta:
        if req.top_logprobs is None:
            return TextDelta(text, req.index)
        # Tokens whose text was held back (a partial UTF-8 character, a possible stop string) go with
        # the text that finally carries them.
        logprobs = tuple(req.pending_logprobs)
        req.pending_logprobs.clear()
        return TextDelta(text, req.index, logprobs)

    def _logprob(self, idx: int, token: int, k: int) -> TokenLogprob:
        logprob, top = self.ctx.logprobs_at(idx, token, k)
        piece = self.model.piece
        return TokenLogprob(
            piece(token).decode("utf-8", "replace"), logprob, tuple(piece(token)),
            tuple(TopLogprob(piece(t).decode("utf-8", "replace"), lp, tuple(piece(t))) for t, lp in top),
        )

    def _finish(self, req: _Request, reason: FinishReason, n_prompt: int, n_generated: int) -> Finished | None:
        group = req.group
        if group is None:
            return Finished(reason, Usage(prompt_tokens=n_prompt, completion_tokens=n_generated),
                            stop_sequence=req.text.matched)
        group.reasons[req.index] = reason
        group.completion_tokens += n_generated
        group.remaining -= 1
        if group.remaining:
            return None
        usage = Usage(prompt_tokens=n_prompt, completion_tokens=group.completion_tokens)
        return Finished(group.reasons[0], usage, choice_reasons=tuple(group.reasons))

    def _send(self) -> None:
        """Hand the last step's events to the event loop(s).

        A step's events are sent just before the next step's llama_decode, not as soon as they are
        sampled: the event loop wakes up on them and needs the GIL, which the engine thread holds while
        it plans the next step and fills its batch (0.1-0.5 ms), and releases in llama_decode. Sent
        earlier, the loop thread wakes, blocks on the GIL, and wakes again (two context switches per
        token instead of one), and its Python then interleaves with the engine's serial work instead of
        running beside llama.cpp's compute. Anything that could hold events longer (KV moves, an idle
        engine, a stop) sends them first."""
        if self._unsent:
            outputs, self._unsent = self._unsent, []
            bridge.emit(outputs)

    def _fail_all(self, message: str) -> None:
        outputs: list[tuple[_Request, GenerationEvent]] = self._unsent
        self._unsent = []
        for seq in [*self._scheduler.running, *self._scheduler.waiting]:
            outputs.append((seq.payload, Finished("error", Usage(len(seq.prompt), len(seq.generated)), message)))
            seq.payload.sampler.close()
        for seq in self._scheduler.waiting:  # followers of a waiting leader are in no queue themselves
            for follower in seq.followers:
                follower.payload.sampler.close()
        with self._lock:
            self._n_queued = 0
        self.n_running = 0
        bridge.emit(outputs)


def _name_os_thread(name: str) -> None:
    """Give the current thread an OS-level name (top -H, py-spy, /proc/PID/task/*/comm); Python 3.11's
    threading names stay inside the interpreter. Linux only; a no-op elsewhere."""
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL(None)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # 15 = PR_SET_NAME
    except (OSError, AttributeError):
        pass
