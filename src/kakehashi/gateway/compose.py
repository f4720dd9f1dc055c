"""Composition from config: settings + kakehashi.toml -> backends, routing, ledger -> a Gateway.

The HTTP app around it is built in api/server.py; nothing here knows HTTP.
"""

from __future__ import annotations

import dataclasses
import functools
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
from kakehashi.backends.local_embeddings import EmbeddingModelSpec, LocalEmbeddingBackend
from kakehashi.backends.openai_compat import OpenAICompatBackend, Timeouts
from kakehashi.backends.replicas import ReplicaSetBackend
from kakehashi.backends.resilience import BreakerConfig, BreakerRegistry, RetryPolicy
from kakehashi.config import BackendConfig, KakehashiConfig
from kakehashi.default_model import DEFAULT_MODEL_NAME, default_model_path
from kakehashi.engine.e5 import DEFAULT_EMBEDDING_MODEL_NAME
from kakehashi.engine.settings import EngineConfig
from kakehashi.engine_mlx.availability import resolve_engine
from kakehashi.gateway.executor import Executor, Request
from kakehashi.gateway.service import Gateway
from kakehashi.models.resolve import resolve_model
from kakehashi.routing import privacy
from kakehashi.routing.from_config import policy_from_config
from kakehashi.routing.policy import AUTO_NAMES, BudgetStatus, decide
from kakehashi.state import SharedState, open_state
from kakehashi.state.breakers import SharedBreakers
from kakehashi.state.budget import Caps, SharedBudget
from kakehashi.state.ratelimit import RateLimiter, RateLimits
from kakehashi.types import ChatRequest, Decision

EMBEDDED = "embedded"
EMBEDDED_EMBEDDINGS = "embedded-embeddings"

log = logging.getLogger(__name__)


@dataclass
class ServeSettings:
    """What `kakehashi serve` flags say; a config file fills in the rest (flags win where both speak)."""

    models: list[tuple[str, Path]] = field(default_factory=list)  # (name, gguf path or MLX dir)
    model_engine: str | None = None  # --engine for the models: auto | llama | mlx (else per model in the TOML)
    api_keys: list[str] = field(default_factory=list)
    config_path: Path | None = None
    # Engine flags given on the command line (EngineConfig field -> value); they win over [engine].
    engine: dict[str, Any] = field(default_factory=dict)
    max_body_bytes: int | None = None
    ledger_path: Path | None = None  # overrides accounting.ledger
    # GGUF embedding models named explicitly (--embedding-model): (name, path, pooling or None = the GGUF's own)
    embedding_models: list[tuple[str, Path, str | None]] = field(default_factory=list)
    default_embeddings: bool = True  # serve the bundled multilingual-e5-small whenever the engine runs
    docs: bool = False  # /docs and /openapi.json (serve: on by default when bound to loopback)

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
    flag = settings.model_engine or "auto"
    if settings.models:
        triples = [(name, path, flag) for name, path in settings.models]
    elif not config.embedded_engine:
        return []  # `models = []`: a pure gateway, no engine in this process
    elif config.models:
        # `path` takes what `serve -m` takes, except `hf:` (starting a server never downloads): a file,
        # an MLX directory, "default", a name from the model cache or Ollama's store.
        triples = [(m.name, resolve_model(m.path).path, settings.model_engine or m.engine) for m in config.models]
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
        if path.is_file():
            with path.open("rb") as f:
                if f.read(4) != b"GGUF":  # cheap to check now; llama.cpp would only fail after the bind
                    raise ValueError(f"not a GGUF model file: {path}")
        specs.append(LocalModelSpec(name, path, engine))
    return specs


# Engine settings only the llama.cpp engine reads. When every chat model runs on MLX, setting one is refused
# at start (never silently ignored); with a mix of engines they apply to the llama.cpp models.
LLAMA_ONLY_SETTINGS = ("flash_attn", "step_target_ms", "cache_ram")


def check_engine_settings(specs: list[LocalModelSpec], settings: ServeSettings, config: KakehashiConfig) -> None:
    if not specs or any(s.engine == "llama" for s in specs):
        return
    defaults = EngineConfig()
    given = [name for name in LLAMA_ONLY_SETTINGS
             if settings.engine.get(name) is not None or getattr(config.engine, name) != getattr(defaults, name)]
    if given:
        names = ", ".join(f"--{n.replace('_', '-')} ([engine] {n})" for n in given)
        raise ValueError(f"{names}: llama.cpp engine setting; every model here runs on the MLX engine, which has none")


def split_embedding_specs(
    specs: list[LocalModelSpec], settings: ServeSettings, *, engine_enabled: bool
) -> tuple[list[LocalModelSpec], list[EmbeddingModelSpec]]:
    """Chat models stay with the engine; GGUFs whose metadata says "embedding model" (and the ones named
    with --embedding-model) are served for /v1/embeddings, with the bundled E5 model unless disabled."""
    from kakehashi.tools.gguf_info import read_gguf

    chat: list[LocalModelSpec] = []
    embed: list[EmbeddingModelSpec] = []
    for spec in specs:
        pooling = gguf_pooling(read_gguf(spec.path).metadata)
        if pooling is None:
            chat.append(spec)
        else:
            embed.append(EmbeddingModelSpec(spec.name, spec.path, pooling))
    for name, path, pooling in settings.embedding_models:
        if not path.is_file():
            raise FileNotFoundError(f"embedding model file not found: {path}")
        found = gguf_pooling(read_gguf(path).metadata)
        embed.append(EmbeddingModelSpec(name, path, pooling or found or "mean"))
    if settings.default_embeddings and engine_enabled:
        embed.insert(0, EmbeddingModelSpec(DEFAULT_EMBEDDING_MODEL_NAME, None))
    names = [s.name for s in chat] + [s.name for s in embed]
    if len(set(names)) != len(names):
        raise ValueError(f"two models share a name: {names}; use NAME=PATH to tell them apart")
    return chat, embed


# llama.cpp's pooling_type values in GGUF metadata (enum llama_pooling_type).
_GGUF_POOLING = {1: "mean", 2: "cls", 3: "last"}
# Encoder-only architectures: embedding models even when the file names no pooling.
_ENCODER_ARCHS = {"bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "modern-bert",
                  "neo-bert", "t5encoder", "eurobert"}


def gguf_pooling(metadata: dict[str, object]) -> str | None:
    """The pooling an embedding GGUF declares (`{arch}.pooling_type`), "mean" for an encoder-only model
    that declares none, None for a generative model."""
    arch = str(metadata.get("general.architecture", ""))
    value = metadata.get(f"{arch}.pooling_type")
    if isinstance(value, int) and value in _GGUF_POOLING:
        return _GGUF_POOLING[value]
    return "mean" if arch in _ENCODER_ARCHS else None


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


def _redacting_prepare(req: Request, backend: Backend, decision: Decision, *, learned: bool = True) -> Request:
    """The cloud sees placeholders instead of personal data when the decision says so; local sees all.
    `learned`: [routing] privacy_learned, so text only the learned model flagged is redacted too. Nothing
    is cleared here (clear=False): the decision already found the request private, and a message scanned
    alone must not lose a finding the whole request kept."""
    if not decision.redact or backend.kind != "cloud":
        return req
    if isinstance(req, ChatRequest):
        return dataclasses.replace(req, messages=privacy.redact_messages(req.messages, learned=learned, clear=False))
    return dataclasses.replace(req, prompt=privacy.redact(req.prompt, learned=learned, clear=False))


def build_gateway(settings: ServeSettings, config: KakehashiConfig) -> tuple[Gateway, LocalBackend, list[LocalModelSpec]]:
    specs, embedding_specs = split_embedding_specs(
        local_model_specs(settings, config), settings, engine_enabled=config.embedded_engine
    )
    check_engine_settings(specs, settings, config)
    local = LocalBackend(EMBEDDED)
    local.expect([s.name for s in specs])
    embedder = LocalEmbeddingBackend(EMBEDDED_EMBEDDINGS, embedding_specs)
    backends: list[Backend] = [local] if specs else []
    if embedding_specs:
        backends.append(embedder)
    backends += _upstreams(config)
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
        if (fallback_local and req.model in AUTO_NAMES and policy.cloud is not None
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
    prepare = functools.partial(_redacting_prepare, learned=config.routing.privacy_learned)
    gateway = Gateway(
        backends, decide=decide_request, executor=executor, prepare=prepare, ledger=ledger,
        prices=_price_book(config), aliases=["auto", "local", "cloud"] if policy.cloud is not None else ["auto", "local"],
        limiter=_rate_limiter(config, state), budget=_shared_budget(config, ledger, state),
        default_max_tokens=config.rate_limits.default_max_tokens, state=state,
    )
    return gateway, local, specs
