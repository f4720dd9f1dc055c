"""Failures of the extraction pipeline that are reported per source or per chunk, never fatal to a run."""

from __future__ import annotations

from kakehashi.errors import KakehashiError


class SourceError(KakehashiError):
    """A source could not be read or understood; the run reports it and goes on without it."""

    status = 422
    type = "source_error"


class FetchError(SourceError):
    """Download failed: connection error, timeout, HTTP error status, or a body over the size limit."""

    code = "fetch_failed"


class ConversionError(SourceError):
    """The content could not be turned into text (unsupported type, empty page, broken PDF)."""

    code = "conversion_failed"


class MalformedAnswer(KakehashiError):
    """The model's answer for a chunk was not JSON of the requested schema, even after a retry."""

    status = 502
    type = "upstream_error"
    code = "malformed_answer"
