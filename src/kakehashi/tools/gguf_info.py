"""Read a GGUF file's metadata and tensor table into plain dataclasses.

Parsing is done by the `gguf` package (llama.cpp's own Python reader); this module only turns its
numpy-backed fields into Python values, keeps huge arrays (the vocabulary, merges) as lengths, and
turns every way a bad file can fail into one clear `InvalidGGUF` error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakehashi.errors import InvalidRequest

# Arrays longer than this (vocabularies, merges, scores) are stored as a length only: nothing here
# needs their contents, and converting 150k strings is the slow part of reading a GGUF.
_MAX_ARRAY_KEPT = 1024

MetadataValue = str | int | float | bool | list[Any]


class InvalidGGUF(InvalidRequest):
    """The file is not a GGUF file, or is damaged (truncated, inconsistent)."""

    code = "invalid_gguf"


@dataclass(frozen=True, slots=True)
class TensorInfo:
    name: str
    type_name: str  # ggml type, e.g. "Q4_K", "F16"
    shape: tuple[int, ...]  # ggml order: innermost dimension first
    n_elements: int
    n_bytes: int


@dataclass(frozen=True, slots=True)
class GGUFInfo:
    path: Path
    file_size: int
    version: int
    metadata: dict[str, MetadataValue]
    array_lengths: dict[str, int]  # every array field's length, including the ones not kept
    tensors: tuple[TensorInfo, ...]

    @property
    def architecture(self) -> str:
        value = self.metadata.get("general.architecture")
        return value if isinstance(value, str) else "unknown"

    def get(self, key: str) -> MetadataValue | None:
        return self.metadata.get(key)

    def arch_get(self, suffix: str) -> MetadataValue | None:
        """`{architecture}.{suffix}`, e.g. arch_get("block_count") -> llama.block_count."""
        return self.metadata.get(f"{self.architecture}.{suffix}")

    @property
    def weight_bytes(self) -> int:
        return sum(t.n_bytes for t in self.tensors)

    @property
    def parameter_count(self) -> int:
        return sum(t.n_elements for t in self.tensors)


def read_gguf(path: str | Path) -> GGUFInfo:
    """Parse `path`; raise InvalidGGUF (never a numpy/ValueError) when it is not a sound GGUF file."""
    # Imported here so `kakehashi --help` does not pay for numpy.
    from gguf import GGUFReader, GGUFValueType

    file = Path(path)
    if not file.is_file():
        raise InvalidGGUF(f"{file}: no such file", param="path", code="file_not_found")
    file_size = file.stat().st_size
    try:
        reader = GGUFReader(file)
    except ValueError as exc:
        if "magic" in str(exc).lower() or "empty file" in str(exc).lower():
            raise InvalidGGUF(f"{file}: not a GGUF file (missing the 'GGUF' magic bytes)") from exc
        raise InvalidGGUF(f"{file}: damaged or truncated GGUF file ({exc})") from exc
    except (IndexError, OverflowError, KeyError, UnicodeDecodeError, MemoryError) as exc:
        # The reader walks length-prefixed fields; a cut-off file makes it read past the end.
        raise InvalidGGUF(f"{file}: damaged or truncated GGUF file ({type(exc).__name__}: {exc})") from exc

    metadata: dict[str, MetadataValue] = {}
    array_lengths: dict[str, int] = {}
    version = 0
    for key, field in reader.fields.items():
        if key == "GGUF.version":
            version = int(field.contents())
            continue
        if key.startswith("GGUF."):
            continue
        if field.types and field.types[0] == GGUFValueType.ARRAY:
            array_lengths[key] = len(field.data)
            if len(field.data) > _MAX_ARRAY_KEPT:
                continue
        try:
            metadata[key] = field.contents()
        except UnicodeDecodeError as exc:
            raise InvalidGGUF(f"{file}: metadata field {key!r} is not valid UTF-8") from exc

    tensors = tuple(
        TensorInfo(
            name=t.name,
            type_name=t.tensor_type.name,
            shape=tuple(int(d) for d in t.shape),
            n_elements=int(t.n_elements),
            n_bytes=int(t.n_bytes),
        )
        for t in reader.tensors
    )
    # The reader maps tensor data lazily, so a file cut inside the data section can still parse:
    # check that the last tensor really ends inside the file.
    data_end = max((int(t.data_offset) + int(t.n_bytes) for t in reader.tensors), default=0)
    if data_end > file_size:
        raise InvalidGGUF(
            f"{file}: truncated GGUF file: tensor data ends at byte {data_end:,} "
            f"but the file has {file_size:,} bytes"
        )
    return GGUFInfo(
        path=file,
        file_size=file_size,
        version=version,
        metadata=metadata,
        array_lengths=array_lengths,
        tensors=tensors,
    )
