"""Cut a document's text into chunks a small model can read in one request.

The cutting itself is semantic-text-splitter's: it descends from Markdown sections to paragraphs,
then to Unicode sentences (UAX #29, whose sentence terminators include 。！？, so Japanese text
without spaces is cut after a full stop too), then to words and characters, and packs the largest
units that fit. It also reports character offsets, which is what lets every chunk keep its exact
position in the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from semantic_text_splitter import MarkdownSplitter, TextSplitter

from kakehashi.errors import InvalidRequest

DEFAULT_CHUNK_CHARS = 2000
DEFAULT_OVERLAP_CHARS = 200


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of one source: `text == document_text[start:end]`."""

    source: str  # where the document came from (URL or file path), as shown in citations
    index: int  # 0-based position among the source's chunks
    start: int  # character offset in the converted document text
    end: int
    text: str


def split_into_chunks(
    text: str,
    source: str,
    *,
    max_chars: int = DEFAULT_CHUNK_CHARS,
    overlap_chars: int = DEFAULT_OVERLAP_CHARS,
    markdown: bool = True,
) -> list[Chunk]:
    """Chunks of at most `max_chars` characters, each sharing up to `overlap_chars` with the previous.

    The overlap is made of whole sentences (or smaller units when a sentence is longer than the
    overlap), so a fact cut in two at a boundary is still whole in one of the chunks.
    """
    if max_chars <= 0:
        raise InvalidRequest(f"chunk size must be positive, got {max_chars}", param="max_chars")
    if not 0 <= overlap_chars < max_chars:
        raise InvalidRequest(
            f"overlap must be at least 0 and smaller than the chunk size ({max_chars}), got {overlap_chars}",
            param="overlap_chars",
        )
    splitter: MarkdownSplitter | TextSplitter = (
        MarkdownSplitter(max_chars, overlap=overlap_chars)
        if markdown
        else TextSplitter(max_chars, overlap=overlap_chars)
    )
    return [
        Chunk(source=source, index=index, start=start, end=start + len(piece), text=piece)
        for index, (start, piece) in enumerate(splitter.chunk_indices(text))
    ]
