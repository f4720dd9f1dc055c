from __future__ import annotations

from pathlib import Path

import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.tools.gguf_info import GGUFInfo, InvalidGGUF, read_gguf
from kakehashi.tools.model_shape import shape_from_gguf, swa_layer_pattern
from tests.tools.gguf_files import GQA_LAYOUT, write_gguf


def test_default_model_metadata_and_tensors(default_info: GGUFInfo) -> None:
    assert default_info.architecture == "llama"
    assert default_info.version == 3
    assert default_info.arch_get("block_count") == 30
    # The vocabulary is kept as a length only, but its length is right.
    assert default_info.array_lengths["tokenizer.ggml.tokens"] == 49152
    assert "tokenizer.ggml.tokens" not in default_info.metadata
    assert len(default_info.tensors) == 272
    # Weight bytes are the sum of the tensors and fit inside the file with its header.
    assert 0 < default_info.weight_bytes < default_info.file_size
    assert default_info.file_size - default_info.weight_bytes < 5 * 1024 * 1024


def test_default_model_shape_is_grouped_query(default_info: GGUFInfo) -> None:
    shape = shape_from_gguf(default_info)
    assert (shape.n_layer, shape.n_embd, shape.n_head) == (30, 576, 9)
    assert set(shape.n_head_kv) == {3}
    assert shape.is_gqa
    assert shape.head_dim_k == shape.head_dim_v == 576 // 9
    assert shape.sliding_window == 0 and not any(shape.swa_layers)


def test_written_gqa_file_round_trips(gqa_gguf: Path) -> None:
    info = read_gguf(gqa_gguf)
    shape = shape_from_gguf(info)
    assert shape.n_head == GQA_LAYOUT["n_head"]
    assert shape.n_head_kv == (GQA_LAYOUT["n_head_kv"],) * GQA_LAYOUT["n_layer"]
    assert shape.is_gqa
    assert shape.n_vocab == GQA_LAYOUT["n_vocab"]
    types = {t.type_name for t in info.tensors}
    assert types == {"Q8_0", "F16", "F32"}
    embedding = next(t for t in info.tensors if t.name == "token_embd.weight")
    assert embedding.n_bytes == GQA_LAYOUT["n_vocab"] * GQA_LAYOUT["n_embd"] // 32 * 34


def test_written_sliding_window_file_uses_gemma3_pattern(swa_gguf: Path) -> None:
    shape = shape_from_gguf(read_gguf(swa_gguf))
    assert shape.sliding_window == 1024
    # Gemma 3: five sliding-window layers, then one full-attention layer.
    assert [layer for layer in range(shape.n_layer) if not shape.is_swa(layer)] == [5, 11]


def test_explicit_per_layer_window_pattern_wins(tmp_path: Path) -> None:
    flags = [True, False, False, True]
    path = write_gguf(
        tmp_path / "explicit.gguf", "gemma3", n_layer=4, n_embd=64, n_head=2, n_head_kv=1, n_ff=64,
        n_vocab=64, context=2048, head_dim=32, sliding_window=256, swa_pattern=flags,
    )  # fmt: skip
    shape = shape_from_gguf(read_gguf(path))
    assert [shape.is_swa(layer) for layer in range(4)] == flags


def test_per_layer_kv_head_counts(tmp_path: Path) -> None:
    path = write_gguf(
        tmp_path / "perlayer.gguf", "llama", n_layer=3, n_embd=64, n_head=4, n_head_kv=[4, 2, 1],
        n_ff=64, n_vocab=64, context=1024,
    )  # fmt: skip
    assert shape_from_gguf(read_gguf(path)).n_head_kv == (4, 2, 1)


def test_window_ignored_for_families_llama_cpp_runs_without_it(tmp_path: Path) -> None:
    # llama.cpp does not implement sliding windows for "llama": its cache is full-size everywhere.
    path = write_gguf(
        tmp_path / "llama_window.gguf", "llama", n_layer=2, n_embd=64, n_head=2, n_head_kv=2,
        n_ff=64, n_vocab=64, context=1024, sliding_window=128,
    )  # fmt: skip
    shape = shape_from_gguf(read_gguf(path))
    assert shape.sliding_window == 0


@pytest.mark.parametrize(("dense_first", "expected"), [(False, [2, 5]), (True, [0, 3])])
def test_swa_layer_pattern_matches_llama_cpp(dense_first: bool, expected: list[int]) -> None:
    flags = swa_layer_pattern(6, 3, dense_first)
    assert [i for i, is_swa in enumerate(flags) if not is_swa] == expected


def test_not_gguf_gets_clear_error(not_gguf: Path) -> None:
    with pytest.raises(InvalidGGUF, match="not a GGUF file"):
        read_gguf(not_gguf)


def test_truncated_file_gets_clear_error(truncated_gguf: Path) -> None:
    with pytest.raises(InvalidGGUF, match="truncated"):
        read_gguf(truncated_gguf)


def test_corrupt_metadata_gets_clear_error(corrupt_header_gguf: Path) -> None:
    with pytest.raises(InvalidGGUF, match="damaged or truncated"):
        read_gguf(corrupt_header_gguf)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    with pytest.raises(InvalidGGUF, match="not a GGUF file"):
        read_gguf(empty)
    with pytest.raises(InvalidGGUF, match="no such file"):
        read_gguf(tmp_path / "missing.gguf")


def test_invalid_gguf_is_an_invalid_request() -> None:
    # The API layer maps InvalidRequest to HTTP 400; a bad upload must not become a 500.
    assert issubclass(InvalidGGUF, InvalidRequest)
