"""Fixtures for the tools' tests: GGUF files written by the tests, and the real default model."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakehashi.default_model import default_model_path
from kakehashi.tools.gguf_info import GGUFInfo, read_gguf
from tests.tools.gguf_files import GQA_LAYOUT, SWA_LAYOUT, write_gguf


@pytest.fixture(scope="session")
def gqa_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "gqa.gguf", **GQA_LAYOUT)


@pytest.fixture(scope="session")
def swa_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "swa.gguf", **SWA_LAYOUT)


@pytest.fixture(scope="session")
def truncated_gguf(gqa_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The GQA file cut in the middle of its tensor data."""
    data = gqa_gguf.read_bytes()
    path = tmp_path_factory.mktemp("gguf") / "truncated.gguf"
    path.write_bytes(data[: len(data) - 5000])
    return path


@pytest.fixture(scope="session")
def corrupt_header_gguf(gqa_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Valid magic and version, then garbage where the metadata should be."""
    data = bytearray(gqa_gguf.read_bytes()[:4096])
    data[24:40] = b"\xff" * 16  # first key's length becomes absurd
    path = tmp_path_factory.mktemp("gguf") / "corrupt.gguf"
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="session")
def not_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gguf") / "notes.gguf"
    path.write_text("これはGGUFではありません。just text\n" * 20, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def default_gguf() -> Path:
    return default_model_path()


@pytest.fixture(scope="session")
def default_info(default_gguf: Path) -> GGUFInfo:
    """Parsed once per session: reading the 49k-token vocabulary takes a few seconds."""
    return read_gguf(default_gguf)
