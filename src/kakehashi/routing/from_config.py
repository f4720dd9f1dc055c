"""kakehashi.toml's [routing] + backends -> the pure RoutingPolicy the gateway and `kakehashi route` use."""

from __future__ import annotations

from kakehashi.config import KakehashiConfig
from kakehashi.default_model import DEFAULT_MODEL_NAME
from kakehashi.routing.policy import RouteTarget, RoutingPolicy

EMBEDDED = "embedded"


def route_targets(config: KakehashiConfig) -> dict[str, RouteTarget]:
    """Every model clients may name: as "model" (first backend that serves it) and as "backend/model"."""
    served: list[tuple[str, str, str]] = []
    if config.embedded_engine:
        served += [(EMBEDDED, name, "local") for name in [m.name for m in config.models] or [DEFAULT_MODEL_NAME]]
    served += [(name, m, b.kind) for name, b in config.backends.items() for m in b.models]
    targets: dict[str, RouteTarget] = {}
    for backend, model, kind in served:
        t = RouteTarget(backend, model, kind)  # type: ignore[arg-type]
        targets.setdefault(model, t)
        targets[f"{backend}/{model}"] = t
    return targets


def policy_from_config(config: KakehashiConfig) -> RoutingPolicy:
    targets = route_targets(config)
    if not targets:
        raise ValueError("no model is configured: add [[models]] or a backend")
    routing = config.routing
    locals_ = [t for t in targets.values() if t.kind == "local"]
    local = targets[routing.local] if routing.local else (locals_[0] if locals_ else next(iter(targets.values())))
    extra = {"threshold": routing.threshold} if "threshold" in routing.model_fields_set else {}
    return RoutingPolicy(
        local=local,
        cloud=targets[routing.cloud] if routing.cloud else None,
        privacy_action=routing.privacy,
        budget_action=routing.budget_action,
        fallbacks={b: tuple(targets[r] for r in chain) for b, chain in routing.fallback.items()},
        models=targets,
        **extra,  # type: ignore[arg-type]
    )
