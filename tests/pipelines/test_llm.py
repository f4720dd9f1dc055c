"""The chat client against a scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from kakehashi.errors import BackendError, InvalidRequest
from kakehashi.pipelines.errors import MalformedAnswer
from kakehashi.pipelines.llm import ChatClient, first_model
from kakehashi.pipelines.schema import parse_extraction, parse_keywords, parse_truncated_extraction

from .conftest import ScriptedLLM, chat_reply, error_reply

SCHEMA = {"type": "object", "properties": {"keywords": {"type": "array", "items": {"type": "string"}}}}
MESSAGES = [{"role": "user", "content": "keywords for: 富士山の標高"}]


async def _ask(client: ChatClient) -> list[str]:
    answer = await client.structured(
        MESSAGES, schema=SCHEMA, schema_name="kw", parse=parse_keywords, max_tokens=32
    )
    return answer.keywords


async def test_sends_a_json_schema_response_format_and_counts_usage(scripted_llm: ScriptedLLM) -> None:
    scripted_llm.script = [chat_reply('{"keywords": ["富士山"]}', completion_tokens=5)]
    async with httpx.AsyncClient(base_url=scripted_llm.server.url("/v1")) as http:
        client = ChatClient(http, model="m")
        assert await _ask(client) == ["富士山"]

    request = scripted_llm.chat_requests[0]
    assert request["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "kw", "schema": SCHEMA, "strict": True},
    }
    assert request["model"] == "m" and request["temperature"] == 0.0 and request["max_tokens"] == 32
    assert (client.stats.requests, client.stats.completion_tokens, client.stats.prompt_tokens) == (1, 5, 11)


async def test_a_malformed_answer_is_retried_once_with_sampling(scripted_llm: ScriptedLLM) -> None:
    scripted_llm.script = [chat_reply('{"keywords": ["cut'), chat_reply('{"keywords": ["ok"]}')]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:  # no /v1: added
        client = ChatClient(http, model="m")
        assert await _ask(client) == ["ok"]

    assert client.stats.requests == 2 and client.stats.malformed_retries == 1
    assert scripted_llm.chat_requests[1]["temperature"] > 0
    assert scripted_llm.chat_requests[1]["seed"] != scripted_llm.chat_requests[0]["seed"]


async def test_two_malformed_answers_raise(scripted_llm: ScriptedLLM) -> None:
    scripted_llm.script = [chat_reply("not json")]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        client = ChatClient(http, model="m")
        with pytest.raises(MalformedAnswer):
            await _ask(client)
    assert client.stats.requests == 2


CUT = '{"answers":[{"answer":"1642","answerable":true}],"facts":[{"fact":"Port 7 was founded in 1642.","how":"by'


async def _extract(client: ChatClient) -> list[str]:
    answer = await client.structured(
        MESSAGES, schema=SCHEMA, schema_name="chunk", max_tokens=32,
        parse=lambda content: parse_extraction(content, 1, 2),
        salvage=lambda content: parse_truncated_extraction(content, 1, 2),
    )  # fmt: skip
    return [a.answer for a in answer.answers] + [f.fact for f in answer.facts]


async def test_an_answer_cut_at_max_tokens_keeps_its_complete_part_without_a_retry(
    scripted_llm: ScriptedLLM,
) -> None:
    scripted_llm.script = [chat_reply(CUT, finish_reason="length"), chat_reply("not json")]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        client = ChatClient(http, model="m")
        assert await _extract(client) == ["1642"]  # the fact being written when the answer was cut is lost

    assert (client.stats.requests, client.stats.salvaged, client.stats.malformed_retries) == (1, 1, 0)


async def test_a_cut_answer_without_complete_answers_is_retried(scripted_llm: ScriptedLLM) -> None:
    done = '{"answers":[{"answer":"1642","answerable":true}],"facts":[]}'
    scripted_llm.script = [chat_reply('{"answers":[{"answer":"16', finish_reason="length"), chat_reply(done)]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        client = ChatClient(http, model="m")
        assert await _extract(client) == ["1642"]

    assert (client.stats.requests, client.stats.salvaged, client.stats.malformed_retries) == (2, 0, 1)


async def test_falls_back_to_json_object_when_json_schema_is_refused(scripted_llm: ScriptedLLM) -> None:
    scripted_llm.script = [
        error_reply(422, "response_format.type: Input should be 'text' or 'json_object', got 'json_schema'"),
        chat_reply('{"keywords": ["a"]}'),
    ]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        client = ChatClient(http, model="m")
        assert await _ask(client) == ["a"]
        assert await _ask(client) == ["a"]  # remembered: no second refusal
        assert client.stats.requests == 2  # the refused attempt generated nothing

    formats = [request["response_format"] for request in scripted_llm.chat_requests]
    assert formats[0]["type"] == "json_schema"
    assert formats[1:] == [{"type": "json_object", "schema": SCHEMA}] * 2


async def test_busy_answers_are_retried_and_other_errors_raised(scripted_llm: ScriptedLLM) -> None:
    scripted_llm.script = [error_reply(503, "busy", {"Retry-After": "0"}), chat_reply('{"keywords": []}')]
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        client = ChatClient(http, model="m")
        assert await _ask(client) == []
        scripted_llm.script = [error_reply(400, "context length exceeded")]
        with pytest.raises(BackendError) as raised:
            await _ask(client)
    assert raised.value.upstream_status == 400


async def test_first_model_is_the_default(scripted_llm: ScriptedLLM) -> None:
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        assert await first_model(http) == "scripted-model"
    async with httpx.AsyncClient(base_url=scripted_llm.server.url("/nothing-here")) as http:
        with pytest.raises(InvalidRequest, match="--model"):
            await first_model(http)
