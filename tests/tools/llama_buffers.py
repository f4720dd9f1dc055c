"""Ask llama.cpp itself how much it allocates: load a GGUF in a child process and parse its log.

A child process because llama.cpp logs to the C stderr (not Python's) and a crash must not take
the test run with it. Extra weight buffers (AMX repacking) stay off as in kakehashi's engine: the
VMs we test on advertise AMX but trap on it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_CHILD = r"""
import sys, llama_cpp
llama_cpp.llama_backend_init()
path, n_ctx, n_seq, flash, type_kv = sys.argv[1], *map(int, sys.argv[2:6])
mp = llama_cpp.llama_model_default_params()
mp.use_extra_bufts = False
model = llama_cpp.llama_model_load_from_file(path.encode(), mp)
assert model, "llama.cpp could not load the model"
cp = llama_cpp.llama_context_default_params()
cp.n_ctx, cp.n_seq_max, cp.swa_full = n_ctx, n_seq, False
cp.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED if flash else llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
cp.type_k = cp.type_v = type_kv
assert llama_cpp.llama_init_from_model(model, cp), "llama.cpp could not create the context"
"""
_GGML_TYPES = {"f16": 1, "q4_0": 2, "q8_0": 8}
_BUFFER = re.compile(r"(model|KV|compute|output) buffer size =\s+([\d.]+) MiB")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Buffers:
    """Bytes llama.cpp reported, rounded by its log to 0.01 MiB."""

    model: float
    kv: float
    compute: float
    output: float


def llama_cpp_buffers(
    path: Path, *, ctx_per_seq: int, parallel: int = 1, flash_attn: bool = True, cache_type: str = "f16"
) -> Buffers:
    args = [
        str(path),
        str(ctx_per_seq * parallel),
        str(parallel),
        str(int(flash_attn)),
        str(_GGML_TYPES[cache_type]),
    ]
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, timeout=180, check=False
    )
    assert proc.returncode == 0, f"llama.cpp child failed ({proc.returncode}): {proc.stderr[-2000:]}"
    sizes = {"model": 0.0, "KV": 0.0, "compute": 0.0, "output": 0.0}
    for kind, mib in _BUFFER.findall(proc.stderr):
        sizes[kind] += float(mib) * MIB
    return Buffers(model=sizes["model"], kv=sizes["KV"], compute=sizes["compute"], output=sizes["output"])
