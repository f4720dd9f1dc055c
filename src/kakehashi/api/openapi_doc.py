"""The OpenAPI schema at /openapi.json, made to say what the server really answers.

FastAPI documents a 422 with its own `{"detail": [...]}` body on every operation that takes a body; this
server never sends that: a bad request is a 400 (and a missing model a 404, a busy engine a 503, a failed
upstream a 502) in the error shape of the API it came in on. So every operation documents 4XX and 5XX
with that shape (OpenAI's, Ollama's or Anthropic's), generation endpoints also their streamed content
type, and the health checks their 503. With API keys the schema also declares them, so /docs offers an
"Authorize" button.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

_NULLABLE_STRING = {"anyOf": [{"type": "string"}, {"type": "null"}]}
ERROR_SCHEMAS: dict[str, dict[str, Any]] = {
    "OpenAIError": {
        "type": "object", "required": ["error"],
        "properties": {"error": {
            "type": "object", "required": ["message", "type", "param", "code"],
            "properties": {"message": {"type": "string"}, "type": {"type": "string"},
                           "param": _NULLABLE_STRING, "code": _NULLABLE_STRING},
        }},
    },
    "OllamaError": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "AnthropicError": {
        "type": "object", "required": ["type", "error"],
        "properties": {"type": {"const": "error"}, "error": {
            "type": "object", "required": ["type", "message"],
            "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
        }},
    },
    "HealthStatus": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
}
# Streamed answers, by path (the JSON answer is documented by FastAPI already): the schema of one
# server-sent event (its `data` is a JSON text) or of one NDJSON line.
_SSE = ("text/event-stream", {"type": "object", "required": ["data"],
                              "properties": {"data": {"type": "string"}, "event": {"type": "string"}}})
_NDJSON = ("application/x-ndjson", {"type": "object"})
STREAMS = {"/v1/chat/completions": _SSE, "/v1/completions": _SSE, "/v1/responses": _SSE, "/v1/messages": _SSE,
           "/api/chat": _NDJSON, "/api/generate": _NDJSON}


def _error_schema(path: str) -> str:
    if path.startswith("/api/"):
        return "OllamaError"
    if path == "/v1/messages":
        return "AnthropicError"
    return "OpenAIError"


def _ref(name: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def refine(spec: dict[str, Any]) -> dict[str, Any]:
    """Rewrite FastAPI's schema in place (and return it): real error statuses, shapes and stream types."""
    spec.setdefault("components", {}).setdefault("schemas", {}).update(ERROR_SCHEMAS)
    schemas = spec["components"]["schemas"]
    for path, operations in spec.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            if path.startswith("/health"):
                responses["503"] = {"description": "Not ready: loading, draining or failed", **_ref("HealthStatus")}
                continue
            name = _error_schema(path)
            responses["4XX"] = {"description": "Refused: the request cannot be served as sent", **_ref(name)}
            responses["5XX"] = {"description": "Unavailable: busy, shutting down, or an upstream failed",
                                **_ref(name)}
            if path in STREAMS and "200" in responses:
                media_type, event = STREAMS[path]
                responses["200"].setdefault("content", {})[media_type] = {"schema": event}
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return spec


def install(app: FastAPI, *, api_keys: bool) -> None:
    """Serve the refined schema (built once, on first request)."""

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = refine(get_openapi(title=app.title, version=app.version, description=app.description,
                                      routes=app.routes))
            if api_keys:
                spec["components"]["securitySchemes"] = {
                    "bearer": {"type": "http", "scheme": "bearer"},
                    "x-api-key": {"type": "apiKey", "in": "header", "name": "x-api-key"},
                }
                spec["security"] = [{"bearer": []}, {"x-api-key": []}]
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]
