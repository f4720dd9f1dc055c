"""Every branch of routing.policy.decide, on real prompts and the shipped complexity model."""

from __future__ import annotations

import pytest

from kakehashi.errors import ModelNotFound, PolicyRejected
from kakehashi.routing.policy import BudgetStatus, RouteTarget, RoutingPolicy, decide, decide_chat
from kakehashi.types import ChatRequest

LOCAL = RouteTarget("embedded", "smollm2", "local")
OLLAMA = RouteTarget("ollama", "qwen2.5:7b", "local")
CLOUD = RouteTarget("openai", "gpt-4o-mini", "cloud")
CLOUD2 = RouteTarget("anthropic", "claude-haiku", "cloud")

EASY = "Translate 'good morning' into French."
HARD = (
    "Write a Python function that finds the k-th smallest element in the union of two sorted "
    "lists in O(log(m+n)) time, prove its complexity and explain every step of the algorithm."
)
EMAIL = " Send the result to taro.yamada@yamada-shoji.co.jp."


def user(text: str) -> list[dict[str, object]]:
    return [{"role": "user", "content": text}]


def policy(**overrides: object) -> RoutingPolicy:
    base: dict[str, object] = {
        "local": LOCAL,
        "cloud": CLOUD,
        "threshold": 0.5,
        "fallbacks": {"embedded": (OLLAMA, CLOUD), "openai": (CLOUD2, LOCAL), "ollama": (LOCAL, CLOUD)},
        "models": {"gpt-4o-mini": CLOUD, "claude-haiku": CLOUD2, "qwen2.5:7b": OLLAMA},
    }
    base.update(overrides)
    return RoutingPolicy(**base)  # type: ignore[arg-type]


def test_auto_routes_easy_prompt_local_with_its_score() -> None:
    d = decide("auto", user(EASY), policy())
    assert (d.backend, d.model, d.reason) == ("embedded", "smollm2", "auto:complexity_low")
    assert d.complexity is not None and d.complexity < 0.5
    assert d.fallbacks == (("ollama", "qwen2.5:7b"), ("openai", "gpt-4o-mini"))
    assert d.privacy_rule is None and d.budget_rule is None and not d.redact


def test_auto_routes_hard_prompt_to_cloud() -> None:
    d = decide("auto", user(HARD), policy())
    assert (d.backend, d.reason) == ("openai", "auto:complexity_high")
    assert d.complexity is not None and d.complexity >= 0.5
    assert d.fallbacks == (("anthropic", "claude-haiku"), ("embedded", "smollm2"))


def test_default_is_another_name_for_auto() -> None:
    # load generators and clients that do not know the server's models send "default"
    for prompt in (EASY, HARD):
        assert decide("default", user(prompt), policy()) == decide("auto", user(prompt), policy())
    assert decide("default", user(HARD), policy()).backend == "openai"
    assert decide("default", user(HARD), policy(cloud=None)).reason == "auto:no_cloud"


def test_threshold_is_the_cut() -> None:
    score = decide("auto", user(HARD), policy()).complexity
    assert score is not None
    assert decide("auto", user(HARD), policy(threshold=score)).reason == "auto:complexity_high"
    assert (
        decide("auto", user(HARD), policy(threshold=min(1.0, score + 1e-9))).reason == "auto:complexity_low"
    )


def test_auto_without_cloud_goes_local_and_says_why() -> None:
    d = decide("auto", user(HARD), policy(cloud=None))
    assert (d.backend, d.reason, d.complexity) == ("embedded", "auto:no_cloud", None)


def test_forced_sides() -> None:
    assert decide("local", user(HARD), policy()).reason == "forced:local"
    d = decide("cloud", user(EASY), policy())
    assert (d.backend, d.reason) == ("openai", "forced:cloud")


def test_cloud_alias_without_cloud_is_not_found() -> None:
    with pytest.raises(ModelNotFound) as exc:
        decide("cloud", user(EASY), policy(cloud=None))
    assert exc.value.param == "model"


def test_explicit_models_and_unknown_model() -> None:
    d = decide("claude-haiku", user(EASY), policy())
    assert (d.backend, d.model, d.reason) == ("anthropic", "claude-haiku", "model:explicit")
    assert decide("qwen2.5:7b", user(HARD), policy()).backend == "ollama"
    with pytest.raises(ModelNotFound, match="gpt-5") as with_cloud:
        decide("gpt-5", user(EASY), policy())
    assert "cloud" in with_cloud.value.message.split("available:")[1].split(", ")


def test_unknown_model_lists_cloud_only_when_a_cloud_is_configured() -> None:
    with pytest.raises(ModelNotFound) as exc:
        decide("gpt-5", user(EASY), policy(cloud=None, fallbacks={}, models={"qwen2.5:7b": OLLAMA}))
    available = exc.value.message.split("available: ")[1].split(", ")
    assert available == ["auto", "local", "qwen2.5:7b"]


@pytest.mark.parametrize("model", ["auto", "cloud", "gpt-4o-mini"])
def test_privacy_force_local_applies_to_every_cloud_bound_request(model: str) -> None:
    d = decide(model, user(HARD + EMAIL), policy())
    assert (d.backend, d.reason, d.privacy_rule) == ("embedded", "privacy:force_local", "force_local:contact/email")
    assert d.fallbacks == (("ollama", "qwen2.5:7b"),)  # never a cloud fallback


def test_privacy_redact_keeps_cloud_and_its_fallbacks() -> None:
    d = decide("cloud", user(EASY + EMAIL), policy(privacy_action="redact"))
    assert (d.backend, d.redact, d.privacy_rule) == ("openai", True, "redact:contact/email")
    assert ("anthropic", "claude-haiku") in d.fallbacks


def test_privacy_reject_raises_for_cloud_bound() -> None:
    with pytest.raises(PolicyRejected) as exc:
        decide("gpt-4o-mini", user(EASY + EMAIL), policy(privacy_action="reject"))
    assert exc.value.code == "privacy_rejected" and exc.value.status == 403


@pytest.mark.parametrize("action", ["force_local", "reject"])
def test_local_request_with_private_data_gets_no_cloud_fallback(action: str) -> None:
    d = decide("local", user(EASY + EMAIL), policy(privacy_action=action))
    assert d.backend == "embedded" and d.reason == "forced:local"
    assert d.fallbacks == (("ollama", "qwen2.5:7b"),)
    assert d.privacy_rule == f"{action}:contact/email"


def test_local_request_with_private_data_may_fall_back_redacted() -> None:
    d = decide("local", user(EASY + EMAIL), policy(privacy_action="redact"))
    assert d.redact and ("openai", "gpt-4o-mini") in d.fallbacks


def test_private_data_in_system_prompt_and_content_parts_counts() -> None:
    messages = [
        {"role": "system", "content": "Customer phone: 090-1234-5678"},
        {
            "role": "user",
            "content": [{"type": "text", "text": HARD}, {"type": "image_url", "image_url": {"url": "x"}}],
        },
    ]
    d = decide("cloud", messages, policy())
    assert d.reason == "privacy:force_local" and d.privacy_rule == "force_local:contact/phone"


def test_budget_sends_cloud_bound_local_and_drops_cloud_fallbacks() -> None:
    d = decide("cloud", user(HARD), policy(), BudgetStatus(monthly_key=True))
    assert (d.backend, d.reason, d.budget_rule) == ("embedded", "budget:monthly_key", "monthly_key")
    assert all(backend != "openai" for backend, _ in d.fallbacks)


def test_budget_reject_raises_for_cloud_bound_only() -> None:
    p = policy(budget_action="reject")
    with pytest.raises(PolicyRejected) as exc:
        decide("auto", user(HARD), p, BudgetStatus(daily_global=True))
    assert exc.value.code == "budget_exceeded"
    d = decide("local", user(HARD), p, BudgetStatus(daily_global=True))
    assert d.backend == "embedded" and d.fallbacks == (("ollama", "qwen2.5:7b"),)


def test_privacy_wins_over_budget_and_redaction_is_dropped_when_going_local() -> None:
    both = decide("cloud", user(HARD + EMAIL), policy(budget_action="reject"), BudgetStatus(daily_key=True))
    assert both.reason == "privacy:force_local"
    redacted = decide(
        "cloud", user(HARD + EMAIL), policy(privacy_action="redact"), BudgetStatus(daily_key=True)
    )
    assert (redacted.backend, redacted.reason, redacted.redact) == ("embedded", "budget:daily_key", False)


def test_budget_rule_order() -> None:
    assert BudgetStatus().exceeded_rule() is None
    assert BudgetStatus(daily_global=True, daily_key=True).exceeded_rule() == "daily_global"
    assert BudgetStatus(monthly_global=True).exceeded_rule() == "monthly_global"


def test_policy_validates_its_targets() -> None:
    with pytest.raises(ValueError, match="kind 'local'"):
        RoutingPolicy(local=CLOUD)
    with pytest.raises(ValueError, match="kind 'cloud'"):
        RoutingPolicy(local=LOCAL, cloud=OLLAMA)
    with pytest.raises(ValueError, match="threshold"):
        RoutingPolicy(local=LOCAL, threshold=1.5)
    assert 0.0 < RoutingPolicy(local=LOCAL).threshold < 1.0  # the shipped model's recommendation


def test_decide_chat_uses_the_request() -> None:
    req = ChatRequest(model="cloud", messages=user(EASY))
    assert decide_chat(req, policy()).backend == "openai"


KEY = " Use key sk-proj-Jx83kLqPz0WvN2mRt7YbC5dHs9FgA1eU4oIiK6."


def test_per_category_actions_redact_email_but_keep_secrets_local() -> None:
    actions = {"contact": "redact", "secret": "force_local"}
    only_email = decide("cloud", user(EASY + EMAIL), policy(privacy_actions=actions))
    assert (only_email.backend, only_email.redact) == ("openai", True)
    assert only_email.privacy_rule == "redact:contact/email"
    both = decide("cloud", user(EASY + EMAIL + KEY), policy(privacy_actions=actions))
    # the strictest action wins: a secret keeps the whole request local
    assert (both.backend, both.reason, both.redact) == ("embedded", "privacy:force_local", False)
    assert both.privacy_rule == "force_local:secret/api_key,contact/email"


def test_kind_beats_category_beats_default() -> None:
    p = policy(privacy_action="reject", privacy_actions={"contact": "force_local", "email": "redact"})
    assert decide("cloud", user(EASY + EMAIL), p).privacy_rule == "redact:contact/email"
    phone = user(EASY + " Call 090-3921-5567.")
    assert decide("cloud", phone, p).privacy_rule == "force_local:contact/phone"
    with pytest.raises(PolicyRejected):
        decide("cloud", user(EASY + KEY), p)


def test_special_category_group_applies_to_every_art9_category() -> None:
    p = policy(privacy_action="redact", privacy_actions={"special_category": "reject"})
    with pytest.raises(PolicyRejected) as exc:
        decide("cloud", user("My coworker Daniel came out to me as gay. How do I support him?"), p)
    assert "sexual_orientation" in exc.value.message


def test_unknown_privacy_action_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="emails"):
        policy(privacy_actions={"emails": "redact"})
