"""/docs, /v1/models/{id}, and keys across dialects (Bearer and x-api-key), each error in its
dialect's shape. The app runs in-process with no model loaded: none of this generates text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.api.serve import app as serve_cli
from kakehashi.backends.local import LocalBackend
from kakehashi.gateway import Gateway

KEY = "sk-dialect-test"


@asynccontextmanager
async def app_client(**options: object) -> AsyncIterator[httpx.AsyncClient]:
    local = LocalBackend()
    local.expect(["m1", "org/model-2"])
    app = create_app(Gateway([local]), ServerOptions(**options))  # type: ignore[arg-type]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kk") as client:
            yield client


async def test_model_by_id() -> None:
    async with app_client() as c:
        listed = {m["id"]: m for m in (await c.get("/v1/models")).json()["data"]}
        assert (await c.get("/v1/models/m1")).json() == listed["m1"]
        assert listed["m1"]["owned_by"] == "embedded"
        assert (await c.get("/v1/models/org/model-2")).json()["id"] == "org/model-2"
        missing = await c.get("/v1/models/nope")
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "model_not_found"


async def test_docs_off_unless_asked() -> None:
    async with app_client() as c:
        assert (await c.get("/docs")).status_code == 404
        assert (await c.get("/openapi.json")).status_code == 404
    async with app_client(docs=True) as c:
        assert (await c.get("/docs")).status_code == 200
        paths = (await c.get("/openapi.json")).json()["paths"]
        assert {"/v1/chat/completions", "/v1/messages", "/v1/responses", "/api/chat", "/api/generate"} <= set(paths)


async def test_docs_stay_readable_with_keys_and_offer_authorize() -> None:
    async with app_client(docs=True, api_keys=[KEY]) as c:
        assert (await c.get("/docs")).status_code == 200
        spec = (await c.get("/openapi.json")).json()
        assert set(spec["components"]["securitySchemes"]) == {"bearer", "x-api-key"}
        assert (await c.get("/v1/models")).status_code == 401  # the API itself still needs the key


async def test_bearer_or_x_api_key_and_errors_per_dialect() -> None:
    async with app_client(api_keys=[KEY]) as c:
        assert (await c.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"})).status_code == 200
        assert (await c.get("/v1/models", headers={"x-api-key": KEY})).status_code == 200
        assert (await c.get("/api/tags", headers={"x-api-key": "wrong"})).status_code == 401

        openai_style = await c.post("/v1/responses", json={})
        assert openai_style.status_code == 401 and openai_style.json()["error"]["code"] == "invalid_api_key"
        anthropic_style = await c.post("/v1/messages", json={}, headers={"x-api-key": "wrong"})
        assert anthropic_style.status_code == 401
        assert anthropic_style.json()["type"] == "error"
        assert anthropic_style.json()["error"]["type"] == "authentication_error"
        ollama_style = await c.get("/api/tags")
        assert ollama_style.status_code == 401 and set(ollama_style.json()) == {"error"}


async def test_loading_server_answers_each_dialect_in_its_shape() -> None:
    """Models announced but not loaded yet: 503 with Retry-After, in each dialect's error shape."""
    async with app_client() as c:
        msg = {"model": "m1", "max_tokens": 2, "messages": [{"role": "user", "content": "hi"}]}
        anthropic_r = await c.post("/v1/messages", json=msg)
        assert anthropic_r.status_code == 503 and anthropic_r.headers["retry-after"]
        assert anthropic_r.json()["error"]["type"] == "overloaded_error"
        ollama_r = await c.post("/api/chat", json={"model": "m1", "messages": msg["messages"]})
        assert ollama_r.status_code == 503 and "loading" in ollama_r.json()["error"]
        responses_r = await c.post("/v1/responses", json={"model": "m1", "input": "hi"})
        assert responses_r.status_code == 503 and responses_r.json()["error"]["code"] == "model_loading"


def test_serve_help_documents_docs_flag() -> None:
    from typer.testing import CliRunner

    out = CliRunner().invoke(serve_cli, ["--help"], env={"COLUMNS": "200"}).output
    assert "--docs" in out and "loopback" in out


async def test_admin_routes_take_only_an_admin_key_and_are_off_without_one() -> None:
    async with app_client(api_keys=[KEY]) as c:
        off = await c.get("/admin/backends/replicas", headers={"Authorization": f"Bearer {KEY}"})
        assert off.status_code == 403 and off.json()["error"]["code"] == "admin_disabled"
    async with app_client(api_keys=[KEY], admin_keys=["sk-admin-test"]) as c:
        client_key = await c.get("/admin/backends/replicas", headers={"Authorization": f"Bearer {KEY}"})
        assert client_key.status_code == 401 and client_key.json()["error"]["code"] == "invalid_api_key"
        ok = await c.get("/admin/backends/replicas", headers={"Authorization": "Bearer sk-admin-test"})
        assert ok.status_code == 200 and ok.json() == {"backends": {}}
        missing = await c.post("/admin/backends/m1/replicas/0/drain", headers={"x-api-key": "sk-admin-test"})
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "replica_not_found"
