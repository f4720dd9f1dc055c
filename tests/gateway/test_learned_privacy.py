"""[routing] privacy_learned governs every privacy scan the gateway makes: chat and /v1/embeddings.

Real servers: a gateway (`kakehashi serve --config`) whose "cloud" is the fault-injecting upstream,
which records the body it receives. The prompt states a health fact in plain words that no rule
names, so only the learned second opinion flags it: with privacy_learned = true the cloud sees
[PRIVATE] (redact) or nothing (reject); with false it sees the prompt as written.
"""

from __future__ import annotations

import httpx
import pytest

from kakehashi.routing import privacy
from tests.gateway.conftest import TIMEOUT, StartGateway, generation_requests
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

EMBED_MODEL = "text-embedding-3-small"
# Flagged by the learned model only (checked below, so a retrained model that stops flagging it
# fails here loudly instead of making these tests vacuous).
LEARNED_ONLY = "HIV陽性だと分かりました。職場に伝える義務はあるのでしょうか。薬はもう飲み始めています。"


def _config(fault: FaultUpstream, action: str, learned: bool) -> str:
    return f"""
[backends.cloud]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo", "{EMBED_MODEL}"]

[routing]
cloud = "cloud/echo"
privacy = "{action}"
privacy_learned = {str(learned).lower()}
"""


def _embed(base: str, texts: list[str]) -> httpx.Response:
    return httpx.post(f"{base}/v1/embeddings", json={"model": EMBED_MODEL, "input": texts}, timeout=TIMEOUT)


def test_the_prompt_is_flagged_by_the_learned_model_only() -> None:
    assert privacy.scan(LEARNED_ONLY) == []
    assert [f.kind for f in privacy.scan(LEARNED_ONLY, learned=True)] == ["learned"]


def test_embeddings_redact_what_the_learned_model_flags(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "redact", learned=True)) as gw:
        r = _embed(gw.base, [LEARNED_ONLY, "東京タワーの高さは？"])
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"] == "redact:learned"
        sent = fault.state.stats()["last_body"]["input"]
        assert sent[0] == "[PRIVATE]" and sent[1] == "東京タワーの高さは？"
        assert len(r.json()["data"]) == 2


def test_embeddings_reject_what_the_learned_model_flags(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "reject", learned=True)) as gw:
        r = _embed(gw.base, [LEARNED_ONLY])
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "privacy_rejected"
        assert "learned" in r.json()["error"]["message"]
        assert fault.state.stats()["requests"].get("/v1/embeddings", 0) == 0


def test_privacy_learned_false_is_the_rules_alone_for_embeddings_and_chat(
    start_gateway: StartGateway, fault: FaultUpstream
) -> None:
    with start_gateway(_config(fault, "redact", learned=False)) as gw:
        r = _embed(gw.base, [LEARNED_ONLY])
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"] == "none"
        assert fault.state.stats()["last_body"]["input"] == [LEARNED_ONLY]
        chat = gw.chat("cloud", LEARNED_ONLY)
        assert chat.status_code == 200, chat.text
        assert chat.headers["x-kakehashi-privacy"] == "none"


def test_chat_redact_covers_what_the_learned_model_flags(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "redact", learned=True)) as gw:
        r = gw.chat("cloud", LEARNED_ONLY)
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"].startswith("redact:") and "/learned" in r.headers["x-kakehashi-privacy"]
        assert generation_requests(fault) == 1
        sent = fault.state.stats()["last_body"]["messages"][-1]["content"]
        assert LEARNED_ONLY not in sent and sent == "[PRIVATE]"
