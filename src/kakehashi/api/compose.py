"""The composition root: settings + kakehashi.toml -> backends, routing, ledger -> gateway -> FastAPI app."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI

from kakehashi.accounting.ledger import Ledger, utc_day_start, utc_month_start
from kakehashi.accounting.pricing import Price, PriceBook
from kakehashi.api.app import ServerOptions, create_app
from kakehashi.backends.base import Backend
from kakehashi.backends.local import LocalBackend, LocalModelSpec
from kakehashi.backends.openai_compat import OpenAICompatBackend, Timeouts
from kakehashi.backends.resilience import BreakerConfig, BreakerRegistry, RetryPolicy
from kakehashi.config import KakehashiConfig, load_config
from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.engine.engine import EngineConfig
from kakehashi.engine_mlx.availability import resolve_engine
from kakehashi.gateway import Gateway
from kakehashi.routing import privacy
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import BudgetStatus, decide
from kakehashi.routing.router import Request, Router
from kakehashi.types import ChatRequest, Decision

EMBEDDED = "embedded"


@dataclass
class ServeSettings:
    """What `kakehashi serve` flags say; a config file fills in the rest (flags win where both speak)."""

    models: list[tuple[str, Path]] = field(default_factory=list)  # (name, gguf path or MLX dir)
    engine: str | None = None  # --engine for the models above: auto | llama | mlx
    api_keys: list[str] = field(default_factory=list)
    config_path: Path | None = None
    slots: int | None = None
    ctx_size: int | None = None
    batch_size: int | None = None
    max_waiting: int | None = None
    threads: int | None = None
    flash_attn: str | None = None
    max_body_bytes: int | None = None
    ledger_path: Path | None = None  # overrides accounting.ledger

    def engine_config(self, config: KakehashiConfig) -> EngineConfig:
        e = config.engine
        slots = self.slots or e.slots
        return EngineConfig(
            n_slots=slots,
            n_ctx_per_seq=self.ctx_size or e.ctx_size,
            n_batch=max(self.batch_size or e.batch_size, slots),
            max_waiting=e.max_waiting if self.max_waiting is None else self.max_waiting,
            n_threads=e.threads if self.threads is None else self.threads,
            flash_attn=self.flash_attn or e.flash_attn,
        )


def local_model_specs(settings: ServeSettings, config: KakehashiConfig) -> list[LocalModelSpec]:
    flag = settings.engine or "auto"
    if settings.models:
        triples = [(name, path, flag) for name, path in settings.models]
    elif not config.embedded_engine:
        return []  # `models = []`: a pure gateway, no engine in this process
    elif config.models:
        triples = [(m.name, default_model_path() if m.path == "default" else Path(m.path).expanduser(),
                    settings.engine or m.engine) for m in config.models]
    else:
        triples = [(DEFAULT_MODEL_NAME, default_model_path(), flag)]
    names = [n for n, _, _ in triples]
    if len(set(names)) != len(names):
        raise ValueError(f"two models share a name: {names}; use NAME=PATH to tell them apart")
    specs = []
    for name, path, choice in triples:
        if not path.exists():
            raise FileNotFoundError(f"model file not found: {path}")
        engine = resolve_engine(choice, path)
        if engine == "llama" and not path.is_file():
            raise ValueError(f"{path} is a directory: llama.cpp needs a GGUF file (an MLX directory needs --engine mlx)")
        specs.append(LocalModelSpec(name, path, engine))
    return specs


def _upstreams(config: KakehashiConfig) -> list[OpenAICompatBackend]:
    return [
        OpenAICompatBackend(
            name, b.base_url, models=list(b.models), kind=b.kind, api_key=b.api_key(),
            timeouts=Timeouts(connect=b.connect_timeout, read=b.first_token_timeout, total=b.total_timeout),
            max_concurrency=b.max_concurrency,
        )
        for name, b in config.backends.items()
    ]


def _price_book(config: KakehashiConfig) -> PriceBook:
    cur = config.accounting.currency
    prices = {
        f"{name}/{model}": Price(p.input, p.output, cur)
        for name, b in config.backends.items()
        for model, p in b.prices.items()
    }
    baseline = prices.get(config.accounting.baseline) if config.accounting.baseline else None
    return PriceBook(prices, baseline=baseline, unknown_cloud=Price(0.0, 0.0, cur))


def _budget_check(config: KakehashiConfig, ledger: Ledger | None) -> Callable[[str | None], BudgetStatus]:
    caps = config.budget
    if ledger is None or not any((caps.daily, caps.monthly, caps.per_key_daily, caps.per_key_monthly)):
        return lambda key: BudgetStatus()

    def status(key: str | None) -> BudgetStatus:
        now = time.time()
        day, month = utc_day_start(now), utc_month_start(now)

        def over(cap: float | None, since: float, k: str | None) -> bool:
            return cap is not None and ledger.spent(since, api_key_id=k, kind="cloud") >= cap

        return BudgetStatus(
            daily_global=over(caps.daily, day, None),
            monthly_global=over(caps.monthly, month, None),
            daily_key=key is not None and over(caps.per_key_daily, day, key),
            monthly_key=key is not None and over(caps.per_key_monthly, month, key),
        )

    return status


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
        path = settings.ledger_path or (Path(config.accounting.ledger).expanduser() if config.accounting.ledger else None)
        ledger = Ledger.open(path)
    policy = policy_from_config(config, [spec.name for spec in specs])
    budget = _budget_check(config, ledger)

    def decide_request(req: Request) -> Decision:
        messages = req.messages if isinstance(req, ChatRequest) else [{"role": "user", "content": req.prompt}]
        return decide(req.model, messages, policy, budget(req.api_key_id))

    r = config.routing
    router = Router(
        {b.name: b for b in backends},
        retry=RetryPolicy(max_attempts=r.retries + 1),
        breakers=BreakerRegistry(BreakerConfig(consecutive_failures=r.breaker_failures, cooldown=r.breaker_cooldown_s)),
    )
    gateway = Gateway(
        backends, decide=decide_request, router=router, prepare=_redacting_prepare, ledger=ledger,
        prices=_price_book(config), aliases=["auto", "local", "cloud"] if policy.cloud is not None else ["auto", "local"],
    )
    return gateway, local, specs


def build_server(settings: ServeSettings, config: KakehashiConfig | None = None) -> FastAPI:
    """Validates everything cheap up front (config, files, names), then loads models after the socket opens."""
    config = config or load_config(settings.config_path)
    gateway, local, specs = build_gateway(settings, config)
    engine_config = settings.engine_config(config)

    def load() -> None:
        for spec in specs:
            local.load(spec, engine_config)

    return create_app(
        gateway,
        ServerOptions(api_keys=settings.api_keys, max_body_bytes=settings.max_body_bytes or config.server.max_body_bytes),
        load=load,
        engines=local.engines,
    )

