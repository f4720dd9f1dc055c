"""The step loop: schedule -> decode -> sample -> emit, on one dedicated thread per model.

llama_decode blocks for the whole step (and releases the GIL while it computes), so the loop runs
on its own thread; the asyncio side talks to it through a thread-safe inbox, and each step's
outputs go back to the event loop in ONE call_soon_threadsafe, not one per token.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import queue
import random
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass

from kakehashi.engine.detokenize import TextAssembler
from kakehashi.engine.llama import ContextConfig, LlamaContext, LlamaModel, Sampler
from kakehashi.engine.scheduler import Scheduler, Sequence
from kakehashi.engine.settings import EngineConfig
from kakehashi.errors import ContextLengthExceeded, EngineFailed, InvalidRequest, Overloaded
from kakehashi.types import Finished, FinishReason, GenerationEvent, SamplingParams, TextDelta, Usage

log = logging.getLogger(__name__)

# Fault injection for tests only: after this many steps every decode raises, as a broken GPU driver or
# an out-of-memory llama_decode would. Read once per engine; unset in any real deployment.
TEST_FAIL_DECODE_AFTER_ENV = "KAKEHASHI_TEST_FAIL_DECODE_AFTER"


@dataclass(slots=True)
class _Request:
    """Engine-side state of one sequence (Sequence.payload)."""

    sampler: Sampler
    text: TextAssembler
    loop: asyncio.AbstractEventLoop
    out: asyncio.Queue[GenerationEvent]


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
        self._scheduler = Scheduler(config.slots, config.batch_size)
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
        self.prompt_tokens_reused = 0  # prompt tokens served from slots' prefix caches

    # ------------------------------------------------------------------ public, asyncio side
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping = True
        self._inbox.put(("wake", None))
        self._thread.join(timeout=30)
        self.ctx.close()

    @property
    def n_waiting(self) -> int:
        return self._n_queued

    async def generate(self, prompt: list[int], params: SamplingParams) -> AsyncIterator[GenerationEvent]:
        """Stream TextDelta events then one Finished. Leaving early (e.g. client gone) aborts and frees the slot."""
        if not prompt:
            raise InvalidRequest("the prompt is empty")
        if len(prompt) >= self.n_ctx_per_seq:
            raise ContextLengthExceeded(
                f"This model's maximum context length is {self.n_ctx_per_seq} tokens; "
                f"the prompt has {len(prompt)} tokens.",
                param="messages",
            )
        room = self.n_ctx_per_seq - len(prompt)
        max_new = room if params.max_tokens is None else min(params.max_tokens, room)
        sampler = Sampler(self.model, params, default_seed=random.getrandbits(32))  # may raise on bad grammar
        loop = asyncio.get_running_loop()
        out: asyncio.Queue[GenerationEvent] = asyncio.Queue()
        seq = Sequence(
            request_id=next(self._ids),
            prompt=prompt,
            max_new_tokens=max_new,
            payload=_Request(sampler, TextAssembler(params.stop), loop, out),
        )
        with self._lock:  # the put happens under the lock so that a dying loop cannot miss it
            if self.failure is not None:
                sampler.close()
                raise EngineFailed(f"the engine for this model has stopped: {self.failure}")
            if self._n_queued >= self.config.max_waiting:
                sampler.close()
                raise Overloaded("the engine's waiting queue is full; retry shortly", retry_after=1.0)
            self._n_queued += 1
            self._inbox.put(("add", seq))
        finished = False
        try:
            while True:
                event = await out.get()
                yield event
                if isinstance(event, Finished):
                    finished = True
                    return
        finally:
            if not finished:
                self._inbox.put(("abort", seq.request_id))

    # ------------------------------------------------------------------ engine thread
    def _run(self) -> None:
        try:
            while not self._stopping:
                self._drain_inbox(block=not self._scheduler.running and not self._scheduler.waiting)
                if self._stopping:
                    break
                self._step()
        except Exception as e:  # a crash here must not hang every client silently
            cause = f"{type(e).__name__}: {e}"
            log.exception("engine loop for %s died: %s", self.model.path.name, cause)
            with self._lock:
                self.failure = cause
            self._drain_inbox(block=False)  # requests submitted but not yet seen by the scheduler
            self._fail_all(f"the engine stopped: {cause}")

    def _drain_inbox(self, block: bool) -> None:
        while True:
            try:
                kind, arg = self._inbox.get(block=block)
            except queue.Empty:
                return
            block = False
            if kind == "add":
                assert isinstance(arg, Sequence)
                self._scheduler.add(arg)
            elif kind == "abort":
                assert isinstance(arg, int)
                seq = self._scheduler.abort(arg)
                if seq is not None:
                    self._release(seq)

    def _release(self, seq: Sequence) -> None:
        """Free what a finished or aborted sequence holds: its slot (or its queue place) and sampler.

        The slot's KV cells stay as a prefix cache for the next request that lands in that slot.
        """
        if seq.slot < 0:
            with self._lock:
                self._n_queued -= 1
        req: _Request = seq.payload
        req.sampler.close()

    def _step(self) -> None:
        sched = self._scheduler
        n_before = len(sched.running)
        plan = sched.schedule()
        admitted = len(sched.running) - n_before
        if admitted:
            with self._lock:
                self._n_queued -= admitted
        self.n_running = len(sched.running)
        ctx = self.ctx
        for seq in plan.admitted:  # drop what the slot caches beyond the prefix this prompt shares
            if not ctx.trim_seq(seq.slot, seq.n_kv):
                seq.n_kv = seq.n_reused = 0
            self.prompt_tokens_reused += seq.n_reused
        if plan.empty:
            return
        ctx.batch_clear()
        sampling: list[tuple[Sequence, int]] = []
        for seq in plan.decode:
            idx = ctx.batch_add(seq.generated[-1], seq.n_kv, seq.slot, True)
            sampling.append((seq, idx))
        for seq, n in plan.prefill:
            start = seq.n_kv
            last = start + n == len(seq.prompt)
            idx = ctx.batch_add_run(seq.prompt[start : start + n], start, seq.slot, last)
            if last:
                sampling.append((seq, idx))
        if self._fail_decode_after is not None and self.steps >= self._fail_decode_after:
            raise RuntimeError(f"decode failed (injected by {TEST_FAIL_DECODE_AFTER_ENV})")
        ctx.decode()
        self.steps += 1
        for seq in plan.decode:
            seq.n_kv += 1
        for seq, n in plan.prefill:
            seq.n_kv += n

        outputs: list[tuple[_Request, GenerationEvent]] = []
        for seq, idx in sampling:
            req: _Request = seq.payload
            token = req.sampler.sample(ctx, idx)
            reason: FinishReason | None = None
            if self.model.is_eog(token):
                reason = "stop"
            else:
                seq.generated.append(token)
                text = req.text.push(self.model.piece(token))
                if text:
                    outputs.append((req, TextDelta(text)))
                if req.text.stopped:
                    reason = "stop"
                elif len(seq.generated) >= seq.max_new_tokens:
                    reason = "length"
            if reason is not None:
                tail = req.text.flush()
                if tail:
                    outputs.append((req, TextDelta(tail)))
                usage = Usage(prompt_tokens=len(seq.prompt), completion_tokens=len(seq.generated))
                outputs.append((req, Finished(reason, usage)))
                sched.finish(seq)
                self._release(seq)
        self.n_running = len(sched.running)
        if outputs:
            self._emit(outputs)

    def _emit(self, outputs: list[tuple[_Request, GenerationEvent]]) -> None:
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[_Request, GenerationEvent]]] = {}
        for item in outputs:
            by_loop.setdefault(item[0].loop, []).append(item)
        for loop, items in by_loop.items():
            try:
                loop.call_soon_threadsafe(_deliver, items)
            except RuntimeError:  # that event loop is closed: its clients are gone
                pass

    def _fail_all(self, message: str) -> None:
        outputs: list[tuple[_Request, GenerationEvent]] = []
        for seq in [*self._scheduler.running, *self._scheduler.waiting]:
            outputs.append((seq.payload, Finished("error", Usage(len(seq.prompt), len(seq.generated)), message)))
            seq.payload.sampler.close()
        with self._lock:
            self._n_queued = 0
        self.n_running = 0
        self._emit(outputs)


def _deliver(items: list[tuple[_Request, GenerationEvent]]) -> None:
    for req, event in items:
        req.out.put_nowait(event)
