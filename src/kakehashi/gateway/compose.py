"""Composition from config: settings + kakehashi.toml -> backends, routing, ledger -> a Gateway.

The HTTP app around it is built in api/server.py; nothing here knows HTTP.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from kakehashi.accounting.ledger import Ledger, utc_day_start, utc_month_start
from kakehashi.accounting.open import open_ledger
from kakehashi.accounting.pricing import Price, PriceBook
from kakehashi.backends.base import Backend
from kakehashi.backends.local import LocalBackend, LocalModelSpec
from kakehashi.backends.openai_compat import OpenAICompatBackend, Timeouts
from kakehashi.backends.replicas import ReplicaSetBackend
from kakehashi.backends.resilience import BreakerConfig, BreakerRegistry, RetryPolicy
from kakehashi.config import BackendConfig, KakehashiConfig
from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.engine.settings import EngineConfig
from kakehashi.gateway.executor import Executor, Request
from kakehashi.gateway.service import Gateway
from kakehashi.models.resolve import resolve_model
from kakehashi.routing import privacy
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import BudgetStatus, decide
from kakehashi.state import SharedState, open_state
from kakehashi.state.breakers import SharedBreakers
from kakehashi.state.budget import Caps, SharedBudget
from kakehashi.state.ratelimit import RateLimiter, RateLimits
from kakehashi.types import ChatRequest, Decision

EMBEDDED = "embedded"

log = logging.getLogger(__name__)


@dataclass
class ServeSettings:
    """What `kakehashi serve` flags say; a config file fills in the rest (flags win where both speak)."""

    models: list[tuple[str, Path]] = field(default_factory=list)  # (name, gguf path)
    api_keys: list[str] = field(default_factory=list)
    config_path: Path | None = None
    # Engine flags given on the command line (EngineConfig field -> value); they win over [engine].
    engine: dict[str, Any] = field(default_factory=dict)
    max_body_bytes: int | None = None
    ledger_path: Path | None = None  # overrides accounting.ledger

    def engine_config(self, config: KakehashiConfig) -> EngineConfig:
        given = {k: v for k, v in self.engine.items() if v is not None}
        try:
            e = TypeAdapter(EngineConfig).validate_python({**dataclasses.asdict(config.engine), **given})
        except ValidationError as exc:
            err = exc.errors()[0]
            raise ValueError(f"--{str(err['loc'][0]).replace('_', '-')}: {err['msg']}") from None
        # A step must fit one token of every running sequence.
        return dataclasses.replace(e, batch_size=max(e.batch_size, e.slots))


def local_model_specs(settings: ServeSettings, config: KakehashiConfig) -> list[LocalModelSpec]:
    if settings.models:
        pairs = settings.models
    elif not config.embedded_engine:
        return []  # `models = []`: a pure gateway, no engine in this process
    elif config.models:
        # `path` takes what `serve -m` takes, except `hf:` (starting a server never downloads): a file,
        # "default", a name from the model cache or Ollama's store.
        pairs = [(m.name, resolve_model(m.path).path) for m in config.models]
    else:
        pairs = [(DEFAULT_MODEL_NAME, default_model_path())]
    names = [n for n, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError(f"two models share a name: {names}; use NAME=PATH to tell them apart")
    for _, path in pairs:
        if not path.is_file():
            raise FileNotFoundError(f"model file not found: {path}")
        with path.open("rb") as f:
            if f.read(4) != b"GGUF":  # cheap to check now; llama.cpp would only fail after the bind
                raise ValueError(f"not a GGUF model file: {path}")
    return [LocalModelSpec(name, path) for name, path in pairs]


def _upstreams(config: KakehashiConfig) -> list[Backend]:
    out: list[Backend] = []
    for name, b in config.backends.items():
        key = b.api_key()
        missing = b.api_key_env if b.api_key_env and not key else None
        if missing:
            log.warning("backend %r: the environment variable %s is not set; its requests will fail "
                        "with 502 until it is", name, missing)

        def one(url: str, b: BackendConfig = b, name: str = name, key: str | None = key,
                missing: str | None = missing) -> OpenAICompatBackend:
            return OpenAICompatBackend(
                name, url, models=list(b.models), kind=b.kind, api_key=key, missing_key_env=missing,
                timeouts=Timeouts(connect=b.connect_timeout, read=b.first_token_timeout, total=b.total_timeout),
                max_concurrency=b.max_concurrency,
            )

        if len(b.urls) == 1:
            out.append(one(b.base_url))
            continue
        r = config.routing
        out.append(ReplicaSetBackend(
            name, [one(u) for u in b.urls], b.urls, kind=b.kind, models=list(b.models),
            breaker=BreakerConfig(consecutive_failures=r.breaker_failures, cooldown=r.breaker_cooldown_s),
            affinity_prefix_chars=b.affinity_prefix_chars, draining=b.draining,
        ))
    return out


def _price_book(config: KakehashiConfig) -> PriceBook:
    cur = config.accounting.currency
    prices = {
        f"{name}/{model}": Price(p.input, p.output, cur)
        for name, b in config.backends.items()
        for model, p in b.prices.items()
    }
    baseline = prices.get(config.accounting.baseline) if config.accounting.baseline else None
    unpriced = [f"{name}/{m}" for name, b in config.backends.items() if b.kind == "cloud"
                for m in b.models if m not in b.prices]
    if not unpriced:
        return PriceBook(prices, baseline=baseline)
    # Only reachable without budget caps (config validation refuses unpriced cloud models with a budget):
    # their cost cannot be known, so it is recorded as 0, and said so once, loudly, at start-up.
    log.warning("no price for cloud model(s) %s: their cost is recorded as 0 in the ledger; "
                "add prices to their backends", ", ".join(unpriced))
    return PriceBook(prices | {ref: Price(0.0, 0.0, cur) for ref in unpriced}, baseline=baseline)


def _shared_budget(config: KakehashiConfig, ledger: Ledger | None, state: SharedState) -> SharedBudget | None:
    caps = config.budget
    budget_caps = Caps(caps.daily, caps.monthly, caps.per_key_daily, caps.per_key_monthly)
    if ledger is None or not budget_caps.any:
        return None
    return SharedBudget(
        state, budget_caps, seed=lambda since, key: ledger.spent(since, api_key_id=key, kind="cloud"),
        day_start=utc_day_start, month_start=utc_month_start, fail_open=config.state.on_unavailable == "open",
    )


def _rate_limiter(config: KakehashiConfig, state: SharedState) -> RateLimiter | None:
    r = config.rate_limits
    limits = RateLimits(r.requests_per_minute, r.tokens_per_minute, r.per_key_requests_per_minute,
                        r.per_key_tokens_per_minute, r.per_key_concurrent)
    if not limits.any:
        return None
    return RateLimiter(state, limits, fail_open=config.state.on_unavailable == "open")


def _redacting_prepare(req: Request, backend: Backend, decision: Decision) -> Request:
    """The cloud sees placeholders instead of personal data when the decision says so; local sees all."""
    if not decision.redact or backend.kind != "cloud":
        return req
    if isinstance(req, ChatRequest):
        return dataclasses.replace(req, messages=privacy.redact_messages(req.messages))
    return dataclasses.replace(req, prompt=privacy.redact(req.prompt))


def build_gateway(settings: ServeSettings, config: KakehashiConfig) -> tuple[Gateway, LocalBackend, list[LocalModelSpec]]:
    specs = local_model_specs(settings, config)
    local = LocalBackend(EMBEDDED)
    local.expect([s.name for s in specs])
    backends: list[Backend] = [local, *_upstreams(config)] if specs else _upstreams(config)
    ledger = None
    if config.accounting.enabled:
        ledger = open_ledger(settings.ledger_path or config.accounting.ledger, spool=config.accounting.spool)
    policy = policy_from_config(config, [spec.name for spec in specs])
    state = open_state(config.state.redis, prefix=config.state.key_prefix, timeout_s=config.state.timeout_s)

    local_target = (policy.local.backend, policy.local.model)
    fallback_local = config.routing.auto_fallback_local

    def decide_request(req: Request, over: frozenset[str]) -> Decision:
        messages = req.messages if isinstance(req, ChatRequest) else [{"role": "user", "content": req.prompt}]
        d = decide(req.model, messages, policy, BudgetStatus(**{rule: True for rule in over}))
        if (fallback_local and req.model == "auto" and policy.cloud is not None
                and (d.backend, d.model) == (policy.cloud.backend, policy.cloud.model)
                and local_target not in d.fallbacks):
            # `auto` chose the cloud for quality, not of necessity: a local answer beats an error.
            d = dataclasses.replace(d, fallbacks=(*d.fallbacks, local_target))
        return d

    r = config.routing
    shared = SharedBreakers(state, [b.name for b in backends]) if config.state.redis else None
    breakers = BreakerRegistry(
        BreakerConfig(consecutive_failures=r.breaker_failures, cooldown=r.breaker_cooldown_s),
        on_change=shared.on_change if shared else None,
    )
    if shared is not None:
        shared.retry_in = lambda name: breakers.get(name).retry_in()
    executor = Executor(
        {b.name: b for b in backends}, retry=RetryPolicy(max_attempts=r.retries + 1), breakers=breakers,
        opened_elsewhere=shared.is_open if shared else None,
    )
    gateway = Gateway(
        backends, decide=decide_request, executor=executor, prepare=_redacting_prepare, ledger=ledger,
        prices=_price_book(config), aliases=["auto", "local", "cloud"] if policy.cloud is not None else ["auto", "local"],
        limiter=_rate_limiter(config, state), budget=_shared_budget(config, ledger, state),
        default_max_tokens=config.rate_limits.default_max_tokens, state=state,
    )
    return gateway, local, specs
