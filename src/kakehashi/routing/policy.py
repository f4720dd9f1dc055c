"""The routing policy: a pure function from (requested model, messages, policy, budget) to a Decision.

Nothing here does I/O. The caller (the gateway's router) supplies:

- a `RoutingPolicy`, built once from configuration: the default local and cloud targets, the
  complexity threshold, what to do about private data and exhausted budgets, the fallback chain
  of each backend, and the concrete model names clients may ask for;
- a `BudgetStatus`, computed per request from the ledger (which caps are reached);

and gets back a `kakehashi.types.Decision` to execute, or an exception:
`kakehashi.errors.ModelNotFound` for an unknown model and `kakehashi.errors.PolicyRejected`
(code "privacy_rejected" or "budget_exceeded") when a rule configured to reject fires.

Semantics, in the order they apply:

1. Requested model. `auto` routes by complexity: score >= threshold goes to the cloud target,
   else local (reasons "auto:complexity_high" / "auto:complexity_low"; "auto:no_cloud" when no
   cloud target is configured). `local` and `cloud` force a side ("forced:local",
   "forced:cloud"). Any other name must be a key of `policy.models` ("model:explicit").
2. Privacy applies to every cloud-bound request (auto, forced cloud, or a concrete model on a
   cloud backend). When the scan finds anything, each finding gets an action: the one configured
   for its kind (`privacy_actions["email"]`), else for its category (`["secret"]`, or
   `["special_category"]` for the GDPR Art. 9 group), else `privacy_action`. The strictest action
   found applies to the request (reject > force_local > redact): "force_local" sends it to the
   local target ("privacy:force_local"), "redact" keeps the cloud and sets `Decision.redact`,
   "reject" raises PolicyRejected. `Decision.privacy_rule` says
   "<action>:<category>/<kind>,<category>/<kind>" (e.g. "force_local:secret/api_key,contact/email").
3. Budget applies to requests still cloud-bound: when a cap is reached, "local" sends them to the
   local target ("budget:<rule>", `Decision.budget_rule` = rule) and "reject" raises
   PolicyRejected(code="budget_exceeded").
4. Fallbacks are `policy.fallbacks[chosen backend]`, minus the chosen target itself, minus every
   cloud target when the data may not leave the machine: the privacy rule forced it local (or
   would have: "reject" also keeps a local request from falling back to the cloud), or the budget
   is exhausted. With privacy_action "redact", cloud fallbacks stay and `redact` is set.

`Decision.redact` means: redact the messages (see `privacy.redact_messages`) before sending them
to any *cloud* backend, whether first choice or fallback; local backends get the original.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kakehashi.errors import ModelNotFound, PolicyRejected
from kakehashi.routing import complexity, privacy
from kakehashi.types import ChatRequest, Decision

RouteKind = Literal["local", "cloud"]
PrivacyAction = Literal["force_local", "redact", "reject"]
BudgetAction = Literal["local", "reject"]

ROUTED_ALIASES = ("auto", "local", "cloud")
# Names that mean "let the router decide" = "auto". Clients and load generators that do not know the
# server's models send "default" (OpenAI-style tools often do; llama-server and Ollama ignore the field).
AUTO_NAMES = ("auto", "default")


ComplexityModelName = Literal["lexical", "embedding"]


def complexity_score(messages: Sequence[Mapping[str, Any]], model: ComplexityModelName = "lexical") -> float:
    """The complexity score of the chosen scorer (the e5 one is imported only when chosen)."""
    if model == "embedding":
        from kakehashi.routing import complexity_e5

        return complexity_e5.score(messages)
    return complexity.score(messages)


def default_threshold(model: ComplexityModelName = "lexical") -> float:
    if model == "embedding":
        from kakehashi.routing import complexity_e5

        return complexity_e5.load_model().threshold
    return complexity.default_threshold()


@dataclass(frozen=True, slots=True)
class RouteTarget:
    """A model on a backend. `kind` says whether requests sent there leave the machine."""

    backend: str
    model: str
    kind: RouteKind


@dataclass(frozen=True, slots=True)
class RoutingPolicy:
    """Routing configuration; build it once from the config file and reuse it for every request.

    `fallbacks` maps a backend name to the targets to try, in order, when that backend fails.
    `models` maps each concrete model name clients may request to where it lives.
    `threshold` defaults to the one recommended with the shipped complexity model.
    """

    local: RouteTarget
    cloud: RouteTarget | None = None
    # None = the threshold recommended with the chosen complexity model (resolved in __post_init__)
    threshold: float = None  # type: ignore[assignment]
    complexity_model: ComplexityModelName = "lexical"
    privacy_action: PrivacyAction = "force_local"
    # per kind / category / "special_category" overrides of privacy_action
    privacy_actions: Mapping[str, PrivacyAction] = field(default_factory=dict)
    # the learned second opinion (privacy/learned.py) after the rules; see benchmarks/routing/README.md
    privacy_learned: bool = True
    # with privacy_learned: the same model may clear a flag of soft kinds only (privacy.SOFT_KINDS)
    privacy_clear: bool = True
    budget_action: BudgetAction = "local"
    fallbacks: Mapping[str, tuple[RouteTarget, ...]] = field(default_factory=dict)
    models: Mapping[str, RouteTarget] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.complexity_model not in ("lexical", "embedding"):
            raise ValueError(f"complexity_model must be lexical or embedding, got {self.complexity_model!r}")
        if self.threshold is None:
            object.__setattr__(self, "threshold", default_threshold(self.complexity_model))
        if self.local.kind != "local":
            raise ValueError(
                f"the local target {self.local.backend}/{self.local.model} must have kind 'local'"
            )
        if self.cloud is not None and self.cloud.kind != "cloud":
            raise ValueError(
                f"the cloud target {self.cloud.backend}/{self.cloud.model} must have kind 'cloud'"
            )
        unknown = sorted(set(self.privacy_actions) - privacy.POLICY_KEYS)
        if unknown:
            raise ValueError(
                f"privacy_actions names unknown kinds or categories {unknown}; "
                f"known: {', '.join(sorted(privacy.POLICY_KEYS))}"
            )
        bad = sorted({a for a in self.privacy_actions.values() if a not in _STRICTNESS})
        if bad:
            raise ValueError(f"privacy actions must be force_local, redact or reject, got {bad}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be within [0, 1], got {self.threshold}")


@dataclass(frozen=True, slots=True)
class BudgetStatus:
    """Which spending caps are already reached (computed by the ledger, per request and API key)."""

    daily_global: bool = False
    monthly_global: bool = False
    daily_key: bool = False
    monthly_key: bool = False

    def exceeded_rule(self) -> str | None:
        """The first cap reached, e.g. "daily_global", or None when all are open."""
        for rule in ("daily_global", "monthly_global", "daily_key", "monthly_key"):
            if getattr(self, rule):
                return rule
        return None


NO_BUDGET_LIMIT = BudgetStatus()

_STRICTNESS: dict[str, int] = {"redact": 0, "force_local": 1, "reject": 2}


def privacy_action_for(findings: Sequence[privacy.Finding], policy: RoutingPolicy) -> PrivacyAction:
    """The strictest action any finding calls for (kind beats category beats the default)."""
    actions = policy.privacy_actions

    def action(f: privacy.Finding) -> PrivacyAction:
        if f.kind in actions:
            return actions[f.kind]
        if f.category in actions:
            return actions[f.category]
        if f.category in privacy.SPECIAL_CATEGORIES and "special_category" in actions:
            return actions["special_category"]
        return policy.privacy_action

    return max((action(f) for f in findings), key=_STRICTNESS.__getitem__)


def decide(
    model: str,
    messages: Sequence[Mapping[str, Any]],
    policy: RoutingPolicy,
    budget: BudgetStatus = NO_BUDGET_LIMIT,
) -> Decision:
    """Decide where one chat request goes. Pure; see the module docstring for the rules.

    `messages` are OpenAI chat messages (content a string or a list of parts). Complexity is
    computed only for `auto`; the privacy scan runs only when the data could reach a cloud backend
    (first choice or fallback), over the text of every message, system prompts included.

    Raises ModelNotFound for an unknown model (or `cloud` with no cloud target configured) and
    PolicyRejected when a rule configured to reject fires.
    """
    target, reason, score = _requested_target(model, messages, policy)

    findings: list[privacy.Finding] | None = None

    def scan() -> list[privacy.Finding]:
        nonlocal findings
        if findings is None:
            findings = privacy.scan(
                privacy.messages_text(messages),
                learned=policy.privacy_learned,
                clear=policy.privacy_learned and policy.privacy_clear,
            )
        return findings

    privacy_rule: str | None = None
    budget_rule: str | None = None
    redact = False
    keep_local = False  # the data must not reach a cloud backend, not even as a fallback

    if target.kind == "cloud" and scan():
        action = privacy_action_for(scan(), policy)
        privacy_rule = f"{action}:{','.join(privacy.labels(scan()))}"
        if action == "reject":
            raise PolicyRejected(
                f"request contains private data ({', '.join(privacy.labels(scan()))}) and this "
                "gateway is configured to reject such requests for cloud models",
                code="privacy_rejected",
            )
        if action == "force_local":
            target, reason, keep_local = policy.local, "privacy:force_local", True
        else:
            redact = True

    exceeded = budget.exceeded_rule()
    if exceeded is not None:
        keep_local = True  # no cloud fallback either: it would spend past the cap
        if target.kind == "cloud":
            if policy.budget_action == "reject":
                raise PolicyRejected(
                    f"the {exceeded.replace('_', ' ')} budget is exhausted; cloud models are unavailable",
                    code="budget_exceeded",
                )
            target, reason, budget_rule, redact = policy.local, f"budget:{exceeded}", exceeded, False

    chain = [t for t in policy.fallbacks.get(target.backend, ()) if t != target]
    if not keep_local and any(t.kind == "cloud" for t in chain) and scan():
        # A local request holding private data: only "redact" may let it fall back to the cloud.
        action = privacy_action_for(scan(), policy)
        if action == "redact":
            redact = True
            privacy_rule = privacy_rule or f"redact:{','.join(privacy.labels(scan()))}"
        else:
            keep_local = True
            privacy_rule = privacy_rule or f"{action}:{','.join(privacy.labels(scan()))}"
    if keep_local:
        chain = [t for t in chain if t.kind == "local"]

    return Decision(
        backend=target.backend,
        model=target.model,
        reason=reason,
        complexity=score,
        privacy_rule=privacy_rule,
        budget_rule=budget_rule,
        redact=redact,
        fallbacks=tuple(dict.fromkeys((t.backend, t.model) for t in chain)),
    )


def decide_chat(req: ChatRequest, policy: RoutingPolicy, budget: BudgetStatus = NO_BUDGET_LIMIT) -> Decision:
    """`decide` for a validated ChatRequest."""
    return decide(req.model, req.messages, policy, budget)


def _requested_target(
    model: str, messages: Sequence[Mapping[str, Any]], policy: RoutingPolicy
) -> tuple[RouteTarget, str, float | None]:
    if model in AUTO_NAMES:
        if policy.cloud is None:
            return policy.local, "auto:no_cloud", None
        score = complexity_score(messages, policy.complexity_model)
        if score >= policy.threshold:
            return policy.cloud, "auto:complexity_high", score
        return policy.local, "auto:complexity_low", score
    if model == "local":
        return policy.local, "forced:local", None
    if model == "cloud":
        if policy.cloud is None:
            raise ModelNotFound(
                "model 'cloud' is not available: no cloud backend is configured", param="model"
            )
        return policy.cloud, "forced:cloud", None
    target = policy.models.get(model)
    if target is None:
        aliases = [a for a in ROUTED_ALIASES if a != "cloud" or policy.cloud is not None]
        known = ", ".join(sorted([*aliases, *policy.models]))
        raise ModelNotFound(f"model '{model}' does not exist; available: {known}", param="model")
    return target, "model:explicit", None
