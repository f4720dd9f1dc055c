"""Ollama's native API wire format (/api/chat, /api/generate, /api/tags, /api/show, /api/ps, ...).

Request models refuse unknown fields (Ollama's own clients only send what the user set), so a field
this server cannot honour is a 400 naming it rather than silently dropped. Responses are plain dicts
built here, one per NDJSON line on the streaming path.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Options(BaseModel):
    """`options`: sampling fields are typed; anything else is kept (extra="allow") so the API layer
    can refuse it by name, with a hint for the load-time ones (num_ctx, num_gpu, ...)."""

    model_config = ConfigDict(extra="allow")

    temperature: float | None = Field(default=None, ge=0.0)
    top_p: float | None = Field(default=None, ge=0.0, le=1.0)
    top_k: int | None = Field(default=None, ge=0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = None
    stop: str | list[str] | None = None
    repeat_penalty: float | None = Field(default=None, gt=0.0)
    presence_penalty: float | None = Field(default=None, ge=-2.0, le=2.0)
    frequency_penalty: float | None = Field(default=None, ge=-2.0, le=2.0)
    num_predict: int | None = None  # -1: until the context is full, -2: fill the context


# Set when a model is loaded, not per request: kakehashi fixes them at `serve` time.
LOAD_TIME_OPTIONS = frozenset({
    "num_ctx", "num_batch", "num_gpu", "main_gpu", "num_thread", "numa", "low_vram", "use_mmap",
    "use_mlock", "vocab_only", "f16_kv", "logits_all", "num_keep",
})

Format = Literal["json", ""] | dict[str, Any]
KeepAlive = float | str


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["system", "user", "assistant", "tool"]
    content: str = ""
    images: list[str] | None = None  # base64
    thinking: str | None = None
    tool_calls: list[dict[str, Any]] | None = None
    tool_name: str | None = None


class _Common(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str = Field(min_length=1)
    stream: bool = True  # Ollama streams unless told not to
    format: Format | None = None
    options: Options | None = None
    keep_alive: KeepAlive | None = None
    think: bool | Literal["low", "medium", "high"] | None = None


class ChatRequest(_Common):
    messages: list[Message] = Field(default_factory=list)
    tools: list[dict[str, Any]] | None = None


class GenerateRequest(_Common):
    prompt: str = ""
    suffix: str | None = None
    system: str | None = None
    template: str | None = None
    context: list[int] | None = None
    raw: bool = False
    images: list[str] | None = None


class ShowRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str | None = None
    name: str | None = None  # the older spelling of `model`
    verbose: bool = False


class EmbedRequest(BaseModel):
    """/api/embed (`input`) and the older /api/embeddings (`prompt`). Unknown fields are refused by name."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(min_length=1)
    input: str | list[str] | None = None
    prompt: str | None = None
    truncate: bool | None = None
    dimensions: int | None = Field(default=None, ge=1)
    options: dict[str, Any] | None = None
    keep_alive: KeepAlive | None = None


_GO_DURATION = re.compile(r"(-?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+|\d+(?:\.\d+)?)")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)?")
_UNIT_SECONDS = {"": 1.0, "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def keep_alive_seconds(value: KeepAlive) -> float | None:
    """Ollama's keep_alive: seconds as a number, or a Go duration ("5m", "1h30m", "-1"); None if
    it does not parse. Negative means "keep loaded forever"."""
    if isinstance(value, int | float):
        return float(value)
    m = _GO_DURATION.fullmatch(value.strip())
    if m is None:
        return None
    total = sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(m.group(2)))
    return -total if m.group(1) else total


# ---------------------------------------------------------------------------- responses
def timestamp(at: float | None = None) -> str:
    """RFC 3339 in UTC with microseconds, as Ollama writes `created_at`."""
    return datetime.fromtimestamp(time.time() if at is None else at, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stats(
    *, total_ns: int, prompt_ns: int, eval_ns: int, prompt_tokens: int, completion_tokens: int
) -> dict[str, int]:
    return {
        "total_duration": total_ns,
        "load_duration": 0,  # models are loaded when the server starts, never per request
        "prompt_eval_count": prompt_tokens,
        "prompt_eval_duration": prompt_ns,
        "eval_count": completion_tokens,
        "eval_duration": eval_ns,
    }


def chat_part(model: str, text: str, *, done: bool = False) -> dict[str, Any]:
    return {"model": model, "created_at": timestamp(), "message": {"role": "assistant", "content": text},
            "done": done}


def generate_part(model: str, text: str, *, done: bool = False) -> dict[str, Any]:
    return {"model": model, "created_at": timestamp(), "response": text, "done": done}


def final(part: dict[str, Any], done_reason: str, stats: dict[str, int]) -> dict[str, Any]:
    return {**part, "done": True, "done_reason": done_reason, **stats}


def model_entry(name: str, modified_at: str, details: dict[str, Any]) -> dict[str, Any]:
    """An /api/tags or /api/ps entry. Ollama's size and digest describe its blob store; kakehashi's
    models are not in one, so those fields are left out rather than made up."""
    return {"name": name, "model": name, "modified_at": modified_at, "details": details}


def error_body(message: str) -> dict[str, str]:
    return {"error": message}
