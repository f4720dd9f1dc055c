"""The grammar processor on the bundled model's real vocabulary: the masks it puts on the logits let
exactly a schema's documents through, token by token, then only end-of-generation tokens."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import mlx.core as mx
import numpy as np
import pytest

from kakehashi.backends.local import _grammar_for_tools, grammar_for_response_format
from kakehashi.engine import tool_calls
from kakehashi.engine_mlx.constraint import GrammarCompiler
from kakehashi.engine_mlx.tokenizer import GgufTokenizer
from kakehashi.errors import InvalidRequest

SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}, "ok": {"type": "boolean"}},
          "required": ["n", "ok"], "additionalProperties": False}


@pytest.fixture(scope="module")
def tokenizer(gguf: Path) -> Iterator[GgufTokenizer]:
    tok = GgufTokenizer(gguf)
    yield tok
    tok.close()


@pytest.fixture(scope="module")
def compiler(tokenizer: GgufTokenizer) -> GrammarCompiler:
    return GrammarCompiler(tokenizer, 49152)


def allowed(processor: object, context: list[int]) -> np.ndarray:
    out = processor(mx.array(context), mx.zeros((1, 49152)))  # type: ignore[operator]
    return np.array(out[0]) == 0  # masked logits are -inf


def compact(value: object) -> str:
    """JSON as a schema grammar writes it: no space between tokens (schema_grammar.py)."""
    return json.dumps(value, separators=(",", ":"))


def walk(compiler: GrammarCompiler, tokenizer: GgufTokenizer, text: str) -> tuple[bool, np.ndarray]:
    """Feed text's tokens as if sampled: (all were allowed, the mask after the last one)."""
    return _walk(compiler, tokenizer, grammar_for_response_format(
        {"type": "json_schema", "json_schema": {"name": "x", "schema": SCHEMA}}) or "", text)


def walk_grammar(compiler: GrammarCompiler, tokenizer: GgufTokenizer, grammar: str, text: str) -> bool:
    """Whether the whole text passes the masks and the document may end after it."""
    ok, last = _walk(compiler, tokenizer, grammar, text)
    return ok and bool(tokenizer.eog_ids & {int(t) for t in np.nonzero(last)[0]})


def _walk(compiler: GrammarCompiler, tokenizer: GgufTokenizer, grammar: str, text: str) -> tuple[bool, np.ndarray]:
    processor = compiler.processor(grammar)
    context = [1, 2, 3]  # a prompt; its last token is not consumed
    ok = True
    for token in tokenizer.tokenize(text):
        mask = allowed(processor, context)
        ok = ok and bool(mask[token])
        context.append(token)
    return ok, allowed(processor, context)


def test_a_valid_document_passes_then_only_eog(compiler: GrammarCompiler, tokenizer: GgufTokenizer) -> None:
    ok, last = walk(compiler, tokenizer, compact({"n": 42, "ok": True}))
    assert ok
    after = {int(t) for t in np.nonzero(last)[0]}
    assert tokenizer.eog_ids & after  # the document may end here
    assert after <= tokenizer.eog_ids  # nothing else, not even a space: the grammar writes compact JSON


def test_integer_bounds_are_masked(compiler: GrammarCompiler, tokenizer: GgufTokenizer) -> None:
    """The hand-written integer ranges (engine/numeric_range.py) through llguidance's GBNF -> Lark path."""
    schema = {"type": "object", "properties": {"n": {"type": "integer", "minimum": -12, "maximum": 107}},
              "required": ["n"], "additionalProperties": False}
    grammar = grammar_for_response_format({"type": "json_schema", "json_schema": {"name": "n", "schema": schema}})
    accepted = [n for n in range(-30, 130) if walk_grammar(compiler, tokenizer, grammar or "", compact({"n": n}))]
    assert accepted == list(range(-12, 108))


def test_number_bounds_are_masked(compiler: GrammarCompiler, tokenizer: GgufTokenizer) -> None:
    schema = {"type": "object", "properties": {"p": {"type": "number", "minimum": 0, "exclusiveMaximum": 1}},
              "required": ["p"], "additionalProperties": False}
    grammar = grammar_for_response_format({"type": "json_schema", "json_schema": {"name": "p", "schema": schema}})
    for text, inside in (("0", True), ("0.25", True), ("0.999", True), ("1", False), ("1.5", False), ("-0.1", False)):
        assert walk_grammar(compiler, tokenizer, grammar or "", '{"p":' + text + "}") == inside, text


def test_an_invalid_document_is_masked(compiler: GrammarCompiler, tokenizer: GgufTokenizer) -> None:
    assert not walk(compiler, tokenizer, compact({"n": "forty", "ok": True}))[0]
    assert not walk(compiler, tokenizer, "Sure! " + compact({"n": 1, "ok": False}))[0]


def test_an_unusable_grammar_is_a_400(compiler: GrammarCompiler) -> None:
    with pytest.raises(InvalidRequest, match="grammar"):
        compiler.processor('root ::= undefined-rule "x"')


RICH = {"type": "object", "required": ["a"], "properties": {
    "a": {"type": "string", "pattern": "^[a-z]{2,5}$"},
    "b": {"type": "array", "items": {"type": "number"}, "minItems": 1, "maxItems": 3},
    "c": {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": -5, "maximum": 5}]},
    "d": {"type": "object", "properties": {"x": {"const": "k"}}}, "e": {"type": "string", "format": "date"}}}
TOOLS = [{"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
         {"type": "function", "function": {"name": "add", "parameters": {
             "type": "object", "properties": {"a": {"type": "integer"}}}}}]


@pytest.mark.parametrize("grammar", [
    pytest.param(lambda: grammar_for_response_format({"type": "json_object"}), id="json_object"),
    pytest.param(lambda: grammar_for_response_format(
        {"type": "json_schema", "json_schema": {"name": "r", "schema": RICH}}), id="json_schema"),
    pytest.param(lambda: _grammar_for_tools(tool_calls.tool_spec(TOOLS, "required", False)), id="tools-required"),
    pytest.param(lambda: _grammar_for_tools(tool_calls.tool_spec(TOOLS, "auto", True)), id="tools-auto-parallel"),
])
def test_every_grammar_the_backend_makes_compiles(compiler: GrammarCompiler, grammar: object) -> None:
    assert compiler.processor(grammar())  # type: ignore[operator]


def test_bounded_repetitions_fold_into_lark_ranges() -> None:
    from kakehashi.engine_mlx.constraint import fold_nested_optionals

    assert fold_nested_optionals('S: "a" (C (C (C C?)?)?)? "b"') == 'S: "a" C{0,4} "b"'
    assert fold_nested_optionals("T: (C D?)?") == "T: (C D?)?"  # not a repetition: left alone
