"""The embedded backend: GGUF models served in-process by kakehashi's continuous-batching engine."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from kakehashi.backends.base import BackendKind
from kakehashi.engine import tool_calls
from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel, json_schema_grammar
from kakehashi.engine.schema_grammar import schema_to_gbnf
from kakehashi.engine.settings import EngineConfig
from kakehashi.errors import InvalidRequest, ModelNotFound, Overloaded
from kakehashi.types import (
    ChatRequest,
    CompletionRequest,
    Finished,
    FinishReason,
    GenerationEvent,
    SamplingParams,
    TextDelta,
    ToolCallDelta,
)

MAX_N = 8  # choices per request (each holds an engine slot)
MAX_TOP_LOGPROBS = 20
# Prompts longer than this are tokenized on a worker thread (llama_tokenize releases the GIL) so the
# event loop keeps streaming meanwhile: ~1 ms per 2,000 characters here, 70 ms for 60,000. Shorter
# ones are tokenized inline, where a thread hand-off would cost more than the work.
TOKENIZE_INLINE_MAX_CHARS = 4096


def _any(value: Any) -> bool:
    return True


# OpenAI fields the embedded engine accepts besides those it acts on, with the values that change
# nothing locally. Any other field (or value) is refused with a 400 naming it: never silently dropped.
_NO_EFFECT: dict[str, Any] = {
    "user": _any,  # end-user id for abuse monitoring: recorded nowhere, changes nothing
    "safety_identifier": _any,
    "prompt_cache_key": _any,  # prompt caching is automatic (slots keep their prefix)
    "store": lambda v: v in (None, False),
    "metadata": lambda v: not v,  # only meaningful with store
    "service_tier": lambda v: v in (None, "auto", "default"),
    "modalities": lambda v: v in (None, ["text"]),
}
_COMPLETION_NO_EFFECT: dict[str, Any] = {
    "user": _any,
    "suffix": lambda v: v is None,
}


def refuse_unhonoured(extra: dict[str, Any], accepted: dict[str, Any]) -> None:
    for name, value in extra.items():
        check = accepted.get(name)
        if check is None or not check(value):
            raise InvalidRequest(
                f"the embedded engine does not support {name!r}"
                + (f" = {value!r}" if check is not None else "")
                + " (upstream backends receive it unchanged)",
                param=name,
            )


def _check_n(n: int) -> None:
    if not 1 <= n <= MAX_N:
        raise InvalidRequest(f"n must be between 1 and {MAX_N} on the embedded engine", param="n")


@lru_cache(maxsize=128)
def _tool_grammar(spec_json: str) -> str:
    d = json.loads(spec_json)
    spec = tool_calls.ToolSpec(tuple(d["tools"]), d["mode"], d["parallel"], d["named"])
    return tool_calls.grammar(spec, schema_to_gbnf)


def _grammar_for_tools(spec: tool_calls.ToolSpec) -> str:
    key = json.dumps(
        {"tools": spec.tools, "mode": spec.mode, "parallel": spec.parallel, "named": spec.named}, sort_keys=True
    )
    return _tool_grammar(key)


async def _tool_call_events(events: AsyncIterator[GenerationEvent], n: int) -> AsyncIterator[GenerationEvent]:
    """Engine text -> text or tool-call deltas, per choice; finish_reason "tool_calls" when calls were made."""
    parsers = [tool_calls.ToolCallParser() for _ in range(n)]

    def convert(index: int, pieces: Any, logprobs: Any = None) -> list[GenerationEvent]:
        # logprobs describe message content: they go with text, not with tool-call arguments.
        out: list[GenerationEvent] = []
        for piece in pieces:
            if isinstance(piece, tool_calls.Text):
                out.append(TextDelta(piece.text, index, logprobs))
                logprobs = None
            elif isinstance(piece, tool_calls.CallStart):
                out.append(ToolCallDelta(piece.call_index, piece.id, piece.name, "", index))
            else:
                out.append(ToolCallDelta(piece.call_index, None, None, piece.text, index))
        return out

    try:
        async for event in events:
            if isinstance(event, TextDelta):
                for converted in convert(event.index, parsers[event.index].feed(event.text), event.logprobs):
                    yield converted
            elif isinstance(event, Finished):
                for i, parser in enumerate(parsers):
                    for converted in convert(i, parser.flush()):
                        yield converted
                reasons: list[FinishReason] = [
                    "tool_calls" if parsers[i].calls and event.reason_of(i) == "stop" else event.reason_of(i)
                    for i in range(n)
                ]
                yield Finished(reasons[0], event.usage, event.error, tuple(reasons) if n > 1 else ())
            else:
                yield event
    finally:
        await events.aclose()  # type: ignore[attr-defined]  # aborts the engine's generation


@dataclass(frozen=True, slots=True)
class LocalModelSpec:
    name: str  # the name clients use in "model"
    path: Path  # a GGUF file (either engine) or an MLX directory
    engine: str = "llama"  # "llama" (llama.cpp) or "mlx" (backends/mlx.py), already resolved from "auto"


@dataclass(slots=True)
class _Served:
    spec: LocalModelSpec
    model: Any  # LlamaModel, or the MLX engine's Tokenizer: both tokenize() and close()
    engine: Any  # Engine or MlxEngine: the same generate()/stop()/n_ctx_per_seq
    template: ChatTemplate


@lru_cache(maxsize=256)
def _grammar_for(schema_json: str | None) -> str:
    schema = None if schema_json is None else json.loads(schema_json)
    if schema is not None:  # a schema JSON Schema itself forbids ({"minimum": "0"}) is the client's mistake
        try:
            jsonschema.validators.validator_for(schema).check_schema(schema)
        except jsonschema.SchemaError as e:
            where = "/".join(str(p) for p in e.path)
            raise InvalidRequest(f"invalid JSON schema{f' at {where}' if where else ''}: {e.message}",
                                 param="response_format") from None
        if contradiction := _unsatisfiable(schema):  # the converter would quietly drop one of the bounds
            raise InvalidRequest(f"no value can match the JSON schema: {contradiction}", param="response_format")
    try:
        return json_schema_grammar(schema)
    except Exception as e:  # llama.cpp's converter raises plain exceptions on unsupported schemas
        raise InvalidRequest(f"unsupported JSON schema: {e}", param="response_format") from e


_BOUNDS = (("minLength", "maxLength"), ("minItems", "maxItems"), ("minimum", "maximum"),
           ("minProperties", "maxProperties"))


def _unsatisfiable(schema: Any, path: str = "schema") -> str | None:
    """A bound pair no value can meet (minLength 5, maxLength 2) or an empty enum, anywhere in the schema."""
    if isinstance(schema, list):
        return next((found for i, s in enumerate(schema) if (found := _unsatisfiable(s, f"{path}/{i}"))), None)
    if not isinstance(schema, dict):
        return None
    for low, high in _BOUNDS:
        lo, hi = schema.get(low), schema.get(high)
        if isinstance(lo, int | float) and isinstance(hi, int | float) and lo > hi:
            return f"{path}: {low} {lo} > {high} {hi}"
    if schema.get("enum") == []:
        return f"{path}: enum is empty"
    return next((found for key, value in schema.items() if key not in ("enum", "const", "default", "examples")
                 and (found := _unsatisfiable(value, f"{path}/{key}"))), None)


def grammar_for_response_format(response_format: dict[str, Any] | None) -> str | None:
    """response_format -> GBNF: json_object allows any JSON object, json_schema exactly that schema."""
    if not response_format:
        return None
    kind = response_format.get("type")
    if kind in (None, "text"):
        return None
    if kind == "json_object":
        return _grammar_for(None)
    if kind == "json_schema":
        spec = response_format.get("json_schema")
        schema = spec.get("schema") if isinstance(spec, dict) else None
        if not isinstance(schema, dict):
            raise InvalidRequest("response_format.json_schema.schema must be an object", param="response_format")
        return _grammar_for(json.dumps(schema, sort_keys=True))
    raise InvalidRequest(f"unknown response_format type {kind!r}", param="response_format")


async def _grammar_errors_name(events: AsyncIterator[GenerationEvent], param: str) -> AsyncIterator[GenerationEvent]:
    try:
        async for event in events:
            yield event
    except InvalidRequest as e:
        if e.param is None and "grammar" in e.message:
            raise InvalidRequest(f"{e.message}: the engine cannot use the grammar made from {param}",
                                 param=param) from None
        raise


async def _generate_long(served: _Served, text: str, sampling: SamplingParams, n: int) -> AsyncIterator[GenerationEvent]:
    tokens = await asyncio.to_thread(served.model.tokenize, text)
    # aclosing: a client that leaves closes this generator, which must close the engine's at once (abort).
    async with contextlib.aclosing(served.engine.generate(tokens, sampling, n)) as events:
        async for event in events:
            yield event


class LocalBackend:
    kind: BackendKind = "local"
    settles_arrival = True  # its engines settle a request's arrival ticket when they queue it (kakehashi.arrivals)

    def __init__(self, name: str = "embedded") -> None:
        self.name = name
        self._served: dict[str, _Served] = {}
        self._expected: list[str] = []  # names announced before their (slow) loading finishes

    def expect(self, names: list[str]) -> None:
        self._expected = list(names)

    def load(self, spec: LocalModelSpec, config: EngineConfig) -> None:
        """Load a model and start its engine thread (blocking: seconds for big models)."""
        if spec.engine == "mlx":
            from kakehashi.backends.mlx import load_mlx

            self._served[spec.name] = _Served(spec, *load_mlx(spec.name, spec.path, config))
            return
        model = LlamaModel(spec.path)
        engine = Engine(model, config)
        template = ChatTemplate(
            model.chat_template,
            bos_token=model.token_text(model.bos_id),
            eos_token=model.token_text(model.eos_id),
        )
        engine.start()
        self._served[spec.name] = _Served(spec, model, engine, template)

    def models(self) -> list[str]:
        return list(dict.fromkeys([*self._expected, *self._served]))

    def engines(self) -> dict[str, Any]:
        return {name: s.engine for name, s in self._served.items()}

    def context_length(self, model: str) -> int:
        return self._get(model).engine.n_ctx_per_seq

    def _get(self, model: str) -> _Served:
        served = self._served.get(model)
        if served is None and model in self._expected:
            raise Overloaded(f"the model '{model}' is still loading", retry_after=2.0, code="model_loading")
        if served is None:
            raise ModelNotFound(f"The model '{model}' does not exist", param="model")
        return served

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        served = self._get(req.model)
        refuse_unhonoured(req.extra, _NO_EFFECT)
        _check_n(req.n)
        spec = tool_calls.tool_spec(req.tools, req.tool_choice, req.parallel_tool_calls)
        grammar = grammar_for_response_format(req.response_format)
        if spec is not None and grammar is not None:
            raise InvalidRequest(
                "the embedded engine cannot combine tools with a JSON response_format", param="response_format"
            )
        template = served.template
        messages = req.messages
        native = template.supports_tools
        if any(m.get("tool_calls") or m.get("role") in ("tool", "function") for m in messages):
            messages = tool_calls.messages_for_template(messages) if native else tool_calls.messages_as_text(messages)
        tools_for_template = None
        if spec is not None:
            messages = tool_calls.with_system_block(messages, tool_calls.instructions(spec))
            grammar = _grammar_for_tools(spec)
            tools_for_template = req.tools if native else None
        prompt_text = template.render(messages, tools=tools_for_template)
        top: int | None = None
        if req.top_logprobs is not None and not req.logprobs:
            raise InvalidRequest("top_logprobs needs logprobs: true", param="top_logprobs")
        if req.logprobs:
            top = req.top_logprobs or 0
            if not 0 <= top <= MAX_TOP_LOGPROBS:
                raise InvalidRequest(f"top_logprobs must be between 0 and {MAX_TOP_LOGPROBS}", param="top_logprobs")
        sampling = dataclasses.replace(req.sampling, top_logprobs=top)
        events = self._generate(served, prompt_text, sampling, grammar, req.n)
        if grammar is not None:  # a grammar llama.cpp cannot parse is refused by the engine: name its source
            events = _grammar_errors_name(events, "tools" if spec is not None else "response_format")
        return events if spec is None else _tool_call_events(events, req.n)

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        served = self._get(req.model)
        extra = dict(req.extra)
        best_of = extra.pop("best_of", None)
        if best_of is not None and best_of != req.n:
            raise InvalidRequest("the embedded engine supports best_of only equal to n", param="best_of")
        refuse_unhonoured(extra, _COMPLETION_NO_EFFECT)
        _check_n(req.n)
        if req.logprobs is not None and not 0 <= req.logprobs <= MAX_TOP_LOGPROBS:
            raise InvalidRequest(f"logprobs must be between 0 and {MAX_TOP_LOGPROBS}", param="logprobs")
        sampling = dataclasses.replace(req.sampling, top_logprobs=req.logprobs)
        return self._generate(served, req.prompt, sampling, None, req.n)

    def _generate(
        self, served: _Served, text: str, sampling: SamplingParams, grammar: str | None, n: int = 1
    ) -> AsyncIterator[GenerationEvent]:
        if grammar is not None:
            sampling = dataclasses.replace(sampling, grammar=grammar)
        if len(text) <= TOKENIZE_INLINE_MAX_CHARS:
            return served.engine.generate(served.model.tokenize(text), sampling, n)
        return _generate_long(served, text, sampling, n)

    async def health(self) -> bool:
        return bool(self._served)

    async def aclose(self) -> None:
        # Stopping joins each engine thread (up to a step's duration): off the event loop, so that
        # other apps and streams sharing the loop keep running meanwhile.
        served, self._served = list(self._served.values()), {}
        await asyncio.to_thread(_close_all, served)


def _close_all(served: list[_Served]) -> None:
    for s in served:
        s.engine.stop()
        s.model.close()
