"""JSON Schema -> GBNF: every assertion the grammar keeps is enforced, every one it would drop is a 400.

Acceptance is checked by llama.cpp's own grammar sampler on the default model's vocabulary (loaded
without weights, no inference): a string passes when each of its tokens is allowed in turn and
end-of-generation is allowed after the last. llguidance (the MLX engine) is checked in tests/mlx/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import llama_cpp
import pytest

from kakehashi.backends.local import _grammar_for_tools, grammar_for_response_format
from kakehashi.default_model import default_model_path
from kakehashi.engine import tool_calls
from kakehashi.engine.llama import LlamaModel, Sampler
from kakehashi.engine.numeric_range import int_range_gbnf, number_range_gbnf
from kakehashi.engine.schema_grammar import UnsupportedSchema, integer_bounds, schema_to_gbnf
from kakehashi.errors import InvalidRequest
from kakehashi.types import SamplingParams


@pytest.fixture(scope="module")
def vocab() -> Iterator[LlamaModel]:
    model = LlamaModel(default_model_path(), vocab_only=True)
    yield model
    model.close()


def accepts(vocab: LlamaModel, grammar: str, text: str) -> bool:
    sampler = Sampler(vocab, SamplingParams(grammar=grammar), default_seed=0)
    try:
        for token in vocab.tokenize(text, add_special=False):
            if not sampler._grammar_allows(token):
                return False
            llama_cpp.llama_sampler_accept(sampler._grammar, token)  # only allowed tokens: llama.cpp aborts on others
        return sampler._grammar_allows(vocab.eos_id)
    finally:
        sampler.close()


def grammar(schema: dict[str, Any]) -> str:
    return schema_to_gbnf(json.dumps(schema))


# ---------------------------------------------------------------------------- integers: enforced
@pytest.mark.parametrize(("lo", "hi"), [(3, 7), (-123, 4567), (0, None), (None, -5), (15, 15), (99, 1001),
                                        (-1000, -999), (10, 99), (5, 123456), (None, None)])
def test_integer_ranges_accept_exactly_their_numbers(vocab: LlamaModel, lo: int | None, hi: int | None) -> None:
    g = f"root ::= {int_range_gbnf(lo, hi)}"
    numbers = [*range(-1100, 1100), *range(4500, 4600), 123455, 123456, 123457, 10**15, -(10**15)]
    got = [n for n in numbers if accepts(vocab, g, str(n))]
    assert got == [n for n in numbers if (lo is None or n >= lo) and (hi is None or n <= hi)]
    assert not any(accepts(vocab, g, s) for s in ("007", "-0", "+3", "3.0", ""))  # JSON's spelling only
    assert not accepts(vocab, g, str(10**16))  # as long as the converter's own integers: 16 digits


def test_exclusive_and_fractional_bounds_round_inwards() -> None:
    assert integer_bounds({"minimum": 2.5, "maximum": 7.5}) == (3, 7)
    assert integer_bounds({"exclusiveMinimum": 2, "exclusiveMaximum": 8}) == (3, 7)
    assert integer_bounds({"exclusiveMinimum": 2.5, "exclusiveMaximum": 7.5}) == (3, 7)
    assert integer_bounds({"minimum": 0, "exclusiveMinimum": 2}) == (3, None)  # the tighter one wins
    assert integer_bounds({"minimum": 2, "exclusiveMinimum": True, "maximum": 8, "exclusiveMaximum": True}) == (3, 7)
    assert integer_bounds({"minimum": 2, "exclusiveMinimum": False}) == (2, None)  # draft 4's flag


def test_bounded_integers_inside_objects_arrays_and_unions(vocab: LlamaModel) -> None:
    g = grammar({"type": "object", "required": ["n", "xs", "u"], "properties": {
        "n": {"type": "integer", "exclusiveMinimum": 2, "maximum": 7},
        "xs": {"type": "array", "items": {"type": "integer", "minimum": -2, "maximum": 2}, "maxItems": 3},
        "u": {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 10}]}}})
    assert accepts(vocab, g, '{"n":3,"xs":[-2,0,2],"u":null}')
    assert accepts(vocab, g, '{"n":7,"xs":[],"u":12}')
    for bad in ('{"n":2,"xs":[],"u":null}', '{"n":8,"xs":[],"u":null}',
                '{"n":5,"xs":[3],"u":null}', '{"n":5,"xs":[],"u":9}'):
        assert not accepts(vocab, g, bad), bad


NUMBERS = ["0", "0.0", "0.5", "1", "1.0", "1.00", "1.5", "2", "2.0", "2.25", "3", "-0.5", "-1", "-1.0", "-1.5",
           "-2", "-2.5", "10", "-10", "0.000000000000001", "1.000000000000001"]


@pytest.mark.parametrize(("lo", "hi", "lo_ex", "hi_ex"), [
    (0, 1, False, False), (0, 1, True, True), (-1, 2, False, True), (-2, -1, True, False), (None, 0, False, True),
    (1, None, True, False), (-1, None, False, False), (None, None, False, False), (2, 2, False, False)])
def test_number_ranges_accept_exactly_their_numbers(vocab: LlamaModel, lo: int | None, hi: int | None,
                                                    lo_ex: bool, hi_ex: bool) -> None:
    g = f"root ::= {number_range_gbnf(lo, hi, lo_exclusive=lo_ex, hi_exclusive=hi_ex)}"

    def inside(x: float) -> bool:
        return ((lo is None or (x > lo if lo_ex else x >= lo)) and (hi is None or (x < hi if hi_ex else x <= hi)))

    for text in NUMBERS:
        assert accepts(vocab, g, text) == inside(float(text)), text
    assert not any(accepts(vocab, g, s) for s in ("01", "1.", ".5", "1e2", "+1", "-"))


def test_number_bounds_in_a_schema(vocab: LlamaModel) -> None:
    g = grammar({"type": "object", "properties": {"p": {"type": "number", "minimum": 0, "exclusiveMaximum": 1}},
                 "required": ["p"]})
    assert accepts(vocab, g, '{"p":0.25}') and accepts(vocab, g, '{"p":0}')
    assert not accepts(vocab, g, '{"p":1}') and not accepts(vocab, g, '{"p":-0.25}')


def test_documents_are_written_compactly(vocab: LlamaModel) -> None:
    """No space between tokens: a small model spent up to ~15% of an extraction answer's tokens on them."""
    g = grammar({"type": "object", "required": ["a", "xs"], "properties": {
        "a": {"type": "string", "maxLength": 8}, "xs": {"type": "array", "items": {"type": "boolean"}}}})
    assert accepts(vocab, g, '{"a":"x y","xs":[true,false]}')  # spaces inside strings stay
    for spaced in ('{"a": "x", "xs": []}', '{ "a":"x","xs":[]}', '{"a":"x","xs":[true, false]}',
                   '{"a":"x","xs":[] }'):
        assert not accepts(vocab, g, spaced), spaced


def test_no_integer_between_the_bounds_is_a_400() -> None:
    for schema in ({"type": "integer", "minimum": 2.2, "maximum": 2.8},
                   {"type": "integer", "exclusiveMinimum": 3, "exclusiveMaximum": 4}):
        with pytest.raises(InvalidRequest) as e:
            grammar_for_response_format(fmt(schema))
        assert e.value.param == "response_format" and "no value can match" in e.value.message


# ---------------------------------------------------------------------------- dropped keywords: a 400
def fmt(schema: object) -> dict[str, object]:
    return {"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}


REFUSED = {
    "fractional number bound": ({"type": "number", "minimum": 0, "maximum": 0.5}, "0.5"),
    "multipleOf": ({"type": "integer", "multipleOf": 5}, "'multipleOf'"),
    "pattern and maxLength": ({"type": "string", "pattern": "^a+$", "maxLength": 3}, "'maxLength'"),
    "unknown format": ({"type": "string", "format": "email"}, "'format'"),
    "format and minLength": ({"type": "string", "format": "date", "minLength": 12}, "'minLength'"),
    "array without items": ({"type": "array", "minItems": 2}, "'minItems'"),
    "uniqueItems": ({"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, "'uniqueItems'"),
    "contains": ({"type": "array", "items": {"type": "integer"}, "contains": {"const": 1}}, "'contains'"),
    "tuple of the wrong length": ({"type": "array", "prefixItems": [{"type": "integer"}], "minItems": 2},
                                  "'minItems'"),
    "items next to prefixItems": ({"type": "array", "prefixItems": [{"type": "integer"}],
                                   "items": {"type": "string"}}, "'prefixItems'"),
    "minProperties": ({"type": "object", "minProperties": 1}, "'minProperties'"),
    "patternProperties": ({"type": "object", "patternProperties": {"^x": {"type": "integer"}}},
                          "'patternProperties'"),
    "propertyNames": ({"type": "object", "properties": {}, "additionalProperties": True,
                       "propertyNames": {"maxLength": 3}}, "'propertyNames'"),
    "required without a schema": ({"type": "object", "properties": {"a": {}}, "required": ["b"]}, "'b'"),
    "not": ({"type": "integer", "not": {"const": 3}}, "'not'"),
    "if/then": ({"type": "object", "properties": {"a": {"type": "integer"}}, "if": {"required": ["a"]},
                 "then": {"required": ["b"]}}, "'if'"),
    "overlapping oneOf": ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, "oneOf"),
    "anyOf next to oneOf": ({"anyOf": [{"type": "integer"}], "oneOf": [{"type": "string"}]}, "'anyOf'"),
    "items that are any value": ({"type": "array", "items": {}}, "'items'"),
    "type list with a bound": ({"type": ["integer", "null"], "maximum": 3}, "'maximum'"),
    "sibling of $ref": ({"$defs": {"a": {"type": "integer"}}, "$ref": "#/$defs/a", "maximum": 3}, "'maximum'"),
    "sibling of anyOf": ({"anyOf": [{"type": "integer"}, {"type": "string"}], "minLength": 2}, "'minLength'"),
    "allOf part that is not an object": ({"allOf": [{"type": "integer", "minimum": 3}]}, "allOf/0"),
    "allOf part with its own bounds": ({"allOf": [{"properties": {"a": {}}, "maxProperties": 1}]}, "allOf/0"),
    "enum value the type forbids": ({"type": "string", "enum": ["a", 1]}, "1"),
    "const the bounds forbid": ({"type": "integer", "minimum": 5, "const": 3}, "3"),
    "nested deep": ({"type": "object", "properties": {"a": {"type": "array", "items": {
        "type": "object", "properties": {"b": {"type": "number", "maximum": 2.5}}}}}}, "items/properties/b"),
}


@pytest.mark.parametrize(("schema", "named"), REFUSED.values(), ids=REFUSED.keys())
def test_a_keyword_the_grammar_would_drop_is_a_400_naming_response_format(schema: dict[str, Any], named: str) -> None:
    with pytest.raises(InvalidRequest) as e:
        grammar_for_response_format(fmt(schema))
    assert e.value.param == "response_format" and named in e.value.message, e.value.message


def test_a_tool_parameter_keyword_the_grammar_would_drop_is_a_400_naming_tools() -> None:
    tools = [{"type": "function", "function": {"name": "f", "parameters": {
        "type": "object", "properties": {"x": {"type": "number", "multipleOf": 2}}}}}]
    with pytest.raises(InvalidRequest) as e:
        _grammar_for_tools(tool_calls.tool_spec(tools, "required", False))
    assert e.value.param == "tools" and "'multipleOf'" in e.value.message


# ---------------------------------------------------------------------------- what stays accepted
KEPT = {
    "annotations": {"type": "integer", "title": "n", "description": "a number", "default": 3, "examples": [4]},
    "keywords of another type": {"type": "integer", "minLength": 2, "maxItems": 1, "pattern": "^x$"},
    "no-op values": {"type": "array", "items": {"type": "string", "minLength": 0}, "uniqueItems": False},
    "known formats": {"type": "object", "properties": {"d": {"type": "string", "format": "date-time"},
                                                        "u": {"type": "string", "format": "uuid"}}},
    "oneOf told apart by type": {"oneOf": [{"type": "string"}, {"type": "integer", "maximum": 3}]},
    "oneOf told apart by a const": {"oneOf": [
        {"type": "object", "properties": {"kind": {"const": "a"}, "x": {"type": "integer"}}, "required": ["kind"]},
        {"type": "object", "properties": {"kind": {"const": "b"}}, "required": ["kind"]}]},
    "enum of the right type": {"type": "string", "enum": ["a", "b"], "maxLength": 1},
    "tuple": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "minItems": 2},
    "allOf of a $ref": {"$defs": {"p": {"type": "object", "properties": {"a": {"type": "integer"}}}},
                        "allOf": [{"$ref": "#/$defs/p"}]},
    "string length": {"type": "string", "minLength": 1, "maxLength": 5},
}


@pytest.mark.parametrize("schema", KEPT.values(), ids=KEPT.keys())
def test_schemas_the_grammar_enforces_are_accepted(schema: dict[str, Any]) -> None:
    assert grammar_for_response_format(fmt(schema))


def test_a_disjoint_oneof_is_enforced(vocab: LlamaModel) -> None:
    g = grammar(KEPT["oneOf told apart by type"])
    assert accepts(vocab, g, '"x"') and accepts(vocab, g, "3")
    assert not accepts(vocab, g, "4") and not accepts(vocab, g, "null")


def test_unsupported_schema_is_a_value_error() -> None:
    """tool_calls.grammar and the response_format path catch the converter's plain exceptions: keep it one."""
    assert issubclass(UnsupportedSchema, ValueError)
