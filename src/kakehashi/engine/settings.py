"""EngineConfig: the embedded engine's settings, declared once.

kakehashi.toml's [engine] table is validated against this dataclass (config.py), `kakehashi serve`
takes its flags' help and defaults from it (api/serve.py), and the engine reads it. A new setting is
one field here (plus its flag).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Annotated, Literal

from annotated_types import Ge, Le

FlashAttn = Literal["auto", "on", "off"]
PrefixCache = Literal["shared", "slot", "off"]


@dataclass(frozen=True, slots=True)
class EngineConfig:
    # Unknown keys in [engine] are errors, as everywhere in kakehashi.toml (read by pydantic; a plain
    # dict so the engine does not import pydantic).
    __pydantic_config__ = {"extra": "forbid"}  # noqa: RUF012 - read-only class-level configuration

    slots: Annotated[int, Ge(1), Le(256)] = field(
        default=16, metadata={"help": "Sequences decoded together per model."})
    ctx_size: Annotated[int, Ge(64)] = field(
        default=2048, metadata={"help": "Context window of each sequence."})
    batch_size: Annotated[int, Ge(1)] = field(
        default=512, metadata={"help": "Token budget of one engine step (raised to the slot count if below it)."})
    max_waiting: Annotated[int, Ge(0)] = field(
        default=256, metadata={"help": "Requests that may wait for a slot before 503."})
    threads: Annotated[int, Ge(0)] = field(
        default=0, metadata={"help": "CPU threads for llama.cpp (0 = every core other processes leave free, re-read every 0.25 s while running; a number is kept as given)."})
    flash_attn: FlashAttn = field(default="auto", metadata={
        "help": "llama.cpp engine: flash attention: auto = off on CPU-only builds (faster decode there), llama.cpp's choice otherwise."})
    step_target_ms: Annotated[int, Ge(0)] = field(default=500, metadata={
        "help": "llama.cpp engine: while other sequences run, a step computes about this many milliseconds of prompt tokens "
                "(sized from the measured cost per token): a long prompt cannot stall the other streams for "
                "seconds, and prompts arriving together start streaming group by group; 0 = only batch_size "
                "limits a step."})
    prefix_cache: PrefixCache = field(default="shared", metadata={
        "help": "Prompt prefix reuse: shared = across requests (KV copied from running or finished sequences), "
                "slot = only what the request's own slot cached (llama-server's behaviour), off = none. The MLX engine reuses finished sequences only."})
    cache_ram: Annotated[int, Ge(0)] = field(default=1024, metadata={
        "help": "llama.cpp engine: MiB of host RAM for prompts' KV cells pushed out of their slot, loaded back when a "
                "later prompt starts the same way (like llama-server's --cache-ram); 0 = off."})


def setting_help(name: str) -> str:
    """A setting's help text with its default, for command-line flags."""
    f = next(f for f in fields(EngineConfig) if f.name == name)
    return f"{f.metadata['help']} \\[default: {f.default}]"  # typer/rich markup: \\[ prints a bracket
