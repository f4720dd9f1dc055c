"""OpenAI's attribute filters for vector-store search: comparison filters (eq, ne, gt, gte, lt, lte, in,
nin on one attribute key) combined by compound filters (and, or). The shapes are validated at the wire;
this only evaluates them."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
}


def matches(flt: dict[str, Any], attributes: dict[str, Any]) -> bool:
    kind = flt["type"]
    if kind == "and":
        return all(matches(f, attributes) for f in flt["filters"])
    if kind == "or":
        return any(matches(f, attributes) for f in flt["filters"])
    value, present = flt["value"], flt["key"] in attributes
    have = attributes.get(flt["key"])
    if kind == "eq":
        return present and _same(have, value)
    if kind == "ne":
        return not (present and _same(have, value))
    if kind == "in":
        return present and any(_same(have, v) for v in value)
    if kind == "nin":
        return not (present and any(_same(have, v) for v in value))
    # Ordering compares numbers with numbers and strings with strings; anything else does not match.
    comparable = present and (_number(have) and _number(value) or isinstance(have, str) and isinstance(value, str))
    return bool(comparable and _ORDER[kind](have, value))


def _number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _same(a: Any, b: Any) -> bool:
    # True == 1 in Python; in the API a boolean attribute equals only a boolean.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b
