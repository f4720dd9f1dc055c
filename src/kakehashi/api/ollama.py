"""Ollama's native API on the same gateway: /api/chat, /api/generate (NDJSON streams), /api/tags,
/api/show, /api/ps, /api/version, /api/embed.

A thin translation: each request becomes the gateway's ChatRequest or CompletionRequest, so routing,
privacy rules, budgets and the ledger apply exactly as on /v1/chat/completions.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from kakehashi import __version__
from kakehashi.api import streaming
from kakehashi.api.dialect import ApiError, dialect_route, invalid
from kakehashi.api.metrics import Metrics
from kakehashi.errors import KakehashiError, ModelNotFound
from kakehashi.gateway import GatewayClient, Reply
from kakehashi.gateway.embeddings import EmbeddingService
from kakehashi.protocol import ollama as wire
from kakehashi.types import (
    ChatRequest,
    CompletionRequest,
    EmbeddingRequest,
    Finished,
    SamplingParams,
    ToolCallDelta,
)

NDJSON = "application/x-ndjson"


def render_error(err: ApiError) -> Response:
    return JSONResponse(wire.error_body(err.message), status_code=err.status, headers=err.headers or None)


# ---------------------------------------------------------------------------- request translation
def sampling(options: wire.Options | None) -> SamplingParams:
    if options is None:
        return SamplingParams()
    for name in options.model_extra or {}:
        if name in wire.LOAD_TIME_OPTIONS:
            raise invalid(f"options.{name} is fixed when the server loads the model "
                          "(see `kakehashi serve --help`), not per request", f"options.{name}")
        raise invalid(f"options.{name} is not supported", f"options.{name}")
    n = options.num_predict
    if n is not None and (n == 0 or n < -2):
        raise invalid("options.num_predict must be positive, -1 (no limit) or -2 (fill the context)",
                      "options.num_predict")
    stop = (options.stop,) if isinstance(options.stop, str) else tuple(options.stop or ())
    return SamplingParams(
        temperature=options.temperature, top_p=options.top_p, top_k=options.top_k, min_p=options.min_p,
        seed=options.seed, presence_penalty=options.presence_penalty,
        frequency_penalty=options.frequency_penalty, repeat_penalty=options.repeat_penalty,
        max_tokens=n if n is not None and n > 0 else None, stop=stop,
    )


def response_format(fmt: wire.Format | None) -> dict[str, Any] | None:
    if fmt is None or fmt == "":
        return None
    if fmt == "json":
        return {"type": "json_object"}
    return {"type": "json_schema", "json_schema": {"name": "ollama_format", "schema": fmt}}


def check_common(body: wire.ChatRequest | wire.GenerateRequest) -> None:
    if body.think not in (None, False):
        raise invalid("think: this server has no thinking (reasoning) output", "think")
    check_keep_alive(body.keep_alive)


def check_keep_alive(keep_alive: wire.KeepAlive | None) -> None:
    if keep_alive is not None:
        seconds = wire.keep_alive_seconds(keep_alive)
        if seconds is None:
            raise invalid("keep_alive must be seconds or a duration such as '5m'", "keep_alive")
        if seconds == 0:
            # Any other value is honoured: models stay loaded for the server's lifetime.
            raise invalid("keep_alive 0 (unload now) is not supported: models stay loaded while the server "
                          "runs", "keep_alive")


def _media_type(data: bytes) -> str:
    for magic, media in ((b"\x89PNG", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif")):
        if data.startswith(magic):
            return media
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def image_parts(images: list[str], param: str) -> list[dict[str, Any]]:
    """Ollama sends images as bare base64; the gateway speaks OpenAI content parts (data URLs), which
    a vision-capable upstream accepts and a text-only model refuses by name."""
    parts = []
    for i, b64 in enumerate(images):
        try:
            head = base64.b64decode(b64[:24] + "=" * (-len(b64[:24]) % 4), validate=True)
        except (binascii.Error, ValueError) as e:
            raise invalid(f"{param}.{i} is not base64", f"{param}.{i}") from e
        parts.append({"type": "image_url", "image_url": {"url": f"data:{_media_type(head)};base64,{b64}"}})
    return parts


def user_content(text: str, images: list[str] | None, param: str) -> str | list[dict[str, Any]]:
    if not images:
        return text
    return [{"type": "text", "text": text}, *image_parts(images, param)]


def _assistant_calls(m: wire.Message, i: int) -> list[dict[str, Any]]:
    """Ollama's calls carry arguments as an object and often no id; OpenAI's need both as strings."""
    calls = []
    for k, call in enumerate(m.tool_calls or []):
        fn = call.get("function")
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            raise invalid("a tool call needs function.name", f"messages.{i}.tool_calls.{k}")
        args = fn.get("arguments") or {}
        calls.append({"id": call.get("id") or f"call_{i}_{k}", "type": "function", "function": {
            "name": fn["name"], "arguments": args if isinstance(args, str) else json.dumps(args, ensure_ascii=False)}})
    return calls


def chat_messages(messages: list[wire.Message]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    unanswered: list[dict[str, Any]] = []  # earlier calls, matched to tool messages by name (Ollama has no ids)
    for i, m in enumerate(messages):
        if m.thinking:
            raise invalid("this server has no thinking (reasoning) output to send back", f"messages.{i}.thinking")
        if m.role == "tool":
            call = next((c for c in unanswered if m.tool_name in (None, c["function"]["name"])), None)
            if call is None:
                raise invalid("a tool message must answer an earlier assistant tool call", f"messages.{i}")
            unanswered.remove(call)
            out.append({"role": "tool", "tool_call_id": call["id"], "content": m.content})
            continue
        if m.tool_name:
            raise invalid("tool_name belongs on tool messages", f"messages.{i}.tool_name")
        msg: dict[str, Any] = {"role": m.role, "content": user_content(m.content, m.images, f"messages.{i}.images")}
        if m.tool_calls:
            if m.role != "assistant":
                raise invalid("tool_calls belong on assistant messages", f"messages.{i}.tool_calls")
            msg["tool_calls"] = _assistant_calls(m, i)
            unanswered.extend(msg["tool_calls"])
        out.append(msg)
    return out


def tool_calls_out(calls: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Tool calls as Ollama answers them: arguments as a JSON object."""
    out = []
    for k, call in enumerate(calls):
        try:
            arguments = json.loads(call["arguments"] or "{}")
        except json.JSONDecodeError as e:  # an upstream's malformed call: say so rather than invent one
            raise KakehashiError(f"tool call {call['name']!r} has arguments that are not JSON") from e
        out.append({"id": call["id"], "function": {"index": k, "name": call["name"], "arguments": arguments}})
    return out


def _typed(value: str) -> int | float | str:
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def gguf_model_info(engine: object, *, verbose: bool = False) -> dict[str, Any]:
    """An embedded model's GGUF metadata (general.architecture, <arch>.context_length, ...), which
    Ollama's clients read from /api/show. As in Ollama, the tokenizer's entries only when verbose."""
    metadata = getattr(getattr(engine, "model", None), "metadata", None)
    if not isinstance(metadata, dict):
        return {}
    return {k: _typed(v) for k, v in metadata.items() if verbose or not k.startswith("tokenizer.")}


# ---------------------------------------------------------------------------- streaming
class NdjsonEncoder:
    """One JSON object per line; the last one has done=true, the durations and the token counts."""

    def __init__(self, reply: Reply, part: Callable[[str], dict[str, Any]]) -> None:
        self.reply = reply
        self.part = part
        self.first_text_at: float | None = None
        self.calls: dict[int, dict[str, str]] = {}

    def start(self) -> bytes:
        return b""

    def text(self, text: str) -> bytes:
        if self.first_text_at is None:
            self.first_text_at = time.perf_counter()
        return orjson.dumps(self.part(text)) + b"\n"

    def end(self, finished: Finished) -> bytes:
        out = b""
        if self.calls:
            part = self.part("")
            part["message"]["tool_calls"] = tool_calls_out([self.calls[i] for i in sorted(self.calls)])
            out = orjson.dumps(part) + b"\n"
        return out + orjson.dumps(self.final("", finished)) + b"\n"

    def final(self, text: str, finished: Finished, calls: list[dict[str, str]] | None = None) -> dict[str, Any]:
        now = time.perf_counter()
        first = self.first_text_at or self.reply.first_event_at or now
        stats = wire.stats(
            total_ns=int((now - self.reply.started_at) * 1e9), prompt_ns=int((first - self.reply.started_at) * 1e9),
            eval_ns=int((now - first) * 1e9), prompt_tokens=finished.usage.prompt_tokens,
            completion_tokens=finished.usage.completion_tokens,
        )
        part = self.part(text)
        if calls:
            part["message"]["tool_calls"] = tool_calls_out(calls)
        # Ollama says "stop" after a tool call too.
        return wire.final(part, "length" if finished.reason == "length" else "stop", stats)

    def tool_call(self, delta: ToolCallDelta) -> bytes:
        """Ollama sends each tool call whole: gather its pieces, write it before the last line."""
        if self.first_text_at is None:
            self.first_text_at = time.perf_counter()
        call = self.calls.setdefault(delta.call_index, {"id": "", "name": "", "arguments": ""})
        call["id"] = delta.id or call["id"]
        call["name"] += delta.name or ""
        call["arguments"] += delta.arguments
        return b""

    def error(self, exc: KakehashiError) -> bytes:
        return orjson.dumps(wire.error_body(exc.message)) + b"\n"


def embedding_request(body: wire.EmbedRequest, legacy: bool, api_key_id: str | None) -> EmbeddingRequest:
    """/api/embed or /api/embeddings onto the same domain request as /v1/embeddings."""
    if body.options:
        raise invalid(f"options.{next(iter(body.options))}: embedding models take no options", "options")
    check_keep_alive(body.keep_alive)
    if legacy:  # /api/embeddings: one `prompt`
        if body.input is not None:
            raise invalid("input: /api/embeddings takes `prompt` (use /api/embed for `input`)", "input")
        if body.prompt is None:
            raise invalid("prompt is required", "prompt")
        texts = [body.prompt]
    else:
        if body.prompt is not None:
            raise invalid("prompt: /api/embed takes `input` (a string or a list of strings)", "prompt")
        if body.input is None:
            raise invalid("input is required", "input")
        texts = [body.input] if isinstance(body.input, str) else list(body.input)
        if not texts:
            raise invalid("input must not be empty", "input")
    # truncate (Ollama's default true) is not honoured by cutting text: an input longer than the
    # model's context is a 400 (context_length_exceeded) either way, never a silently shortened vector.
    return EmbeddingRequest(model=body.model, texts=texts, dimensions=body.dimensions, api_key_id=api_key_id)


def build_router(
    gateway: GatewayClient, metrics: Metrics, is_ready: Callable[[], bool], loaded: Callable[[], Mapping[str, object]],
    embeddings: EmbeddingService | None = None,
) -> APIRouter:
    """`loaded`: the in-process engines by model name (what /api/ps reports as running)."""
    router = APIRouter(route_class=dialect_route(render_error, body_is_json=True), tags=["Ollama API"])
    check_ready = streaming.readiness_check(is_ready)
    started = wire.timestamp()

    def known_models() -> dict[str, str]:
        return dict(gateway.models())

    def resolve(name: str) -> str:
        """Ollama clients often add the default tag: 'name:latest' means 'name' when only that exists."""
        known = known_models()
        if name not in known and name.endswith(":latest") and name.removesuffix(":latest") in known:
            return name.removesuffix(":latest")
        return name

    def require_known(name: str) -> str:
        name = resolve(name)
        if name not in known_models():
            raise ModelNotFound(f"model '{name}' not found", param="model")
        return name

    async def answer(
        request: Request, reply: Reply, stream: bool, part: Callable[[str], dict[str, Any]]
    ) -> Response:
        headers = reply.headers()
        encoder = NdjsonEncoder(reply, part)
        if stream:
            return StreamingResponse(streaming.encode_stream(reply, encoder, metrics), media_type=NDJSON,
                                     headers=headers)
        try:
            result = await streaming.collect_body(request, reply, metrics, streaming.collect_with_tools)
            if result is None:
                return Response(status_code=499)
            text, calls, finished = result
            body = encoder.final(text, finished, calls)
        except KakehashiError as exc:
            return render_error(ApiError.of(exc, headers))
        return Response(orjson.dumps(body), media_type="application/json", headers=headers)

    def loaded_answer(model: str, part: Callable[[str, str], dict[str, Any]]) -> JSONResponse:
        """No prompt: Ollama loads the model and says so. Here it is loaded already (or unknown: 404)."""
        return JSONResponse({**part(require_known(model), ""), "done": True, "done_reason": "load"})

    @router.post("/api/chat")
    async def chat(body: wire.ChatRequest, request: Request) -> Response:
        check_ready()
        check_common(body)
        for i, tool in enumerate(body.tools or []):
            if tool.get("type") != "function" or not isinstance(tool.get("function"), dict):
                raise invalid("tools must be {type: function, function: {name, parameters}}", f"tools.{i}")
        model = resolve(body.model)
        api_key_id, request_id = streaming.caller(request, model)
        if not body.messages:
            return loaded_answer(model, wire.chat_part)
        req = ChatRequest(
            model=model, messages=chat_messages(body.messages), sampling=sampling(body.options),
            stream=body.stream, response_format=response_format(body.format), tools=body.tools or None,
            api_key_id=api_key_id, request_id=request_id,
        )
        reply = await gateway.chat(req)
        streaming.started(request, reply)
        return await answer(request, reply, body.stream, lambda t: wire.chat_part(reply.model, t))

    @router.post("/api/generate")
    async def generate(body: wire.GenerateRequest, request: Request) -> Response:
        check_ready()
        check_common(body)
        for name in ("suffix", "template", "context"):
            if getattr(body, name) is not None:
                raise invalid(f"{name} is not supported", name)
        model = resolve(body.model)
        if not body.prompt and not body.images:
            return loaded_answer(model, wire.generate_part)
        api_key_id, request_id = streaming.caller(request, model)
        if body.raw:
            for name in ("system", "images", "format"):
                if getattr(body, name):
                    raise invalid(f"{name} cannot be combined with raw: the prompt is sent as it is", name)
            reply = await gateway.complete(CompletionRequest(
                model=model, prompt=body.prompt, sampling=sampling(body.options), stream=body.stream,
                api_key_id=api_key_id, request_id=request_id,
            ))
        else:
            messages: list[dict[str, Any]] = [{"role": "system", "content": body.system}] if body.system else []
            messages.append({"role": "user", "content": user_content(body.prompt, body.images, "images")})
            reply = await gateway.chat(ChatRequest(
                model=model, messages=messages, sampling=sampling(body.options), stream=body.stream,
                response_format=response_format(body.format), api_key_id=api_key_id, request_id=request_id,
            ))
        streaming.started(request, reply)
        return await answer(request, reply, body.stream, lambda t: wire.generate_part(reply.model, t))

    @router.get("/api/tags")
    async def tags() -> JSONResponse:
        local = loaded()
        return JSONResponse({"models": [
            wire.model_entry(name, started, {"format": "gguf"} if name in local else {})
            for name in known_models()
        ]})

    @router.post("/api/show")
    async def show(body: wire.ShowRequest) -> JSONResponse:
        name = body.model or body.name
        if not name:
            raise invalid("model is required", "model")
        name = require_known(name)
        engine = loaded().get(name)
        info = gguf_model_info(engine, verbose=body.verbose) if engine is not None else {}
        details: dict[str, Any] = {"format": "gguf"} if engine is not None else {}
        if "general.architecture" in info:
            details["family"] = info["general.architecture"]
        return JSONResponse({
            "details": details,
            "model_info": info,
            "capabilities": ["completion"],
            "modified_at": started,
        })

    @router.get("/api/ps")
    async def ps() -> JSONResponse:
        models = []
        for name, engine in loaded().items():
            entry = wire.model_entry(name, started, {"format": "gguf"})
            ctx = getattr(engine, "n_ctx_per_seq", None)
            if ctx is not None:
                entry["context_length"] = ctx
            models.append(entry)
        return JSONResponse({"models": models})

    @router.get("/api/version")
    async def version() -> JSONResponse:
        return JSONResponse({"version": __version__})

    async def run_embed(body: wire.EmbedRequest, request: Request, legacy: bool) -> Response:
        check_ready()
        if embeddings is None:
            raise ModelNotFound(f"model '{body.model}' not found (no embedding model is served)", param="model")
        body.model = resolve_embedding(body.model)
        started_at = time.perf_counter()
        req = embedding_request(body, legacy, getattr(request.state, "api_key_id", None))
        result, headers = await embeddings.embed(req)
        if result.upstream_body is not None:  # an upstream's OpenAI-shaped answer
            rows = sorted(result.upstream_body.get("data", []), key=lambda d: d.get("index", 0))
            vectors = [list(map(float, d["embedding"])) for d in rows]
        else:
            vectors = result.vectors.tolist()
        elapsed_ns = int((time.perf_counter() - started_at) * 1e9)
        if legacy:
            out: dict[str, Any] = {"embedding": vectors[0]}
        else:
            out = {"model": result.model, "embeddings": vectors, "total_duration": elapsed_ns,
                   "load_duration": 0, "prompt_eval_count": result.prompt_tokens}
        return Response(orjson.dumps(out), media_type="application/json", headers=headers)

    def resolve_embedding(name: str) -> str:
        known = embeddings.embedding_models() if embeddings is not None else set()
        if name not in known and name.endswith(":latest") and name.removesuffix(":latest") in known:
            return name.removesuffix(":latest")
        return name

    @router.post("/api/embed")
    async def embed(body: wire.EmbedRequest, request: Request) -> Response:
        return await run_embed(body, request, legacy=False)

    @router.post("/api/embeddings")
    async def embeddings_legacy(body: wire.EmbedRequest, request: Request) -> Response:
        return await run_embed(body, request, legacy=True)

    return router
