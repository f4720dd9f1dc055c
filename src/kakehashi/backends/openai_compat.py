"""A Backend for any OpenAI-compatible server: Ollama, llama-server, vLLM, SGLang, TGI, mlx_lm.server, OpenAI.

The ONLY module in kakehashi that makes outbound HTTP. One pooled `aiohttp.ClientSession` per backend
(HTTP/1.1 keep-alive), created on first use inside the event loop; every request streams from the
upstream (`stream: true` with `stream_options.include_usage`) so the gateway gets tokens as they come,
whether or not its own client asked for a stream.

Why aiohttp and not httpx: this is the gateway's hot path. Measured on this machine against the fault
upstream (tests/backends/measure_backend_overhead.py), a streamed request costs ~0.15-0.2 ms of client
CPU with aiohttp (its llhttp C parser) against ~0.85 ms with httpx (h11 + httpcore + anyio, pure Python):
httpx alone would use most of the per-request budget of a 700 req/s gateway.

Error semantics (all `kakehashi.errors.BackendError` unless noted):
  - connection refused/reset, connect timeout, no response headers within `timeouts.read`
                                  -> retryable=True, upstream_status=None
  - HTTP 5xx, 408                 -> retryable=True, upstream_status=<status>
  - HTTP 429                      -> retryable=True, retry_after=<Retry-After / retry-after-ms, seconds>
  - HTTP 401/403, or no key because its variable is unset
                                  -> retryable=False, code="upstream_auth_failed", status 502 naming the
                                     backend (the gateway's credentials are wrong, not the client's)
  - other HTTP 4xx                -> retryable=False, upstream_status=<status> (the API passes it through)
                                     with the upstream's error message, secrets scrubbed
  - the stream breaks after the response started (reset, invalid SSE, an upstream `error` event,
    EOF without finish_reason/[DONE], no first token within `timeouts.read`, `timeouts.total` exceeded)
                                  -> code="stream_interrupted"; retryable=True only if no TextDelta had
                                     been yielded yet (so falling back cannot duplicate text)
  - every concurrency slot busy for longer than `queue_timeout` -> kakehashi.errors.Overloaded

The API key lives only in a `_Secret` (which prints as a placeholder) and in the session's default
headers; it is scrubbed from upstream error messages and is never part of a message, repr or log line.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

import aiohttp
import orjson

from kakehashi.backends.base import BackendKind
from kakehashi.content import estimate_prompt_tokens
from kakehashi.errors import BackendError, InvalidRequest, Overloaded
from kakehashi.protocol.http import SSEDecoder, display_url, parse_retry_after
from kakehashi.types import (
    ChatRequest,
    CompletionRequest,
    EmbeddingRequest,
    EmbeddingResult,
    Finished,
    FinishReason,
    GenerationEvent,
    SamplingParams,
    TextDelta,
    TokenLogprob,
    ToolCallDelta,
    TopLogprob,
    Usage,
)

STREAM_INTERRUPTED: Final = "stream_interrupted"
_ERROR_BODY_LIMIT: Final = 64 * 1024  # bytes of an error response we read to find its message
_MESSAGE_LIMIT: Final = 500  # characters of an upstream message we pass on
_FINISH_REASONS: Final[dict[str, FinishReason]] = {
    "stop": "stop",
    "length": "length",
    "tool_calls": "tool_calls",
    "function_call": "tool_calls",
    "content_filter": "content_filter",
    "eos_token": "stop",
    "abort": "abort",
    "error": "error",
}
# Key shapes we mask in upstream messages even when they are not this backend's own key.
_KEY_LIKE = re.compile(
    r"\b(?:sk|pk|rk|gsk|xai)[-_][A-Za-z0-9_\-]{12,}|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{20,}"
)


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. `read` bounds the wait for the response headers, for the first token, and between any two
    chunks; `total` bounds the whole generation (checked as chunks arrive)."""

    connect: float = 5.0
    read: float = 60.0
    total: float = 600.0


@dataclass(slots=True)
class EstimatedUsage(Usage):
    """Usage the upstream did not report: completion = content deltas counted, prompt ~ UTF-8 bytes / 4.

    A subclass so that callers can tell (`isinstance(u, EstimatedUsage)`) without a change to types.py.
    """


class _Secret:
    """Holds the API key; prints as a placeholder whatever formats it."""

    __slots__ = ("_value",)

    def __init__(self, value: str | None) -> None:
        self._value = value or None

    def reveal(self) -> str | None:
        return self._value

    def scrub(self, text: str) -> str:
        if self._value:
            text = text.replace(self._value, "***")
        return _KEY_LIKE.sub("***", text)

    def __repr__(self) -> str:
        return "<secret>" if self._value else "<none>"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a secret cannot be pickled")


def _sampling_fields(s: SamplingParams, max_tokens_field: str) -> dict[str, Any]:
    """Only the fields the client set (None = unset): the upstream (or the model) keeps its own defaults,
    and strict servers (OpenAI) never see llama.cpp-only fields (top_k, min_p, repeat_penalty) unless
    a client asked for them."""
    out: dict[str, Any] = {}
    if s.temperature is not None:
        out["temperature"] = s.temperature
    if s.top_p is not None:
        out["top_p"] = s.top_p
    if s.max_tokens is not None:
        out[max_tokens_field] = s.max_tokens
    if s.stop:
        out["stop"] = list(s.stop)
    if s.seed is not None:
        out["seed"] = s.seed
    if s.presence_penalty is not None:
        out["presence_penalty"] = s.presence_penalty
    if s.frequency_penalty is not None:
        out["frequency_penalty"] = s.frequency_penalty
    if s.top_k is not None:
        out["top_k"] = s.top_k
    if s.min_p is not None:
        out["min_p"] = s.min_p
    if s.repeat_penalty is not None:
        out["repeat_penalty"] = s.repeat_penalty
    return out


def _request_fields(req: ChatRequest | CompletionRequest) -> dict[str, Any]:
    """The generation fields kakehashi models explicitly, as the client sent them (only those set)."""
    out: dict[str, Any] = {}
    if req.n != 1:
        out["n"] = req.n
    if req.sampling.logit_bias:
        out["logit_bias"] = {str(t): b for t, b in req.sampling.logit_bias}
    if isinstance(req, CompletionRequest):
        if req.logprobs is not None:
            out["logprobs"] = req.logprobs
        return out
    for name in ("tools", "tool_choice", "parallel_tool_calls", "logprobs", "top_logprobs"):
        value = getattr(req, name)
        if value is not None:
            out[name] = value
    return out


def _bytes(value: Any) -> tuple[int, ...] | None:
    return tuple(value) if isinstance(value, list) else None


def _chat_logprobs(logprobs: Any) -> tuple[TokenLogprob, ...] | None:
    content = logprobs.get("content") if isinstance(logprobs, dict) else None
    if not isinstance(content, list):
        return None
    return tuple(
        TokenLogprob(
            str(t.get("token", "")), float(t.get("logprob", 0.0)), _bytes(t.get("bytes")),
            tuple(
                TopLogprob(str(a.get("token", "")), float(a.get("logprob", 0.0)), _bytes(a.get("bytes")))
                for a in t.get("top_logprobs") or [] if isinstance(a, dict)
            ),
        )
        for t in content if isinstance(t, dict)
    )


def _completion_logprobs(logprobs: Any) -> tuple[TokenLogprob, ...] | None:
    if not isinstance(logprobs, dict) or not isinstance(logprobs.get("tokens"), list):
        return None
    values = logprobs.get("token_logprobs") or []
    tops = logprobs.get("top_logprobs") or []
    out = []
    for i, token in enumerate(logprobs["tokens"]):
        value = values[i] if i < len(values) and values[i] is not None else 0.0
        top = tops[i] if i < len(tops) and isinstance(tops[i], dict) else {}
        out.append(TokenLogprob(str(token), float(value), None,
                                tuple(TopLogprob(str(k), float(v)) for k, v in top.items())))
    return tuple(out)


def _choice_events(choice: dict[str, Any], *, chat: bool, streamed: bool) -> list[GenerationEvent]:
    """One upstream choice (a chunk's delta or a whole message) -> events, nothing dropped that the
    OpenAI shape carries: text, logprobs, tool calls, the choice index."""
    index = choice.get("index", 0)
    index = index if isinstance(index, int) and index >= 0 else 0
    events: list[GenerationEvent] = []
    if not chat:
        text = choice.get("text")
        logprobs = _completion_logprobs(choice.get("logprobs"))
        if text or logprobs:
            events.append(TextDelta(text or "", index, logprobs))
        return events
    message = (choice.get("delta") if streamed else choice.get("message")) or {}
    text = message.get("content")
    logprobs = _chat_logprobs(choice.get("logprobs"))
    if text or logprobs:
        events.append(TextDelta(text if isinstance(text, str) else "", index, logprobs))
    for position, call in enumerate(message.get("tool_calls") or []):
        if not isinstance(call, dict):
            continue
        fn: dict[str, Any] = call["function"] if isinstance(call.get("function"), dict) else {}
        call_index = call.get("index", position) if streamed else position
        arguments = fn.get("arguments")
        events.append(ToolCallDelta(
            call_index if isinstance(call_index, int) else position, call.get("id"), fn.get("name"),
            arguments if isinstance(arguments, str) else ("" if arguments is None else orjson.dumps(arguments).decode()),
            index,
        ))
    return events


def _finished(finishes: dict[int, str], usage: Usage) -> Finished:
    reasons = tuple(_FINISH_REASONS.get(finishes.get(i) or "stop", "stop") for i in range(max(finishes, default=0) + 1))
    return Finished(reasons[0], usage, choice_reasons=reasons if len(reasons) > 1 else ())


class OpenAICompatBackend:
    """One OpenAI-compatible upstream. See the module docstring for the error semantics."""

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        models: Sequence[str],
        kind: BackendKind = "cloud",
        api_key: str | None = None,
        timeouts: Timeouts | None = None,
        max_concurrency: int = 64,
        queue_timeout: float = 10.0,
        health_timeout: float = 2.0,
        max_tokens_field: str = "max_tokens",
        missing_key_env: str | None = None,
    ) -> None:
        if kind not in ("local", "cloud"):
            raise ValueError(f"backend {name!r}: kind must be 'local' or 'cloud', not {kind!r}")
        if max_concurrency < 1:
            raise ValueError(f"backend {name!r}: max_concurrency must be >= 1")
        if urlsplit(base_url).scheme not in ("http", "https"):
            raise ValueError(f"backend {name!r}: base_url must start with http:// or https://")
        self.name = name
        self.kind: BackendKind = kind
        self.timeouts = timeouts or Timeouts()
        self.max_concurrency = max_concurrency
        self.queue_timeout = queue_timeout
        self.health_timeout = health_timeout
        self.max_tokens_field = max_tokens_field
        self._models = list(models)
        self._secret = _Secret(api_key)
        # The variable that should hold the key but is unset: requests fail at once with a 502 saying
        # so, instead of reaching the upstream without credentials and coming back as its 401.
        self.missing_key_env = missing_key_env if not api_key else None
        self._display_url = display_url(base_url)
        root = base_url.rstrip("/")
        self._chat_url = root + "/chat/completions"
        self._completions_url = root + "/completions"
        self._models_url = root + "/models"
        self._embeddings_url = root + "/embeddings"
        self._slots = asyncio.Semaphore(max_concurrency)
        self._http: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:
        return (
            f"OpenAICompatBackend(name={self.name!r}, base_url={self._display_url!r}, kind={self.kind!r}, "
            f"models={self._models!r}, api_key={self._secret!r})"
        )

    def models(self) -> list[str]:
        return list(self._models)

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        payload: dict[str, Any] = {"model": req.model, "messages": req.messages}
        payload.update(_sampling_fields(req.sampling, self.max_tokens_field))
        if req.response_format is not None:
            payload["response_format"] = req.response_format
        payload.update(_request_fields(req))
        return self._stream(self._chat_url, self._encode(payload, req.extra), req, chat=True)

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        payload: dict[str, Any] = {"model": req.model, "prompt": req.prompt}
        payload.update(_sampling_fields(req.sampling, self.max_tokens_field))
        payload.update(_request_fields(req))
        return self._stream(self._completions_url, self._encode(payload, req.extra), req, chat=False)

    async def embed(self, req: EmbeddingRequest) -> EmbeddingResult:
        """POST /embeddings with the client's fields untouched; the upstream's JSON comes back as is."""
        payload: dict[str, Any] = {**req.wire, "model": req.model}
        payload["input"] = req.texts if req.texts is not None else req.token_ids
        if req.dimensions is not None:
            payload["dimensions"] = req.dimensions
        if req.input_type is not None:
            payload["input_type"] = req.input_type
        try:
            body = orjson.dumps(payload)
        except TypeError as exc:
            raise InvalidRequest(f"request for backend {self.name!r} is not JSON-serialisable: {exc}") from None
        await self._acquire_slot()
        try:
            try:
                async with asyncio.timeout(self.timeouts.total):
                    response = await self._session().post(
                        self._embeddings_url, data=body, allow_redirects=False,
                        headers={"Accept": "application/json"},
                    )
                    async with response:
                        if response.status >= 400:
                            raise await self._status_error(response)
                        raw = await response.read()
            except TimeoutError as exc:
                raise self._transport_error("timed out", exc) from exc
            except aiohttp.ClientError as exc:
                raise self._transport_error("the request failed", exc) from exc
        finally:
            self._slots.release()
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise BackendError(f"backend {self.name!r}: embeddings response is not JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("data"), list):
            raise BackendError(f"backend {self.name!r}: embeddings response has no 'data' list")
        usage = obj.get("usage")
        prompt = usage.get("prompt_tokens") if isinstance(usage, dict) else None
        estimated = not isinstance(prompt, int)
        if estimated:
            texts = req.texts or []
            prompt = sum(len(t.encode()) for t in texts) // 4 + sum(len(t) for t in req.token_ids or [])
        return EmbeddingResult(req.model, int(prompt), upstream_body=obj, tokens_estimated=estimated)

    async def health(self) -> bool:
        timeout = aiohttp.ClientTimeout(total=self.health_timeout)
        try:
            async with self._session().get(self._models_url, timeout=timeout) as response:
                return response.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    # -- internals ---------------------------------------------------------------------------------

    def _session(self) -> aiohttp.ClientSession:
        """The backend's one pooled session, made on first use: aiohttp binds it to the running loop."""
        if self._http is None or self._http.closed:
            headers = {
                "Content-Type": "application/json",
                "Accept": "text/event-stream",
                # Compressed SSE would be buffered by a decoder and delay tokens.
                "Accept-Encoding": "identity",
            }
            api_key = self._secret.reveal()
            if api_key:
                headers["Authorization"] = f"Bearer {api_key}"
            connector = aiohttp.TCPConnector(
                # Our semaphore bounds concurrent streams; two spare connections serve health().
                limit=self.max_concurrency + 2,
                limit_per_host=0,
                # Below uvicorn's 5 s keep-alive, so we rarely reuse a socket the server is closing.
                keepalive_timeout=4.0,
                ttl_dns_cache=300,
            )
            self._http = aiohttp.ClientSession(
                connector=connector,
                headers=headers,
                timeout=aiohttp.ClientTimeout(
                    total=None,  # enforced per chunk in _stream (Timeouts.total)
                    connect=self.timeouts.connect,
                    sock_connect=self.timeouts.connect,
                    sock_read=self.timeouts.read,
                ),
                cookie_jar=aiohttp.DummyCookieJar(),  # an API upstream has no business setting cookies
                auto_decompress=False,
                raise_for_status=False,
            )
        return self._http

    def _encode(self, payload: dict[str, Any], extra: dict[str, Any]) -> bytes:
        if extra:
            payload.update(extra)
        # Whatever the client asked, we stream from the upstream and want its token counts.
        payload["stream"] = True
        payload["stream_options"] = {**(payload.get("stream_options") or {}), "include_usage": True}
        try:
            # orjson: several times faster than json.dumps here, and it emits UTF-8 bytes directly.
            return orjson.dumps(payload)
        except TypeError as exc:
            raise InvalidRequest(
                f"request for backend {self.name!r} is not JSON-serialisable: {exc}"
            ) from None

    async def _acquire_slot(self) -> None:
        if not self._slots.locked():
            await self._slots.acquire()  # a free slot: returns without suspending
            return
        try:
            async with asyncio.timeout(self.queue_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise Overloaded(
                f"backend {self.name!r}: all {self.max_concurrency} upstream slots stayed busy "
                f"for {self.queue_timeout:g}s",
                retry_after=1.0,
            ) from None

    async def _stream(
        self, url: str, body: bytes, req: ChatRequest | CompletionRequest, *, chat: bool
    ) -> AsyncIterator[GenerationEvent]:
        if self.missing_key_env:
            raise BackendError(
                f"backend {self.name!r} has no API key: the environment variable {self.missing_key_env} "
                "is not set", upstream_status=401, retryable=False,
            )
        await self._acquire_slot()
        slot_held = True
        response: aiohttp.ClientResponse | None = None
        try:
            started = time.monotonic()
            try:
                response = await self._session().post(url, data=body, allow_redirects=False)
            except TimeoutError as exc:  # aiohttp's timeouts subclass TimeoutError
                raise self._transport_error("timed out before the response started", exc) from exc
            except aiohttp.ClientError as exc:
                raise self._transport_error("the request failed before a response", exc) from exc
            if response.status >= 400:
                raise await self._status_error(response)
            if response.content_type == "application/json":
                # A server that ignored `stream: true` and answered with one JSON body.
                whole = await self._whole_body_events(response, req, chat=chat)
                response.release()
                response = None
                self._slots.release()
                slot_held = False
                for generated in whole:
                    yield generated
                return

            decoder = SSEDecoder()
            deltas = 0
            finishes: dict[int, str] = {}
            usage: dict[str, Any] | None = None
            done = False
            first_token_deadline = started + self.timeouts.read
            total_deadline = started + self.timeouts.total
            content = response.content
            while True:
                try:
                    chunk = await content.readany()
                except TimeoutError as exc:
                    what = "no token within the read timeout" if deltas == 0 else "the upstream went silent"
                    raise self._interrupted(what, deltas) from exc
                except aiohttp.ClientError as exc:
                    raise self._interrupted(f"the connection broke ({type(exc).__name__})", deltas) from exc
                if not chunk:
                    break  # EOF
                if done:
                    continue  # drain to EOF after [DONE] so that the connection returns to the pool
                now = time.monotonic()
                if now > total_deadline:
                    raise self._interrupted("exceeded the total timeout", deltas)
                if deltas == 0 and now > first_token_deadline:
                    raise self._interrupted("no token within the read timeout", deltas)
                for event, data in decoder.feed(chunk):
                    if data == b"[DONE]":
                        done = True
                        break
                    try:
                        obj = orjson.loads(data)
                    except orjson.JSONDecodeError:
                        raise self._interrupted("invalid SSE data (not JSON)", deltas) from None
                    if not isinstance(obj, dict):
                        raise self._interrupted("invalid SSE data (not a JSON object)", deltas)
                    if event == b"error" or "error" in obj:
                        raise self._error_event(obj, deltas)
                    for choice in obj.get("choices") or ():
                        if not isinstance(choice, dict):
                            continue
                        for generated in _choice_events(choice, chat=chat, streamed=True):
                            deltas += 1
                            yield generated
                        if choice.get("finish_reason"):
                            index = choice.get("index", 0)
                            finishes[index if isinstance(index, int) and 0 <= index < 256 else 0] = choice[
                                "finish_reason"
                            ]
                    if obj.get("usage"):
                        usage = obj["usage"]
            done = done or decoder.ends_with_done()
            if not finishes and not done:
                raise self._interrupted("the stream ended before a finish_reason or [DONE]", deltas)
            # Free the connection (fully read: back to the pool) and the slot before the last event,
            # since a consumer may never ask for more.
            response.release()
            response = None
            self._slots.release()
            slot_held = False
            yield _finished(finishes, self._usage(usage, deltas, req))
        finally:
            if response is not None:
                # Early close (the client went away) or an error: closing an unfinished response drops
                # the connection, which is how the upstream learns to stop generating.
                response.close()
            if slot_held:
                self._slots.release()

    async def _whole_body_events(
        self, response: aiohttp.ClientResponse, req: ChatRequest | CompletionRequest, *, chat: bool
    ) -> list[GenerationEvent]:
        try:
            obj = orjson.loads(await response.read())
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise self._interrupted(f"the connection broke ({type(exc).__name__})", 0) from exc
        except orjson.JSONDecodeError:
            raise self._interrupted("invalid JSON body", 0) from None
        if not isinstance(obj, dict) or not obj.get("choices"):
            raise self._interrupted("a JSON body without choices", 0)
        events: list[GenerationEvent] = []
        finishes: dict[int, str] = {}
        for choice in obj["choices"]:
            if isinstance(choice, dict):
                events.extend(_choice_events(choice, chat=chat, streamed=False))
                index = choice.get("index", 0)
                finishes[index if isinstance(index, int) and 0 <= index < 256 else 0] = choice.get("finish_reason") or "stop"
        events.append(_finished(finishes, self._usage(obj.get("usage"), len(events), req)))
        return events

    def _usage(
        self, reported: dict[str, Any] | None, deltas: int, req: ChatRequest | CompletionRequest
    ) -> Usage:
        if reported is not None:
            prompt = reported.get("prompt_tokens")
            completion = reported.get("completion_tokens")
            if isinstance(prompt, int) and isinstance(completion, int):
                return Usage(prompt, completion)
        return EstimatedUsage(estimate_prompt_tokens(req), deltas)

    def _transport_error(self, what: str, exc: BaseException) -> BackendError:
        detail = self._secret.scrub(str(exc))[:200] or type(exc).__name__
        return BackendError(f"backend {self.name!r} ({self._display_url}): {what}: {detail}", retryable=True)

    def _interrupted(self, what: str, deltas: int) -> BackendError:
        when = "before the first token" if deltas == 0 else f"after {deltas} deltas"
        return BackendError(
            f"backend {self.name!r}: stream interrupted {when}: {what}",
            retryable=deltas == 0,
            code=STREAM_INTERRUPTED,
        )

    def _error_event(self, obj: dict[str, Any], deltas: int) -> BackendError:
        error = obj.get("error")
        message = _error_message(error) or "upstream sent an error event"
        code = error.get("code") if isinstance(error, dict) else None
        status = code if isinstance(code, int) and 400 <= code < 600 else None
        if deltas == 0 and status is not None and status < 500 and status not in (408, 429):
            # e.g. vLLM reports an over-long prompt as a 400 inside a 200 stream: the request is at fault.
            return BackendError(
                f"backend {self.name!r} rejected the request ({status}): "
                f"{self._secret.scrub(message)[:_MESSAGE_LIMIT]}",
                upstream_status=status,
                retryable=False,
            )
        return self._interrupted(
            f"upstream error event: {self._secret.scrub(message)[:_MESSAGE_LIMIT]}", deltas
        )

    async def _status_error(self, response: aiohttp.ClientResponse) -> BackendError:
        status = response.status
        body = b""
        try:
            while len(body) < _ERROR_BODY_LIMIT:
                chunk = await response.content.read(_ERROR_BODY_LIMIT - len(body))
                if not chunk:
                    break
                body += chunk
        except (aiohttp.ClientError, TimeoutError):
            pass  # the status alone is enough
        message = _error_message_from_body(body) or response.reason or "no message"
        message = self._secret.scrub(message)[:_MESSAGE_LIMIT]
        retryable = status >= 500 or status in (408, 429)
        if status in (401, 403):
            message = f"the upstream refused this backend's API key: {message}"
        return BackendError(
            f"backend {self.name!r} returned HTTP {status}: {message}",
            upstream_status=status,
            retryable=retryable,
            retry_after=parse_retry_after(response.headers) if retryable else None,
        )


def _error_message(error: Any) -> str | None:
    if isinstance(error, dict):
        message = error.get("message")
        return str(message) if message else None
    if isinstance(error, str):
        return error
    return None


def _error_message_from_body(body: bytes) -> str | None:
    """OpenAI's {"error": {"message": ...}}, TGI's {"error": "..."}, FastAPI's {"detail": ...}, or text."""
    if not body:
        return None
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError:
        return body.decode("utf-8", "replace").strip()[:_MESSAGE_LIMIT] or None
    if isinstance(obj, dict):
        message = _error_message(obj.get("error")) or _error_message(obj.get("message"))
        if message is None and "detail" in obj:
            message = str(obj["detail"])
        return message
    return None
