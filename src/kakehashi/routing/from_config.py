"""kakehashi.toml's [routing] + backends -> the pure RoutingPolicy the gateway and `kakehashi route` use."""

from __future__ import annotations

from kakehashi.config import KakehashiConfig
from kakehashi.default_model import DEFAULT_MODEL_NAME
from kakehashi.routing.policy import RouteTarget, RoutingPolicy

EMBEDDED = "embedded"


def route_targets(config: KakehashiConfig, embedded: list[str] | None = None) -> dict[str, RouteTarget]:
    """Every model clients may name: as "model" (first backend that serves it) and as "backend/model".

    `embedded`: the in-process models actually served (command-line -m wins over the file); None = the file's.
    """
    served: list[tuple[str, str, str]] = []
    if embedded is None and config.embedded_engine:
        embedded = [m.name for m in config.models] or [DEFAULT_MODEL_NAME]
    served += [(EMBEDDED, name, "local") for name in embedded or []]
    served += [(name, m, b.kind) for name, b in config.backends.items() for m in b.models]
    targets: dict[str, RouteTarget] = {}
    for backend, model, kind in served:
        t = RouteTarget(backend, model, kind)  # type: ignore[arg-type]
        targets.setdefault(model, t)
        targets[f"{backend}/{model}"] = t
    return targets


def policy_from_config(config: KakehashiConfig, embedded: list[str] | None = None) -> RoutingPolicy:
    targets = route_targets(config, embedded)
    if not targets:
        raise ValueError("no model is configured: add [[models]] or a backend")
    routing = config.routing
    locals_ = [t for t in targets.values() if t.kind == "local"]
    local = _ref(targets, routing.local) if routing.local else (locals_[0] if locals_ else next(iter(targets.values())))
    extra = {"threshold": routing.threshold} if "threshold" in routing.model_fields_set else {}
    return RoutingPolicy(
        local=local,
        complexity_model=routing.complexity_model,
        cloud=_ref(targets, routing.cloud) if routing.cloud else None,
        privacy_action=routing.privacy,
        privacy_actions=dict(routing.privacy_actions),
        privacy_learned=routing.privacy_learned,
        privacy_clear=routing.privacy_clear,
        budget_action=routing.budget_action,
        fallbacks={b: tuple(_ref(targets, r) for r in chain) for b, chain in routing.fallback.items()},
        models=targets,
        **extra,  # type: ignore[arg-type]
    )


def _ref(targets: dict[str, RouteTarget], ref: str) -> RouteTarget:
    """A "backend/model" reference; an embedded model renamed on the command line falls back to its bare name."""
    return targets[ref] if ref in targets else targets[ref.split("/", 1)[1]]
