"""`file_search` on chat completions (a kakehashi extension): retrieve from vector stores, hand the passages
to the model numbered in a system message, and return them with the ones the answer cites.

The passages travel inside the messages, so the gateway's privacy scan sees them as it sees any prompt:
with model "auto" a passage holding personal data keeps the answer on the local model.
"""

from __future__ import annotations

import re
from typing import Any

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.rag.vector_stores import VectorStoreService
from kakehashi.protocol import openai as wire

_CITE = re.compile(r"\[(\d{1,2})\]")
INSTRUCTIONS = ("Answer using the numbered passages below when they are relevant, and cite each passage you "
                "use as [1], [2] in the text. If they do not contain the answer, say so.")


def _query(messages: list[wire.ChatMessage]) -> str:
    for m in reversed(messages):
        if m.role == "user":
            if isinstance(m.content, str):
                return m.content
            return " ".join(p.get("text", "") for p in m.content or [] if p.get("type") == "text")
    return ""


async def search(service: VectorStoreService, body: wire.ChatCompletionRequest) -> list[dict[str, Any]]:
    """The best passages over all named stores for the last user message, numbered from 1."""
    assert body.file_search is not None
    opts = body.file_search
    query = _query(body.messages).strip()
    if not query:
        raise InvalidRequest("file_search needs a user message with text to search for", param="messages")
    filters = opts.filters.model_dump() if opts.filters else None
    found: list[dict[str, Any]] = []
    for store_id in dict.fromkeys(opts.vector_store_ids):
        for r in await service.search(store_id, [query], opts.max_num_results, filters, None):
            found.append({"vector_store_id": store_id, **r})
    found.sort(key=lambda r: -r["score"])
    return [{"n": n, **r} for n, r in enumerate(found[: opts.max_num_results], 1)]


def with_passages(body: wire.ChatCompletionRequest, passages: list[dict[str, Any]]) -> wire.ChatCompletionRequest:
    if not passages:
        return body
    blocks = "\n\n".join(f"[{p['n']}] ({p['filename']}, line {p['line']})\n{p['text']}" for p in passages)
    system = wire.ChatMessage(role="system", content=f"{INSTRUCTIONS}\n\n{blocks}")
    return body.model_copy(update={"messages": [system, *body.messages]})


def results(passages: list[dict[str, Any]], answer: str | None) -> dict[str, Any]:
    """The response's `file_search` field: every passage given, and the numbers the answer cites."""
    cited = sorted({int(m) for m in _CITE.findall(answer or "") if 1 <= int(m) <= len(passages)})
    keep = ("n", "vector_store_id", "file_id", "filename", "score", "attributes", "line", "start", "end", "text")
    return {"results": [{k: p[k] for k in keep} for p in passages], "cited": cited}
