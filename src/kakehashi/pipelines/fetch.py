"""Read a source's bytes: a web page over HTTP(S) or a local file, with a deadline, a size limit and a cache.

Downloads are cached on disk (one body file and one small JSON file per URL), so a resumed or repeated
run does not fetch the same pages again. Failures raise FetchError and are never cached.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import unquote, urlsplit

import httpx

from kakehashi.pipelines.errors import FetchError

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_USER_AGENT = "kakehashi-extract/0.1"


@dataclass(frozen=True, slots=True)
class Fetched:
    location: str
    data: bytes
    content_type: str | None
    from_cache: bool = False


def is_web_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


class Fetcher:
    """Fetches many locations through one pooled HTTP client. Use as an async context manager."""

    def __init__(
        self,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        max_bytes: int = DEFAULT_MAX_BYTES,
        cache_dir: Path | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self.cache_dir = cache_dir
        self.downloads = 0  # HTTP bodies actually downloaded (cache hits excluded)
        self._client = httpx.AsyncClient(
            timeout=timeout_s, follow_redirects=True, headers={"User-Agent": _USER_AGENT}
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, location: str) -> Fetched:
        if is_web_url(location):
            cached = self._read_cache(location)
            if cached is not None:
                return cached
            fetched = await self._download(location)
            self._write_cache(fetched)
            return fetched
        return self._read_local(location)

    async def _download(self, url: str) -> Fetched:
        # httpx's timeout bounds each network operation; the outer deadline also stops a server
        # that trickles a byte every few seconds.
        try:
            async with asyncio.timeout(self.timeout_s):
                return await self._download_within_limit(url)
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError(f"{url}: timed out after {self.timeout_s:g}s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc

    async def _download_within_limit(self, url: str) -> Fetched:
        async with self._client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"{url}: {declared} bytes is over the {self.max_bytes}-byte limit")
            body = bytearray()
            async for piece in response.aiter_bytes():
                body.extend(piece)
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url}: body is over the {self.max_bytes}-byte limit")
            self.downloads += 1
            return Fetched(location=url, data=bytes(body), content_type=response.headers.get("content-type"))

    def _read_local(self, location: str) -> Fetched:
        path = Path(unquote(urlsplit(location).path)) if location.startswith("file://") else Path(location)
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise FetchError(f"{location}: {size} bytes is over the {self.max_bytes}-byte limit")
            return Fetched(location=location, data=path.read_bytes(), content_type=None)
        except OSError as exc:
            raise FetchError(f"{location}: {exc.strerror or exc}") from exc

    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(url.encode()).hexdigest()
        return self.cache_dir / f"{key}.body", self.cache_dir / f"{key}.json"

    def _read_cache(self, url: str) -> Fetched | None:
        paths = self._cache_paths(url)
        if paths is None:
            return None
        body_path, meta_path = paths
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or meta.get("size") != len(data):
            return None  # a hash collision or a half-written entry: fetch again
        return Fetched(location=url, data=data, content_type=meta.get("content_type"), from_cache=True)

    def _write_cache(self, fetched: Fetched) -> None:
        paths = self._cache_paths(fetched.location)
        if paths is None:
            return
        body_path, meta_path = paths
        body_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"url": fetched.location, "content_type": fetched.content_type, "size": len(fetched.data)}
        # Body first, metadata last, each through a rename: a crash leaves no entry that looks whole.
        _write_atomically(body_path, fetched.data)
        _write_atomically(meta_path, json.dumps(meta).encode())


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
