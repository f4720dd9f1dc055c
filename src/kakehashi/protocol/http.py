"""HTTP details every OpenAI-compatible client and server here shares: base URLs, Retry-After, SSE.

A leaf (imports nothing from kakehashi): the upstream backend, the benchmark, the doctor and the
pipelines client all parse the same things the same way.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

_VERSION_SUFFIX = re.compile(r"/v\d+$")


def api_root(base_url: str) -> str:
    """The OpenAI API root for a server given as 'http://h:8000' or 'http://h:8000/v1' (-> '.../v1').

    For user-facing tools that accept either form. Configured upstream backends take their base_url
    verbatim instead: some providers' roots do not end in /vN (e.g. '.../v1beta/openai').
    """
    base = base_url.rstrip("/")
    return base if _VERSION_SUFFIX.search(base) else f"{base}/v1"


def display_url(url: str) -> str:
    """The base URL without credentials or query (either may carry a key), safe for messages."""
    parsed = urlsplit(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.hostname}{port}{parsed.path}"


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `Retry-After` as delay-seconds or an HTTP date (RFC 9110)."""
    value_ms = headers.get("retry-after-ms")
    if value_ms:
        try:
            return max(0.0, float(value_ms) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive one is assumed so
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class SSEDecoder:
    """A minimal Server-Sent Events decoder over bytes: returns (event name, data) per dispatched event.

    Hand-written rather than a library (httpx-sse, aiohttp-sse-client): we need only the `event:` and
    `data:` fields, and staying on bytes lets orjson parse each payload with no decode/re-encode and no
    per-line str or event object, on the gateway's hot path (a dozen events per request). It follows
    the spec where it matters here: lines end in LF or CRLF, a blank line dispatches, several data
    lines join with LF, comments (": keep-alive"), `id:` and `retry:` are ignored.
    """

    __slots__ = ("_data", "_event", "_pending")

    def __init__(self) -> None:
        self._pending = b""
        self._data: list[bytes] = []
        self._event = b""

    def feed(self, chunk: bytes) -> list[tuple[bytes, bytes]]:
        lines = (self._pending + chunk).split(b"\n") if self._pending else chunk.split(b"\n")
        self._pending = lines.pop()
        events: list[tuple[bytes, bytes]] = []
        for raw in lines:
            line = raw[:-1] if raw.endswith(b"\r") else raw
            if line:
                if line.startswith(b"data:"):
                    value = line[5:]
                    self._data.append(value[1:] if value.startswith(b" ") else value)
                elif line.startswith(b"event:"):
                    self._event = line[6:].strip()
            elif self._data:
                data = self._data[0] if len(self._data) == 1 else b"\n".join(self._data)
                events.append((self._event, data))
                self._data.clear()
                self._event = b""
        return events

    def ends_with_done(self) -> bool:
        """At EOF: did an unterminated last event (no closing blank line) say [DONE]? Some servers end so."""
        tail = [*self._data]
        pending = self._pending.rstrip(b"\r")
        if pending.startswith(b"data:"):
            tail.append(pending[5:].strip())
        return bool(tail) and tail[-1].strip() == b"[DONE]"


