"""Errors every layer may raise; the API turns each into OpenAI's error JSON with its status.

A leaf module: it imports nothing from kakehashi.
"""

from __future__ import annotations


class KakehashiError(Exception):
    status: int = 500
    type: str = "server_error"
    code: str | None = None

    def __init__(self, message: str, *, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code


class InvalidRequest(KakehashiError):
    status = 400
    type = "invalid_request_error"


class ContextLengthExceeded(InvalidRequest):
    code = "context_length_exceeded"


class NotFound(KakehashiError):
    """A resource (file, vector store) the request names does not exist."""

    status = 404
    type = "invalid_request_error"
    code = "not_found"


class ModelNotFound(KakehashiError):
    status = 404
    type = "invalid_request_error"
    code = "model_not_found"


class PolicyRejected(KakehashiError):
    """A privacy or budget rule configured to reject, fired."""

    status = 403
    type = "policy_error"


class Overloaded(KakehashiError):
    """The waiting queue is full (or every backend is cooling down): try again later."""

    status = 503
    type = "overloaded_error"
    code = "overloaded"

    def __init__(self, message: str, *, retry_after: float = 1.0, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after


class EngineFailed(KakehashiError):
    """The embedded engine's loop died: nothing this process can serve on that model until it restarts."""

    status = 503
    type = "server_error"
    code = "engine_failed"


class BackendError(KakehashiError):
    """An upstream failed: connection error, timeout, 5xx, 429, or a broken stream.

    `retryable` says whether another attempt (or another backend) may succeed;
    `retry_after` carries the upstream's Retry-After (seconds) when it sent one.
    """

    status = 502
    type = "upstream_error"
    code = "upstream_error"

    def __init__(
        self,
        message: str,
        *,
        upstream_status: int | None = None,
        retryable: bool = True,
        retry_after: float | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.upstream_status = upstream_status
        self.retryable = retryable
        self.retry_after = retry_after
        if upstream_status in (401, 403):
            # The upstream refused OUR credentials: a gateway misconfiguration, not the client's fault.
            # A 401 would read as "your key to kakehashi is wrong", so it stays a 502 naming the backend.
            self.code = "upstream_auth_failed"
        elif upstream_status is not None and 400 <= upstream_status < 500 and upstream_status != 429:
            # The upstream rejected the request itself: pass its status through.
            self.status = upstream_status
            self.type = "invalid_request_error"


class RateLimited(KakehashiError):
    """A request or token rate limit (or the per-key concurrency cap) is reached: 429 with Retry-After.

    `type` is "requests" or "tokens" as in OpenAI's own 429s; `headers` carries x-ratelimit-*.
    """

    status = 429
    type = "requests"
    code = "rate_limit_exceeded"

    def __init__(
        self, message: str, *, kind: str = "requests", retry_after: float = 1.0,
        headers: dict[str, str] | None = None, code: str | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.type = kind
        self.retry_after = retry_after
        self.headers = dict(headers or {})
