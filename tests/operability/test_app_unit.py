"""The HTTP layer's operability pieces in-process, on the FakeBackend: drain 503, request ids, breaker metrics."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.api.request_log import JsonFormatter
from kakehashi.errors import BackendError
from kakehashi.gateway import Gateway
from kakehashi.gateway.fake import FakeBackend, Outcome

CHAT = {"model": "m", "messages": [{"role": "user", "content": "a secret prompt"}]}


def run(coro: object) -> object:
    return asyncio.run(coro)  # type: ignore[arg-type]


async def request(gateway: Gateway, *calls: tuple[str, str, dict[str, object] | None, dict[str, str]],
                  drain_after: int | None = None) -> list[httpx.Response]:
    app = create_app(gateway, ServerOptions())
    out = []
    async with (app.router.lifespan_context(app),
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client):
        for i, (method, path, body, headers) in enumerate(calls):
            if drain_after is not None and i == drain_after:
                app.state.lifecycle.drain()
            out.append(await client.request(method, path, json=body, headers=headers))
    return out


def test_draining_answers_503_to_new_requests_and_on_health() -> None:
    gw = Gateway([FakeBackend("local", ["m"])])
    ok, refused, health = run(request(gw, ("POST", "/v1/chat/completions", CHAT, {}),
                                      ("POST", "/v1/chat/completions", CHAT, {}),
                                      ("GET", "/health", None, {}), drain_after=1))
    assert ok.status_code == 200
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "shutting_down"
    assert health.status_code == 503 and health.json()["status"] == "draining"


def test_every_response_carries_a_request_id_and_a_sane_client_id_is_kept(caplog: pytest.LogCaptureFixture) -> None:
    gw = Gateway([FakeBackend("local", ["m"])])
    with caplog.at_level(logging.INFO, logger="kakehashi.access"):
        mine, generated, bad, missing = run(request(
            gw,
            ("POST", "/v1/chat/completions", CHAT, {"x-request-id": "trace-42"}),
            ("POST", "/v1/chat/completions", CHAT, {}),
            ("POST", "/v1/chat/completions", CHAT, {"x-request-id": "no spaces or\x7f"}),
            ("POST", "/v1/chat/completions", {**CHAT, "model": "nope"}, {}),
        ))
    assert mine.headers["x-request-id"] == "trace-42"
    assert len(generated.headers["x-request-id"]) == 32
    assert bad.headers["x-request-id"] != "no spaces or\x7f" and len(bad.headers["x-request-id"]) == 32
    assert missing.status_code == 404 and "x-request-id" in missing.headers
    lines = [r for r in caplog.records if r.name == "kakehashi.access"]
    assert len(lines) == 4  # one line per request, errors included
    first = lines[0].fields  # type: ignore[attr-defined]
    assert first["request_id"] == "trace-42" and first["status"] == 200 and first["backend"] == "local"
    assert first["model"] == "m" and first["completion_tokens"] == 1
    assert lines[3].fields["error"] == "model_not_found"  # type: ignore[attr-defined]
    assert all("secret prompt" not in r.getMessage() for r in caplog.records)


def test_the_json_formatter_writes_one_object_with_the_fields() -> None:
    record = logging.LogRecord("kakehashi.access", logging.INFO, __file__, 1, "x", None, None)
    record.fields = {"request_id": "r1", "status": 200}
    obj = json.loads(JsonFormatter().format(record))
    assert obj["request_id"] == "r1" and obj["status"] == 200 and obj["level"] == "info"
    plain = logging.LogRecord("kakehashi", logging.WARNING, __file__, 1, "hello %s", ("you",), None)
    assert json.loads(JsonFormatter().format(plain))["message"] == "hello you"


def test_breaker_state_reaches_metrics() -> None:
    down = FakeBackend("cloud", ["big"], [Outcome(error=BackendError("refused"))], kind="cloud")
    gw = Gateway([FakeBackend("local", ["m"]), down])
    responses = run(request(gw, *[("POST", "/v1/chat/completions", {**CHAT, "model": "big"}, {})] * 5,
                            ("GET", "/metrics", None, {})))
    # 3 attempts per request, the breaker opens at the 5th failure: from the 3rd request on, not even tried.
    assert [r.status_code for r in responses[:5]] == [502, 502, 503, 503, 503]
    assert len(down.calls) == 5
    text = responses[-1].text
    assert 'kakehashi_backend_circuit_state{backend="cloud",state="open"} 1.0' in text
    assert 'kakehashi_backend_circuit_state{backend="local",state="closed"} 1.0' in text
