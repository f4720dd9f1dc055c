"""A cited answer through the gateway: retrieved passages go into the chat request, numbered.

The passages travel inside the messages, so the gateway's privacy scan sees them: with model "auto" (the
default) a passage holding personal data keeps the whole request on the local model, as any prompt would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import httpx

from kakehashi.errors import BackendError
from kakehashi.pipelines.llm import _api_path
from kakehashi.pipelines.rag.retrieve import Hit

NOT_FOUND = "not found in the documents"
NOT_FOUND_JA = "文書には見つかりませんでした"
_CITE = re.compile(r"\[(\d{1,2})\]")
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(slots=True)
class Answer:
    question: str
    text: str
    found: bool
    citations: list[dict[str, Any]] = field(default_factory=list)  # the passages the answer cites
    passages: list[dict[str, Any]] = field(default_factory=list)  # every passage given to the model
    route: dict[str, str] = field(default_factory=dict)  # the gateway's x-kakehashi-* headers

    def as_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.text, "found": self.found,
                "citations": self.citations, "passages": self.passages, "route": self.route}


def passage_dict(n: int, hit: Hit) -> dict[str, Any]:
    c = hit.chunk
    return {"n": n, "path": c.path, "line": c.line, "start": c.start, "end": c.end, "chunk": c.index,
            "similarity": None if hit.similarity is None else round(hit.similarity, 4), "text": c.text}


def build_messages(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    japanese = bool(_JA.search(question))
    blocks = "\n\n".join(f"[{n}] ({h.chunk.path}, line {h.chunk.line})\n{h.chunk.text}" for n, h in enumerate(hits, 1))
    if japanese:
        system = ("あなたは与えられた資料だけを根拠に答えるアシスタントです。根拠にした資料の番号を [1] のように"
                  f"文中に付けてください。資料に答えがない場合は「{NOT_FOUND_JA}」とだけ答えてください。")
    else:
        system = ("Answer using only the numbered passages. Cite the passages you use as [1], [2] in the text. "
                  f"If the passages do not contain the answer, reply exactly: {NOT_FOUND}.")
    return [{"role": "system", "content": system},
            {"role": "user", "content": f"{blocks}\n\n---\n{question}"}]


async def answer(
    http: httpx.AsyncClient, question: str, hits: list[Hit], *, model: str = "auto", max_tokens: int = 256,
) -> Answer:
    if not hits:
        text = NOT_FOUND_JA if _JA.search(question) else NOT_FOUND
        return Answer(question, text, False, [], [])
    while True:
        r = await http.post(_api_path(http, "chat/completions"), json={
            "model": model, "messages": build_messages(question, hits), "temperature": 0, "max_tokens": max_tokens,
        })
        # Too long for the model's context (Japanese passages cost a small model's tokenizer ~1 token a
        # character): give it one passage fewer, the least relevant, rather than no answer.
        if r.status_code == 400 and len(hits) > 1 and _error_code(r) == "context_length_exceeded":
            hits = hits[:-1]
            continue
        break
    passages = [passage_dict(n, h) for n, h in enumerate(hits, 1)]
    if r.status_code != 200:
        raise BackendError(f"the answer failed: HTTP {r.status_code}: {r.text[:300]}",
                           upstream_status=r.status_code, retryable=False)
    text = (r.json()["choices"][0]["message"].get("content") or "").strip()
    route = {k: v for k, v in r.headers.items() if k.startswith("x-kakehashi-")}
    found = NOT_FOUND not in text.lower() and NOT_FOUND_JA not in text
    cited = sorted({int(m) for m in _CITE.findall(text) if 1 <= int(m) <= len(hits)})
    citations = [passages[n - 1] for n in cited]
    if found and not citations:
        # Small local models often answer without the brackets: cite the passage it was given first
        # (the best retrieved), and say so, rather than present an unsourced answer.
        citations = [{**passages[0], "inferred": True}]
    return Answer(question, text, found, citations, passages, route)


def _error_code(r: httpx.Response) -> str | None:
    try:
        return r.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None
