"""A GBNF expression matching exactly the decimal integers in [lo, hi], as JSON writes them.

Hand-written rather than taken from a library: llama-cpp-python 0.3.36's JSON-schema converter (the
one both engines use) has no integer ranges at all, and llama.cpp's newer converter is C++ inside
libllama's common code, not exposed by the Python binding. The idea is the classic one (llama.cpp's
`_generate_min_max_int` works the same way): split the range by number of digits, then split each
same-length range by its first digit, so every alternative is a run of digit classes.

JSON integers have no leading zeros and no "-0"; the expressions produce neither. An unbounded side is
capped at 16 digits, as long as the converter's own `integer` rule allows.
"""

from __future__ import annotations

MAX_DIGITS = 16
LIMIT = 10**MAX_DIGITS - 1  # the largest magnitude an unbounded side reaches


def int_range_gbnf(lo: int | None, hi: int | None) -> str:
    """GBNF (one parenthesised expression) for the integers lo..hi, either side None for unbounded."""
    lo = -LIMIT if lo is None else max(lo, -LIMIT)
    hi = LIMIT if hi is None else min(hi, LIMIT)
    if lo > hi:
        raise ValueError(f"no integer lies between {lo} and {hi}")
    alternatives: list[str] = []
    if lo < 0:  # the negatives: "-" then the magnitudes max(1, -hi)..-lo
        alternatives.append(f'"-" {_naturals(max(1, -hi), -lo)}')
    if hi >= 0:
        alternatives.append(_naturals(max(0, lo), hi))
    return "(" + " | ".join(alternatives) + ")"


def _naturals(lo: int, hi: int) -> str:
    """0 <= lo <= hi: one alternative per digit count, each written without leading zeros."""
    parts = []
    full: list[int] = []  # digit counts (>= 2) wholly inside the range: merged into one [1-9] [0-9]{m,n}
    for digits in range(len(str(lo)), len(str(hi)) + 1):
        first = 0 if digits == 1 else 10 ** (digits - 1)  # the smallest number with that many digits
        last = 10**digits - 1
        if digits > 1 and lo <= first and last <= hi:
            full.append(digits)
        else:
            parts.extend(_same_length(str(max(lo, first)), str(min(hi, last))))
    if full:
        parts.append(f"[1-9] [0-9]{{{full[0] - 1},{full[-1] - 1}}}" if len(full) > 1 else
                     "[1-9]" + " [0-9]" * (full[0] - 1))
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _same_length(low: str, high: str) -> list[str]:
    """Alternatives matching the digit strings low..high, both of the same length (low <= high)."""
    if low == high:  # one quoted digit at a time: llguidance lexes "99" greedily, then cannot read 999
        return [" ".join(f'"{d}"' for d in low)]
    if len(low) == 1:
        return [f"[{low}-{high}]"]
    rest = len(low) - 1
    if low[0] == high[0]:  # a shared first digit, then the range of what follows
        return [f'"{low[0]}" {_group(_same_length(low[1:], high[1:]))}']
    out = []
    # Split at the first digit: low's digit with low's tail upwards, whole digits strictly between, then
    # high's digit with high's tail downwards. A tail that already covers everything (0...0 or 9...9)
    # joins the middle block instead, which keeps the grammar short.
    mid_from, mid_to = int(low[0]) + 1, int(high[0]) - 1
    if low[1:] == "0" * rest:
        mid_from -= 1
    else:
        out.append(f'"{low[0]}" {_group(_same_length(low[1:], "9" * rest))}')
    if high[1:] == "9" * rest:
        mid_to += 1
    if mid_from <= mid_to:
        head = f'"{mid_from}"' if mid_from == mid_to else f"[{mid_from}-{mid_to}]"
        out.append(head + " [0-9]" * rest)
    if high[1:] != "9" * rest:
        out.append(f'"{high[0]}" {_group(_same_length("0" * rest, high[1:]))}')
    return out


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")"
