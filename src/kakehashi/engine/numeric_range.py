"""GBNF expressions for the JSON numbers between two bounds: integers, and decimals between integer bounds.

Hand-written rather than taken from a library: llama-cpp-python 0.3.36's JSON-schema converter (the
one both engines use) has no integer ranges at all, and llama.cpp's newer converter is C++ inside
libllama's common code, not exposed by the Python binding. The idea is the classic one (llama.cpp's
`_generate_min_max_int` works the same way): split the range by number of digits, then split each
same-length range by its first digit, so every alternative is a run of digit classes.

JSON integers have no leading zeros and no "-0"; the expressions produce neither. An unbounded side is
capped at 16 digits, as long as the converter's own `integer` rule allows. Decimals are written without
an exponent (a subset of what JSON allows, so every answer still parses), with up to 15 fraction digits
as in the converter's `number` rule; their bounds must be integers (a bound like 0.5 would need the same
digit-by-digit split on the fraction, not done: callers refuse it).
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


_FRACTION = '("." [0-9]{1,15})?'
_ZERO_FRACTION = '("." "0"{1,15})?'  # the value stays the integer itself
_NONZERO_FRACTION = '"." [0-9]{0,14} [1-9] [0-9]{0,14}'  # strictly above the integer (length not capped at 15)


def number_range_gbnf(lo: int | None, hi: int | None, *, lo_exclusive: bool = False,
                      hi_exclusive: bool = False) -> str:
    """GBNF for the decimals between integer bounds (None: unbounded), each bound inclusive or exclusive."""
    alternatives = []
    if hi is None or hi >= 0:  # x >= 0: an integer part and a fraction
        low, low_ex = (lo, lo_exclusive) if lo is not None and lo >= 0 else (0, False)
        alternatives += _magnitudes(low, low_ex, hi, hi_exclusive)
    if lo is None or lo < 0:  # x < 0: "-" and a magnitude m = -x, with -hi <= m <= -lo
        m_lo, m_lo_ex = (0, True) if hi is None or hi >= 0 else (-hi, hi_exclusive)
        alternatives += [f'"-" {a}' for a in _magnitudes(m_lo, m_lo_ex, None if lo is None else -lo, lo_exclusive)]
    if not alternatives:
        raise ValueError(f"no number lies between {lo} and {hi} with those exclusive bounds")
    return "(" + " | ".join(alternatives) + ")"


def _magnitudes(lo: int, lo_ex: bool, hi: int | None, hi_ex: bool) -> list[str]:
    """0 <= lo: alternatives for the decimals I.F between lo and hi (I the integer part, F the fraction)."""
    if hi is not None and (hi < lo or (hi == lo and (lo_ex or hi_ex))):
        return []
    out = []
    if lo_ex and (hi is None or lo < hi):  # I = lo is allowed only with a fraction above zero
        out.append(f"{_naturals(lo, lo)} {_NONZERO_FRACTION}")
    start, end = lo + lo_ex, (LIMIT if hi is None else hi - 1)
    if start <= end:  # any fraction keeps I.F below I + 1 <= hi
        out.append(f"{_naturals(start, end)} {_FRACTION}")
    if hi is not None and not hi_ex:  # I = hi only with a zero fraction
        out.append(f"{_naturals(hi, hi)} {_ZERO_FRACTION}")
    return out
