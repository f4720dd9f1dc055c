"""A small Hugging Face-compatible hub on 127.0.0.1, for testing the real download code without the internet.

Two real HTTP servers, as on huggingface.co: the hub (tree API, `resolve` URLs answering LFS files with a
302 to the CDN and the X-Repo-Commit / X-Linked-Etag / X-Linked-Size headers) and a CDN on another port
(so another origin) that serves blobs by SHA-256 and honours Range. Faults are switched on per test:
cut a transfer after N bytes, serve corrupted bytes, require a token.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

COMMIT = "0123456789abcdef0123456789abcdef01234567"
PAGE_SIZE = 3  # small, so listing a repo exercises the Link-header pagination


@dataclass
class Blob:
    source: Path | bytes
    sha256: str
    size: int

    def read(self, start: int, end: int) -> bytes:
        if isinstance(self.source, bytes):
            return self.source[start:end]
        with open(self.source, "rb") as f:
            f.seek(start)
            return f.read(end - start)


@dataclass
class HubState:
    repos: dict[str, dict[str, Blob]] = field(default_factory=dict)  # repo -> path -> blob
    token: str | None = None  # when set, the hub answers 401 without "Authorization: Bearer TOKEN"
    cut_after: dict[str, list[int]] = field(default_factory=dict)  # sha -> byte counts, one per request
    corrupt: set[str] = field(default_factory=set)  # sha256 of blobs served with a flipped byte
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # (server, path, headers)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, repo: str, path: str, source: Path | bytes) -> Blob:
        data = source if isinstance(source, bytes) else source.read_bytes()
        blob = Blob(source, hashlib.sha256(data).hexdigest(), len(data))
        self.repos.setdefault(repo, {})[path] = blob
        return blob

    def blob_by_sha(self, sha: str) -> Blob | None:
        return next((b for files in self.repos.values() for b in files.values() if b.sha256 == sha), None)

    def requests_to(self, server: str) -> list[tuple[str, dict[str, str]]]:
        with self.lock:
            return [(p, h) for s, p, h in self.log if s == server]


def _handler(state: HubState, server_name: str, cdn_base: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            with state.lock:
                state.log.append((server_name, self.path, {k.lower(): v for k, v in self.headers.items()}))
            if server_name == "cdn":
                return self._cdn()
            if state.token and self.headers.get("Authorization") != f"Bearer {state.token}":
                return self._send(401, b'{"error":"Invalid credentials in Authorization header"}',
                                  {"Content-Type": "application/json"})
            url = urlparse(self.path)
            parts = unquote(url.path).strip("/").split("/")
            if parts[:2] == ["api", "models"] and len(parts) >= 6 and parts[4] == "tree":
                return self._tree("/".join(parts[2:4]), parse_qs(url.query))
            if len(parts) >= 5 and parts[2] == "resolve":
                return self._resolve("/".join(parts[:2]), "/".join(parts[4:]))
            return self._send(404, b'{"error":"Not Found"}')

        def _tree(self, repo: str, query: dict[str, list[str]]) -> None:
            files = state.repos.get(repo)
            if files is None:
                return self._send(404, b'{"error":"Repository not found"}')
            entries = [
                {"type": "file", "oid": hashlib.sha1(path.encode()).hexdigest(), "size": blob.size, "path": path,
                 "lfs": {"oid": blob.sha256, "size": blob.size, "pointerSize": 134}}
                if path.endswith(".gguf") else
                {"type": "file", "oid": hashlib.sha1(path.encode()).hexdigest(), "size": blob.size, "path": path}
                for path, blob in sorted(files.items())
            ]  # fmt: skip
            entries.insert(0, {"type": "directory", "oid": "0" * 40, "size": 0, "path": "subdir"})
            start = int(query.get("cursor", ["0"])[0])
            page = entries[start : start + PAGE_SIZE]
            headers = {"Content-Type": "application/json"}
            if start + PAGE_SIZE < len(entries):
                host = self.headers.get("Host")
                nxt = f"http://{host}/api/models/{repo}/tree/main?recursive=true&cursor={start + PAGE_SIZE}"
                headers["Link"] = f'<{nxt}>; rel="next"'
            self._send(200, json.dumps(page).encode(), headers)

        def _resolve(self, repo: str, path: str) -> None:
            blob = state.repos.get(repo, {}).get(path)
            if blob is None:
                return self._send(404, b"Entry not found", {"X-Error-Code": "EntryNotFound"})
            if not path.endswith(".gguf"):  # small files are served by the hub itself
                return self._send(200, blob.read(0, blob.size), {"X-Repo-Commit": COMMIT, "ETag": '"abc"'})
            self._send(302, b"", {
                "Location": f"{cdn_base[0]}/blobs/{blob.sha256}?expires=1",
                "X-Repo-Commit": COMMIT, "X-Linked-Etag": f'"{blob.sha256}"', "X-Linked-Size": str(blob.size),
                "ETag": '"pointer-etag"',
            })  # fmt: skip

        def _cdn(self) -> None:
            sha = urlparse(self.path).path.rsplit("/", 1)[-1]
            blob = state.blob_by_sha(sha)
            if blob is None:
                return self._send(404, b"NoSuchKey")
            start, status = 0, 200
            rng = self.headers.get("Range")
            if rng:
                start = int(rng.removeprefix("bytes=").split("-")[0])
                if start >= blob.size:
                    return self._send(416, b"", {"Content-Range": f"bytes */{blob.size}"})
                status = 206
            body = blob.read(start, blob.size)
            if sha in state.corrupt and body:
                body = bytes([body[0] ^ 0xFF]) + body[1:]
            with state.lock:
                cuts = state.cut_after.get(sha)
                cut = cuts.pop(0) if cuts else None
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{blob.size - 1}/{blob.size}")
            self.end_headers()
            if cut is not None:
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)  # mid-body: the client sees the connection drop
                return
            self.wfile.write(body)

    return Handler


@contextmanager
def fake_hub(state: HubState) -> Iterator[str]:
    """Start the hub and its CDN; yield the hub's base URL (what HF_ENDPOINT would be)."""
    cdn_base: list[str] = []
    cdn = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, "cdn", cdn_base))
    hub = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, "hub", cdn_base))
    cdn_base.append(f"http://127.0.0.1:{cdn.server_address[1]}")
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (cdn, hub)]
    for t in threads:
        t.start()
    try:
        yield f"http://127.0.0.1:{hub.server_address[1]}"
    finally:
        for s in (hub, cdn):
            s.shutdown()
            s.server_close()
