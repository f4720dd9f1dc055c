"""Index files into a RAG store: load (the extract pipeline's converters), chunk, embed, store.

Incremental and resumable: a file whose content hash is unchanged is skipped, a changed one is replaced,
one that is gone is removed; each file is committed on its own, so an interrupted run keeps what it
finished and the next run picks up the rest. A file that cannot be read or converted is reported and
the others are indexed.

Web pages (http/https URLs) are fetched with the extract pipeline's fetcher (deadline, size limit) and
stored under their URL; a page whose body is unchanged is skipped like a file. A page that cannot be
fetched is reported and keeps its last indexed version (a server being down is not a deletion).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from kakehashi.errors import KakehashiError
from kakehashi.pipelines.chunking import split_into_chunks
from kakehashi.pipelines.convert import SUPPORTED_SUFFIXES, convert
from kakehashi.pipelines.errors import SourceError
from kakehashi.pipelines.fetch import Fetcher
from kakehashi.pipelines.rag.embed import Embedder
from kakehashi.pipelines.rag.store import RagStore

# Smaller than the extract pipeline's chunks: a retrieved passage should be about one thing, and E5
# reads 512 tokens (~1,500 English or ~700 Japanese characters) at most in one window.
RAG_CHUNK_CHARS = 800
RAG_OVERLAP_CHARS = 100


@dataclass(slots=True)
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # path -> reason
    chunks: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {"added": self.added, "updated": self.updated, "unchanged": len(self.unchanged),
                "removed": self.removed, "failed": self.failed, "chunks": self.chunks,
                "seconds": round(self.seconds, 2)}


def prepare(name: str, data: bytes, content_type: str | None = None,
            ) -> tuple[str | None, list[tuple[int, int, int, int, str]]]:
    """Convert a file (its type from its Content-Type, else from `name`) and chunk it: (title, [(index,
    start, end, line, text)]). Raises SourceError when the file cannot be read as a document."""
    document = convert(name, data, content_type)
    pieces = split_into_chunks(
        document.text, name, max_chars=RAG_CHUNK_CHARS, overlap_chars=RAG_OVERLAP_CHARS,
        markdown=document.markdown,
    )
    return document.title, [(c.index, c.start, c.end, document.text.count("\n", 0, c.start) + 1, c.text)
                            for c in pieces]


def collect_files(targets: list[Path]) -> tuple[list[Path], dict[str, str]]:
    """Files to index from files and directories (recursively, supported suffixes); unknown ones are errors."""
    files: list[Path] = []
    errors: dict[str, str] = {}
    for target in targets:
        if target.is_dir():
            files += sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif target.is_file():
            files.append(target)
        else:
            errors[str(target)] = "no such file or directory"
    return list(dict.fromkeys(p.resolve() for p in files)), errors


async def index_files(
    store: RagStore, embedder: Embedder, targets: list[Path], *, urls: list[str] | None = None,
    prune: bool = True, on_file: Callable[[str], None] | None = None, fetcher: Fetcher | None = None,
) -> IndexReport:
    """Index files and directories, and web pages (`urls`, fetched through `fetcher` or a default one).
    `prune`: remove documents under the given directories (or given files) that no longer exist."""
    started = time.perf_counter()
    report = IndexReport()
    files, report.failed = collect_files(targets)
    known = store.documents()
    for path in files:
        key = str(path)
        try:
            await _index_one(store, embedder, key, lambda p=path: _read(p), known, report)
        finally:
            if on_file is not None:
                on_file(key)
    if urls:
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            for url in dict.fromkeys(urls):
                try:
                    await _index_one(store, embedder, url, lambda u=url: _download(fetcher, u), known, report)
                finally:
                    if on_file is not None:
                        on_file(url)
        finally:
            if own:
                await fetcher.aclose()
    if prune:
        present = {str(p) for p in files}
        roots = [str(t.resolve()) for t in targets]
        for key in known:
            under = any(key == r or key.startswith(r.rstrip("/") + "/") for r in roots)
            if under and key not in present and not Path(key).exists():
                store.delete_document(key)
                report.removed.append(key)
    report.seconds = time.perf_counter() - started
    return report


async def _read(path: Path) -> tuple[bytes, str | None]:
    return path.read_bytes(), None


async def _download(fetcher: Fetcher, url: str) -> tuple[bytes, str | None]:
    fetched = await fetcher.fetch(url)
    return fetched.data, fetched.content_type


async def _index_one(
    store: RagStore, embedder: Embedder, key: str, load: Callable[[], Awaitable[tuple[bytes, str | None]]],
    known: dict[str, str], report: IndexReport,
) -> None:
    """Index one document unless its content is unchanged; a failure of the document itself is reported."""
    try:
        data, content_type = await load()
        digest = hashlib.sha256(data).hexdigest()
        if known.get(key) == digest:
            report.unchanged.append(key)
            return
        title, rows = prepare(key, data, content_type)
        vectors = await embedder.embed([r[4] for r in rows], "passage")
        store.replace_document(key, digest, title, rows, vectors, time.time())
        (report.updated if key in known else report.added).append(key)
        report.chunks += len(rows)
    except (OSError, SourceError) as exc:
        report.failed[key] = str(exc) if isinstance(exc, SourceError) else f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a damaged PDF can raise anything from deep in pypdf: report, go on
        if isinstance(exc, KakehashiError) and not isinstance(exc, SourceError):
            raise  # the embeddings endpoint failing is not this document's fault: stop
        report.failed[key] = f"{type(exc).__name__}: {exc}"
