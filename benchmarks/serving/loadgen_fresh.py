#!/usr/bin/env python3
"""The shared loadgen.py, but no prompt is ever repeated: each run salts its prompts with a random tag.

loadgen.py gives request i the prompt "... (variant i)", so the same prompts come back at every level and
in every round, and a server's prompt cache (llama-server's --cache-ram, kakehashi's host-RAM tier) serves
them whole from the second time on. That measures cache hits, not prefill. This wrapper puts a fresh tag at
the start of every user message, so only what real traffic shares (the chat template's system prompt)
can be reused. Same arguments as loadgen.py; its path: $LOADGEN (default ../shared/tools/loadgen.py from
the repository root). Use it as compare.py's --loadgen.
"""
import importlib.util
import os
import secrets
from pathlib import Path

path = Path(os.environ.get("LOADGEN", Path(__file__).resolve().parents[3] / "shared" / "tools" / "loadgen.py"))
spec = importlib.util.spec_from_file_location("loadgen", path)
assert spec is not None and spec.loader is not None
loadgen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(loadgen)
salt = secrets.token_hex(4)
shared_prompt = loadgen.prompt
loadgen.prompt = lambda i: f"[{salt}-{i}] {shared_prompt(i)}"

if __name__ == "__main__":
    loadgen.main()
