"""JSON Schema -> GBNF for both engines: llama-cpp-python's converter, plus what it leaves out.

llama-cpp-python 0.3.36 ships an old port of llama.cpp's converter. Per schema node it picks ONE branch
($ref, anyOf, const, enum, object, array, pattern, format, string length, primitive) and quietly drops
every keyword that branch does not read: integer bounds, `multipleOf`, `not`, `uniqueItems`, unknown
`format`s, a `maxLength` next to a `pattern`, ... A grammar that drops a keyword lets the model write
an answer the schema rejects. So here:

- `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum` are enforced on integers, and on numbers
  when the bounds are whole numbers (numeric_range.py);
- any other assertion the chosen branch would drop raises UnsupportedSchema, which the callers turn
  into a 400 naming response_format or tools. A keyword that cannot apply to the node's declared type
  (`minLength` on an integer) is a no-op in JSON Schema and is not refused, nor are annotations
  (`title`, `description`, `default`, `examples`) and keywords JSON Schema does not define.
"""

from __future__ import annotations

import json
import math
from typing import Any

import jsonschema
from llama_cpp.llama_grammar import PRIMITIVE_RULES, STRING_FORMAT_RULES, SchemaConverter

from kakehashi.engine.numeric_range import int_range_gbnf, number_range_gbnf

# llama-cpp-python's converter lets a JSON string hold raw control characters (its `char` rule is
# [^"\\]), so a newline inside a string made the answer invalid JSON (found by the hypothesis tests).
# JSON forbids U+0000-U+001F unescaped; llama.cpp's own converter and JSON_GBNF exclude them and DEL.
_LOOSE_CHAR = r'char ::= [^"\\] |'
_STRICT_CHAR = r'char ::= [^"\\\x7F\x00-\x1F] |'
# ... and an optional space after every token (`{ "a" : 1 }`), which a small model takes: up to ~15% of its
# tokens in an extraction answer went to spaces. Compact JSON (`{"a":1}`) is the same document.
_LOOSE_SPACE = 'space ::= " "?'
_COMPACT_SPACE = 'space ::= ""'


class UnsupportedSchema(ValueError):
    """The grammar cannot enforce part of the schema (the message says which keyword, and where)."""


def schema_to_gbnf(schema_json: str) -> str:
    """GBNF accepting exactly the schema's documents (written compactly: no space between tokens), or
    UnsupportedSchema."""
    schema = json.loads(schema_json)
    if isinstance(schema, dict):
        _check(schema, schema, "schema")
    converter = _Converter(prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False)
    converter.visit(converter.resolve_refs(schema, "stdin"), "")
    return converter.format_grammar().replace(_LOOSE_CHAR, _STRICT_CHAR).replace(_LOOSE_SPACE, _COMPACT_SPACE)


_INT_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


class _Converter(SchemaConverter):  # type: ignore[misc]  # llama-cpp-python's class is untyped
    """The converter with integer ranges: a bounded integer gets its own rule, everything else as before."""

    def visit(self, schema: Any, name: str) -> str:
        kind = schema.get("type") if isinstance(schema, dict) else None
        if (kind in _NUMERIC and any(k in schema for k in _INT_BOUNDS)
                and not {"$ref", "anyOf", "oneOf", "const", "enum"} & schema.keys()):
            try:
                if kind == "integer":
                    rule = int_range_gbnf(*integer_bounds(schema))
                else:
                    lo, hi, lo_exclusive, hi_exclusive = _number_bounds(schema)
                    rule = number_range_gbnf(lo, hi, lo_exclusive=lo_exclusive, hi_exclusive=hi_exclusive)
            except ValueError as e:
                raise UnsupportedSchema(f"no value can match the schema: {e}") from None
            return str(self._add_rule(name or "root", f"{rule} space"))
        return str(super().visit(schema, name))


def _bounds(schema: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    """(minimum, maximum, exclusiveMinimum, exclusiveMaximum) as numbers or None, draft 4's boolean
    exclusive flags turned into the later drafts' form."""
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    ex_min, ex_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(ex_min, bool):  # draft 4: a flag on minimum
        minimum, ex_min = (None, minimum) if ex_min else (minimum, None)
    if isinstance(ex_max, bool):
        maximum, ex_max = (None, maximum) if ex_max else (maximum, None)
    return minimum, maximum, ex_min, ex_max


def integer_bounds(schema: dict[str, Any]) -> tuple[int | None, int | None]:
    """The smallest and largest integers a schema's bounds allow (None: unbounded on that side)."""
    lo: int | None = None
    hi: int | None = None
    minimum, maximum, ex_min, ex_max = _bounds(schema)
    for bound in (math.ceil(minimum) if minimum is not None else None,
                  math.floor(ex_min) + 1 if ex_min is not None else None):
        if bound is not None:
            lo = bound if lo is None else max(lo, bound)
    for bound in (math.floor(maximum) if maximum is not None else None,
                  math.ceil(ex_max) - 1 if ex_max is not None else None):
        if bound is not None:
            hi = bound if hi is None else min(hi, bound)
    return lo, hi


def _number_bounds(schema: dict[str, Any]) -> tuple[int | None, int | None, bool, bool]:
    """(lo, hi, lo exclusive, hi exclusive) of a number schema: the tighter of each pair of bounds."""
    lo: tuple[float, bool] | None = None  # (bound, exclusive); exclusive is tighter at an equal value
    hi: tuple[float, bool] | None = None
    minimum, maximum, ex_min, ex_max = _bounds(schema)
    for bound in ((minimum, False), (ex_min, True)):
        if bound[0] is not None and (lo is None or (bound[0], bound[1]) > lo):
            lo = bound
    for bound in ((maximum, False), (ex_max, True)):
        if bound[0] is not None and (hi is None or (-bound[0], bound[1]) > (-hi[0], hi[1])):
            hi = bound
    for bound in (lo, hi):
        if bound is not None and bound[0] != int(bound[0]):
            raise UnsupportedSchema(f"a bound of {bound[0]} on a number is not enforced by the local grammar "
                                    "(whole-number bounds are; or use an integer)")
    return (None if lo is None else int(lo[0]), None if hi is None else int(hi[0]),
            lo is not None and lo[1], hi is not None and hi[1])


# ------------------------------------------------------------------ what the converter would drop
# Keywords that constrain a value (JSON Schema 2020-12 plus draft 4-7 spellings), by the types they
# constrain (None: any type). Anything else is an annotation or not JSON Schema, ignored by validators too.
_NUMERIC = frozenset({"integer", "number"})
_ASSERTIONS: dict[str, frozenset[str] | None] = {
    **dict.fromkeys(("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"), _NUMERIC),
    **dict.fromkeys(("minLength", "maxLength", "pattern", "format"), frozenset({"string"})),
    **dict.fromkeys(("items", "prefixItems", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains",
                     "minContains", "maxContains", "unevaluatedItems"), frozenset({"array"})),
    **dict.fromkeys(("properties", "required", "additionalProperties", "patternProperties", "propertyNames",
                     "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "dependencies",
                     "unevaluatedProperties"), frozenset({"object"})),
    **dict.fromkeys(("type", "enum", "const", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref",
                     "$dynamicRef", "$recursiveRef"), None),
}
# Values that constrain nothing: refusing them would refuse schemas the grammar does enforce.
_NO_OPS: dict[str, Any] = {"minLength": 0, "minItems": 0, "minProperties": 0, "minContains": 0,
                           "uniqueItems": False, "required": [], "patternProperties": {},
                           "dependentRequired": {}, "dependentSchemas": {}, "dependencies": {}}
_FORMATS = {"uuid", "uuid1", "uuid2", "uuid3", "uuid4", "uuid5"} | {
    k.removesuffix("-string") for k in STRING_FORMAT_RULES if k.endswith("-string")}


def _check(schema: dict[str, Any], root: dict[str, Any], path: str) -> None:
    """Raise UnsupportedSchema at the first assertion the converter's branch for this node would drop."""
    honoured = _honoured(schema, root, path)
    kind = schema.get("type")
    for key, value in schema.items():
        applies_to = _ASSERTIONS.get(key, frozenset())
        if key in honoured or applies_to == frozenset() or _NO_OPS.get(key, ...) == value:
            continue
        if applies_to is not None and isinstance(kind, str) and kind not in applies_to:
            continue  # e.g. minLength on an integer: JSON Schema ignores it too
        raise UnsupportedSchema(f"{path}: {key!r} is not enforced by the local grammar{_hint(key, schema)}")
    for key, sub in _subschemas(schema):
        _check(sub, root, f"{path}/{key}")


def _hint(key: str, schema: dict[str, Any]) -> str:
    if key == "format":
        return f" for format {schema['format']!r} (supported: {', '.join(sorted(_FORMATS))})"
    return " here" if key in ("minLength", "maxLength", "type") else ""


def _subschemas(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for key in ("properties", "$defs", "definitions"):
        if isinstance(schema.get(key), dict):
            out += [(f"{key}/{k}", v) for k, v in schema[key].items() if isinstance(v, dict)]
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        if isinstance(schema.get(key), list):
            out += [(f"{key}/{i}", v) for i, v in enumerate(schema[key]) if isinstance(v, dict)]
    items = schema.get("items")
    if isinstance(items, list):
        out += [(f"items/{i}", v) for i, v in enumerate(items) if isinstance(v, dict)]
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            out.append((key, schema[key]))
    return out


def _honoured(schema: dict[str, Any], root: dict[str, Any], path: str) -> set[str]:
    """The keywords the converter reads at this node, following its own order of branches (visit())."""
    kind = schema.get("type")
    if "$ref" in schema:
        return {"$ref"}
    if "oneOf" in schema and "anyOf" in schema:
        raise UnsupportedSchema(f"{path}: 'anyOf' next to 'oneOf' is not enforced by the local grammar")
    if "oneOf" in schema:
        if not _disjoint(schema["oneOf"]):
            raise UnsupportedSchema(f"{path}: 'oneOf' is enforced only as 'anyOf' (at least one), and these "
                                    "alternatives can overlap; use anyOf, or tell them apart by type or a const")
        return {"oneOf"}
    if "anyOf" in schema:
        return {"anyOf"}
    if isinstance(kind, list):
        return {"type"}
    if "const" in schema or "enum" in schema:
        _check_values(schema, path)  # the grammar writes the listed values: each must pass the other keywords
        return set(schema)
    if kind in (None, "object") and ("properties" in schema or schema.get("additionalProperties", True) is not True):
        missing = [k for k in schema.get("required", []) if k not in schema.get("properties", {})]
        if missing:
            raise UnsupportedSchema(f"{path}: required {missing[0]!r} has no schema under properties")
        return {"type", "properties", "required", "additionalProperties"}
    if kind in (None, "object") and "allOf" in schema:
        _check_merged_parts(schema["allOf"], root, path)
        return {"type", "allOf"}
    if kind in (None, "array") and ("items" in schema or "prefixItems" in schema):
        if not schema.get("items") and "prefixItems" not in schema:
            raise UnsupportedSchema(f"{path}: 'items' needs a schema with a type for the local grammar")
        items = schema.get("items") or schema["prefixItems"]
        used = "items" if schema.get("items") else "prefixItems"  # the other one is dropped
        if not isinstance(items, list):
            return {"type", "items", "minItems", "maxItems"}
        # A tuple: exactly these items and nothing after them (stricter than additionalItems allows).
        honoured = {"type", used, "additionalItems", "unevaluatedItems"}
        n, lo, hi = len(items), schema.get("minItems", 0), schema.get("maxItems")
        return honoured | ({"minItems", "maxItems"} if lo <= n and (hi is None or hi >= n) else set())
    if kind in (None, "string") and "pattern" in schema:
        return {"type", "pattern"}
    if kind in (None, "string") and schema.get("format") in _FORMATS:
        return {"type", "format"}
    if kind == "string" and ("minLength" in schema or "maxLength" in schema):
        return {"type", "minLength", "maxLength"}
    if kind in _NUMERIC:
        if kind == "number" and _INT_BOUNDS & schema.keys():
            try:
                _number_bounds(schema)  # refuses a bound that is not a whole number
            except UnsupportedSchema as e:
                raise UnsupportedSchema(f"{path}: {e}") from None
        return {"type", *_INT_BOUNDS}
    if kind in PRIMITIVE_RULES or kind == "object" or not schema:
        return {"type"}
    return set()  # the converter raises "Unrecognized schema" here: a 400 too


def _check_merged_parts(parts: list[Any], root: dict[str, Any], path: str) -> None:
    """allOf: the converter merges the parts' properties (all required) into one closed object, nothing else."""
    for i, part in enumerate(parts):
        target = _resolve(root, part["$ref"]) if isinstance(part.get("$ref"), str) else part
        allowed = {"type", "properties", "required"} | ({"additionalProperties"} if len(parts) == 1 else set())
        extra = sorted(set(target) & _ASSERTIONS.keys() - allowed) if isinstance(target, dict) else ["?"]
        if extra or target.get("type", "object") != "object" or "properties" not in target:
            raise UnsupportedSchema(f"{path}/allOf/{i}: the local grammar merges only object parts with "
                                    f"properties{f', not {extra}' if extra else ''}")


def _resolve(root: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#"):
        raise UnsupportedSchema(f"only local $refs (#/...) are supported, not {ref!r}")
    node: Any = root
    for part in ref[1:].split("/")[1:]:
        node = node.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        raise UnsupportedSchema(f"$ref {ref!r} does not point to a schema")
    return node


def _check_values(schema: dict[str, Any], path: str) -> None:
    values = [schema["const"]] if "const" in schema else schema["enum"]
    rest = {k: v for k, v in schema.items() if k not in ("const", "enum")}
    if not rest.keys() & _ASSERTIONS.keys():
        return
    if rest.keys() & {"$ref", "$dynamicRef", "$recursiveRef"}:
        raise UnsupportedSchema(f"{path}: a $ref next to const/enum is not enforced by the local grammar")
    validator = jsonschema.validators.validator_for(rest)(rest)
    for value in values:
        if not validator.is_valid(value):
            raise UnsupportedSchema(f"{path}: the value {json.dumps(value)} does not match the schema's other "
                                    "keywords (the grammar would write it)")


def _disjoint(alternatives: list[Any]) -> bool:
    """Whether no document can match two oneOf alternatives: different types, or a property's different consts."""
    if not all(isinstance(a, dict) for a in alternatives):
        return False
    kinds = [a.get("type") for a in alternatives]
    if all(isinstance(k, str) for k in kinds) and len(set(kinds)) == len(kinds) and "number" not in kinds:
        return True  # (number would overlap integer)
    for name in alternatives[0].get("properties", {}) if alternatives else ():
        consts = [_const_of(a, name) for a in alternatives]
        if all(c is not None for c in consts) and len({json.dumps(c) for c in consts}) == len(consts):
            return True
    return False


def _const_of(schema: dict[str, Any], name: str) -> Any:
    """The const a required property of an object schema must have (None when there is none)."""
    prop = schema.get("properties", {}).get(name)
    if name not in schema.get("required", []) or not isinstance(prop, dict):
        return None
    if "const" in prop:
        return prop["const"]
    enum = prop.get("enum")
    return enum[0] if isinstance(enum, list) and len(enum) == 1 else None

