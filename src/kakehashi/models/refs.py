"""Model references as users type them (`owner/repo:Q4_K_M`, `owner/repo/file.gguf`) and GGUF file names.

Pure string logic: no I/O, so the rules are testable in isolation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakehashi.errors import InvalidRequest

HF_PREFIX = "hf:"
# llama.cpp's split files: model-00001-of-00003.gguf (gguf-split names them this way).
_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)
_REPO = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
# Quantization names as they appear in GGUF file names (Q4_K_M, IQ4_XS, Q8_0, F16, BF16, MXFP4...).
_QUANT_IN_NAME = re.compile(
    r"(?<![A-Za-z0-9])((?:I?Q\d+(?:_[A-Z0-9]+)*)|BF16|F16|F32|MXFP4(?:_MOE)?|TQ\d_\d)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# llama.cpp's `-hf repo` picks this quantization when none is named; so do we.
DEFAULT_QUANT = "Q4_K_M"


class BadReference(InvalidRequest):
    code = "bad_model_reference"


@dataclass(frozen=True, slots=True)
class HubRef:
    """`repo` plus at most one of `quant` (a quantization tag) or `file` (a path inside the repo)."""

    repo: str
    quant: str | None = None
    file: str | None = None
    revision: str = "main"

    def __str__(self) -> str:
        if self.file:
            return f"{self.repo}/{self.file}"
        return f"{self.repo}:{self.quant}" if self.quant else self.repo


def parse_hub_ref(text: str) -> HubRef:
    """`[hf:]owner/repo[:QUANT][@revision]` or `[hf:]owner/repo/path/to/file.gguf[@revision]`."""
    spec = text.removeprefix(HF_PREFIX).strip()
    spec, _, revision = spec.partition("@")
    revision = revision or "main"
    parts = spec.split("/")
    if len(parts) >= 3 and parts[-1].lower().endswith(".gguf"):
        repo, file = "/".join(parts[:2]), "/".join(parts[2:])
        quant = None
    else:
        repo, _, quant_text = spec.partition(":")
        file, quant = None, quant_text or None
    if not _REPO.match(repo):
        raise BadReference(
            f"{text!r} is not a hub reference: expected OWNER/REPO[:QUANT] or OWNER/REPO/FILE.gguf, "
            "e.g. bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M",
            param="model",
        )
    return HubRef(repo=repo, quant=quant, file=file, revision=revision)


def looks_like_hub_ref(text: str) -> bool:
    try:
        parse_hub_ref(text)
    except BadReference:
        return False
    return True


def split_part(filename: str) -> tuple[int, int] | None:
    """(part, total) for `x-00002-of-00003.gguf`, None for a single-file GGUF."""
    match = _SPLIT.search(filename)
    return (int(match.group(1)), int(match.group(2))) if match else None


def quant_of(filename: str) -> str | None:
    """The quantization tag in a GGUF file name (`Qwen2.5-0.5B-Instruct-Q4_K_M.gguf` -> `Q4_K_M`), upper-case."""
    base = _SPLIT.sub(".gguf", filename.rsplit("/", 1)[-1])
    found = _QUANT_IN_NAME.findall(base.removesuffix(".gguf").removesuffix(".GGUF"))
    return found[-1].upper() if found else None


def model_stem(filename: str) -> str:
    """A file's name without directory, split suffix and `.gguf`, lower-cased: what `ls` calls it."""
    base = _SPLIT.sub("", filename.rsplit("/", 1)[-1])
    return re.sub(r"\.gguf$", "", base, flags=re.IGNORECASE).lower()


def is_projector(filename: str) -> bool:
    """Vision projectors (mmproj-*.gguf) sit beside the language model in many repos; never pick one by quant."""
    return "mmproj" in filename.rsplit("/", 1)[-1].lower()
