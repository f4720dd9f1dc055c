"""A minimal client for any OpenAI-compatible /v1/chat/completions that returns schema-constrained JSON.

The pipeline uses kakehashi the way its users do, over the OpenAI wire format: against a running
server (`--base-url`) or against the embedded engine in-process (`kakehashi.api.inprocess`).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import httpx

from kakehashi.errors import BackendError, InvalidRequest
from kakehashi.pipelines.errors import MalformedAnswer
from kakehashi.protocol.http import parse_retry_after

T = TypeVar("T")
TokenCallback = Callable[[int], None]

DEFAULT_REQUEST_TIMEOUT_S = 1800.0  # a busy 2-core box with 8 chunks in flight has taken over 10 minutes
_RETRYABLE_STATUSES = (429, 503)
_MAX_BUSY_RETRIES = 3
# Temperature for the second attempt after a malformed answer: at temperature 0 the same prompt
# would produce the same broken answer again, so the retry samples a little.
_RETRY_TEMPERATURE = 0.6
# Greedy decoding makes small models loop ("1. 1. 1. 1. ..." until the length limit); a mild
# frequency penalty (OpenAI's standard field, honoured by llama.cpp, vLLM and the clouds) breaks it.
_FREQUENCY_PENALTY = 0.5


@dataclass(slots=True)
class LLMStats:
    requests: int = 0  # chat completions the server answered (busy or refused attempts do not count)
    malformed_retries: int = 0
    salvaged: int = 0  # answers cut at max_tokens whose complete part was kept instead of retried
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ChatClient:
    """Sends chat completions with `response_format: json_schema` and parses what comes back."""

    def __init__(self, http: httpx.AsyncClient, *, model: str, seed: int = 0) -> None:
        self.http = http
        self.model = model
        self.seed = seed
        self.stats = LLMStats()
        self._schema_style: Literal["json_schema", "json_object"] = "json_schema"

    def _response_format(self, schema: dict[str, Any], schema_name: str) -> dict[str, Any]:
        if self._schema_style == "json_object":
            return {"type": "json_object", "schema": schema}
        return {"type": "json_schema", "json_schema": {"name": schema_name, "schema": schema, "strict": True}}

    async def structured(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any],
        schema_name: str,
        parse: Callable[[str], T],
        max_tokens: int,
        on_tokens: TokenCallback | None = None,
        salvage: Callable[[str], T] | None = None,
    ) -> T:
        """`parse(content)` of the model's answer; one retry when it raises MalformedAnswer.

        `salvage(content)`: for an answer cut at max_tokens, what it holds so far (raising
        MalformedAnswer when that is not enough). The retry would most likely be cut as well: the
        same prompt with the same bounds, and a sampled answer is rarely shorter.

        `on_tokens(n)`: called as the answer streams in (n new tokens), so a caller can show progress
        inside one long answer; without it the answer comes back in one JSON body.
        """
        content, finish_reason = await self._complete(
            messages, schema=schema, schema_name=schema_name, max_tokens=max_tokens, on_tokens=on_tokens
        )
        try:
            return parse(content)
        except MalformedAnswer:
            pass
        if finish_reason == "length" and salvage is not None:
            try:
                kept = salvage(content)
            except MalformedAnswer:
                pass
            else:
                self.stats.salvaged += 1
                return kept
        self.stats.malformed_retries += 1
        content, finish_reason = await self._complete(
            messages,
            schema=schema,
            schema_name=schema_name,
            max_tokens=max_tokens,
            temperature=_RETRY_TEMPERATURE,
            seed=self.seed + 1,
            on_tokens=on_tokens,
        )
        try:
            return parse(content)
        except MalformedAnswer as exc:
            if finish_reason == "length":
                raise MalformedAnswer(
                    f"answer cut at max_tokens={max_tokens} before its JSON ended "
                    "(raise --max-tokens, or lower --chunk-chars or --max-facts)",
                    code="answer_truncated",
                ) from exc
            raise

    async def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any],
        schema_name: str,
        max_tokens: int,
        temperature: float = 0.0,
        seed: int | None = None,
    ) -> str:
        content, _ = await self._complete(
            messages, schema=schema, schema_name=schema_name, max_tokens=max_tokens,
            temperature=temperature, seed=seed,
        )  # fmt: skip
        return content

    async def _complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any],
        schema_name: str,
        max_tokens: int,
        temperature: float = 0.0,
        seed: int | None = None,
        on_tokens: TokenCallback | None = None,
    ) -> tuple[str, str | None]:
        """(content, finish_reason) of one chat completion."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": temperature,
            "seed": self.seed if seed is None else seed,
            "max_tokens": max_tokens,
            "frequency_penalty": _FREQUENCY_PENALTY,
            "response_format": self._response_format(schema, schema_name),
        }
        if on_tokens is not None:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        path = _api_path(self.http, "chat/completions")
        style = self._schema_style
        try:
            payload = await self._post_json(path, body, on_tokens)
        except BackendError as exc:
            if not (style == "json_schema" and _rejects_json_schema(exc)):
                raise
            # Some servers (llama-cpp-python's among them) only take a schema inside json_object.
            self._schema_style = "json_object"
            body["response_format"] = self._response_format(schema, schema_name)
            payload = await self._post_json(path, body, on_tokens)
        self._count_usage(payload.get("usage"))
        try:
            choice = payload["choices"][0]
            content = choice["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise MalformedAnswer(
                f"the server's reply has no message content: {str(payload)[:200]}"
            ) from None
        if not isinstance(content, str):
            raise MalformedAnswer("the server's reply has no message content")
        finish_reason = choice.get("finish_reason") if isinstance(choice, dict) else None
        return content, finish_reason if isinstance(finish_reason, str) else None

    async def _post_json(
        self, path: str, body: dict[str, Any], on_tokens: TokenCallback | None = None
    ) -> dict[str, Any]:
        """The reply as a chat.completion object; a streamed (SSE) reply is assembled into one."""
        for attempt in range(_MAX_BUSY_RETRIES + 1):
            try:
                async with self.http.stream("POST", path, json=body) as response:
                    busy = response.status_code in _RETRYABLE_STATUSES and attempt < _MAX_BUSY_RETRIES
                    if busy or response.status_code != 200:
                        await response.aread()
                    if not busy:
                        return await self._reply(response, on_tokens)
            except httpx.HTTPError as exc:
                raise BackendError(f"{self.http.base_url}: {type(exc).__name__}: {exc}") from exc
            await asyncio.sleep(_retry_after(response, attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _reply(self, response: httpx.Response, on_tokens: TokenCallback | None) -> dict[str, Any]:
        if response.status_code != 200:
            raise BackendError(
                f"chat completion failed: HTTP {response.status_code}: {response.text[:300]}",
                upstream_status=response.status_code,
            )
        self.stats.requests += 1
        if response.headers.get("content-type", "").startswith("text/event-stream"):
            return await _assemble_stream(response, on_tokens)
        await response.aread()  # a server that ignores "stream" answers with one JSON body
        try:
            payload = response.json()
        except ValueError:
            raise MalformedAnswer(f"the server's reply is not JSON: {response.text[:200]!r}") from None
        if not isinstance(payload, dict):
            raise MalformedAnswer("the server's reply is not a JSON object")
        return payload

    def _count_usage(self, usage: object) -> None:
        if isinstance(usage, dict):
            self.stats.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.stats.completion_tokens += int(usage.get("completion_tokens") or 0)


async def _assemble_stream(response: httpx.Response, on_tokens: TokenCallback | None) -> dict[str, Any]:
    """OpenAI's SSE chunks -> the chat.completion object the non-streamed reply would have been."""
    pieces: list[str] = []
    finish_reason: str | None = None
    usage: object = None
    async for line in response.aiter_lines():
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            break
        try:
            event = json.loads(data)
        except ValueError:
            raise MalformedAnswer(f"the server's stream sent a line that is not JSON: {data[:200]!r}") from None
        if not isinstance(event, dict):
            continue
        if isinstance(event.get("error"), dict):
            raise BackendError(f"the server failed mid-answer: {event['error'].get('message', event['error'])}")
        usage = event.get("usage") or usage
        for choice in event.get("choices") or []:
            delta = choice.get("delta") or {}
            if delta.get("content"):
                pieces.append(delta["content"])
                if on_tokens is not None:
                    on_tokens(1)  # one chunk per token from llama.cpp-based servers; close enough elsewhere
            finish_reason = choice.get("finish_reason") or finish_reason
    message = {"role": "assistant", "content": "".join(pieces)}
    return {"choices": [{"index": 0, "message": message, "finish_reason": finish_reason}], "usage": usage}


def _rejects_json_schema(exc: BackendError) -> bool:
    """A refusal that names json_schema: the server does not know OpenAI's structured-output form.

    llama-cpp-python's server reports that request validation error as a 500, hence the 500.
    """
    return exc.upstream_status in (400, 422, 500) and "json_schema" in exc.message


def _retry_after(response: httpx.Response, attempt: int) -> float:
    wait = parse_retry_after(response.headers)
    if wait is None:
        return 0.5 * 2.0**attempt
    return min(wait, 30.0)  # capped: one busy answer should not stall the whole run


def _api_path(http: httpx.AsyncClient, endpoint: str) -> str:
    """`endpoint` relative to the client's base URL, which may or may not already end in /v1."""
    if http.base_url.path.rstrip("/").endswith("/v1"):
        return endpoint
    return f"v1/{endpoint}"


async def first_model(http: httpx.AsyncClient) -> str:
    """The first model the endpoint lists: the default when --model is not given."""
    try:
        response = await http.get(_api_path(http, "models"))
        response.raise_for_status()
        models = response.json()["data"]
        return str(models[0]["id"])
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise InvalidRequest(
            f"could not list models at {http.base_url} ({exc}); pass --model", param="model"
        ) from exc


@asynccontextmanager
async def open_endpoint(
    base_url: str | None,
    *,
    api_key: str | None,
    model_path: str | None,
    slots: int = 16,  # for the in-process engine: sequences decoded together
    timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for `base_url`, or for kakehashi's embedded engine in-process when it is None."""
    if base_url is None:
        try:
            # Provided by the API layer; imported lazily so --base-url runs never load the engine.
            from kakehashi.api.inprocess import local_client  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError as exc:
            raise InvalidRequest(
                f"the embedded engine is not available ({exc}); pass --base-url of a running server",
                param="base_url",
            ) from exc
        async with local_client(model_path, slots=slots) as client:
            client.timeout = httpx.Timeout(timeout_s)
            yield client
        return
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    async with httpx.AsyncClient(
        base_url=base_url,
        headers=headers,
        timeout=httpx.Timeout(timeout_s, connect=10.0),
        # One connection per request in flight, so --concurrency really reaches the server.
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=64),
    ) as client:
        yield client
