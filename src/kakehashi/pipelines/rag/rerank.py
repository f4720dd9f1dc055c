"""Optional reranking of the fused candidates by a chat model through the gateway (opt-in: `--rerank`).

Each of the top-N passages is one `/v1/chat/completions` request asking whether the passage answers the
question, `max_tokens` 1 with `top_logprobs`; its relevance is P("yes") / (P("yes") + P("no")) of the first
token. The instruction and the question come first and the passage after, so every request of a question
starts with the same tokens and the engine's prefix cache prefills that part once (the others copy it);
the N requests are sent together so that continuous batching scores them in the same decode steps. A
passage is cut to a token budget (estimated from characters: the caller may talk to any server, whose
tokenizer it does not have).

The requests are ordinary gateway requests: with a cloud model as reranker, a passage holding personal
data is still kept on the local model by the privacy rule (force_local), as for any prompt.

Final order (`combine`): weight * relevance + (1 - weight) * prior, where prior = 1 - (rank - 1) / N is the
passage's place in the fused order on a 0..1 scale. WEIGHT was chosen on the development half of
eval/rag's natural questions (benchmarks/rag/results.md, session 11). A passage the model gave no usable
answer for (neither "yes" nor "no" among the top tokens, or an upstream without logprobs and another first
word) keeps its prior as relevance, so it keeps its place.
"""

from __future__ import annotations

import asyncio
import math
import re
from dataclasses import dataclass
from typing import Any

import httpx

from kakehashi.content import (
    SMALL_MODEL_TOKENS_PER_CJK,
    SMALL_MODEL_TOKENS_PER_OTHER,
    is_cjk,
    small_model_tokens,
)
from kakehashi.errors import BackendError
from kakehashi.pipelines.llm import _api_path
from kakehashi.pipelines.rag.retrieve import Hit

DEFAULT_MODEL = "local"  # the gateway's local model; any configured model or alias works
DEFAULT_CANDIDATES = 10
WEIGHT = 0.25  # see combine(); chosen on the development half with the bundled 135M model (results.md, session 11)
PASSAGE_TOKENS = 256  # estimated tokens of passage text per request (content.small_model_tokens)
TOP_LOGPROBS = 20
SYSTEM = ("You judge search results. Given a question and a passage, reply with one word: yes if the passage "
          "answers the question, no if it does not.")
_YES = frozenset(["yes", "はい"])
_NO = frozenset(["no", "いいえ"])


@dataclass(frozen=True, slots=True)
class Judgement:
    """One passage's rerank result: relevance 0..1 (None: no usable answer) and where the gateway sent it."""

    relevance: float | None
    backend: str | None = None
    model: str | None = None
    privacy: str | None = None
    prompt_tokens: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"relevance": None if self.relevance is None else round(self.relevance, 4),
                "backend": self.backend, "model": self.model, "privacy": self.privacy}


def truncate(text: str, budget: float = PASSAGE_TOKENS) -> str:
    """The longest prefix of `text` whose estimate fits `budget`, cut at a line or space when one is near."""
    if small_model_tokens(text) <= budget:
        return text
    used, end = 0.0, 0
    for i, ch in enumerate(text):
        used += SMALL_MODEL_TOKENS_PER_CJK if is_cjk(ch) else SMALL_MODEL_TOKENS_PER_OTHER
        if used > budget:
            end = i
            break
    cut = max(text.rfind("\n", 0, end), text.rfind(" ", 0, end))
    return text[: cut if cut > end * 0.8 else end].rstrip() + " …"


def messages(question: str, passage: str) -> list[dict[str, str]]:
    """The instruction and the question first (the prefix every request of the question shares), then the
    passage, then the short question the first token answers."""
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Question: {question.strip()}\n\nPassage:\n{passage}\n\n"
                                        "Does the passage answer the question? Reply yes or no."}]


def relevance(choice: dict[str, Any]) -> float | None:
    """P(yes) / (P(yes) + P(no)) from the first token's top_logprobs of an OpenAI chat choice. A side absent
    from the list gets the smallest listed probability (its upper bound). Without logprobs (an upstream that
    gives none) the reply's first word decides: yes 1.0, no 0.0. None when neither is found."""
    content = ((choice.get("logprobs") or {}).get("content") or [])
    top = content[0].get("top_logprobs") or [] if content else []
    if top:
        probs = [(_word(t["token"]), math.exp(t["logprob"])) for t in top]
        yes = sum(p for w, p in probs if w in _YES)
        no = sum(p for w, p in probs if w in _NO)
        if yes or no:
            floor = min(p for _, p in probs)
            yes, no = yes or floor, no or floor
            return yes / (yes + no)
    first = _word((choice.get("message") or {}).get("content") or "")
    return 1.0 if first in _YES else 0.0 if first in _NO else None


def _word(token: str) -> str:
    m = re.match(r"[\W_]*(\w+)", token.strip().casefold())
    return m.group(1) if m else ""


def combine(hits: list[Hit], judgements: list[Judgement], weight: float = WEIGHT) -> list[tuple[float, Hit, Judgement]]:
    """`hits` (in fused order) with their judgements, best first by weight * relevance + (1 - weight) *
    prior, prior = 1 - (rank - 1) / len(hits). Ties keep the fused order."""
    n = len(hits)
    scored = []
    for rank, (hit, j) in enumerate(zip(hits, judgements, strict=True)):
        prior = 1.0 - rank / n
        rel = prior if j.relevance is None else j.relevance
        scored.append((weight * rel + (1.0 - weight) * prior, rank, hit, j))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [(s, h, j) for s, _, h, j in scored]


async def judge(http: httpx.AsyncClient, question: str, passage: str, *, model: str = DEFAULT_MODEL,
                budget: float = PASSAGE_TOKENS) -> Judgement:
    """One passage's relevance through the gateway (one chat request)."""
    r = await http.post(_api_path(http, "chat/completions"), json={
        "model": model, "messages": messages(question, truncate(passage, budget)), "max_tokens": 1,
        "temperature": 0, "logprobs": True, "top_logprobs": TOP_LOGPROBS,
    })
    if r.status_code != 200:
        raise BackendError(f"reranking failed: HTTP {r.status_code}: {r.text[:300]}",
                           upstream_status=r.status_code, retryable=False)
    h, body = r.headers, r.json()
    return Judgement(relevance(body["choices"][0]), h.get("x-kakehashi-backend"), h.get("x-kakehashi-model"),
                     h.get("x-kakehashi-privacy"), (body.get("usage") or {}).get("prompt_tokens"))


async def rerank(http: httpx.AsyncClient, question: str, hits: list[Hit], *, n: int = DEFAULT_CANDIDATES,
                 model: str = DEFAULT_MODEL, weight: float = WEIGHT,
                 budget: float = PASSAGE_TOKENS) -> list[tuple[Hit, Judgement | None]]:
    """`hits` reordered: the first n judged together (all requests at once) and put in combine()'s order,
    the rest after them unchanged (judgement None)."""
    head, tail = hits[:n], hits[n:]
    judgements = await asyncio.gather(*(judge(http, question, h.chunk.text, model=model, budget=budget) for h in head))
    ranked = [(h, j) for _, h, j in combine(head, list(judgements), weight)]
    return ranked + [(h, None) for h in tail]

