"""Render a conversation with the model's own `tokenizer.chat_template` (Jinja2, sandboxed).

Templates come from model files, i.e. from third parties: the immutable sandbox stops them from
touching Python internals. Globals mirror what Hugging Face's renderer provides, since templates
are written against it.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cached_property
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from kakehashi.engine.tool_calls import PROBE_TOOL
from kakehashi.errors import InvalidRequest

# Used when a GGUF has no template: ChatML, the most common format for small instruct models.
CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def _raise(message: str) -> None:
    raise InvalidRequest(f"chat template rejected the conversation: {message}", param="messages")


def message_text(content: Any) -> str:
    """OpenAI content may be a string or a list of parts; templates of text models want a string."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text":
                parts.append(str(part.get("text", "")))
            elif isinstance(part, dict):
                raise InvalidRequest(
                    f"content part type {part.get('type')!r} is not supported by this model (text only)",
                    param="messages",
                )
        return "".join(parts)
    raise InvalidRequest("message content must be a string or a list of parts", param="messages")


class ChatTemplate:
    def __init__(self, source: str | None, *, bos_token: str = "", eos_token: str = "") -> None:
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.globals["raise_exception"] = _raise
        env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
        env.filters["tojson"] = lambda v, indent=None: json.dumps(v, ensure_ascii=False, indent=indent)
        self.source = source or CHATML
        self._template = env.from_string(self.source)
        self._bos = bos_token
        self._eos = eos_token

    def render(
        self,
        messages: list[dict[str, Any]],
        *,
        add_generation_prompt: bool = True,
        tools: list[dict[str, Any]] | None = None,
    ) -> str:
        normalized = []
        for m in messages:
            msg = dict(m)
            msg["content"] = message_text(m.get("content"))
            normalized.append(msg)
        extra: dict[str, Any] = {"tools": tools} if tools else {}
        try:
            return self._template.render(
                messages=normalized,
                add_generation_prompt=add_generation_prompt,
                bos_token=self._bos,
                eos_token=self._eos,
                **extra,
            )
        except InvalidRequest:
            raise
        except TemplateError as e:
            raise InvalidRequest(f"could not render the chat template: {e}", param="messages") from e

    @cached_property
    def supports_tools(self) -> bool:
        """Whether the template renders a `tools` list itself: render once with a probe tool."""
        name = PROBE_TOOL["function"]["name"]
        try:
            text = self.render([{"role": "user", "content": "hi"}], tools=[PROBE_TOOL])
        except InvalidRequest:
            return False
        return name in text
