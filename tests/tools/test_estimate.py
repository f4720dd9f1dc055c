from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.errors import InvalidRequest
from kakehashi.tools.estimate import app
from kakehashi.tools.gguf_info import GGUFInfo, read_gguf
from kakehashi.tools.hardware import HARDWARE, Hardware, fits
from kakehashi.tools.memory import (
    RuntimeConfig,
    bits_per_weight,
    estimate_memory,
    kv_cache,
    weights_from_gguf,
    weights_from_params,
)
from kakehashi.tools.model_shape import ModelShape, parse_parameter_count, shape_from_gguf, shape_from_params
from tests.tools.gguf_files import GQA_LAYOUT, SWA_LAYOUT
from tests.tools.llama_buffers import MIB, llama_cpp_buffers

runner = CliRunner()


def _estimate(path: Path, config: RuntimeConfig) -> tuple[GGUFInfo, ModelShape, int, int, int]:
    info = read_gguf(path)
    shape = shape_from_gguf(info)
    est = estimate_memory(weights_from_gguf(info, shape), shape, config)
    return info, shape, est.weights.total_bytes, est.kv.bytes, est.compute_bytes


# --- KV cache arithmetic ------------------------------------------------------------------


def test_gqa_cache_stores_only_kv_heads(gqa_gguf: Path) -> None:
    shape = shape_from_gguf(read_gguf(gqa_gguf))
    kv = kv_cache(shape, RuntimeConfig(ctx=2048))
    head_dim = GQA_LAYOUT["n_embd"] // GQA_LAYOUT["n_head"]
    per_token = GQA_LAYOUT["n_layer"] * 2 * GQA_LAYOUT["n_head_kv"] * head_dim * 2  # K+V, f16
    assert kv.bytes == 2048 * per_token
    # A multi-head (non-GQA) model of the same size would need n_head / n_head_kv times more.
    mha = ModelShape(**{**_fields(shape), "n_head_kv": (GQA_LAYOUT["n_head"],) * GQA_LAYOUT["n_layer"]})
    assert (
        kv_cache(mha, RuntimeConfig(ctx=2048)).bytes
        == kv.bytes * GQA_LAYOUT["n_head"] // GQA_LAYOUT["n_head_kv"]
    )


def test_sliding_window_layers_keep_only_the_window(swa_gguf: Path) -> None:
    shape = shape_from_gguf(read_gguf(swa_gguf))
    ctx = 16384
    kv = kv_cache(shape, RuntimeConfig(ctx=ctx))
    assert (kv.layers_full, kv.layers_swa) == (2, 10)
    assert kv.cells_full == ctx
    assert kv.cells_swa == SWA_LAYOUT["sliding_window"] + 512  # window + one micro-batch
    row = 2 * SWA_LAYOUT["n_head_kv"] * SWA_LAYOUT["head_dim"] * 2  # K+V of one cell, f16
    assert kv.bytes == row * (2 * ctx + 10 * kv.cells_swa)
    full = kv_cache(shape, RuntimeConfig(ctx=ctx, swa_full=True))
    assert full.bytes == row * 12 * ctx


def test_parallel_sequences_and_cache_types_scale_kv(gqa_gguf: Path) -> None:
    shape = shape_from_gguf(read_gguf(gqa_gguf))
    one = kv_cache(shape, RuntimeConfig(ctx=1024)).bytes
    assert kv_cache(shape, RuntimeConfig(ctx=1024, parallel=4)).bytes == 4 * one
    q8 = kv_cache(shape, RuntimeConfig(ctx=1024, cache_type_k="q8_0", cache_type_v="q8_0")).bytes
    q4 = kv_cache(shape, RuntimeConfig(ctx=1024, cache_type_k="q4_0", cache_type_v="q4_0")).bytes
    assert q8 == one * 34 // 64  # 34 bytes per 32 values instead of 64
    assert q4 == one * 18 // 64


def test_context_is_padded_like_llama_cpp(gqa_gguf: Path) -> None:
    shape = shape_from_gguf(read_gguf(gqa_gguf))
    assert kv_cache(shape, RuntimeConfig(ctx=1000)).cells_full == 1024


def test_unknown_cache_type_rejected() -> None:
    with pytest.raises(InvalidRequest, match="unknown KV cache type"):
        RuntimeConfig(ctx=512, cache_type_k="q3_k")


def test_quantized_v_cache_needs_flash_attention() -> None:
    # llama.cpp refuses this combination ("quantized V cache requires flash_attn").
    with pytest.raises(InvalidRequest, match="flash attention"):
        RuntimeConfig(ctx=512, cache_type_v="q8_0", flash_attn=False)


# --- against llama.cpp itself ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fixture", "ctx", "parallel", "flash_attn", "cache_type"),
    [
        ("default_gguf", 2048, 1, True, "f16"),
        ("default_gguf", 8192, 1, False, "f16"),
        ("default_gguf", 1024, 4, True, "q8_0"),
        ("gqa_gguf", 2048, 1, True, "f16"),
        ("gqa_gguf", 2048, 1, False, "f16"),
        ("swa_gguf", 4096, 2, True, "f16"),
        ("swa_gguf", 4096, 2, True, "q4_0"),
        ("swa_gguf", 2048, 1, False, "f16"),
    ],
)
def test_estimate_matches_llama_cpp_buffers(
    fixture: str, ctx: int, parallel: int, flash_attn: bool, cache_type: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(fixture)
    config = RuntimeConfig(
        ctx=ctx, parallel=parallel, flash_attn=flash_attn, cache_type_k=cache_type, cache_type_v=cache_type
    )
    _, _, weights, kv, compute = _estimate(path, config)
    real = llama_cpp_buffers(
        path, ctx_per_seq=ctx, parallel=parallel, flash_attn=flash_attn, cache_type=cache_type
    )
    # Weights and KV are exact (llama.cpp logs MiB with two decimals).
    assert abs(weights - real.model) <= 0.01 * MIB
    assert abs(kv - real.kv) <= 0.01 * MIB
    # The compute buffer is modelled, not replayed: within 10%.
    assert abs(compute - real.compute) <= 0.10 * real.compute
    total_real = real.model + real.kv + real.compute + real.output
    total_estimate = weights + kv + compute
    assert abs(total_estimate - total_real) <= 0.10 * total_real


# --- --params path, hardware ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"), [("8B", 8_000_000_000), ("0.5b", 500_000_000), ("135M", 135_000_000)]
)
def test_parse_parameter_count(text: str, count: int) -> None:
    assert parse_parameter_count(text) == count


def test_parse_parameter_count_rejects_garbage() -> None:
    with pytest.raises(InvalidRequest):
        parse_parameter_count("eight billion")


def test_params_estimate_uses_bits_per_weight_and_nearest_shape() -> None:
    shape, reference = shape_from_params(8_000_000_000)
    assert reference == "Llama-3.1-8B"
    weights = weights_from_params(8_000_000_000, "Q4_K_M")
    assert weights.total_bytes == int(8e9 * bits_per_weight("Q4_K_M") / 8)
    assert 4.8 < bits_per_weight("Q4_K_M") < 5.0  # above Q4_K's 4.5: the mix keeps some Q6_K
    assert bits_per_weight("q4_k") == bits_per_weight("Q4_K_M")  # llama-quantize's alias
    # Flags override the reference shape.
    custom, _ = shape_from_params(8_000_000_000, layers=40, kv_heads=4, head_dim=64)
    kv_default = kv_cache(shape, RuntimeConfig(ctx=8192)).bytes
    kv_custom = kv_cache(custom, RuntimeConfig(ctx=8192)).bytes
    assert kv_custom == kv_default * 40 * 4 * 64 // (32 * 8 * 128)


def test_unknown_quant_rejected() -> None:
    with pytest.raises(InvalidRequest, match="unknown quantization"):
        bits_per_weight("Q7_Z")


def test_fits_and_decode_ceiling() -> None:
    small = Hardware("small", "nvidia", 8, 400, "test")
    big = Hardware("big", "nvidia", 80, 2000, "test")
    rows = fits((small, big), total_bytes=20 * 1024**3, read_empty=10 * 10**9, read_full=20 * 10**9)
    assert [r.fits for r in rows] == [False, True]
    assert rows[1].decode_tps_empty == pytest.approx(200.0)
    assert rows[1].decode_tps_full == pytest.approx(100.0)
    assert rows[0].headroom_bytes < 0


def test_hardware_table_has_sources_and_figures() -> None:
    kinds = {hw.kind for hw in HARDWARE}
    assert kinds == {"nvidia", "apple", "cpu"}
    for hw in HARDWARE:
        assert hw.source and hw.memory_gib > 0 and hw.bandwidth_gbs and hw.bandwidth_gbs > 0
        assert 0 < hw.usable_bytes < hw.memory_bytes


# --- CLI ------------------------------------------------------------------------------------


def test_cli_json_for_file(swa_gguf: Path) -> None:
    result = runner.invoke(app, [str(swa_gguf), "--ctx", "8192", "--parallel", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    memory = data["memory_bytes"]
    assert memory["total"] == sum(
        memory[k] for k in ("weights", "kv_cache", "compute_buffer", "output_buffer")
    )
    assert data["model"]["sliding_window_layers"] == 10
    assert data["config"]["parallel"] == 2
    assert {row["kind"] for row in data["hardware"]} == {"cpu", "nvidia", "apple"}
    rtx = next(row for row in data["hardware"] if row["name"] == "RTX 4090")
    expected = 1008e9 / data["decode"]["bytes_per_token_empty_context"]
    assert rtx["decode_tokens_per_s_ceiling_empty_context"] == pytest.approx(expected)
    assert rtx["source"].startswith("https://www.nvidia.com/")


def test_cli_params_path() -> None:
    result = runner.invoke(
        app, ["--params", "70B", "--quant", "Q4_K_M", "--ctx", "8192", "--json", "--kind", "nvidia"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["memory_bytes"]["weights_exact"] is False
    assert data["memory_bytes"]["weights"] > 39 * 1024**3  # 70B at ~4.9 bits
    by_name = {row["name"]: row for row in data["hardware"]}
    assert not by_name["RTX 4090"]["fits"]
    assert by_name["H200 SXM"]["fits"]


def test_cli_human_output(default_gguf: Path) -> None:
    result = runner.invoke(app, [str(default_gguf), "--ctx", "2048"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for needle in ("KV cache", "45.00 MiB", "compute buffer", "RTX 4090", "nvidia.com"):
        assert needle in result.stdout


def test_cli_errors_are_messages(not_gguf: Path) -> None:
    assert runner.invoke(app, []).exit_code == 2
    result = runner.invoke(app, [str(not_gguf)])
    assert result.exit_code == 1 and "not a GGUF file" in result.stderr


def _fields(shape: ModelShape) -> dict[str, object]:
    return {name: getattr(shape, name) for name in shape.__dataclass_fields__}
