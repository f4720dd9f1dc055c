"""A client for a Hugging Face-compatible model hub: list a repo's files, download one resumably and verified.

Written on httpx rather than `huggingface_hub` because what we need differs from what it does: files go
into kakehashi's own cache layout (a directory per repo, split GGUFs side by side where llama.cpp looks for
them) instead of its blob/snapshot symlink tree, one rich progress bar spans every part of a split model,
and every LFS file is checked against the SHA-256 the hub publishes (huggingface_hub checks sizes only).
The wire protocol is small and stable; huggingface_hub's source was read to learn it:

- `GET {endpoint}/api/models/{repo}/tree/{revision}?recursive=true`: JSON list of entries
  `{"type": "file", "path", "size", "oid", "lfs": {"oid": <sha256>, "size"}}`, paginated with
  `Link: <...>; rel="next"`.
- `GET {endpoint}/{repo}/resolve/{revision}/{path}`: for LFS files a 302 to a CDN, whose headers carry
  `X-Repo-Commit`, `X-Linked-Etag` (the SHA-256) and `X-Linked-Size`; the CDN honours `Range`.
  httpx drops the Authorization header when a redirect leaves the hub's origin, as it must.

`HF_ENDPOINT` points at a mirror (same layout); `HF_TOKEN` (or `HUGGING_FACE_HUB_TOKEN`) is sent as a
bearer token for gated and private repos.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self
from urllib.parse import quote

import httpx

from kakehashi import __version__
from kakehashi.errors import KakehashiError

DEFAULT_ENDPOINT = "https://huggingface.co"
_CHUNK = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class HubError(KakehashiError):
    status = 502
    type = "hub_error"
    code = "hub_error"


class ChecksumMismatch(HubError):
    code = "checksum_mismatch"


@dataclass(frozen=True, slots=True)
class RemoteFile:
    path: str  # inside the repo, e.g. "Q4_K_M/model-Q4_K_M-00001-of-00002.gguf"
    size: int
    sha256: str | None  # LFS files only: the hub gives git blob ids for small files


def default_endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def default_token() -> str | None:
    return os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN") or None


def _normalize_etag(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().removeprefix("W/").strip('"')
    return value or None


class Hub:
    """One hub endpoint. `endpoint` and `token` default to $HF_ENDPOINT and $HF_TOKEN (or
    $HUGGING_FACE_HUB_TOKEN); `max_retries`: how often a dropped transfer is resumed before giving up."""

    def __init__(
        self,
        endpoint: str | None = None,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 5,
        retry_delay: float = 1.0,
    ) -> None:
        self.endpoint = (endpoint or default_endpoint()).rstrip("/")
        self.max_retries = max_retries
        self.retry_delay = retry_delay
        headers = {"User-Agent": f"kakehashi/{__version__}"}
        token = token or default_token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        # Identity encoding: byte offsets for Range and the hash must be those of the stored file.
        headers["Accept-Encoding"] = "identity"
        self._client = httpx.Client(
            headers=headers, follow_redirects=True, timeout=httpx.Timeout(timeout, connect=10.0)
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ listing
    def list_files(self, repo: str, revision: str = "main") -> list[RemoteFile]:
        url: str | None = f"{self.endpoint}/api/models/{repo}/tree/{quote(revision, safe='')}"
        params: dict[str, str] | None = {"recursive": "true"}
        files: list[RemoteFile] = []
        while url:
            response = self._get(url, params, what=f"{repo}@{revision}")
            try:
                entries = response.json()
            except ValueError as exc:
                raise HubError(f"{url}: the hub's answer is not JSON") from exc
            if not isinstance(entries, list):
                raise HubError(f"{url}: expected a JSON list of files")
            for entry in entries:
                if not isinstance(entry, dict) or entry.get("type") != "file":
                    continue
                lfs_field = entry.get("lfs")
                lfs: dict[str, object] = lfs_field if isinstance(lfs_field, dict) else {}
                sha = str(lfs.get("oid") or lfs.get("sha256") or "")
                files.append(RemoteFile(
                    path=str(entry["path"]),
                    size=int(str(lfs.get("size") or entry.get("size") or 0)),
                    sha256=sha if _SHA256.match(sha) else None,
                ))  # fmt: skip
            url = response.links.get("next", {}).get("url")
            params = None  # the next link carries its own query
        return files

    def _get(self, url: str, params: dict[str, str] | None, *, what: str) -> httpx.Response:
        try:
            response = self._client.get(url, params=params)
        except httpx.HTTPError as exc:
            raise HubError(f"cannot reach the hub at {self.endpoint}: {type(exc).__name__}: {exc}") from exc
        if response.status_code in (401, 403):
            raise HubError(
                f"{self.endpoint} refused {what} (HTTP {response.status_code}): the repo does not exist, or it "
                "is gated or private; for gated and private repos set HF_TOKEN to an access token",
                code="hub_unauthorized",
            )
        if response.status_code == 404:
            raise HubError(f"{self.endpoint} has no repo or revision {what} (HTTP 404)", code="hub_not_found")
        if response.status_code != 200:
            raise HubError(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
        return response

    # ------------------------------------------------------------------ download
    def file_url(self, repo: str, revision: str, path: str) -> str:
        return f"{self.endpoint}/{repo}/resolve/{quote(revision, safe='')}/{quote(path)}"

    def download(
        self,
        repo: str,
        revision: str,
        remote: RemoteFile,
        partial: Path,
        on_progress: Callable[[int], None] | None = None,
    ) -> str | None:
        """Fetch `remote` into `partial`, resuming whatever bytes it already holds; check size and SHA-256.

        Returns the commit the hub served (X-Repo-Commit) when it said. A dropped connection is resumed
        with a Range request up to `max_retries` times; a file whose hash does not match is deleted (its
        bytes cannot be trusted for a later resume either) and ChecksumMismatch raised. `on_progress`
        gets the number of bytes of this file on disk after each write.
        """
        url = self.file_url(repo, revision, remote.path)
        partial.parent.mkdir(parents=True, exist_ok=True)
        expected = remote.sha256
        commit: str | None = None
        failures = 0
        while True:
            have = partial.stat().st_size if partial.exists() else 0
            if remote.size and have > remote.size:
                partial.unlink()  # longer than the file can be: not ours to resume
                have = 0
            if remote.size and have == remote.size:
                break
            headers = {"Range": f"bytes={have}-"} if have else {}
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    hub_headers = response.history[0].headers if response.history else response.headers
                    commit = hub_headers.get("x-repo-commit") or commit
                    linked = _normalize_etag(hub_headers.get("x-linked-etag"))
                    if expected is None and linked and _SHA256.match(linked):
                        expected = linked
                    if response.status_code == 416 and have:
                        partial.unlink()  # the server says our offset is past its end: start over
                        continue
                    self._check_download_status(response, url)
                    append = response.status_code == 206 and _range_start(response) == have
                    if not append:
                        have = 0
                    with open(partial, "ab" if append else "wb") as out:
                        done = have
                        for block in response.iter_bytes():  # as received: a drop keeps every byte so far
                            out.write(block)
                            done += len(block)
                            if on_progress:
                                on_progress(done)
            except httpx.TransportError as exc:
                failures += 1
                if failures > self.max_retries:
                    raise HubError(
                        f"downloading {remote.path} failed after {failures} attempts ({type(exc).__name__}: "
                        f"{exc}); run the same command again to resume from the bytes already fetched"
                    ) from exc
                time.sleep(min(self.retry_delay * 2 ** (failures - 1), 30.0))
                continue
            if not remote.size:
                break
        _fsync(partial)
        self._verify(partial, remote, expected)
        return commit

    @staticmethod
    def _check_download_status(response: httpx.Response, url: str) -> None:
        if response.status_code in (200, 206):
            return
        response.read()
        if response.status_code in (401, 403):
            raise HubError(
                f"{url}: HTTP {response.status_code}: gated or private; set HF_TOKEN to an access token",
                code="hub_unauthorized",
            )
        raise HubError(f"{url}: HTTP {response.status_code}: {response.text[:200]}")

    @staticmethod
    def _verify(partial: Path, remote: RemoteFile, expected: str | None) -> None:
        size = partial.stat().st_size
        if remote.size and size != remote.size:
            partial.unlink()
            raise ChecksumMismatch(f"{remote.path}: got {size:,} bytes, the hub lists {remote.size:,}; deleted")
        if expected is None:
            return  # a non-LFS file: the hub publishes no SHA-256, the size is all we can check
        digest = hashlib.sha256()
        with open(partial, "rb") as f:
            while block := f.read(_CHUNK):
                digest.update(block)
        if digest.hexdigest() != expected:
            partial.unlink()
            raise ChecksumMismatch(
                f"{remote.path}: SHA-256 {digest.hexdigest()} does not match the hub's {expected}; "
                "the download was deleted, run the command again"
            )


def _range_start(response: httpx.Response) -> int | None:
    """The first byte of a 206 body, from `Content-Range: bytes START-END/TOTAL`."""
    match = re.match(r"bytes (\d+)-", response.headers.get("content-range", ""))
    return int(match.group(1)) if match else None


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())
