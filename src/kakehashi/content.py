"""OpenAI message content as text, and tokenizer-free token estimates: one definition for every layer.

A leaf beside types.py.
"""

from __future__ import annotations

import re
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


# Scripts a small English-centric model's byte-level BPE splits into several tokens per character: kana,
# kanji, Hangul, CJK punctuation, full- and half-width forms.
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
SMALL_MODEL_TOKENS_PER_CJK = 1.8
SMALL_MODEL_TOKENS_PER_OTHER = 0.3


def small_model_tokens(text: str) -> float:
    """About how many tokens a small local model's tokenizer makes of `text`: ~1.8 per CJK character, ~0.3
    per other character (SmolLM2's tokenizer: 450 tokens for 279 characters of Japanese prose, 234 of them
    CJK; 225 for 714 characters of English). For sizing work and passages sent to the embedded model;
    `estimate_tokens` above is the cloud tokenizers' estimate (budgets, fallback limits)."""
    cjk = len(_CJK.findall(text))
    return SMALL_MODEL_TOKENS_PER_CJK * cjk + SMALL_MODEL_TOKENS_PER_OTHER * (len(text) - cjk)


def is_cjk(ch: str) -> bool:
    return _CJK.match(ch) is not None


def estimate_prompt_tokens(req: ChatRequest | CompletionRequest) -> int:
    """Prompt tokens of a request when no tokenizer is at hand (an upstream that reported no usage).

    Each chat message adds ~4 tokens of role and template framing."""
    if isinstance(req, CompletionRequest):
        return max(1, estimate_tokens(req.prompt))
    return max(1, sum(estimate_tokens(content_text(m.get("content"))) + 4 for m in req.messages))
