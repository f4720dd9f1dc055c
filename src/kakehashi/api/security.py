"""API keys and request-size limits, as one pure ASGI middleware.

Paths under /admin/ take an admin key only (`[server] admin_key_env`): a client key is refused there,
and without any admin key configured the admin routes are off (403), auth on or not, so that nobody
can drain upstreams of a gateway that was never given an admin key.

Pure ASGI rather than Starlette's BaseHTTPMiddleware: this runs on every request, and the latter
adds a task and a memory stream per request.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kakehashi.protocol import anthropic, ollama
from kakehashi.protocol.openai import error_body

PUBLIC_PATHS = frozenset({"/health", "/health/live", "/health/ready"})  # probes carry no key
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/openapi.json"})


def key_id(key: str) -> str:
    """A stable, non-reversible id for a key: what the ledger and logs see instead of the key."""
    return "key-" + hashlib.sha256(key.encode()).hexdigest()[:10]


class SecurityMiddleware:
    def __init__(
        self, app: ASGIApp, *, api_keys: Iterable[str], max_body_bytes: int,
        public_paths: Iterable[str] = (), admin_keys: Iterable[str] = (),
    ) -> None:
        self.app = app
        self._keys = [(k.encode(), key_id(k)) for k in api_keys if k]
        self._admin_keys = [(k.encode(), "admin-" + key_id(k)) for k in admin_keys if k]
        self.max_body_bytes = max_body_bytes
        self.public_paths = PUBLIC_PATHS | frozenset(public_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        path = scope["path"]
        if path.startswith("/admin/"):
            if not self._admin_keys:
                await _reject(send, path, 403, "The admin API is off: set [server] admin_key_env to the name of an "
                              "environment variable holding an admin key.", "invalid_request_error", "admin_disabled")
                return
            if self._authenticate(headers.get(b"authorization", b""), headers.get(b"x-api-key", b""),
                                  self._admin_keys) is None:
                await _reject(send, path, 401, "Invalid or missing admin key. Send 'Authorization: Bearer <admin key>'.",
                              "invalid_request_error", "invalid_api_key", {b"www-authenticate": b"Bearer"})
                return
        elif self._keys and path not in self.public_paths:
            kid = self._authenticate(headers.get(b"authorization", b""), headers.get(b"x-api-key", b""), self._keys)
            if kid is None:
                await _reject(send, path, 401,
                              "Invalid or missing API key. Send 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
                              "invalid_request_error", "invalid_api_key", {b"www-authenticate": b"Bearer"})
                return
            scope.setdefault("state", {})["api_key_id"] = kid
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await _reject(send, path, 413, f"Request body exceeds {self.max_body_bytes} bytes.",
                          "invalid_request_error", "request_too_large")
            return
        if declared is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # No Content-Length (chunked upload): read it here, up to the limit, then replay it.
            # FastAPI would turn an exception raised mid-read into a generic 400.
            chunks, size = [], 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # client went away
                size += len(message.get("body", b""))
                if size > self.max_body_bytes:
                    await _reject(send, path, 413, f"Request body exceeds {self.max_body_bytes} bytes.",
                                  "invalid_request_error", "request_too_large")
                    return
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _authenticate(authorization: bytes, x_api_key: bytes, keys: list[tuple[bytes, str]]) -> str | None:
        """Bearer (OpenAI, Ollama clients) or x-api-key (Anthropic's clients send their key there)."""
        scheme, _, token = authorization.partition(b" ")
        if scheme.lower() == b"bearer" and token.strip():
            token = token.strip()
        elif x_api_key.strip():
            token = x_api_key.strip()
        else:
            return None
        found = None
        for key, kid in keys:  # compare against every key: timing does not reveal which matched
            if hmac.compare_digest(key, token):
                found = kid
        return found


def _error_json(path: str, status: int, message: str, type_: str, code: str) -> bytes:
    """The error in the shape the client on that path expects (each dialect has its own)."""
    if path.startswith("/api/"):
        return orjson.dumps(ollama.error_body(message))
    if path == "/v1/messages" or path.startswith("/v1/messages/"):
        return orjson.dumps(anthropic.error_body(status, message))
    return orjson.dumps(error_body(message, type_, None, code))


async def _reject(
    send: Send, path: str, status: int, message: str, type_: str, code: str,
    extra: dict[bytes, bytes] | None = None,
) -> None:
    body = _error_json(path, status, message, type_, code)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += list((extra or {}).items())
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
