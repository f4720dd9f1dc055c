"""The MLX step loop: continuous batching with mlx-lm's BatchGenerator, on one thread per model.

BatchGenerator already does what engine/scheduler.py does for llama.cpp: new prompts are prefilled
in batches (left-aligned, padded) while the running sequences keep decoding, every running sequence
gets one token per step, finished or removed sequences leave the batch at once, and each sequence
has its own sampler and logits processors. So this module only does what it does not: the
asyncio bridge (inbox in, one call_soon_threadsafe per step out), text assembly with stop strings,
aborts when a client goes away, and the bounded queue. MLX arrays and streams are used from the
engine thread only (MLX's default stream is per thread).
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import mlx.core as mx
from mlx_lm.generate import BatchGenerator, StopSequences
from mlx_lm.models.cache import LRUPromptCache, can_trim_prompt_cache, trim_prompt_cache

from kakehashi import arrivals
from kakehashi.engine import bridge
from kakehashi.engine.detokenize import TextAssembler
from kakehashi.engine.engine import TEST_FAIL_DECODE_AFTER_ENV
from kakehashi.engine.settings import EngineConfig
from kakehashi.engine_mlx.constraint import GrammarCompiler
from kakehashi.engine_mlx.sampling import LogitsProcessor, Sampler, build_sampling
from kakehashi.engine_mlx.tokenizer import Tokenizer
from kakehashi.errors import ContextLengthExceeded, EngineFailed, InvalidRequest, Overloaded
from kakehashi.types import Finished, FinishReason, GenerationEvent, SamplingParams, TextDelta, Usage

log = logging.getLogger(__name__)

PREFILL_BATCH = 8  # prompts prefilled together in one forward pass (mlx-lm's default)
PROMPT_CACHE_BYTES = 1 << 29  # KV caches of finished sequences kept for prefix reuse (512 MiB)


@dataclass(slots=True)
class _Request:
    prompt: list[int]
    max_new: int
    sampler: Sampler
    processors: list[LogitsProcessor]
    text: TextAssembler
    detok: Callable[[int], bytes]  # token -> bytes, per sequence
    out: bridge.Channel
    uid: int = -1
    n_generated: int = 0


class MlxEngine:
    def __init__(self, model: Any, tokenizer: Tokenizer, config: EngineConfig | None = None, name: str = "mlx") -> None:
        config = config or EngineConfig()
        self.model = model
        self.tokenizer = tokenizer
        self.config = config
        self.n_ctx_per_seq = config.ctx_size
        self.vocab_size: int = int(model.args.vocab_size)
        self._grammars = GrammarCompiler(tokenizer, self.vocab_size)
        self._stop_tokens = StopSequences([[t] for t in sorted(tokenizer.eog_ids)])
        self._inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._n_inflight = 0  # accepted and not yet finished (guarded by _lock)
        self._stopping = False
        self.failure: str | None = None  # why the loop died; set once, then every request fails fast
        fail_after = os.environ.get(TEST_FAIL_DECODE_AFTER_ENV)
        self._fail_step_after = int(fail_after) if fail_after else None
        self._name = name
        self._thread = threading.Thread(target=self._run, name=f"mlx-engine:{name}", daemon=True)
        self._ready = threading.Event()
        self._startup_error: Exception | None = None
        self.steps = 0
        # Finished sequences' KV caches, by token prefix (mlx-lm's own, as mlx_lm.server uses): a new
        # prompt starts from the longest cached prefix it shares (the chat template's system prompt, an
        # earlier turn of the conversation) and prefills only the rest. --prefix-cache off: none;
        # shared and slot both mean this cache here (BatchGenerator has no slots to share between).
        self._prompt_cache = (None if config.prefix_cache == "off" else
                              LRUPromptCache(max_size=max(1, config.slots), max_bytes=PROMPT_CACHE_BYTES))
        self._lookups = self._hits = 0
        self.cached_prompt_tokens = 0  # prompt tokens taken from the cache instead of prefilled

    # ------------------------------------------------------------------ public, asyncio side
    def start(self) -> None:
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            raise RuntimeError(f"the MLX engine could not start: {self._startup_error}")

    def stop(self) -> None:
        self._stopping = True
        self._inbox.put(("wake", None))
        self._thread.join(timeout=30)

    @property
    def n_waiting(self) -> int:
        return max(0, self._n_inflight - self.config.slots)

    @property
    def n_running(self) -> int:
        return min(self._n_inflight, self.config.slots)

    @property
    def prefix_cache_stats(self) -> dict[str, int]:
        """Counters for /metrics, as the llama.cpp engine's (every hit copies a cached KV cache)."""
        return {"lookups": self._lookups, "hits": self._hits, "tokens_reused": self.cached_prompt_tokens,
                "copies": self._hits}

    async def generate(
        self, prompt: list[int], params: SamplingParams, n: int = 1, *, logit_bias: dict[int, float] | None = None
    ) -> AsyncIterator[GenerationEvent]:
        """Stream TextDelta events then one Finished. Leaving early (client gone) removes the sequence."""
        if n != 1:
            raise InvalidRequest("the MLX engine generates one choice per request (n = 1)", param="n")
        if params.top_logprobs is not None:
            raise InvalidRequest("logprobs are not available on the MLX engine", param="logprobs")
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
        if max_new <= 0:
            raise InvalidRequest("max_tokens must be at least 1", param="max_tokens")
        sampler, processors = build_sampling(params, self.vocab_size, logit_bias)
        if params.grammar:  # last, so penalties and biases cannot re-enable a masked token
            processors.append(await asyncio.to_thread(self._grammars.processor, params.grammar))
        out = bridge.Channel(asyncio.get_running_loop())
        req = _Request(prompt, max_new, sampler, processors, TextAssembler(params.stop),
                       self.tokenizer.detokenizer(), out)
        with self._lock:  # the put happens under the lock so that a dying loop cannot miss it
            if self.failure is not None:
                raise EngineFailed(f"the engine for this model has stopped: {self.failure}")
            if self._n_inflight >= self.config.slots + self.config.max_waiting:
                raise Overloaded("the engine's waiting queue is full; retry shortly", retry_after=1.0)
            self._n_inflight += 1
            self._inbox.put(("add", req))
        arrivals.settle_current()  # queued: no longer arriving (this engine does not wait for arrivals)
        finished = False
        try:
            async for event in bridge.events(out):
                finished = isinstance(event, Finished)
                yield event
        finally:
            if not finished:
                self._inbox.put(("abort", req))

    # ------------------------------------------------------------------ engine thread
    def _run(self) -> None:
        try:
            stream = mx.default_stream(mx.default_device())
            self._gen = BatchGenerator(
                self.model,
                completion_batch_size=self.config.slots,
                prefill_batch_size=min(PREFILL_BATCH, self.config.slots),
                prefill_step_size=self.config.batch_size,
                stream=stream,
            )
        except Exception as e:  # noqa: BLE001 - reported to start()'s caller
            self._startup_error = e
            self._ready.set()
            return
        self._active: dict[int, _Request] = {}
        self._ready.set()
        try:
            while not self._stopping:
                self._drain_inbox(block=not self._active)
                if self._stopping:
                    break
                if self._active:
                    self._step()
        except Exception as e:  # a crash here must not hang every client silently
            cause = f"{type(e).__name__}: {e}"
            log.exception("engine loop for %s died: %s", self._name, cause)
            with self._lock:
                self.failure = cause
            self._fail_all(f"the engine stopped: {cause}")
        finally:
            self._gen.close()

    def _drain_inbox(self, block: bool) -> None:
        while True:
            try:
                kind, req = self._inbox.get(block=block)
            except queue.Empty:
                return
            block = False
            if kind == "add":
                cache, rest = self._cached_prefix(req.prompt)
                (req.uid,) = self._gen.insert(
                    [rest], max_tokens=[req.max_new], caches=[cache],
                    all_tokens=[req.prompt[: len(req.prompt) - len(rest)]], samplers=[req.sampler],
                    logits_processors=[req.processors], stop_sequences=[self._stop_tokens],
                )
                self._active[req.uid] = req
            elif kind == "abort" and req.uid in self._active:
                self._gen.remove([req.uid])
                self._finish(req)

    def _cached_prefix(self, prompt: list[int]) -> tuple[Any, list[int]]:
        """(a copy of the KV cache of prompt's longest cached prefix, or None; the tokens still to prefill)."""
        if self._prompt_cache is None:
            return None, prompt
        self._lookups += 1
        cache, rest = self._prompt_cache.fetch_nearest_cache("model", prompt)
        if cache is not None and not rest:  # the whole prompt: recompute its last token, whose logits we need
            if not can_trim_prompt_cache(cache):
                return None, prompt
            trim_prompt_cache(cache, 1)
            rest = prompt[-1:]
        if cache is None:
            return None, prompt
        self._hits += 1
        self.cached_prompt_tokens += len(prompt) - len(rest)
        return cache, rest

    def _finish(self, req: _Request) -> None:
        del self._active[req.uid]
        with self._lock:
            self._n_inflight -= 1

    def _step(self) -> None:
        if self._fail_step_after is not None and self.steps >= self._fail_step_after:
            raise RuntimeError(f"decode failed (injected by {TEST_FAIL_DECODE_AFTER_ENV})")
        _, responses = self._gen.next()
        self.steps += 1
        outputs: list[tuple[_Request, GenerationEvent]] = []
        for r in responses:
            req = self._active.get(r.uid)
            if req is None:
                continue
            reason: FinishReason | None = None
            if r.finish_reason is not None and r.prompt_cache and self._prompt_cache is not None:
                # prompt + answer: the prefix of the next turn, or of the next prompt with the same system text
                self._prompt_cache.insert_cache("model", list(r.all_tokens), r.prompt_cache)
            if r.finish_reason == "stop" and r.token in self.tokenizer.eog_ids:
                reason = "stop"
            else:
                req.n_generated += 1
                text = req.text.push(req.detok(r.token))
                if text:
                    outputs.append((req, TextDelta(text)))
                if req.text.stopped:
                    reason = "stop"
                    if r.finish_reason is None:
                        self._gen.remove([r.uid])
                elif r.finish_reason is not None:
                    reason = "length"
            if reason is not None:
                tail = req.text.flush()
                if tail:
                    outputs.append((req, TextDelta(tail)))
                outputs.append((req, Finished(reason, Usage(len(req.prompt), req.n_generated))))
                self._finish(req)
        if outputs:
            bridge.emit(outputs)

    def _fail_all(self, message: str) -> None:
        """Every running request, and every one submitted but not yet inserted, ends with an error."""
        failed = list(self._active.values())
        while True:
            try:
                kind, req = self._inbox.get_nowait()
            except queue.Empty:
                break
            if kind == "add":
                failed.append(req)
        self._active.clear()
        with self._lock:
            self._n_inflight = 0
        bridge.emit([(req, Finished("error", Usage(len(req.prompt), req.n_generated), message)) for req in failed])
