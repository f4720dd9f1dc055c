"""Check `kakehashi estimate` against reality for the default model.

For each configuration a fresh subprocess loads the model with llama.cpp (llama-cpp-python's
low-level API), decodes one prompt so every weight page and buffer is touched, and reports
  - llama.cpp's own buffer sizes from its log ("... buffer size = X MiB"), and
  - the growth of its resident memory (VmRSS after load+decode minus VmRSS just before loading).
The parent compares both with the estimate and writes estimate_vs_measured.json next to this file.

Resident memory is measured twice in the same process:
  - typical: after a full micro-batch of prompt with logits for the last token only (how a
    server processes prompts). Lower than the estimate: Linux only backs pages that are touched,
    and such a step touches little of the compute buffer, which is sized for the worst case.
  - worst case: after the same batch with logits for every token, the case the compute buffer is
    reserved for. llama.cpp then also grows its output buffer to one row per batch token, so the
    comparison adds that growth to the estimate; what remains is memory no buffer reports (the CPU
    backend's per-thread work buffers, allocator overhead).

Run:  PYTHONPATH=src .venv/bin/python benchmarks/tools/validate_estimate.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakehashi.default_model import default_model_path
from kakehashi.tools.gguf_info import read_gguf
from kakehashi.tools.memory import RuntimeConfig, estimate_memory, weights_from_gguf
from kakehashi.tools.model_shape import shape_from_gguf

# The child. use_extra_bufts=False: on this VM llama.cpp's AMX weight repacking dies with SIGILL
# (the CPU advertises AMX but executing it traps), so weights stay in the plain mmap'd buffer.
_CHILD = r"""
import json, sys, llama_cpp
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) * 1024
path, n_ctx, n_seq, flash, type_k, type_v = sys.argv[1], *map(int, sys.argv[2:7])
llama_cpp.llama_backend_init()
before = rss()
mp = llama_cpp.llama_model_default_params()
mp.use_extra_bufts = False
model = llama_cpp.llama_model_load_from_file(path.encode(), mp)
cp = llama_cpp.llama_context_default_params()
cp.n_ctx, cp.n_seq_max = n_ctx, n_seq
cp.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED if flash else llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
cp.type_k, cp.type_v = type_k, type_v
ctx = llama_cpp.llama_init_from_model(model, cp)
vocab = llama_cpp.llama_model_get_vocab(model)
n_tokens = min(cp.n_ubatch, n_ctx)
text = ("Explain a memory estimate. メモリの見積もりを説明してください。" * 64).encode()
toks = (llama_cpp.llama_token * 4096)()
n = llama_cpp.llama_tokenize(vocab, text, len(text), toks, 4096, True, True)
batch = llama_cpp.llama_batch_init(n_tokens, 0, 1)
def decode(all_logits):
    llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(ctx), True)
    for i in range(n_tokens):
        batch.token[i], batch.pos[i], batch.n_seq_id[i] = toks[i], i, 1
        batch.logits[i] = all_logits or i == n_tokens - 1
        batch.seq_id[i][0] = 0
    batch.n_tokens = n_tokens
    return llama_cpp.llama_decode(ctx, batch)
# Typical prompt processing: a full micro-batch, logits for the last token only.
rc = decode(False)
typical = rss()
# The worst case llama.cpp reserves its compute buffer for: logits for every token of the batch.
rc |= decode(True)
print(json.dumps({"rss_before": before, "rss_typical": typical, "rss_worst": rss(), "decode_rc": rc}))
"""

_GGML_TYPE = {"f16": 1, "q8_0": 8, "q4_0": 2}
_BUFFER = re.compile(r"(model|KV|compute|output) buffer size =\s+([\d.]+) MiB")
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    ctx: int  # per sequence
    parallel: int = 1
    flash_attn: bool = True
    cache_type: str = "f16"


CASES = (
    Case(512),
    Case(2048),
    Case(8192),
    Case(2048, flash_attn=False),
    Case(8192, flash_attn=False),
    Case(2048, cache_type="q8_0"),
    Case(4096, cache_type="q4_0"),
    Case(1024, parallel=4),
)


def measure(model: Path, case: Case) -> dict[str, float]:
    kv_type = _GGML_TYPE[case.cache_type]
    args = [str(model), str(case.ctx * case.parallel), str(case.parallel), str(int(case.flash_attn))]
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args, str(kv_type), str(kv_type)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    child = json.loads(proc.stdout.strip().splitlines()[-1])
    if child["decode_rc"] != 0:
        raise RuntimeError(f"llama_decode failed for {case}: {child}")
    reported: dict[str, float] = {"model": 0.0, "KV": 0.0, "compute": 0.0, "output": 0.0}
    for kind, mib in _BUFFER.findall(proc.stderr):
        reported[kind] += float(mib) * _MIB
    reported["rss_typical"] = child["rss_typical"] - child["rss_before"]
    reported["rss_worst"] = child["rss_worst"] - child["rss_before"]
    return reported


def main() -> None:
    model = default_model_path()
    info = read_gguf(model)
    shape = shape_from_gguf(info)
    weights = weights_from_gguf(info, shape)
    rows = []
    for case in CASES:
        config = RuntimeConfig(
            ctx=case.ctx, parallel=case.parallel, flash_attn=case.flash_attn,
            cache_type_k=case.cache_type, cache_type_v=case.cache_type,
        )  # fmt: skip
        est = estimate_memory(weights, shape, config)
        got = measure(model, case)
        reported_total = got["model"] + got["KV"] + got["compute"] + got["output"]
        # Asking for every token's logits makes llama.cpp grow its output buffer from one row per
        # sequence to one row per batch token (llama_context::output_reserve) on top of the estimate.
        u = min(config.n_ubatch, case.ctx * case.parallel)
        all_logits_total = est.total_bytes + (u - case.parallel) * shape.n_vocab * 4
        row: dict[str, Any] = {
            "case": case.__dict__,
            "estimate_mib": {
                "weights": est.weights.total_bytes / _MIB,
                "kv": est.kv.bytes / _MIB,
                "compute": est.compute_bytes / _MIB,
                "output": est.output_bytes / _MIB,
                "total": est.total_bytes / _MIB,
            },
            "llama_cpp_reported_mib": {k: got[k] / _MIB for k in ("model", "KV", "compute", "output")}
            | {"total": reported_total / _MIB},
            "rss_growth_typical_mib": got["rss_typical"] / _MIB,
            "rss_growth_worst_case_mib": got["rss_worst"] / _MIB,
            "error_vs_reported_pct": 100 * (est.total_bytes - reported_total) / reported_total,
            "estimate_with_all_logits_output_mib": all_logits_total / _MIB,
            "error_vs_rss_worst_case_pct": 100 * (all_logits_total - got["rss_worst"]) / got["rss_worst"],
        }
        rows.append(row)
        print(
            f"ctx={case.ctx:5d} x{case.parallel} fa={int(case.flash_attn)} kv={case.cache_type:5s} "
            f"estimate {row['estimate_mib']['total']:7.2f} MiB | llama.cpp {reported_total / _MIB:7.2f} MiB "
            f"({row['error_vs_reported_pct']:+5.1f}%) | RSS growth typical {got['rss_typical'] / _MIB:6.1f}, "
            f"worst {got['rss_worst'] / _MIB:6.1f} MiB vs {all_logits_total / _MIB:6.1f} "
            f"({row['error_vs_rss_worst_case_pct']:+5.1f}%) | "
            f"kv {row['estimate_mib']['kv']:.2f}/{got['KV'] / _MIB:.2f} "
            f"compute {row['estimate_mib']['compute']:.2f}/{got['compute'] / _MIB:.2f}"
        )
    out = Path(__file__).with_name("estimate_vs_measured.json")
    out.write_text(json.dumps({"model": str(model.name), "rows": rows}, indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
