"""Anthropic's Messages API wire format (/v1/messages): request model, response and stream events.

Content blocks stay plain dicts in the request model: the API layer names the exact block it
cannot honour (messages.2.content.0.type) instead of a union-validation error listing every type.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Metadata(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: str | None = None


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str | list[dict[str, Any]]


class MessagesRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str = Field(min_length=1)
    max_tokens: int = Field(ge=1)
    messages: list[Message] = Field(min_length=1)
    system: str | list[dict[str, Any]] | None = None
    stop_sequences: list[str] | None = Field(default=None, max_length=16)
    stream: bool = False
    temperature: float | None = Field(default=None, ge=0.0, le=1.0)
    top_p: float | None = Field(default=None, ge=0.0, le=1.0)
    top_k: int | None = Field(default=None, ge=0)
    metadata: Metadata | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: dict[str, Any] | None = None
    thinking: dict[str, Any] | None = None


def stop_reason(reason: str, stop_sequence: str | None) -> str:
    if reason == "length":
        return "max_tokens"
    if reason == "tool_calls":
        return "tool_use"
    return "stop_sequence" if stop_sequence is not None else "end_turn"


def usage(input_tokens: int, output_tokens: int) -> dict[str, int]:
    return {"input_tokens": input_tokens, "output_tokens": output_tokens}


def message(
    id: str, model: str, content: list[dict[str, Any]], stop_reason: str | None, stop_sequence: str | None,
    usage: dict[str, int],
) -> dict[str, Any]:
    return {
        "id": id, "type": "message", "role": "assistant", "model": model, "content": content,
        "stop_reason": stop_reason, "stop_sequence": stop_sequence, "usage": usage,
    }


def text_block(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def tool_use_block(id: str, name: str, input: Any) -> dict[str, Any]:
    return {"type": "tool_use", "id": id, "name": name, "input": input}


# ---------------------------------------------------------------------------- stream events
def event(name: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"type": name, **data}


def message_start(msg: dict[str, Any]) -> dict[str, Any]:
    return event("message_start", {"message": msg})


def content_block_start(index: int, block: dict[str, Any]) -> dict[str, Any]:
    return event("content_block_start", {"index": index, "content_block": block})


def text_delta(index: int, text: str) -> dict[str, Any]:
    return event("content_block_delta", {"index": index, "delta": {"type": "text_delta", "text": text}})


def input_json_delta(index: int, partial_json: str) -> dict[str, Any]:
    return event("content_block_delta", {"index": index,
                                         "delta": {"type": "input_json_delta", "partial_json": partial_json}})


def content_block_stop(index: int) -> dict[str, Any]:
    return event("content_block_stop", {"index": index})


def message_delta(stop_reason: str, stop_sequence: str | None, usage: dict[str, int]) -> dict[str, Any]:
    return event("message_delta", {"delta": {"stop_reason": stop_reason, "stop_sequence": stop_sequence},
                                   "usage": usage})


MESSAGE_STOP: dict[str, Any] = {"type": "message_stop"}

# Anthropic's error types by HTTP status (https://docs.anthropic.com/en/api/errors).
ERROR_TYPES = {
    400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
    413: "request_too_large", 429: "rate_limit_error", 500: "api_error", 503: "overloaded_error",
    529: "overloaded_error",
}


def error_type(status: int) -> str:
    if status in ERROR_TYPES:
        return ERROR_TYPES[status]
    return "invalid_request_error" if status < 500 else "api_error"


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"type": error_type(status), "message": message}}
