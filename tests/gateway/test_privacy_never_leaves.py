"""Sensitive prompts sent with `model: "cloud"` never reach the cloud upstream, whatever the category.

Real servers: kakehashi (`python -m kakehashi serve`, embedded default model as the local side) and a
fake OpenAI-compatible upstream as the cloud that records every request body it receives. Each prompt
is asked for the cloud explicitly; the gateway must answer from the local model, name the categories
in `x-kakehashi-privacy`, and the upstream must have received nothing that contains the prompt.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.gateway.conftest import Gateway, launch_gateway
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

# (category, prompt): one per category, English and Japanese.
SENSITIVE = [
    ("secret", "Why does boto3 fail? aws_secret_access_key='q8vT1bX0Lw3nYhE7kPz2rGd9sM4cJfA6uWy5iRoN'"),
    ("confidential", "【社外秘】来期の値上げ幅は平均8%です。取引先向けの説明文を作って"),
    ("national_id", "Fill in the W-4 summary: Daniel Ortiz, SSN 523-41-8876."),
    ("financial", "振込先は みずほ銀行 新宿支店 普通 3012345 です。請求書の文面を作って"),
    ("health", "部下の佐々木さんが適応障害と診断されました。チームへの伝え方は？"),
    ("religion", "I'm a Jehovah's Witness and refuse blood transfusions; draft a note for my surgeon."),
    ("criminal_record", "同僚の井上さんが飲酒運転で逮捕されました。部署への説明文を作って"),
    ("union_membership", "Tom Reyes and Aisha Bello are union members. Which shifts should they get?"),
    ("sexual_orientation", "My coworker Daniel came out to me as gay last week. How do I support him?"),
    ("bulk_personal", "name,dob,salary\nMaria Lopez,1988-04-12,72000\nJohn Park,1991-11-30,68500\nSort these."),
    ("contact", "私の携帯は080-3921-5567です。再配達の依頼文を英語で書いて"),
]


@pytest.fixture(scope="module")
def gateway(fault_server: FaultUpstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    toml = f"""
[backends.cloud]
base_url = "{fault_server.base_url}"
kind = "cloud"
models = ["echo"]

[routing]
cloud = "cloud/echo"
privacy = "force_local"
"""
    with launch_gateway(tmp_path_factory.mktemp("never-leaves"), toml) as gw:
        yield gw


def _bodies(upstream: FaultUpstream) -> list[dict[str, object]]:
    return list(upstream.state.stats()["bodies"])


@pytest.mark.parametrize(("category", "prompt"), SENSITIVE, ids=[c for c, _ in SENSITIVE])
def test_sensitive_prompt_for_the_cloud_is_answered_locally(
    gateway: Gateway, fault_server: FaultUpstream, category: str, prompt: str
) -> None:
    fault_server.reset()
    r = gateway.chat("cloud", prompt, max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "embedded"
    assert r.headers["x-kakehashi-route-reason"] == "privacy:force_local"
    action, labels = r.headers["x-kakehashi-privacy"].split(":", 1)
    assert action == "force_local"
    assert category in {label.split("/", 1)[0] for label in labels.split(",")}
    assert _bodies(fault_server) == []  # the cloud upstream received no request at all


def test_a_clean_prompt_does_reach_the_cloud(gateway: Gateway, fault_server: FaultUpstream) -> None:
    # The control: the same route with harmless text is forwarded, and the recorder sees it.
    fault_server.reset()
    r = gateway.chat("cloud", "Summarise the plot of Hamlet in one line.", max_tokens=4)
    assert r.status_code == 200, r.text
    assert r.headers["x-kakehashi-backend"] == "cloud"
    assert r.headers["x-kakehashi-privacy"] == "none"
    bodies = _bodies(fault_server)
    assert len(bodies) == 1 and "Hamlet" in str(bodies[0]["messages"])
