"""`auto`, forced `local` / `cloud`, privacy forcing local, and streaming through a real gateway.

The "cloud" is a second kakehashi server on the default model; a fault upstream serves a second cloud
model ("echo") so that a test can count the requests that reached it (none, when privacy forces local).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME
from kakehashi.routing.complexity import default_threshold
from tests.gateway.conftest import (
    Gateway,
    generation_requests,
    launch_gateway,
    served_chat_requests,
    sse_objects,
    streamed_text,
)
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

THRESHOLD = default_threshold()  # the config below leaves routing.threshold at its default
TRIVIAL = ["Thanks!", "Translate 'cat' to French.", "こんにちは、元気ですか？"]
COMPLEX = [
    "Implement a red-black tree in Rust with insertion and deletion, and prove that its height is O(log n).",
    "PythonでスレッドセーフなLRUキャッシュを実装し、単体テストも書いてください。",
]
# Personal data (keyed by the privacy kind it must be reported as): keeps a cloud-bound request local.
PRIVATE = {
    "email": "Please forward this to taro.yamada@yamada-shoji.co.jp before Friday.",
    "my_number": "私のマイナンバーは 1234 5678 9018 です。手続きを教えてください。",
    "secret": "Why does this fail? client = OpenAI(api_key='sk-proj-Xb3kP9qLm2Vn7Rt5Wy8Zc1Df4Gh6Jk0A')",
}


@pytest.fixture(scope="module")
def gateway(
    cloud: str, fault_server: FaultUpstream, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Gateway]:
    toml = f"""
[backends.cloud]
base_url = "{cloud}"
kind = "cloud"
models = ["{DEFAULT_MODEL_NAME}"]

[backends.echo]
base_url = "{fault_server.base_url}"
kind = "cloud"
models = ["echo"]

[routing]
cloud = "cloud/{DEFAULT_MODEL_NAME}"
privacy = "force_local"
"""
    with launch_gateway(tmp_path_factory.mktemp("routing"), toml) as gw:
        yield gw


@pytest.mark.parametrize("prompt", TRIVIAL)
def test_auto_keeps_a_trivial_prompt_local(gateway: Gateway, cloud: str, prompt: str) -> None:
    before = served_chat_requests(cloud)
    r = gateway.chat("auto", prompt)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-route-reason"] == "auto:complexity_low"
    assert 0.0 <= float(r.headers["x-kakehashi-complexity"]) < THRESHOLD
    assert r.headers["x-kakehashi-privacy"] == "none"
    assert r.json()["choices"][0]["message"]["content"]
    assert served_chat_requests(cloud) == before


@pytest.mark.parametrize("prompt", COMPLEX)
def test_auto_sends_a_complex_prompt_to_the_cloud(gateway: Gateway, cloud: str, prompt: str) -> None:
    before = served_chat_requests(cloud)
    r = gateway.chat("auto", prompt)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "cloud"
    assert r.headers["x-kakehashi-route-reason"] == "auto:complexity_high"
    assert THRESHOLD <= float(r.headers["x-kakehashi-complexity"]) <= 1.0
    body = r.json()
    assert body["choices"][0]["message"]["content"]
    assert 0 < body["usage"]["completion_tokens"] <= 8
    assert served_chat_requests(cloud) == before + 1  # it really reached the other server


def test_forced_local_ignores_complexity(gateway: Gateway, cloud: str) -> None:
    before = served_chat_requests(cloud)
    r = gateway.chat("local", COMPLEX[0])
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-route-reason"] == "forced:local"
    assert "x-kakehashi-complexity" not in r.headers  # only `auto` scores
    assert served_chat_requests(cloud) == before


def test_forced_cloud_ignores_complexity(gateway: Gateway, cloud: str) -> None:
    before = served_chat_requests(cloud)
    r = gateway.chat("cloud", TRIVIAL[0])
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "cloud"
    assert r.headers["x-kakehashi-route-reason"] == "forced:cloud"
    assert served_chat_requests(cloud) == before + 1


def test_a_concrete_model_is_served_by_its_backend(gateway: Gateway, fault_server: FaultUpstream) -> None:
    fault_server.reset()
    r = gateway.chat("echo", "hello there")
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "echo"
    assert r.headers["x-kakehashi-route-reason"] == "model:explicit"
    assert r.json()["choices"][0]["message"]["content"].startswith("Echo: ")
    assert generation_requests(fault_server) == 1


@pytest.mark.parametrize("kind", sorted(PRIVATE))
@pytest.mark.parametrize("model", ["cloud", "echo", "auto"])
def test_private_data_stays_local(
    gateway: Gateway, cloud: str, fault_server: FaultUpstream, kind: str, model: str
) -> None:
    fault_server.reset()
    before = served_chat_requests(cloud)
    prompt = PRIVATE[kind]
    if model == "auto":
        prompt = COMPLEX[0] + "\n" + prompt  # would go to the cloud on complexity alone
    r = gateway.chat(model, prompt, max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-route-reason"] == "privacy:force_local"
    assert r.headers["x-kakehashi-privacy"].startswith("force_local:")
    labels = r.headers["x-kakehashi-privacy"].split(":", 1)[1].split(",")  # "category/kind,..."
    assert kind in {part for label in labels for part in label.split("/")}
    assert served_chat_requests(cloud) == before
    assert generation_requests(fault_server) == 0


@pytest.mark.parametrize("order_text", [
    "Order #20240315-7781: 3 boxes at 1,280 yen each, shipped in 2024.",
    "注文番号 4512-8890-1123、数量 12 個、合計 15,800 円（2025年）。",
])
def test_numbers_that_are_not_personal_data_do_not_force_local(gateway: Gateway, order_text: str) -> None:
    r = gateway.chat("cloud", order_text, max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "cloud"
    assert r.headers["x-kakehashi-privacy"] == "none"


@pytest.mark.parametrize("model", ["local", "cloud"])
def test_streaming_through_the_gateway(gateway: Gateway, model: str) -> None:
    r, data = gateway.stream_chat(model, "Name a colour.", stream_options={"include_usage": True})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    assert r.headers["x-kakehashi-backend"] == ("embedded" if model == "local" else "cloud")
    assert r.headers["x-kakehashi-route-reason"] == f"forced:{model}"
    assert data[-1] == "[DONE]"
    chunks = sse_objects(data)
    assert all("error" not in c for c in chunks)
    assert streamed_text(data)
    finishes = [c["choices"][0]["finish_reason"] for c in chunks if c.get("choices")]
    assert finishes[-1] in ("stop", "length") and all(f is None for f in finishes[:-1])
    usage = chunks[-1]["usage"]  # include_usage: a last chunk with empty choices
    assert chunks[-1]["choices"] == []
    assert 0 < usage["completion_tokens"] <= 8
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]


def test_models_lists_aliases_and_every_backend(gateway: Gateway) -> None:
    ids = {(m["id"], m["owned_by"]) for m in httpx.get(f"{gateway.base}/v1/models", timeout=10).json()["data"]}
    assert {("auto", "kakehashi-router"), ("local", "kakehashi-router"), ("cloud", "kakehashi-router")} <= ids
    assert {(DEFAULT_MODEL_NAME, "embedded"), (DEFAULT_MODEL_NAME, "cloud"), ("echo", "echo")} <= ids
