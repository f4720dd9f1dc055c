"""Where documents come from: a list of URLs, a directory, or a search provider.

Search providers share one small interface, so the pipeline does not care whether hits come from
SerpAPI (when SERPAPI_API_KEY is set) or from the offline keyword search over a local directory.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.convert import SUPPORTED_SUFFIXES, convert
from kakehashi.pipelines.errors import FetchError, SourceError

SERPAPI_ENDPOINT = "https://serpapi.com/search.json"
SERPAPI_KEY_ENV = "SERPAPI_API_KEY"


@dataclass(frozen=True, slots=True)
class SearchHit:
    location: str  # URL or file path, fetched next
    title: str | None = None
    snippet: str | None = None


class SearchProvider(Protocol):
    name: str

    async def search(self, query: str, *, limit: int) -> list[SearchHit]: ...


def read_url_list(path: Path) -> list[str]:
    """One URL (or local path) a line; blank lines and lines starting with '#' are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidRequest(f"cannot read the URL list {path}: {exc.strerror or exc}", param="urls") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def list_documents(root: Path) -> list[str]:
    """Every file under `root` the converter can read, in a stable (sorted) order."""
    if not root.is_dir():
        raise InvalidRequest(f"{root} is not a directory", param="dir")
    return sorted(
        str(path) for path in root.rglob("*") if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
    )


def search_keywords(query: str) -> list[str]:
    """Lower-cased, NFKC-normalised terms of a query, split on spaces and punctuation of both languages."""
    normalized = unicodedata.normalize("NFKC", query).casefold()
    terms = re.split(r"[\s,.;:!?、。，．！？「」『』（）()\"']+", normalized)
    return list(dict.fromkeys(term for term in terms if term))


class LocalDirectorySearch:
    """Offline search: ranks a directory's documents by how many query terms they contain.

    Substring counting rather than a BM25 library: Japanese has no spaces between words, so
    token-based rankers would need a morphological analyser, while substring matches work for
    both languages and are plenty for a local folder of documents.
    """

    name = "local-dir"

    def __init__(self, root: Path) -> None:
        self.root = root

    async def search(self, query: str, *, limit: int) -> list[SearchHit]:
        return await asyncio.to_thread(self._search, query, limit)

    def _search(self, query: str, limit: int) -> list[SearchHit]:
        terms = search_keywords(query)
        scored: list[tuple[int, int, str, str | None]] = []
        for location in list_documents(self.root):
            try:
                document = convert(location, Path(location).read_bytes())
            except (OSError, SourceError):
                continue  # unreadable files are reported later, if they are ever fetched
            haystack = unicodedata.normalize("NFKC", f"{document.title or ''}\n{document.text}").casefold()
            counts = [haystack.count(term) for term in terms]
            matched = sum(1 for count in counts if count)
            if matched:
                scored.append((matched, sum(counts), location, document.title))
        # Most distinct terms first, then most occurrences, then the path for a stable order.
        scored.sort(key=lambda hit: (-hit[0], -hit[1], hit[2]))
        return [SearchHit(location=location, title=title) for _, _, location, title in scored[:limit]]


class SerpApiSearch:
    """Google results through SerpAPI (https://serpapi.com/search-api)."""

    name = "serpapi"

    def __init__(
        self,
        api_key: str,
        *,
        endpoint: str = SERPAPI_ENDPOINT,
        timeout_s: float = 20.0,
        extra_params: Mapping[str, str] | None = None,
    ) -> None:
        self._api_key = api_key
        self.endpoint = endpoint
        self.timeout_s = timeout_s
        self.extra_params = dict(extra_params or {})  # e.g. {"hl": "ja", "gl": "jp"}

    async def search(self, query: str, *, limit: int) -> list[SearchHit]:
        params = {"engine": "google", "q": query, "num": str(limit), "api_key": self._api_key}
        params.update(self.extra_params)
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                response = await client.get(self.endpoint, params=params)
        except httpx.HTTPError as exc:
            raise FetchError(f"SerpAPI search failed: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise FetchError(f"SerpAPI search failed: HTTP {response.status_code}: {response.text[:200]}")
        try:
            payload: dict[str, Any] = response.json()
        except ValueError as exc:
            raise FetchError("SerpAPI answered with something that is not JSON") from exc
        if "error" in payload:
            raise FetchError(f"SerpAPI search failed: {payload['error']}")
        hits = [
            SearchHit(location=item["link"], title=item.get("title"), snippet=item.get("snippet"))
            for item in payload.get("organic_results", [])
            if isinstance(item, dict) and isinstance(item.get("link"), str)
        ]
        return hits[:limit]


def choose_search_provider(
    search_dir: Path | None, env: Mapping[str, str], *, lang: str = "en"
) -> SearchProvider:
    """An explicit --search-dir wins; otherwise SerpAPI when its key is configured."""
    if search_dir is not None:
        return LocalDirectorySearch(search_dir)
    api_key = env.get(SERPAPI_KEY_ENV)
    if api_key:
        extra = {"hl": "ja", "gl": "jp"} if lang == "ja" else {}
        return SerpApiSearch(api_key, extra_params=extra)
    raise InvalidRequest(
        f"--search needs a provider: set {SERPAPI_KEY_ENV} for web search, or pass --search-dir DIR "
        "to search local documents offline",
        param="search",
    )
