"""llama-cpp-python's own OpenAI server, as the reference `kakehashi bench --compare` measures against.

Identical to `python -m llama_cpp.server` except that llama.cpp's extra weight buffers (AMX/ARM
repacking) are off: our VMs advertise AMX but trap on it (SIGILL on the first batched matmul),
and kakehashi's engine turns them off for the same reason, so both servers run the same kernels.

Run:  .venv/bin/python benchmarks/tools/reference_server.py --model <gguf> --port 8123
"""

from __future__ import annotations

import llama_cpp.llama_cpp as bindings

_default_params = bindings.llama_model_default_params


def _params_without_extra_buffers() -> bindings.llama_model_params:
    params: bindings.llama_model_params = _default_params()
    params.use_extra_bufts = False
    return params


# llama_cpp.llama.Llama calls llama_cpp.llama_cpp.llama_model_default_params() at construction time.
bindings.llama_model_default_params = _params_without_extra_buffers

if __name__ == "__main__":
    from llama_cpp.server.__main__ import main

    main()  # type: ignore[no-untyped-call]
