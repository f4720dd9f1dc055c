"""Errors in each dialect's own shape.

The app's exception handlers speak OpenAI's error JSON. A dialect router (Ollama, Anthropic) uses
`dialect_route(render)` as its route class instead: every error raised while handling one of its
routes — a body pydantic rejected, a KakehashiError from the gateway, an HTTPException — is turned
into an `ApiError` and rendered by the dialect. (FastAPI's documented way to handle errors per
router: a custom APIRoute that wraps the route handler.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.responses import Response

from kakehashi.api.errors import validation_message
from kakehashi.errors import InvalidRequest, KakehashiError, Overloaded

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ApiError:
    status: int
    message: str
    type: str  # OpenAI's error type, e.g. "invalid_request_error"; a dialect maps it to its own
    param: str | None = None
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, exc: KakehashiError, headers: dict[str, str] | None = None) -> ApiError:
        h = dict(headers or {})
        if isinstance(exc, Overloaded):
            h["Retry-After"] = str(max(1, round(exc.retry_after)))
        return cls(exc.status, exc.message, exc.type, exc.param, exc.code, h)


ErrorRenderer = Callable[[ApiError], Response]


def invalid(message: str, param: str) -> KakehashiError:
    """A 400 naming the field: for request fields a dialect knows but cannot honour."""
    return InvalidRequest(message if message.startswith(param) else f"{param}: {message}", param=param,
                          code="unsupported_field")


def _as_json(request: Request) -> Request:
    headers = [(k, v) for k, v in request.scope["headers"] if k != b"content-type"]
    return Request({**request.scope, "headers": [*headers, (b"content-type", b"application/json")]},
                   request.receive)


def dialect_route(render: ErrorRenderer, *, body_is_json: bool = False) -> type[APIRoute]:
    """body_is_json: read the body as JSON whatever its Content-Type says. Ollama does, and its
    documented examples are `curl -d '{...}'`, which sends application/x-www-form-urlencoded."""

    class DialectRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def route(request: Request) -> Response:
                try:
                    if body_is_json and request.method == "POST":
                        request = _as_json(request)
                    return await handler(request)
                except RequestValidationError as exc:
                    message, param = validation_message(exc)
                    return render(ApiError(400, message, "invalid_request_error", param, "invalid_value"))
                except KakehashiError as exc:
                    return render(ApiError.of(exc))
                except HTTPException as exc:
                    kind = "invalid_request_error" if exc.status_code < 500 else "server_error"
                    return render(ApiError(exc.status_code, str(exc.detail), kind,
                                           headers=dict(exc.headers or {})))
                except Exception:
                    log.exception("unhandled error")
                    return render(ApiError(500, "internal server error", "server_error"))

            return route

    return DialectRoute
