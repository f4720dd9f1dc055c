"""The embedded backend: GGUF models served in-process by kakehashi's continuous-batching engine."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kakehashi.backends.base import BackendKind
from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel, json_schema_grammar
from kakehashi.engine.settings import EngineConfig
from kakehashi.errors import InvalidRequest, ModelNotFound, Overloaded
from kakehashi.types import ChatRequest, CompletionRequest, GenerationEvent, SamplingParams


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
    try:
        return json_schema_grammar(schema)
    except Exception as e:  # llama.cpp's converter raises plain exceptions on unsupported schemas
        raise InvalidRequest(f"unsupported JSON schema: {e}", param="response_format") from e


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


class LocalBackend:
    kind: BackendKind = "local"

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
        prompt_text = served.template.render(req.messages)
        grammar = grammar_for_response_format(req.response_format)
        return self._generate(served, prompt_text, req.sampling, grammar)

    def complete(self, req: CompletionRequest) -> AsyncIterator[GenerationEvent]:
        served = self._get(req.model)
        return self._generate(served, req.prompt, req.sampling, None)

    def _generate(
        self, served: _Served, text: str, sampling: SamplingParams, grammar: str | None
    ) -> AsyncIterator[GenerationEvent]:
        tokens = served.model.tokenize(text)
        if grammar is not None:
            sampling = dataclasses.replace(sampling, grammar=grammar)
        return served.engine.generate(tokens, sampling)

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
