"""`kakehashi estimate --engine mlx` against what MLX really allocates for the bundled GGUF."""

from __future__ import annotations

from pathlib import Path

import mlx.core as mx
from mlx.utils import tree_flatten
from mlx_lm.models.cache import make_prompt_cache

from kakehashi.engine_mlx.gguf import load_gguf
from kakehashi.tools.gguf_info import read_gguf
from kakehashi.tools.memory_mlx import mlx_estimate
from kakehashi.tools.model_shape import shape_from_gguf


def test_weights_and_kv_cache_match_a_real_load(gguf: Path) -> None:
    info = read_gguf(gguf)
    est = mlx_estimate(info, shape_from_gguf(info), ctx=200, slots=1)
    model, _, _ = load_gguf(gguf)
    assert est.weights.total_bytes == sum(v.nbytes for _, v in tree_flatten(model.parameters()))
    cache = make_prompt_cache(model)
    model(mx.array([[1, 2, 3]]), cache=cache)  # one 256-cell step, as for any context up to 256
    mx.eval([c.state for c in cache])
    assert est.kv.bytes == sum(c.keys.nbytes + c.values.nbytes for c in cache)
    assert est.config.cache_type_k == {mx.float32: "f32", mx.float16: "f16"}[cache[0].keys.dtype]
