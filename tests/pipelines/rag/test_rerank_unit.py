"""Reranking's pure parts: relevance from first-token logprobs, the passage budget, the prompt's shared prefix,
the combination with the fused order; and rerank() sending all requests at once (chat endpoint stubbed)."""

from __future__ import annotations

import asyncio
import json
import math

import httpx
import pytest

from kakehashi.content import small_model_tokens
from kakehashi.errors import BackendError
from kakehashi.pipelines.rag import rerank
from kakehashi.pipelines.rag.retrieve import Hit
from kakehashi.pipelines.rag.store import StoredChunk


def _choice(top: dict[str, float], text: str = "") -> dict:
    entries = [{"token": t, "logprob": math.log(p)} for t, p in top.items()]
    return {"message": {"content": text},
            "logprobs": {"content": [{"token": entries[0]["token"], "logprob": entries[0]["logprob"],
                                      "top_logprobs": entries}]}}


def _hits(n: int) -> list[Hit]:
    return [Hit(StoredChunk(i, f"/d/{i}.txt", 0, 0, 10, 1, f"passage {i}"), 1.0 - i / 100, i, None, 0.9)
            for i in range(1, n + 1)]


def test_relevance_is_yes_over_yes_and_no_with_token_variants() -> None:
    assert rerank.relevance(_choice({" Yes": 0.6, "No": 0.2, "The": 0.2})) == pytest.approx(0.75)
    assert rerank.relevance(_choice({"yes": 0.3, " YES": 0.3, "no.": 0.2})) == pytest.approx(0.75)
    assert rerank.relevance(_choice({"はい": 0.5, "いいえ": 0.5})) == pytest.approx(0.5)


def test_a_side_missing_from_the_list_gets_the_smallest_listed_probability() -> None:
    assert rerank.relevance(_choice({"Yes": 0.8, "Maybe": 0.15, "I": 0.05})) == pytest.approx(0.8 / 0.85)
    assert rerank.relevance(_choice({"No": 0.9, "x": 0.1})) == pytest.approx(0.1 / 1.0)


def test_without_logprobs_the_first_word_decides_and_else_none() -> None:
    assert rerank.relevance({"message": {"content": "Yes, it does."}}) == 1.0
    assert rerank.relevance({"message": {"content": "no"}}) == 0.0
    assert rerank.relevance({"message": {"content": "Perhaps"}}) is None
    assert rerank.relevance(_choice({"The": 0.6, "A": 0.4})) is None


def test_truncate_keeps_short_text_and_cuts_long_japanese_sooner_than_english() -> None:
    assert rerank.truncate("short passage") == "short passage"
    en = rerank.truncate("word " * 400, 100)
    ja = rerank.truncate("日本語の文章です。" * 100, 100)
    assert en.endswith(" …") and ja.endswith(" …")
    assert small_model_tokens(en[:-2]) <= 100 and small_model_tokens(ja[:-2]) <= 100
    assert len(en) > 3 * len(ja)


def test_the_instruction_and_question_come_before_the_passage() -> None:
    a, b = rerank.messages("How hot?", "passage one"), rerank.messages("How hot?", "another passage")
    assert a[0] == b[0]
    user_a, user_b = a[1]["content"], b[1]["content"]
    shared = user_a[: user_a.index("passage one")]
    assert user_b.startswith(shared) and "How hot?" in shared


def test_combine_weights_relevance_against_the_fused_rank() -> None:
    hits = _hits(4)
    j = [rerank.Judgement(r) for r in (0.1, 0.2, 0.9, None)]
    order = lambda w: [h.chunk.id for _, h, _ in rerank.combine(hits, j, w)]
    assert order(0.0) == [1, 2, 3, 4]  # the fused order
    assert order(1.0) == [3, 4, 2, 1]  # relevance only; the unjudged passage keeps its prior (0.25)
    assert order(0.5) == [3, 1, 2, 4]  # 3: .825, 1: .55, 2: .475, 4: .25


async def test_rerank_sends_every_request_before_any_answer_and_keeps_the_tail() -> None:
    hits = _hits(6)
    pending: list[asyncio.Future[None]] = []
    release = asyncio.Event()

    async def chat(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        assert body["max_tokens"] == 1 and body["logprobs"] is True and body["model"] == "local"
        pending.append(asyncio.get_running_loop().create_future())
        if len(pending) == 4:
            release.set()
        await asyncio.wait_for(release.wait(), 5)  # all 4 must be in flight together
        p = 0.9 if "passage 4" in body["messages"][1]["content"] else 0.1
        return httpx.Response(200, json={"choices": [_choice({"Yes": p, "No": 1 - p})]},
                              headers={"x-kakehashi-backend": "embedded"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(chat), base_url="http://x/v1") as http:
        ranked = await rerank.rerank(http, "q?", hits, n=4, weight=1.0)
    assert [h.chunk.id for h, _ in ranked] == [4, 1, 2, 3, 5, 6]
    assert ranked[0][1] is not None and ranked[0][1].backend == "embedded" and ranked[-1][1] is None


async def test_a_failed_rerank_request_is_an_error_not_a_silent_fallback() -> None:
    def chat(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"error": {"message": "busy"}})

    async with httpx.AsyncClient(transport=httpx.MockTransport(chat), base_url="http://x/v1") as http:
        with pytest.raises(BackendError, match="reranking failed: HTTP 503"):
            await rerank.rerank(http, "q?", _hits(2), n=2)
