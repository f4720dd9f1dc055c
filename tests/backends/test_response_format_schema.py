"""response_format json_schema: a schema JSON Schema itself forbids is a 400 naming response_format (found by
tests/api/test_fuzz_real_server.py: {"type": "integer", "minimum": "0"} used to be accepted and ignored)."""

from __future__ import annotations

import pytest

from kakehashi.backends.local import grammar_for_response_format
from kakehashi.errors import InvalidRequest


def fmt(schema: object) -> dict[str, object]:
    return {"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}


@pytest.mark.parametrize("schema", [
    {"type": "integer", "minimum": "0"}, {"type": "strange"}, {"type": ["string", 3]}, {"enum": "x"},
    {"properties": {"a": 5}}, {"type": "object", "required": "a"},
])
def test_an_invalid_schema_is_a_400_naming_response_format(schema: dict[str, object]) -> None:
    with pytest.raises(InvalidRequest) as e:
        grammar_for_response_format(fmt(schema))
    assert e.value.param == "response_format" and "invalid JSON schema" in e.value.message


def test_a_valid_schema_gives_a_grammar() -> None:
    grammar = grammar_for_response_format(fmt({"type": "object", "properties": {"a": {"type": "integer"}},
                                               "required": ["a"]}))
    assert grammar and "root" in grammar


def test_schema_strings_cannot_hold_raw_control_characters() -> None:
    """llama-cpp-python's converter allowed a raw newline inside a JSON string: the answer did not parse."""
    grammar = grammar_for_response_format(fmt({"type": "object", "properties": {"a": {"type": "string"}}}))
    assert grammar is not None
    assert r'char ::= [^"\\\x7F\x00-\x1F] |' in grammar and r'char ::= [^"\\] |' not in grammar


@pytest.mark.parametrize("schema", [
    {"type": "string", "minLength": 5, "maxLength": 2}, {"type": "array", "minItems": 3, "maxItems": 1},
    {"type": "object", "properties": {"a": {"type": "integer", "minimum": 5, "maximum": 1}}}, {"enum": []},
])
def test_a_schema_no_value_can_match_is_a_400(schema: dict[str, object]) -> None:
    """The converter kept one bound and dropped the other: the answer broke the schema (found by hypothesis)."""
    with pytest.raises(InvalidRequest) as e:
        grammar_for_response_format(fmt(schema))
    assert e.value.param == "response_format" and "no value can match" in e.value.message
