"""Tool-call prompt, grammar and parser (pure logic; the grammar is also parsed by llama.cpp itself)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kakehashi.engine import tool_calls as tc
from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.engine.schema_grammar import schema_to_gbnf
from kakehashi.errors import InvalidRequest

TOOLS: list[dict[str, Any]] = [
    {"type": "function", "function": {"name": "get_weather", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
    {"type": "function", "function": {"name": "add", "parameters": {
        "type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}}}},
]


def run(parser: tc.ToolCallParser, text: str, step: int) -> list[tc.Piece]:
    pieces: list[tc.Piece] = []
    for i in range(0, len(text), step):
        pieces += parser.feed(text[i : i + step])
    return pieces + list(parser.flush())


@pytest.mark.parametrize("step", [1, 2, 3, 7, 1000])
def test_parser_streams_calls_whatever_the_chunking(step: int) -> None:
    text = (
        '\n<tool_call>\n{"name": "get_weather", "arguments": {"city": "Pa}ris", "x": {"y": [1, "}"]}} }\n'
        '</tool_call>\n<tool_call>\n{"name":"add","arguments":{"a":1,"b":2}}\n</tool_call>'
    )
    parser = tc.ToolCallParser()
    pieces = run(parser, text, step)
    starts = [p for p in pieces if isinstance(p, tc.CallStart)]
    assert [s.name for s in starts] == ["get_weather", "add"] and [s.call_index for s in starts] == [0, 1]
    args: dict[int, str] = {}
    for p in pieces:
        if isinstance(p, tc.CallArguments):
            args[p.call_index] = args.get(p.call_index, "") + p.text
    assert json.loads(args[0]) == {"city": "Pa}ris", "x": {"y": [1, "}"]}}
    assert json.loads(args[1]) == {"a": 1, "b": 2}
    assert not any(isinstance(p, tc.Text) for p in pieces) and parser.calls == 2


@pytest.mark.parametrize("step", [1, 4, 1000])
def test_parser_passes_plain_text_through(step: int) -> None:
    parser = tc.ToolCallParser()
    pieces = run(parser, "  <tool it is sunny", step)
    assert "".join(p.text for p in pieces if isinstance(p, tc.Text)) == "  <tool it is sunny"
    assert parser.calls == 0


def test_tool_spec_modes_and_refusals() -> None:
    assert tc.tool_spec(TOOLS, "none", None) is None
    assert tc.tool_spec(None, None, None) is None
    auto = tc.tool_spec(TOOLS, None, None)
    assert auto is not None and auto.mode == "auto" and auto.parallel
    named = tc.tool_spec(TOOLS, {"type": "function", "function": {"name": "add"}}, True)
    assert named is not None and named.named == "add" and not named.parallel
    required = tc.tool_spec(TOOLS, "required", False)
    assert required is not None and not required.parallel
    for tools, choice, param in [
        (TOOLS, {"type": "function", "function": {"name": "nope"}}, "tool_choice"),
        (TOOLS, "maybe", "tool_choice"),
        (None, "required", "tool_choice"),
        ([{"type": "custom"}], None, "tools"),
        ([TOOLS[0], TOOLS[0]], None, "tools"),
    ]:
        with pytest.raises(InvalidRequest) as e:
            tc.tool_spec(tools, choice, None)
        assert e.value.param == param


@pytest.mark.parametrize("choice", ["auto", "required", {"type": "function", "function": {"name": "add"}}])
def test_grammar_is_accepted_by_llama_cpp(choice: Any) -> None:
    llama_cpp = pytest.importorskip("llama_cpp")
    from kakehashi.default_model import default_model_path
    from kakehashi.engine.llama import LlamaModel

    spec = tc.tool_spec(TOOLS, choice, None)
    assert spec is not None
    grammar = tc.grammar(spec, schema_to_gbnf)
    model = LlamaModel(default_model_path())
    try:
        sampler = llama_cpp.llama_sampler_init_grammar(model._vocab, grammar.encode(), b"root")
        assert sampler
        llama_cpp.llama_sampler_free(sampler)
    finally:
        model.close()


def test_unsupported_schema_is_a_400() -> None:
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"$ref": "#/missing"}}}]
    spec = tc.tool_spec(tools, "required", None)
    assert spec is not None
    with pytest.raises(InvalidRequest) as e:
        tc.grammar(spec, schema_to_gbnf)
    assert e.value.param == "tools"


def test_template_probe_and_history_as_text() -> None:
    chatml = ChatTemplate(None)
    assert not chatml.supports_tools
    with_tools = ChatTemplate(
        "{% if tools %}TOOLS:{{ tools | tojson }}{% endif %}"
        "{% for m in messages %}{{ m['role'] }}:{{ m['content'] }}\n{% endfor %}"
    )
    assert with_tools.supports_tools
    history = tc.messages_as_text([
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "add", "arguments": '{"a": 1, "b": 2}'}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "3"},
    ])
    assert history[0]["role"] == "assistant" and '"name": "add"' in history[0]["content"]
    assert history[1]["role"] == "user" and "3" in history[1]["content"]
