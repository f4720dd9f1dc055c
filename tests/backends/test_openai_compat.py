"""OpenAICompatBackend against the real fault upstream on 127.0.0.1 (see tests/upstreams/fault_upstream.py)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable

import pytest

from kakehashi.backends.openai_compat import (
    STREAM_INTERRUPTED,
    EstimatedUsage,
    OpenAICompatBackend,
    Timeouts,
)
from kakehashi.errors import BackendError, Overloaded
from kakehashi.types import (
    ChatRequest,
    CompletionRequest,
    Finished,
    GenerationEvent,
    SamplingParams,
    TextDelta,
    Usage,
)
from tests.upstreams.fault_upstream import FaultUpstream

BackendFactory = Callable[..., OpenAICompatBackend]
SECRET = "sk-kakehashi-test-0123456789abcdef"


def chat(model: str, text: str = "hello world", **kwargs: object) -> ChatRequest:
    return ChatRequest(model=model, messages=[{"role": "user", "content": text}], **kwargs)  # type: ignore[arg-type]


async def collect(events: AsyncIterator[GenerationEvent]) -> tuple[list[str], Finished]:
    texts: list[str] = []
    async for event in events:
        if isinstance(event, TextDelta):
            texts.append(event.text)
        else:
            return texts, event
    raise AssertionError("the stream ended without a Finished event")


async def deltas_then_error(events: AsyncIterator[GenerationEvent]) -> tuple[list[str], BackendError]:
    texts: list[str] = []
    with pytest.raises(BackendError) as caught:
        async for event in events:
            assert isinstance(event, TextDelta), "a broken stream must not finish normally"
            texts.append(event.text)
    return texts, caught.value


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# -- streaming ------------------------------------------------------------------------------------


async def test_chat_streams_deltas_and_reported_usage(make_backend: BackendFactory) -> None:
    backend = make_backend()
    texts, finished = await collect(backend.chat(chat("echo", "hello world")))
    assert "".join(texts) == "Echo: hello world"
    assert len(texts) == 5  # the upstream sends 4-character pieces
    assert finished.reason == "stop"
    assert type(finished.usage) is Usage  # reported by the upstream, not estimated
    assert finished.usage.completion_tokens == 5
    assert finished.usage.prompt_tokens == len("hello world") // 4 + 1


async def test_japanese_text_survives_the_stream(make_backend: BackendFactory) -> None:
    backend = make_backend()
    prompt = "東京の天気を教えてください。雨は降りますか？"
    texts, finished = await collect(backend.chat(chat("echo", prompt)))
    assert "".join(texts) == "Echo: " + prompt
    assert finished.reason == "stop"


async def test_completion_endpoint(make_backend: BackendFactory, upstream: FaultUpstream) -> None:
    backend = make_backend()
    req = CompletionRequest(model="echo", prompt="Once upon a time", sampling=SamplingParams(max_tokens=3))
    texts, finished = await collect(backend.complete(req))
    assert "".join(texts) == "Echo: Once u"
    assert finished.reason == "length"
    assert upstream.state.requests["/v1/completions"] == 1


async def test_request_translation(make_backend: BackendFactory, upstream: FaultUpstream) -> None:
    backend = make_backend()
    sampling = SamplingParams(
        temperature=0.2, top_k=40, max_tokens=50, stop=("\n\n",), seed=7, frequency_penalty=0.5
    )
    req = chat(
        "echo",
        sampling=sampling,
        response_format={"type": "json_object"},
        extra={"user": "u-1", "stream": False, "stream_options": {"foo": 1}},
    )
    await collect(backend.chat(req))
    body = upstream.state.last_body
    assert body is not None
    assert body["model"] == "echo"
    assert body["messages"] == [{"role": "user", "content": "hello world"}]
    assert body["temperature"] == 0.2
    assert body["top_k"] == 40
    assert body["max_tokens"] == 50
    assert body["stop"] == ["\n\n"]
    assert body["seed"] == 7
    assert body["frequency_penalty"] == 0.5
    assert body["response_format"] == {"type": "json_object"}
    assert body["user"] == "u-1"
    # Defaults stay unset so the upstream's own apply; the stream is forced whatever `extra` says.
    for absent in ("top_p", "min_p", "repeat_penalty", "presence_penalty"):
        assert absent not in body
    assert body["stream"] is True
    assert body["stream_options"] == {"foo": 1, "include_usage": True}


async def test_max_tokens_field_is_configurable(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(max_tokens_field="max_completion_tokens")
    await collect(backend.chat(chat("echo", sampling=SamplingParams(max_tokens=2))))
    body = upstream.state.last_body
    assert body is not None and body["max_completion_tokens"] == 2 and "max_tokens" not in body


async def test_missing_usage_is_estimated_and_marked(make_backend: BackendFactory) -> None:
    backend = make_backend()
    texts, finished = await collect(backend.chat(chat("no-usage", "hello world")))
    assert isinstance(finished.usage, EstimatedUsage)
    assert finished.usage.completion_tokens == len(texts) == 5
    assert finished.usage.prompt_tokens > 0


async def test_stream_without_done_but_with_finish_reason_succeeds(make_backend: BackendFactory) -> None:
    backend = make_backend()
    texts, finished = await collect(backend.chat(chat("no-done")))
    assert "".join(texts) == "Echo: hello world"
    assert finished.reason == "stop"


async def test_upstream_that_ignores_stream_true_still_works(make_backend: BackendFactory) -> None:
    backend = make_backend()
    texts, finished = await collect(backend.chat(chat("json-body", "日本語もOK")))
    assert texts == ["Echo: 日本語もOK"]
    assert finished.reason == "stop" and type(finished.usage) is Usage
    assert finished.usage.completion_tokens == 3  # as the upstream reported


async def test_connections_are_reused(make_backend: BackendFactory, upstream: FaultUpstream) -> None:
    backend = make_backend()
    for _ in range(5):
        await collect(backend.chat(chat("echo")))
    stats = upstream.state.stats()
    assert stats["streams_completed"] == 5
    assert stats["connections"] == 1  # drained to EOF after [DONE], so keep-alive reused one socket


# -- errors before the stream ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_5xx_is_retryable(make_backend: BackendFactory, status: int) -> None:
    backend = make_backend()
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat(f"fail-{status}")))
    err = caught.value
    assert err.retryable is True
    assert err.upstream_status == status
    assert err.status == 502  # the gateway reports a bad gateway, not the upstream's own 5xx
    assert f"injected failure {status}" in err.message


async def test_429_is_retryable_with_retry_after_seconds(make_backend: BackendFactory) -> None:
    backend = make_backend()
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat("fail-429")))
    assert caught.value.retryable is True
    assert caught.value.upstream_status == 429
    assert caught.value.retry_after == 1.0


async def test_429_with_http_date_retry_after(make_backend: BackendFactory) -> None:
    backend = make_backend()
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat("fail-429-date")))
    retry_after = caught.value.retry_after
    assert retry_after is not None and 0.0 < retry_after <= 3.0


@pytest.mark.parametrize("status", [400, 404, 422])
async def test_other_4xx_is_not_retryable_and_passes_status(
    make_backend: BackendFactory, status: int
) -> None:
    backend = make_backend()
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat(f"fail-{status}")))
    err = caught.value
    assert err.retryable is False
    assert err.upstream_status == status
    assert err.status == status
    assert err.type == "invalid_request_error"
    assert f"injected failure {status}" in err.message
    assert err.retry_after is None


async def test_connection_refused_is_retryable(make_backend: BackendFactory) -> None:
    backend = make_backend(base_url=f"http://127.0.0.1:{unused_port()}/v1")
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat("echo")))
    assert caught.value.retryable is True
    assert caught.value.upstream_status is None
    assert "failed before a response" in caught.value.message


async def test_hang_times_out_retryably(make_backend: BackendFactory, upstream: FaultUpstream) -> None:
    backend = make_backend(timeouts=Timeouts(connect=1.0, read=0.3, total=5.0))
    with pytest.raises(BackendError) as caught:
        await collect(backend.chat(chat("hang")))
    assert caught.value.retryable is True
    assert "timed out" in caught.value.message
    assert upstream.state.modes["hang"] == 1


async def test_slow_first_token_beyond_read_timeout_is_retryable(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(timeouts=Timeouts(connect=1.0, read=0.3, total=5.0))
    upstream.set_mode("slow-first-token", count=1, delay=3.0)
    texts, err = await deltas_then_error(backend.chat(chat("echo")))
    assert texts == []
    assert err.retryable is True  # nothing was yielded: safe to retry or fall back
    assert err.code == STREAM_INTERRUPTED


async def test_slow_first_token_within_read_timeout_succeeds(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(timeouts=Timeouts(connect=1.0, read=5.0, total=10.0))
    upstream.set_mode("slow-first-token", count=1, delay=0.2)
    texts, finished = await collect(backend.chat(chat("echo")))
    assert "".join(texts) == "Echo: hello world"
    assert finished.reason == "stop"


# -- errors mid-stream ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "message_part"),
    [
        ("cut-stream", "connection broke"),
        ("truncated", "ended before a finish_reason"),
        ("error-event", "injected mid-stream error"),
        ("bad-sse", "not JSON"),
    ],
)
async def test_mid_stream_failure_raises_after_the_deltas(
    make_backend: BackendFactory, mode: str, message_part: str
) -> None:
    backend = make_backend()
    texts, err = await deltas_then_error(backend.chat(chat(mode)))
    assert texts == ["Echo", ": he"]
    assert err.code == STREAM_INTERRUPTED
    assert err.retryable is False  # text already went out: a retry elsewhere would duplicate it
    assert message_part in err.message


async def test_error_event_with_client_status_before_any_token_is_not_retryable(
    make_backend: BackendFactory,
) -> None:
    backend = make_backend()
    texts, err = await deltas_then_error(backend.chat(chat("error-event-400")))
    assert texts == []
    assert err.retryable is False
    assert err.upstream_status == 400 and err.status == 400
    assert "prompt is too long" in err.message


async def test_total_timeout_interrupts_a_long_stream(make_backend: BackendFactory) -> None:
    backend = make_backend(timeouts=Timeouts(connect=1.0, read=5.0, total=0.3))
    texts, err = await deltas_then_error(backend.chat(chat("slow-stream")))
    assert 0 < len(texts) < 200
    assert err.code == STREAM_INTERRUPTED and "total timeout" in err.message


async def test_mode_queue_overrides_model(make_backend: BackendFactory, upstream: FaultUpstream) -> None:
    backend = make_backend()
    upstream.set_mode("fail-503", count=2)
    for _ in range(2):
        with pytest.raises(BackendError):
            await collect(backend.chat(chat("echo")))
    texts, _ = await collect(backend.chat(chat("echo")))
    assert "".join(texts) == "Echo: hello world"
    assert upstream.state.stats()["generation_requests"] == 3


# -- early close -----------------------------------------------------------------------------------


async def test_closing_the_generator_early_aborts_the_upstream_stream(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(max_concurrency=1)
    events = backend.chat(chat("slow-stream"))
    assert isinstance(events, AsyncIterator)
    seen = [await anext(events) for _ in range(3)]
    assert all(isinstance(e, TextDelta) for e in seen)
    assert upstream.state.stats()["streams_open"] == 1
    await events.aclose()  # type: ignore[attr-defined]
    aborted = await asyncio.to_thread(
        upstream.wait_until, lambda s: s["streams_aborted"] == 1 and s["streams_open"] == 0
    )
    assert aborted, upstream.state.stats()
    # The slot came back: with max_concurrency=1 another request goes through at once.
    texts, _ = await collect(backend.chat(chat("echo")))
    assert "".join(texts) == "Echo: hello world"


async def test_cancelling_the_consumer_task_aborts_the_upstream_stream(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(max_concurrency=1)
    first_delta = asyncio.Event()

    async def consume() -> None:
        async for _ in backend.chat(chat("slow-stream")):
            first_delta.set()

    task = asyncio.create_task(consume())
    await first_delta.wait()
    task.cancel()  # what the server does when the gateway's own client disconnects
    with pytest.raises(asyncio.CancelledError):
        await task
    aborted = await asyncio.to_thread(
        upstream.wait_until, lambda s: s["streams_aborted"] == 1 and s["streams_open"] == 0
    )
    assert aborted, upstream.state.stats()
    texts, _ = await collect(backend.chat(chat("echo")))
    assert texts  # the slot was released


# -- secrets ---------------------------------------------------------------------------------------


async def test_secret_never_appears_in_errors_or_repr(
    make_backend: BackendFactory, upstream: FaultUpstream
) -> None:
    backend = make_backend(api_key=SECRET)
    await collect(backend.chat(chat("echo")))
    assert upstream.state.last_authorization == f"Bearer {SECRET}"  # it is sent...

    with pytest.raises(BackendError) as leaky:
        await collect(backend.chat(chat("fail-401-echo")))
    dead = make_backend(api_key=SECRET, base_url=f"http://127.0.0.1:{unused_port()}/v1?api-key={SECRET}")
    with pytest.raises(BackendError) as refused:
        await collect(dead.chat(chat("echo")))

    assert leaky.value.upstream_status == 401 and leaky.value.retryable is False
    assert "Incorrect API key provided" in leaky.value.message
    for text in (
        repr(backend),
        str(backend),
        repr(dead),
        str(leaky.value),
        repr(leaky.value),
        repr(leaky.value.args),
        str(refused.value),
        repr(refused.value),
    ):
        assert SECRET not in text  # ...and never shown


# -- concurrency -----------------------------------------------------------------------------------


async def test_saturated_backend_raises_overloaded_after_queue_timeout(make_backend: BackendFactory) -> None:
    backend = make_backend(max_concurrency=1, queue_timeout=0.2)
    holder = backend.chat(chat("slow-stream"))
    await anext(holder)  # holds the only slot
    with pytest.raises(Overloaded) as caught:
        await collect(backend.chat(chat("echo")))
    assert caught.value.status == 503
    assert "slots stayed busy" in caught.value.message
    await holder.aclose()  # type: ignore[attr-defined]
    texts, _ = await collect(backend.chat(chat("echo")))
    assert texts


async def test_waiting_request_proceeds_when_a_slot_frees(make_backend: BackendFactory) -> None:
    backend = make_backend(max_concurrency=1, queue_timeout=10.0)
    holder = backend.chat(chat("slow-stream"))
    await anext(holder)
    waiter = asyncio.create_task(collect(backend.chat(chat("echo"))))
    await asyncio.sleep(0.05)
    assert not waiter.done()  # queued behind the holder
    await holder.aclose()  # type: ignore[attr-defined]
    texts, finished = await waiter
    assert "".join(texts) == "Echo: hello world" and finished.reason == "stop"


# -- models and health -----------------------------------------------------------------------------


async def test_models_and_health(make_backend: BackendFactory) -> None:
    live = make_backend(models=["a", "b"])
    dead = make_backend(base_url=f"http://127.0.0.1:{unused_port()}/v1")
    assert live.models() == ["a", "b"]
    assert await live.health() is True
    assert await dead.health() is False


def test_rejects_bad_configuration() -> None:
    with pytest.raises(ValueError, match="kind"):
        OpenAICompatBackend("x", "http://127.0.0.1:1/v1", models=[], kind="edge")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_concurrency"):
        OpenAICompatBackend("x", "http://127.0.0.1:1/v1", models=[], max_concurrency=0)
    with pytest.raises(ValueError, match="base_url"):
        OpenAICompatBackend("x", "127.0.0.1:1/v1", models=[])
