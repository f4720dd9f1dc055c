"""Turn fetched bytes (HTML, Markdown, plain text, PDF) into a document's readable text.

HTML goes through trafilatura, which keeps the main content (no menus, footers, cookie banners) and
writes it as Markdown, so the chunker can cut at headings. PDF goes through pypdf (pure Python).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura

from kakehashi.pipelines.errors import ConversionError

ContentKind = Literal["html", "markdown", "text", "pdf"]

_KIND_BY_SUFFIX: dict[str, ContentKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = frozenset(_KIND_BY_SUFFIX)


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # URL or file path, as cited in the report
    title: str | None
    text: str
    markdown: bool  # True when `text` is Markdown (chunked along its headings)


def detect_kind(source: str, content_type: str | None = None) -> ContentKind:
    """The content's kind from its Content-Type when it says, else from the name's suffix."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "application/pdf":
        return "pdf"
    if mime in ("text/markdown", "text/x-markdown"):
        return "markdown"
    path = urlsplit(source).path if "://" in source else source
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in _KIND_BY_SUFFIX:
        return _KIND_BY_SUFFIX[suffix]
    if mime.startswith("text/"):
        return "text"
    if not suffix or "://" in source:
        # Web pages are usually HTML whatever their path looks like (/wiki/Foo, /news/123).
        return "html"
    raise ConversionError(f"{source}: unsupported content type {content_type or suffix!r}")


def convert(source: str, data: bytes, content_type: str | None = None) -> Document:
    kind = detect_kind(source, content_type)
    if kind == "html":
        document = _from_html(source, data)
    elif kind == "pdf":
        document = _from_pdf(source, data)
    else:
        document = Document(source=source, title=None, text=decode_text(data), markdown=kind == "markdown")
    if not document.text.strip():
        raise ConversionError(f"{source}: no readable text")
    return document


def decode_text(data: bytes) -> str:
    """UTF-8 when it is valid, else the most likely encoding (Shift_JIS and EUC-JP files are common)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ConversionError("cannot determine the text encoding") from None
        return str(best)


def _from_html(source: str, data: bytes) -> Document:
    tree = trafilatura.load_html(data)
    if tree is None:
        raise ConversionError(f"{source}: not parseable as HTML")
    title = trafilatura.extract_metadata(tree).title
    text = trafilatura.extract(
        tree, output_format="markdown", include_comments=False, include_tables=True, favor_recall=True
    )
    if text:
        return Document(source=source, title=title, text=text, markdown=True)
    # trafilatura finds no main content in very short or list-like pages; all their text is better
    # than dropping the page.
    return Document(source=source, title=title, text=trafilatura.html2txt(tree), markdown=False)


def _from_pdf(source: str, data: bytes) -> Document:
    try:
        import pypdf  # imported here so HTML-only runs never need it
    except ImportError:
        raise ConversionError(f"{source}: reading PDF needs the 'pypdf' package") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except pypdf.errors.PyPdfError as exc:
        raise ConversionError(f"{source}: broken PDF: {exc}") from exc
    return Document(source=source, title=title, text="\n\n".join(p.strip() for p in pages), markdown=False)
