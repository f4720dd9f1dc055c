"""OpenAI message content as text, and tokenizer-free token estimates: one definition for every layer.

A leaf beside types.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kakehashi.types import ChatRequest, CompletionRequest


def content_text(content: Any) -> str:
    """The text of one OpenAI message content; non-text parts (images, audio) are skipped."""
    # OpenAI content is a string or a list of parts ({"type": "text", "text": ...}, image parts...).
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            str(part.get("text", ""))
            for part in content
            if isinstance(part, Mapping) and part.get("type") == "text"
        )
    return ""


def estimate_tokens(text: str) -> int:
    """About 4 bytes of UTF-8 per token: roughly right for English (~4 characters per token) and for
    Japanese (3 bytes per character, ~0.75 tokens per character). At least 1 for non-empty text."""
    size = len(text.encode("utf-8", "replace"))
    return (size + 3) // 4


def estimate_prompt_tokens(req: ChatRequest | CompletionRequest) -> int:
    """Prompt tokens of a request when no tokenizer is at hand (an upstream that reported no usage).

    Each chat message adds ~4 tokens of role and template framing."""
    if isinstance(req, CompletionRequest):
        return max(1, estimate_tokens(req.prompt))
    return max(1, sum(estimate_tokens(content_text(m.get("content"))) + 4 for m in req.messages))
