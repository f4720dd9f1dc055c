"""The SSE decoder and Retry-After parsing: pure functions, tested directly."""

from __future__ import annotations

from email.utils import formatdate

import pytest

from kakehashi.protocol.http import SSEDecoder, parse_retry_after


def feed_all(decoder: SSEDecoder, chunks: list[bytes]) -> list[tuple[bytes, bytes]]:
    return [event for chunk in chunks for event in decoder.feed(chunk)]


def test_events_split_across_reads_even_inside_a_utf8_character() -> None:
    payload = 'data: {"t":"日本語"}\n\ndata: [DONE]\n\n'.encode()
    cut = payload.index("本".encode()) + 1  # in the middle of a 3-byte character
    events = feed_all(SSEDecoder(), [payload[:cut], payload[cut:]])
    assert events == [(b"", '{"t":"日本語"}'.encode()), (b"", b"[DONE]")]
    assert events[0][1].decode() == '{"t":"日本語"}'


def test_crlf_comments_ids_and_multiline_data() -> None:
    stream = b': keep-alive\r\nid: 7\r\nretry: 100\r\ndata: {"a":\r\ndata: 1}\r\n\r\n'
    assert feed_all(SSEDecoder(), [stream]) == [(b"", b'{"a":\n1}')]


def test_event_name_is_reported_and_reset() -> None:
    stream = b'event: error\ndata: {"error":"x"}\n\ndata: {}\n\n'
    assert feed_all(SSEDecoder(), [stream]) == [(b"error", b'{"error":"x"}'), (b"", b"{}")]


def test_blank_lines_without_data_dispatch_nothing() -> None:
    assert feed_all(SSEDecoder(), [b"\n\n\r\n", b": ping\n\n"]) == []


@pytest.mark.parametrize(
    ("tail", "expected"), [(b"data: [DONE]", True), (b"data: [DONE]\n", True), (b"", False)]
)
def test_unterminated_done_at_eof(tail: bytes, expected: bool) -> None:
    decoder = SSEDecoder()
    decoder.feed(b'data: {"x":1}\n\n' + tail)
    assert decoder.ends_with_done() is expected


def test_retry_after_forms() -> None:
    assert parse_retry_after({"retry-after": "3"}) == 3.0
    assert parse_retry_after({"retry-after": " 1.5 "}) == 1.5
    assert parse_retry_after({"retry-after": "-4"}) == 0.0
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert parse_retry_after({}) is None
    assert parse_retry_after({"retry-after": "soon"}) is None


def test_retry_after_http_date() -> None:
    now = 1_800_000_000.0
    assert parse_retry_after({"retry-after": formatdate(now + 30, usegmt=True)}, now=now) == 30.0
    assert parse_retry_after({"retry-after": formatdate(now - 30, usegmt=True)}, now=now) == 0.0
