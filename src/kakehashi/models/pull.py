"""`pull`: which files of a repo a reference means, and fetching them into the cache with a progress bar."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from kakehashi.errors import ModelNotFound
from kakehashi.models.cache import CachedFile, CachedModel, ModelCache, fsync_dir, now_iso
from kakehashi.models.hub import Hub, RemoteFile
from kakehashi.models.refs import DEFAULT_QUANT, HubRef, is_projector, quant_of, split_part


def select_files(ref: HubRef, files: list[RemoteFile]) -> tuple[str | None, list[RemoteFile]]:
    """(quant, files to fetch) for `ref`: one GGUF, or every part of a split one, first part first."""
    ggufs = [f for f in files if f.path.lower().endswith(".gguf")]
    if ref.file:
        chosen = next((f for f in ggufs if f.path == ref.file), None)
        if chosen is None:
            raise ModelNotFound(f"{ref.repo} has no file {ref.file!r}; {_available(ggufs)}", param="model")
        return quant_of(chosen.path), _with_other_parts(chosen, ggufs)
    candidates = [f for f in ggufs if not is_projector(f.path)]
    if not candidates:
        raise ModelNotFound(f"{ref.repo} has no GGUF files (kakehashi runs GGUF models)", param="model")
    quants = sorted({q for f in candidates if (q := quant_of(f.path))})
    wanted = ref.quant.upper() if ref.quant else None
    if wanted is None:
        firsts = [f for f in candidates if (split_part(f.path) or (1, 1))[0] == 1]
        if len(firsts) == 1:
            return quant_of(firsts[0].path), _with_other_parts(firsts[0], ggufs)
        if DEFAULT_QUANT not in quants:
            raise ModelNotFound(
                f"{ref.repo} has several GGUFs; name one: {_available(candidates)}", param="model"
            )
        wanted = DEFAULT_QUANT
    matching = [f for f in candidates if quant_of(f.path) == wanted]
    firsts = [f for f in matching if (split_part(f.path) or (1, 1))[0] == 1]
    if not firsts:
        raise ModelNotFound(f"{ref.repo} has no {wanted} GGUF; {_available(candidates)}", param="model")
    if len(firsts) > 1:
        names = ", ".join(f"{ref.repo}/{f.path}" for f in firsts)
        raise ModelNotFound(f"{ref.repo} has several {wanted} GGUFs; name the file: {names}", param="model")
    return wanted, _with_other_parts(firsts[0], ggufs)


def _with_other_parts(first: RemoteFile, ggufs: list[RemoteFile]) -> list[RemoteFile]:
    part = split_part(first.path)
    if part is None:
        return [first]
    stem = first.path[: -len(f"-{part[0]:05d}-of-{part[1]:05d}.gguf")]
    parts = {split_part(f.path): f for f in ggufs if f.path.startswith(stem) and split_part(f.path)}
    missing = [i for i in range(1, part[1] + 1) if (i, part[1]) not in parts]
    if missing:
        raise ModelNotFound(f"{first.path}: the repo lacks part(s) {missing} of {part[1]}", param="model")
    return [parts[(i, part[1])] for i in range(1, part[1] + 1)]


def _available(files: list[RemoteFile]) -> str:
    quants = sorted({q for f in files if (q := quant_of(f.path))})
    if quants:
        return "quantizations available: " + ", ".join(quants)
    return "files: " + ", ".join(f.path for f in files[:10])


def pull(
    ref: HubRef,
    *,
    cache: ModelCache | None = None,
    hub: Hub | None = None,
    console: Console | None = None,
    force: bool = False,
) -> CachedModel:
    """Fetch what `ref` names into the cache (unless it is there already) and return its cache entry."""
    cache = cache or ModelCache()
    if not force and (ref.quant or ref.file):
        # Exactly named and already here: no network at all. A bare repo is looked up on the hub first,
        # since "the default quant" is the hub's to say; files already cached are not fetched again below.
        existing = cache.find_ref(ref)
        if existing is not None:
            return existing
    own_hub = hub is None
    hub = hub or Hub()
    try:
        quant, files = select_files(ref, hub.list_files(ref.repo, ref.revision))
        root = cache.repo_dir(ref.repo)
        console = console or Console(stderr=True)
        commit: str | None = None
        with _progress(console) as progress:
            task = progress.add_task(f"{ref.repo}:{quant or files[0].path}", total=sum(f.size for f in files))
            base = 0
            for remote in files:
                final = root / remote.path
                if final.is_file() and final.stat().st_size == remote.size and not force:
                    base += remote.size  # a part fetched by an earlier, interrupted pull of a split model
                    progress.update(task, completed=base)
                    continue
                partial = cache.partial_path(ref.repo, remote.path)
                offset = base
                commit = hub.download(
                    ref.repo, ref.revision, remote, partial,
                    on_progress=lambda done, o=offset: progress.update(task, completed=o + done),  # type: ignore[misc]
                ) or commit  # fmt: skip
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(partial, final)
                fsync_dir(final.parent)
                base += remote.size
        model = CachedModel(
            repo=ref.repo,
            quant=quant,
            files=tuple(CachedFile(f.path, f.size, f.sha256) for f in files),
            commit=commit,
            revision=ref.revision,
            pulled_at=now_iso(),
            root=root,
        )
        cache.record(model)
        return model
    finally:
        if own_hub:
            hub.close()


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(binary_units=True),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


PullFn = Callable[[HubRef], Path]
