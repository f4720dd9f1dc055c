"""The internal domain shared by every layer: requests, sampling, streamed events, routing decisions.

These are plain dataclasses: the wire format (protocol/) is translated into them at the API edge,
so nothing below the API knows about OpenAI's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FinishReason = Literal["stop", "length", "tool_calls", "content_filter", "error", "abort"]


@dataclass(frozen=True, slots=True)
class SamplingParams:
    """Per-request sampling. None means "the client did not say": each backend applies its own default
    (the embedded engine uses llama-server's; an upstream gets the field left out)."""

    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    min_p: float | None = None
    seed: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    repeat_penalty: float | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()
    grammar: str | None = None  # GBNF, e.g. compiled from a JSON schema (embedded engine only)
    logit_bias: tuple[tuple[int, float], ...] = ()  # (token id, bias added to its logit)
    top_logprobs: int | None = None  # None: no logprobs; k >= 0: chosen token's logprob + k alternatives


@dataclass(slots=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(slots=True)
class ChatRequest:
    """A chat completion as the gateway sees it (already validated)."""

    model: str
    messages: list[dict[str, Any]]
    sampling: SamplingParams = field(default_factory=SamplingParams)
    stream: bool = False
    response_format: dict[str, Any] | None = None
    n: int = 1  # choices to generate
    tools: list[dict[str, Any]] | None = None  # OpenAI function tools, as the client sent them
    tool_choice: str | dict[str, Any] | None = None  # "none" | "auto" | "required" | {"type": "function", ...}
    parallel_tool_calls: bool | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    # Every other OpenAI field, as the client sent it: passed through untouched to upstream servers;
    # the embedded engine accepts only those it honours (the rest is a 400 naming the field).
    extra: dict[str, Any] = field(default_factory=dict)
    api_key_id: str | None = None
    request_id: str | None = None  # the x-request-id the API answered with; the ledger row's id


@dataclass(slots=True)
class CompletionRequest:
    """A legacy text completion (/v1/completions)."""

    model: str
    prompt: str
    sampling: SamplingParams = field(default_factory=SamplingParams)
    stream: bool = False
    n: int = 1
    logprobs: int | None = None  # completions' logprobs: number of alternatives per token
    extra: dict[str, Any] = field(default_factory=dict)
    api_key_id: str | None = None
    request_id: str | None = None  # the x-request-id the API answered with; the ledger row's id


@dataclass(frozen=True, slots=True)
class TopLogprob:
    token: str
    logprob: float
    bytes: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class TokenLogprob:
    """One generated token's log-probability and the most likely alternatives at its position."""

    token: str
    logprob: float
    bytes: tuple[int, ...] | None = None
    top: tuple[TopLogprob, ...] = ()


@dataclass(frozen=True, slots=True)
class TextDelta:
    """A piece of generated text (possibly several tokens, never a partial UTF-8 sequence)."""

    text: str
    index: int = 0  # choice index (n > 1)
    logprobs: tuple[TokenLogprob, ...] | None = None  # the tokens of this piece, when asked for


@dataclass(frozen=True, slots=True)
class ToolCallDelta:
    """A piece of a tool call: the first piece of a call carries its id and name, later ones only
    argument text (JSON, streamed in pieces whose concatenation is the arguments object)."""

    call_index: int  # position of the call among this choice's calls
    id: str | None = None
    name: str | None = None
    arguments: str = ""
    index: int = 0  # choice index


@dataclass(frozen=True, slots=True)
class Finished:
    """The last event of every generation."""

    reason: FinishReason
    usage: Usage
    error: str | None = None
    # Which of the request's stop strings ended it, when the backend knows (the embedded engine
    # does; OpenAI-compatible upstreams do not say). Anthropic's API reports it as `stop_sequence`.
    stop_sequence: str | None = None
    # With n > 1: each choice's finish reason, by choice index (reason is then the first choice's).
    choice_reasons: tuple[FinishReason, ...] = ()

    def reason_of(self, index: int) -> FinishReason:
        return self.choice_reasons[index] if index < len(self.choice_reasons) else self.reason


GenerationEvent = TextDelta | ToolCallDelta | Finished


@dataclass(frozen=True, slots=True)
class Decision:
    """What the router decided for one request, and why. Pure data; the router executes it."""

    backend: str  # name of the backend to try first
    model: str  # model name to send to that backend
    reason: str  # short machine-readable reason, e.g. "complexity_low", "privacy_forced_local"
    complexity: float | None = None
    privacy_rule: str | None = None  # e.g. "force_local:email,phone" when a privacy rule fired
    budget_rule: str | None = None  # e.g. "daily_cap_reached" when a budget rule fired
    redact: bool = False
    fallbacks: tuple[tuple[str, str], ...] = ()  # (backend, model) to try next, in order


# ---------------------------------------------------------------------------- embeddings
EmbeddingInputType = Literal["query", "passage"]


@dataclass(slots=True)
class EmbeddingRequest:
    """POST /v1/embeddings as the gateway sees it: texts, or token-id arrays, never both."""

    model: str
    texts: list[str] | None = None
    token_ids: list[list[int]] | None = None
    dimensions: int | None = None
    # Asymmetric models (E5) embed a search query and a stored passage differently. None = the model's
    # symmetric default. A kakehashi extension (Cohere/Voyage/NIM spell it the same way).
    input_type: EmbeddingInputType | None = None
    # What an upstream receives verbatim (encoding_format, user, provider fields...).
    wire: dict[str, Any] = field(default_factory=dict)
    api_key_id: str | None = None

    @property
    def count(self) -> int:
        return len(self.texts if self.texts is not None else self.token_ids or [])


@dataclass(slots=True)
class EmbeddingResult:
    """Vectors from a local model (float32 rows, L2-normalised unless the model says otherwise), or an
    upstream's response body passed back untouched (`upstream_body`)."""

    model: str
    prompt_tokens: int
    vectors: Any = None  # numpy.ndarray of shape (n, dim); Any keeps numpy out of this leaf module
    upstream_body: dict[str, Any] | None = None
    tokens_estimated: bool = False
