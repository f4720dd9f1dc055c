"""The model cache: `~/.cache/kakehashi/models` (or `$KAKEHASHI_MODELS`).

Layout, chosen so llama.cpp finds every part of a split GGUF beside the first one:

    hub/OWNER/REPO/<path in the repo>          the GGUF files, exactly as named in the repo
    hub/OWNER/REPO/kakehashi-manifest.json     what was pulled: quant, files, sizes, SHA-256, commit
    partial/OWNER/REPO/<path in the repo>.part downloads in progress (same filesystem: rename is atomic)

A file only ever appears under hub/ by an atomic rename after its size and hash were checked, and the
manifest names it only after that: a crash leaves at worst a `.part` file that the next pull resumes.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kakehashi.errors import ModelNotFound
from kakehashi.models.refs import DEFAULT_QUANT, BadReference, HubRef, model_stem, parse_hub_ref

MANIFEST = "kakehashi-manifest.json"


def default_cache_root() -> Path:
    if os.environ.get("KAKEHASHI_MODELS"):
        return Path(os.environ["KAKEHASHI_MODELS"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kakehashi" / "models"


@dataclass(frozen=True, slots=True)
class CachedFile:
    path: str  # inside the repo
    size: int
    sha256: str | None


@dataclass(frozen=True, slots=True)
class CachedModel:
    repo: str
    quant: str | None
    files: tuple[CachedFile, ...]  # split GGUFs: every part, first part first
    commit: str | None
    revision: str
    pulled_at: str
    root: Path  # the repo's directory in the cache

    @property
    def name(self) -> str:
        """The name `serve -m`, `inspect` and `rm` accept: `owner/repo:QUANT`, or `owner/repo/file.gguf`."""
        return f"{self.repo}:{self.quant}" if self.quant else f"{self.repo}/{self.files[0].path}"

    @property
    def path(self) -> Path:
        """What llama.cpp opens: the first (or only) part."""
        return self.root / self.files[0].path

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    def present(self) -> bool:
        return all((self.root / f.path).is_file() for f in self.files)


class ModelCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_cache_root()

    def repo_dir(self, repo: str) -> Path:
        return self.root / "hub" / repo

    def partial_path(self, repo: str, path: str) -> Path:
        return self.root / "partial" / repo / f"{path}.part"

    # ------------------------------------------------------------------ reading
    def models(self) -> list[CachedModel]:
        hub = self.root / "hub"
        if not hub.is_dir():
            return []
        found: list[CachedModel] = []
        for manifest in sorted(hub.glob(f"*/*/{MANIFEST}")):
            found += self._read_manifest(manifest)
        return found

    def _read_manifest(self, manifest: Path) -> list[CachedModel]:
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []  # unreadable: treated as empty, and rewritten by the next pull of this repo
        repo = str(data.get("repo", ""))
        return [
            CachedModel(
                repo=repo,
                quant=m.get("quant"),
                files=tuple(CachedFile(f["path"], int(f["size"]), f.get("sha256")) for f in m["files"]),
                commit=m.get("commit"),
                revision=m.get("revision", "main"),
                pulled_at=m.get("pulled_at", ""),
                root=manifest.parent,
            )
            for m in data.get("models", [])
            if m.get("files")
        ]

    def find(self, name: str) -> CachedModel | None:
        """The cached model `name` refers to, or None. Ambiguous names raise ModelNotFound listing the choices."""
        models = [m for m in self.models() if m.present()]
        try:
            ref: HubRef | None = parse_hub_ref(name)
        except BadReference:
            ref = None
        if ref is not None:
            return self.find_ref(ref, models)
        stem = name.lower()
        matches = [m for m in models if model_stem(m.files[0].path) == stem]
        return _one(name, matches)

    def find_ref(self, ref: HubRef, models: list[CachedModel] | None = None) -> CachedModel | None:
        models = [m for m in self.models() if m.present()] if models is None else models
        in_repo = [m for m in models if m.repo.lower() == ref.repo.lower()]
        if ref.file:
            return next((m for m in in_repo if any(f.path == ref.file for f in m.files)), None)
        if ref.quant:
            return next((m for m in in_repo if (m.quant or "").upper() == ref.quant.upper()), None)
        if len(in_repo) > 1:
            default = [m for m in in_repo if m.quant == DEFAULT_QUANT]
            return _one(str(ref), default or in_repo)
        return in_repo[0] if in_repo else None

    # ------------------------------------------------------------------ writing
    def record(self, model: CachedModel) -> None:
        """Add (or replace) `model` in its repo's manifest, atomically."""
        manifest = model.root / MANIFEST
        entries = [m for m in self._read_manifest(manifest) if m.files[0].path != model.files[0].path] \
            if manifest.exists() else []  # fmt: skip
        entries.append(model)
        self._write_manifest(model.repo, model.root, entries)

    def _write_manifest(self, repo: str, root: Path, entries: list[CachedModel]) -> None:
        doc: dict[str, Any] = {
            "repo": repo,
            "models": [
                {
                    "quant": m.quant,
                    "revision": m.revision,
                    "commit": m.commit,
                    "pulled_at": m.pulled_at,
                    "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in m.files],
                }
                for m in entries
            ],
        }
        root.mkdir(parents=True, exist_ok=True)
        atomic_write_text(root / MANIFEST, json.dumps(doc, indent=2, ensure_ascii=False))

    def remove(self, model: CachedModel) -> int:
        """Delete `model`'s files (and any partial download of them); returns the bytes freed."""
        freed = 0
        for f in model.files:
            for path in (model.root / f.path, self.partial_path(model.repo, f.path)):
                if path.is_file():
                    freed += path.stat().st_size
                    path.unlink()
        manifest = model.root / MANIFEST
        rest = [m for m in self._read_manifest(manifest) if m.files[0].path != model.files[0].path]
        if rest:
            self._write_manifest(model.repo, model.root, rest)
        else:
            manifest.unlink(missing_ok=True)
            _prune_empty(model.root, stop=self.root)
            partial_root = self.root / "partial" / model.repo
            if partial_root.is_dir() and not any(partial_root.rglob("*.part")):
                shutil.rmtree(partial_root)
                _prune_empty(partial_root.parent, stop=self.root)
        return freed


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def atomic_write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too (POSIX; a no-op elsewhere)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _prune_empty(directory: Path, *, stop: Path) -> None:
    """Remove `directory` and its parents while they are empty, never `stop` itself or above it."""
    current = directory
    while current != stop and stop in current.parents:
        try:
            for sub in sorted(current.rglob("*"), reverse=True):
                if sub.is_dir():
                    sub.rmdir()
            current.rmdir()
        except OSError:
            return
        current = current.parent


def _one(name: str, matches: list[CachedModel]) -> CachedModel | None:
    if len(matches) > 1:
        choices = ", ".join(m.name for m in matches)
        raise ModelNotFound(f"{name!r} matches several cached models: {choices}; name one of them", param="model")
    return matches[0] if matches else None
