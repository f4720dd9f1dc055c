"""OpenAI wire format: request models (validated with pydantic) and response/chunk builders.

Responses are built as plain dicts: they are written once per token on the streaming hot path,
where pydantic model construction would cost more than the JSON itself.
"""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kakehashi.protocol.vector_stores import ComparisonFilter, CompoundFilter

# Fields every generation request shares (reused across chat and completions, like llama-cpp-python's
# server does with its shared Field definitions).
_Temperature = Field(default=None, ge=0.0, le=2.0)
_TopP = Field(default=None, ge=0.0, le=1.0)
_Penalty = Field(default=None, ge=-2.0, le=2.0)
_MaxTokens = Field(default=None, ge=1)


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")  # e.g. include_obfuscation: passed on to upstreams

    include_usage: bool = False


class _GenerationFields(BaseModel):
    # Unknown fields are kept so the gateway can pass them on to upstream servers.
    model_config = ConfigDict(extra="allow")

    model: str = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    temperature: float | None = _Temperature
    top_p: float | None = _TopP
    top_k: int | None = Field(default=None, ge=0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = None
    presence_penalty: float | None = _Penalty
    frequency_penalty: float | None = _Penalty
    repeat_penalty: float | None = Field(default=None, gt=0.0)
    max_tokens: int | None = _MaxTokens
    stop: str | list[str] | None = None
    n: int = Field(default=1, ge=1, le=128)  # the embedded engine allows fewer (400 naming n)
    user: str | None = None
    logit_bias: dict[str, float] | None = None

    @field_validator("logit_bias")
    @classmethod
    def _token_ids(cls, v: dict[str, float] | None) -> dict[str, float] | None:
        for key, bias in (v or {}).items():
            if not key.isdigit():
                raise ValueError(f"logit_bias keys are token ids, not {key!r}")
            if not -100.0 <= bias <= 100.0:
                raise ValueError("logit_bias values must be between -100 and 100")
        return v

    @field_validator("stop")
    @classmethod
    def _at_most_four_stops(cls, v: str | list[str] | None) -> str | list[str] | None:
        if isinstance(v, list) and len(v) > 16:
            raise ValueError("at most 16 stop sequences are supported")
        return v

    def stop_list(self) -> tuple[str, ...]:
        if self.stop is None:
            return ()
        if isinstance(self.stop, str):
            return (self.stop,)
        return tuple(self.stop)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "user", "assistant", "tool", "developer", "function"]
    content: str | list[dict[str, Any]] | None = None


class ResponseFormat(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: Literal["text", "json_object", "json_schema"]
    json_schema: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _schema_present(self) -> ResponseFormat:
        if self.type == "json_schema" and not (self.json_schema and isinstance(self.json_schema.get("schema"), dict)):
            raise ValueError("response_format json_schema needs json_schema.schema (an object)")
        return self


class FileSearch(BaseModel):
    """kakehashi extension: answer from vector stores. The best passages of the named stores for the last
    user message go to the model, numbered, in a system message; the answer lists them and the ones cited."""

    model_config = ConfigDict(extra="forbid")

    vector_store_ids: list[str] = Field(min_length=1, max_length=10)
    max_num_results: int = Field(default=5, ge=1, le=20)
    filters: ComparisonFilter | CompoundFilter | None = None


class ChatCompletionRequest(_GenerationFields):
    messages: list[ChatMessage] = Field(min_length=1)
    file_search: FileSearch | None = None
    max_completion_tokens: int | None = _MaxTokens
    response_format: ResponseFormat | None = None
    # Checked in depth by the embedded engine; upstreams get them exactly as sent.
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = Field(default=None, ge=0, le=20)


class CompletionRequest(_GenerationFields):
    prompt: str | list[str]
    echo: bool = False
    logprobs: int | None = Field(default=None, ge=0, le=20)

    @field_validator("prompt")
    @classmethod
    def _single_prompt(cls, v: str | list[str]) -> str | list[str]:
        if isinstance(v, list) and len(v) != 1:
            raise ValueError("exactly one prompt is supported per request")
        return v

    def prompt_text(self) -> str:
        return self.prompt if isinstance(self.prompt, str) else self.prompt[0]


# ---------------------------------------------------------------------------- responses
def usage_dict(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def chat_completion(
    id: str, model: str, created: int, choices: list[dict[str, Any]], usage: dict[str, int]
) -> dict[str, Any]:
    return {"id": id, "object": "chat.completion", "created": created, "model": model, "choices": choices, "usage": usage}


def chat_choice(
    index: int, content: str | None, finish_reason: str, tool_calls: list[dict[str, Any]] | None = None,
    logprobs: dict[str, Any] | None = None,
) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {"index": index, "message": message, "logprobs": logprobs, "finish_reason": finish_reason}


def chat_chunk(
    id: str,
    model: str,
    created: int,
    delta: dict[str, Any] | None,
    finish_reason: str | None = None,
    usage: dict[str, int] | None = None,
    index: int = 0,
    logprobs: dict[str, Any] | None = None,
) -> dict[str, Any]:
    chunk: dict[str, Any] = {"id": id, "object": "chat.completion.chunk", "created": created, "model": model}
    if delta is None:  # the usage-only chunk of stream_options.include_usage
        chunk["choices"] = []
    else:
        chunk["choices"] = [{"index": index, "delta": delta, "logprobs": logprobs, "finish_reason": finish_reason}]
    if usage is not None:
        chunk["usage"] = usage
    return chunk


def text_completion(
    id: str, model: str, created: int, text: str, finish_reason: str | None, usage: dict[str, int] | None,
    index: int = 0, logprobs: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return text_completion_choices(
        id, model, created,
        [{"index": index, "text": text, "logprobs": logprobs, "finish_reason": finish_reason}], usage,
    )


def text_completion_choices(
    id: str, model: str, created: int, choices: list[dict[str, Any]], usage: dict[str, int] | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"id": id, "object": "text_completion", "created": created, "model": model, "choices": choices}
    if usage is not None:
        body["usage"] = usage
    return body


def model_list(names: list[tuple[str, str]], embedding: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """names: (model id, owned_by). `kind` (a kakehashi extension) tells embedding models from chat ones."""
    now = int(time.time())
    return {
        "object": "list",
        "data": [
            {"id": n, "object": "model", "created": now, "owned_by": owner,
             "kind": "embedding" if n in embedding else "chat"}
            for n, owner in names
        ],
    }


def error_body(message: str, type: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type, "param": param, "code": code}}
