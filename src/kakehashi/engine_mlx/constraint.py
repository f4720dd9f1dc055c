"""Grammar-constrained output on MLX: a GBNF grammar -> a per-sequence mlx-lm logits processor.

The backend turns response_format (JSON schema) and tool definitions into the same GBNF grammar for
both engines; llama.cpp applies it natively, and here llguidance (the grammar engine llama.cpp can
also be built with) reads it, after its own GBNF -> Lark conversion. Its matcher computes the set of
tokens allowed next straight from the vocabulary's bytes, and the processor sets every other logit to
-inf before sampling, so the sampler's filters and temperature see only grammatical tokens.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

import mlx.core as mx
import numpy as np

from kakehashi.errors import InvalidRequest

log = logging.getLogger(__name__)


# llama.cpp's JSON-schema converter spells a bounded repetition (maxLength 30) as 30 nested optionals,
# "(X (X (... X?)?)?)?", which llguidance's Lark parser refuses as too deeply nested. Folded innermost
# first into Lark's own bounded repetition X{0,n}: same language, flat.
_NESTED_OPTIONAL = re.compile(r"\((\w+) \1(\?|\{0,(\d+)\})\)\?")


def fold_nested_optionals(lark: str) -> str:
    while True:
        folded = _NESTED_OPTIONAL.sub(
            lambda m: f"{m.group(1)}{{0,{(1 if m.group(2) == '?' else int(m.group(3))) + 1}}}", lark)
        if folded == lark:
            return lark
        lark = folded


class GrammarCompiler:
    """Compiles grammars for one model's vocabulary (its llguidance tokenizer is built on first use, ~1 s)."""

    def __init__(self, tokenizer: Any, vocab_size: int) -> None:
        self._tokenizer = tokenizer
        self._vocab_size = vocab_size
        self._lltok: Any = None
        self._lock = threading.Lock()

    def _ll_tokenizer(self) -> Any:
        with self._lock:
            if self._lltok is None:
                self._lltok = self._tokenizer.grammar_tokenizer()
            return self._lltok

    def processor(self, gbnf: str) -> GrammarProcessor:
        """A fresh processor for one sequence; raises InvalidRequest when the grammar cannot be used."""
        from llguidance import LLMatcher
        from llguidance.gbnf_to_lark import any_to_lark

        try:
            grammar = LLMatcher.grammar_from_lark(fold_nested_optionals(any_to_lark(gbnf)))
        except Exception as e:  # noqa: BLE001 - the converter raises plain exceptions
            raise InvalidRequest(f"the grammar could not be converted for the MLX engine: {e}") from None
        matcher = LLMatcher(self._ll_tokenizer(), grammar, log_level=0)
        if matcher.is_error():
            raise InvalidRequest(f"the grammar could not be compiled for the MLX engine: {matcher.get_error()}")
        return GrammarProcessor(matcher, self._vocab_size, self._tokenizer.eog_ids)


class GrammarProcessor:
    """mlx-lm logits processor (context, logits) -> logits for one sequence, holding its grammar state.

    BatchGenerator calls it once per step with the tokens fed so far, the last one being the token
    sampled at the previous step (at the first step: the prompt's last token, not to be consumed).
    """

    def __init__(self, matcher: Any, vocab_size: int, eog_ids: frozenset[int]) -> None:
        self._matcher = matcher
        self._vocab_size = vocab_size
        self._eog = [t for t in eog_ids if t < vocab_size]
        self._started = False

    def __call__(self, context: mx.array, logits: mx.array) -> mx.array:
        m = self._matcher
        if self._started and not m.is_stopped() and not m.consume_token(int(context[-1].item())):
            log.warning("grammar rejected a sampled token: %s", m.get_error())
        self._started = True
        return mx.where(mx.array(self._allowed()), logits, -mx.inf)

    def _allowed(self) -> np.ndarray:
        if self._matcher.is_error():  # cannot happen with masked sampling; end the sequence rather than loop
            bits = np.zeros(self._vocab_size, dtype=bool)
            bits[self._eog] = True
            return bits
        packed = np.frombuffer(self._matcher.compute_bitmask(), dtype=np.uint8)
        bits = np.unpackbits(packed, bitorder="little").astype(bool)
        if bits.size >= self._vocab_size:
            return bits[: self._vocab_size]
        return np.concatenate([bits, np.zeros(self._vocab_size - bits.size, dtype=bool)])
