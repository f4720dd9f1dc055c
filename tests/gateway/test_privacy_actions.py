"""privacy = "redact" (the cloud sees placeholders) and privacy = "reject" (403), against a real upstream."""

from __future__ import annotations

import pytest

from tests.gateway.conftest import StartGateway, generation_requests
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

EMAIL = "hanako.suzuki@suzuki-design.jp"
MY_NUMBER = "1234 5678 9018"  # valid check digit
API_KEY = "sk-proj-Xb3kP9qLm2Vn7Rt5Wy8Zc1Df4Gh6Jk0A"
PROMPT = f"Reply to {EMAIL}. マイナンバーは {MY_NUMBER} です。Key: {API_KEY}"


def _config(fault: FaultUpstream, action: str) -> str:
    return f"""
[backends.echo]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo"]

[routing]
cloud = "echo/echo"
privacy = "{action}"
"""


def _sent_text(fault: FaultUpstream) -> str:
    body = fault.state.stats()["last_body"]
    assert body is not None
    return "\n".join(str(m["content"]) for m in body["messages"])


def test_redact_sends_placeholders_to_the_cloud(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "redact")) as gw:
        r = gw.chat("cloud", PROMPT, max_tokens=16, messages=[
            {"role": "system", "content": f"The operator's address is ops@example.org; key {API_KEY}"},
            {"role": "user", "content": PROMPT},
        ])
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-backend"] == "echo"
        assert r.headers["x-kakehashi-route-reason"] == "forced:cloud"
        action, labels = r.headers["x-kakehashi-privacy"].split(":", 1)
        assert action == "redact"
        assert {"contact/email", "national_id/my_number", "secret/api_key"} <= set(labels.split(","))

        sent = _sent_text(fault)
        for secret in (EMAIL, MY_NUMBER, API_KEY, "ops@example.org"):
            assert secret not in sent
        assert "[EMAIL]" in sent and "[MY_NUMBER]" in sent and "[SECRET]" in sent
        assert "マイナンバーは" in sent  # the rest of the text travels unchanged
        # The echo upstream answers with what it received: placeholders, not the data.
        answer = r.json()["choices"][0]["message"]["content"]
        assert EMAIL not in answer and answer.startswith("Echo: Reply to [EMAIL]")


def test_redact_leaves_clean_prompts_alone(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "redact")) as gw:
        r = gw.chat("cloud", "Summarise the plot of Hamlet in one line.")
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"] == "none"
        assert _sent_text(fault) == "Summarise the plot of Hamlet in one line."


def test_reject_refuses_private_data_for_the_cloud(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "reject")) as gw:
        r = gw.chat("cloud", PROMPT)
        assert r.status_code == 403, r.text
        error = r.json()["error"]
        assert error["type"] == "policy_error" and error["code"] == "privacy_rejected"
        assert EMAIL not in error["message"] and API_KEY not in error["message"]
        assert generation_requests(fault) == 0

        # Local models may see the data; clean prompts may still go to the cloud.
        local = gw.chat("local", PROMPT, max_tokens=2)
        assert local.status_code == 200, local.text
        assert local.headers["x-kakehashi-backend"] == "embedded"
        clean = gw.chat("cloud", "What is the boiling point of water?")
        assert clean.status_code == 200, clean.text
        assert clean.headers["x-kakehashi-backend"] == "echo"
        assert generation_requests(fault) == 1


# A table of invented people for slides: the rules see bulk_personal, the learned model clears it
# (privacy_clear, tests/routing/test_privacy_clear.py).
DEMO_TABLE = (
    "Make a demo table for the HR onboarding slides (fictional people):\n"
    "Name | Date of birth | Phone\n"
    "Alex Sample | 1990-01-01 | 555-0100\n"
    "Bea Example | 1985-05-05 | 555-0199"
)


def test_a_cleared_prompt_goes_out_as_is(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    with start_gateway(_config(fault, "redact")) as gw:
        r = gw.chat("cloud", DEMO_TABLE, max_tokens=16)
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"] == "none"
        assert _sent_text(fault) == DEMO_TABLE


def test_redaction_never_clears(start_gateway: StartGateway, fault: FaultUpstream) -> None:
    # the request is private (an e-mail is never cleared); the table in the other message, which the model
    # would clear on its own, is redacted too. (Not EMAIL: an example.com address in a prompt whose phone numbers
    # are 555-01xx is a stand-in, see contact.py.)
    email = "hanako.suzuki@gmail.com"
    with start_gateway(_config(fault, "redact")) as gw:
        r = gw.chat("cloud", DEMO_TABLE, max_tokens=16, messages=[
            {"role": "system", "content": f"Reply to {email} when done."},
            {"role": "user", "content": DEMO_TABLE},
        ])
        assert r.status_code == 200, r.text
        assert r.headers["x-kakehashi-privacy"].startswith("redact:")
        sent = _sent_text(fault)
        assert email not in sent and "Alex Sample" not in sent and "[PERSONAL_DATA]" in sent
