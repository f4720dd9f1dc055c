"""Tool calling, logprobs and n on the embedded engine, through the official `openai` client against a
real `kakehashi serve` on the real default model; and every refused field is a 400 naming it."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import jsonschema
import openai
import pytest

from kakehashi.default_model import DEFAULT_MODEL_NAME as MODEL

pytestmark = pytest.mark.slow

WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "maxLength": 24},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city"],
    "additionalProperties": False,
}
ADD = {
    "type": "object",
    "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
    "required": ["a", "b"],
    "additionalProperties": False,
}
TOOLS: list[Any] = [
    {"type": "function", "function": {"name": "get_weather", "description": "Current weather in a city",
                                      "parameters": WEATHER}},
    {"type": "function", "function": {"name": "add", "description": "Add two integers", "parameters": ADD}},
]
SCHEMAS = {"get_weather": WEATHER, "add": ADD}
ASK = [{"role": "user", "content": "What is the weather in Paris right now?"}]


@pytest.fixture(scope="module")
def client(kakehashi_server: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{kakehashi_server}/v1", api_key="unused", timeout=180, max_retries=0)


def assert_valid(name: str, arguments: str) -> dict[str, Any]:
    args = json.loads(arguments)
    jsonschema.validate(args, SCHEMAS[name])
    return args


def collect_stream(stream: Any) -> tuple[dict[int, dict[str, Any]], str | None, str]:
    """Assemble streamed tool-call deltas the way OpenAI's clients do; checks the delta shape on the way."""
    calls: dict[int, dict[str, Any]] = {}
    finish, content = None, ""
    for chunk in stream:
        for choice in chunk.choices:
            assert choice.index == 0
            content += choice.delta.content or ""
            for d in choice.delta.tool_calls or []:
                if d.index not in calls:  # the first piece of a call: id, type and name, once
                    assert d.id and d.type == "function" and d.function.name
                    calls[d.index] = {"id": d.id, "name": d.function.name, "arguments": ""}
                else:
                    assert d.id is None and d.function.name is None
                calls[d.index]["arguments"] += d.function.arguments or ""
            finish = choice.finish_reason or finish
    return calls, finish, content


@pytest.mark.parametrize("stream", [False, True])
def test_required_tool_call_is_schema_valid(client: openai.OpenAI, stream: bool) -> None:
    kw: dict[str, Any] = {"model": MODEL, "messages": ASK, "tools": TOOLS, "tool_choice": "required",
                              "parallel_tool_calls": False, "max_tokens": 120, "temperature": 0}
    if stream:
        calls, finish, content = collect_stream(client.chat.completions.create(stream=True, **kw))
        assert content == ""
        found = [(c["name"], c["arguments"]) for c in calls.values()]
    else:
        r = client.chat.completions.create(**kw)
        finish = r.choices[0].finish_reason
        assert r.choices[0].message.content is None
        tool_calls = r.choices[0].message.tool_calls or []
        assert all(c.id.startswith("call_") and c.type == "function" for c in tool_calls)
        found = [(c.function.name, c.function.arguments) for c in tool_calls]
    assert finish == "tool_calls"
    assert len(found) == 1
    assert_valid(*found[0])


@pytest.mark.parametrize("stream", [False, True])
def test_named_tool_is_called_even_when_off_topic(client: openai.OpenAI, stream: bool) -> None:
    kw: dict[str, Any] = {
        "model": MODEL, "messages": ASK, "tools": TOOLS, "max_tokens": 120, "temperature": 0,
        "tool_choice": {"type": "function", "function": {"name": "add"}},
    }
    if stream:
        calls, finish, _ = collect_stream(client.chat.completions.create(stream=True, **kw))
        found = [(c["name"], c["arguments"]) for c in calls.values()]
    else:
        r = client.chat.completions.create(**kw)
        finish = r.choices[0].finish_reason
        found = [(c.function.name, c.function.arguments) for c in r.choices[0].message.tool_calls or []]
    assert finish == "tool_calls" and len(found) == 1 and found[0][0] == "add"
    assert set(assert_valid(*found[0])) == {"a", "b"}


@pytest.mark.parametrize("stream", [False, True])
def test_parallel_calls_each_validate(client: openai.OpenAI, stream: bool) -> None:
    kw: dict[str, Any] = {
        "model": MODEL, "tools": TOOLS, "tool_choice": "required", "parallel_tool_calls": True, "max_tokens": 400,
        "temperature": 0, "messages": [{"role": "user", "content": "Weather in Paris and in Tokyo, please."}],
    }
    if stream:
        calls, finish, _ = collect_stream(client.chat.completions.create(stream=True, **kw))
        found = [(c["name"], c["arguments"]) for c in calls.values()]
        ids = [c["id"] for c in calls.values()]
    else:
        r = client.chat.completions.create(**kw)
        finish = r.choices[0].finish_reason
        tool_calls = r.choices[0].message.tool_calls or []
        found = [(c.function.name, c.function.arguments) for c in tool_calls]
        ids = [c.id for c in tool_calls]
    assert finish == "tool_calls"
    assert 1 <= len(found) <= 4 and len(set(ids)) == len(ids)
    for name, arguments in found:
        assert_valid(name, arguments)


def test_auto_answers_in_text_or_a_valid_call(client: openai.OpenAI) -> None:
    for question in ("Say hello to me.", "What is the weather in Paris right now?"):
        r = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": question}], tools=TOOLS, tool_choice="auto",
            max_tokens=60, temperature=0,
        )
        choice = r.choices[0]
        if choice.message.tool_calls:
            assert choice.finish_reason == "tool_calls"
            for c in choice.message.tool_calls:
                assert_valid(c.function.name, c.function.arguments)
        else:
            assert choice.message.content and "<tool_call>" not in choice.message.content


def test_agent_loop_call_result_answer(client: openai.OpenAI) -> None:
    messages: list[Any] = list(ASK)
    first = client.chat.completions.create(
        model=MODEL, messages=messages, tools=TOOLS, tool_choice="required", parallel_tool_calls=False,
        max_tokens=120, temperature=0,
    )
    message = first.choices[0].message
    assert message.tool_calls
    call = message.tool_calls[0]
    assert_valid(call.function.name, call.function.arguments)
    messages.append(message.model_dump(exclude_none=True))
    result = json.dumps({"city": "Paris", "temperature_c": 18, "sky": "cloudy"})
    messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    final = client.chat.completions.create(
        model=MODEL, messages=messages, tools=TOOLS, tool_choice="none", max_tokens=40, temperature=0
    )
    choice = final.choices[0]
    assert choice.finish_reason in ("stop", "length") and choice.message.content
    assert not choice.message.tool_calls
    # The earlier call and its result reach the prompt (rendered as text for this template).
    without = client.chat.completions.create(
        model=MODEL, messages=messages[:-2], tools=TOOLS, tool_choice="none", max_tokens=1, temperature=0
    )
    assert final.usage.prompt_tokens > without.usage.prompt_tokens + 20


def test_chat_logprobs_shape_and_greedy_top1(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(
        model=MODEL, messages=ASK, max_tokens=8, temperature=0, logprobs=True, top_logprobs=3
    )
    choice = r.choices[0]
    assert choice.logprobs is not None
    entries = choice.logprobs.content or []
    assert len(entries) == r.usage.completion_tokens or choice.finish_reason == "stop"
    assert "".join(e.token for e in entries) == choice.message.content
    for e in entries:
        assert e.logprob <= 0 and bytes(e.bytes or []).decode("utf-8", "replace") == e.token
        assert len(e.top_logprobs) == 3
        values = [t.logprob for t in e.top_logprobs]
        assert values == sorted(values, reverse=True)
        # Greedy decoding picks the most likely token of the raw distribution.
        assert e.top_logprobs[0].token == e.token and e.top_logprobs[0].logprob == pytest.approx(e.logprob)


def test_chat_logprobs_streamed_match_text(client: openai.OpenAI) -> None:
    text, tokens = "", []
    for chunk in client.chat.completions.create(
        model=MODEL, messages=ASK, max_tokens=8, temperature=0, logprobs=True, stream=True
    ):
        for choice in chunk.choices:
            text += choice.delta.content or ""
            if choice.logprobs and choice.logprobs.content:
                tokens += [e.token for e in choice.logprobs.content]
                assert all(e.top_logprobs == [] for e in choice.logprobs.content)
    assert text and "".join(tokens) == text


def test_no_logprobs_unless_asked(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model=MODEL, messages=ASK, max_tokens=4)
    assert r.choices[0].logprobs is None


def test_completions_logprobs(kakehashi_server: str) -> None:
    r = httpx.post(f"{kakehashi_server}/v1/completions", json={
        "model": MODEL, "prompt": "The capital of France is", "max_tokens": 5, "temperature": 0, "logprobs": 2,
    }, timeout=120)
    assert r.status_code == 200, r.text
    choice = r.json()["choices"][0]
    lp = choice["logprobs"]
    assert "".join(lp["tokens"]) == choice["text"]
    assert len(lp["token_logprobs"]) == len(lp["tokens"]) == len(lp["top_logprobs"]) == len(lp["text_offset"])
    assert lp["text_offset"][0] == 0
    for token, value, top in zip(lp["tokens"], lp["token_logprobs"], lp["top_logprobs"], strict=True):
        assert len(top) == 2 and max(top, key=top.get) == token and top[token] == pytest.approx(value)


def _prompt_tokens_computed(base: str) -> float:
    text = httpx.get(f"{base}/metrics", timeout=10).text
    m = re.search(rf'^kakehashi_prompt_tokens_computed_total\{{model="{re.escape(MODEL)}"\}} ([0-9.e+]+)$', text, re.MULTILINE)
    assert m, "the engine's prefill counter is missing from /metrics"
    return float(m.group(1))


@pytest.mark.parametrize("stream", [False, True])
def test_n_choices_share_one_prefill(client: openai.OpenAI, kakehashi_server: str, stream: bool) -> None:
    # A prompt no earlier request shares (the slots' prefix caches cannot serve it).
    messages = [{"role": "user", "content": f"Tell a short story about a {'red' if stream else 'blue'} kite "
                                            "that flew over the mountains of Nagano."}]
    before = _prompt_tokens_computed(kakehashi_server)
    kw: dict[str, Any] = {"model": MODEL, "messages": messages, "n": 3, "max_tokens": 12, "temperature": 1.0, "seed": 7}
    if stream:
        texts = {0: "", 1: "", 2: ""}
        finishes: dict[int, str] = {}
        usage = None
        for chunk in client.chat.completions.create(stream=True, stream_options={"include_usage": True}, **kw):
            usage = chunk.usage or usage
            for choice in chunk.choices:
                texts[choice.index] += choice.delta.content or ""
                if choice.finish_reason:
                    finishes[choice.index] = choice.finish_reason
        assert set(finishes) == {0, 1, 2}
        outputs = list(texts.values())
    else:
        r = client.chat.completions.create(**kw)
        assert [c.index for c in r.choices] == [0, 1, 2]
        outputs = [c.message.content or "" for c in r.choices]
        usage = r.usage
    computed = _prompt_tokens_computed(kakehashi_server) - before
    assert usage is not None
    assert all(outputs) and len(set(outputs)) > 1  # each choice samples with its own seed
    assert 0 < computed <= usage.prompt_tokens  # the prompt was prefilled once, not three times
    assert usage.completion_tokens <= 3 * 12


def test_n_is_bounded(kakehashi_server: str) -> None:
    r = httpx.post(f"{kakehashi_server}/v1/chat/completions",
                   json={"model": MODEL, "messages": ASK, "n": 9, "max_tokens": 2}, timeout=60)
    assert r.status_code == 400 and r.json()["error"]["param"] == "n"


# ---------------------------------------------------------------------------- refused fields
TOOL = TOOLS[0]
REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("functions", {"functions": [{"name": "f", "parameters": {}}]}, "functions"),
    ("function_call", {"function_call": "auto"}, "function_call"),
    ("audio", {"audio": {"voice": "alloy", "format": "wav"}}, "audio"),
    ("modalities", {"modalities": ["text", "audio"]}, "modalities"),
    ("prediction", {"prediction": {"type": "content", "content": "x"}}, "prediction"),
    ("reasoning_effort", {"reasoning_effort": "low"}, "reasoning_effort"),
    ("verbosity", {"verbosity": "low"}, "verbosity"),
    ("web_search_options", {"web_search_options": {}}, "web_search_options"),
    ("store", {"store": True}, "store"),
    ("metadata", {"metadata": {"k": "v"}}, "metadata"),
    ("service_tier", {"service_tier": "flex"}, "service_tier"),
    ("stream_options", {"stream": True, "stream_options": {"include_obfuscation": True}}, "stream_options"),
    ("image part", {"messages": [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]}, "messages"),
    ("audio part", {"messages": [{"role": "user", "content": [
        {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}}]}]}, "messages"),
    ("unknown field", {"frobnicate": 1}, "frobnicate"),
    ("n too large", {"n": 9}, "n"),
    ("top_logprobs > 20", {"logprobs": True, "top_logprobs": 21}, "top_logprobs"),
    ("top_logprobs without logprobs", {"top_logprobs": 2}, "top_logprobs"),
    ("logit_bias token id", {"logit_bias": {"99999999": 5}}, "logit_bias"),
    ("logit_bias key", {"logit_bias": {"hello": 5}}, "logit_bias"),
    ("unknown named tool", {"tools": [TOOL], "tool_choice": {"type": "function", "function": {"name": "nope"}}},
     "tool_choice"),
    ("tool_choice value", {"tools": [TOOL], "tool_choice": "sometimes"}, "tool_choice"),
    ("tool_choice without tools", {"tool_choice": "required"}, "tool_choice"),
    ("non-function tool", {"tools": [{"type": "custom", "custom": {"name": "x"}}]}, "tools"),
    ("bad tool name", {"tools": [{"type": "function", "function": {"name": "has space"}}]}, "tools"),
    ("unsupported schema", {"tool_choice": "required", "tools": [{"type": "function", "function": {
        "name": "f", "parameters": {"type": "object", "properties": {"x": {"$ref": "#/nowhere"}}}}}]}, "tools"),
    ("tools with json response_format", {"tools": [TOOL], "response_format": {"type": "json_object"}},
     "response_format"),
]


@pytest.mark.parametrize(("case", "fields", "param"), REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_chat_field(kakehashi_server: str, case: str, fields: dict[str, Any], param: str) -> None:
    body = {"model": MODEL, "messages": ASK, "max_tokens": 2, **fields}
    r = httpx.post(f"{kakehashi_server}/v1/chat/completions", json=body, timeout=60)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["param"] == param and error["type"] == "invalid_request_error" and error["message"]


COMPLETION_REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("suffix", {"suffix": "end"}, "suffix"),
    ("best_of", {"best_of": 3}, "best_of"),
    ("echo with logprobs", {"echo": True, "logprobs": 1}, "echo"),
    ("logprobs > 20", {"logprobs": 21}, "logprobs"),
    ("several prompts", {"prompt": ["a", "b"]}, "prompt"),
    ("unknown field", {"frobnicate": True}, "frobnicate"),
]


@pytest.mark.parametrize(("case", "fields", "param"), COMPLETION_REFUSED, ids=[c[0] for c in COMPLETION_REFUSED])
def test_refused_completion_field(kakehashi_server: str, case: str, fields: dict[str, Any], param: str) -> None:
    body = {"model": MODEL, "prompt": "Hello", "max_tokens": 2, **fields}
    r = httpx.post(f"{kakehashi_server}/v1/completions", json=body, timeout=60)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["param"] == param


def test_fields_that_change_nothing_locally_are_accepted(kakehashi_server: str) -> None:
    body = {"model": MODEL, "messages": ASK, "max_tokens": 2, "user": "u-1", "store": False,
            "service_tier": "auto", "modalities": ["text"], "prompt_cache_key": "k", "safety_identifier": "s",
            "logit_bias": {"0": -100}, "parallel_tool_calls": True}
    r = httpx.post(f"{kakehashi_server}/v1/chat/completions", json=body, timeout=60)
    assert r.status_code == 200, r.text
