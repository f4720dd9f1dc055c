"""Tokenizers for the MLX engine: one interface over a GGUF's vocabulary and an MLX directory's.

For a GGUF the vocabulary is llama.cpp's own (a vocab-only load: no weights), so token ids, special
token parsing and detokenization are exactly what the llama.cpp engine produces for the same file.
For an MLX directory it is the Hugging Face tokenizer that mlx-lm loads beside the weights.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol


class Tokenizer(Protocol):
    chat_template: str | None
    bos_text: str
    eos_text: str
    eog_ids: frozenset[int]  # tokens that end a generation (EOS, end-of-turn, ...)

    def tokenize(self, text: str) -> list[int]: ...

    def detokenizer(self) -> Callable[[int], bytes]:
        """A fresh per-sequence token -> bytes function (may hold state across calls)."""
        ...

    def grammar_tokenizer(self) -> Any:
        """The vocabulary as llguidance's LLTokenizer (for grammar-constrained output; slow: cache it)."""
        ...

    def close(self) -> None: ...


class GgufTokenizer:
    def __init__(self, path: Path) -> None:
        from kakehashi.engine.llama import LlamaModel

        self._vocab = LlamaModel(path, vocab_only=True)
        v = self._vocab
        self.chat_template = v.chat_template
        self.bos_text = v.token_text(v.bos_id)
        self.eos_text = v.token_text(v.eos_id)
        self.eog_ids = frozenset(t for t in range(v.n_vocab) if v.is_eog(t))

    def tokenize(self, text: str) -> list[int]:
        return self._vocab.tokenize(text)

    def detokenizer(self) -> Callable[[int], bytes]:
        return self._vocab.piece  # stateless: each token's bytes are fixed

    def grammar_tokenizer(self) -> Any:
        import warnings

        from llguidance.llamacpp import lltokenizer_from_vocab

        with warnings.catch_warnings():  # it reads each token's attributes through a deprecated alias
            warnings.simplefilter("ignore", DeprecationWarning)
            return lltokenizer_from_vocab(self._vocab._vocab, eos_token=sorted(self.eog_ids))

    def close(self) -> None:
        self._vocab.close()


class HfTokenizer:
    """The tokenizer of an mlx-lm directory (tokenizer.json & co.), through mlx-lm's wrapper."""

    def __init__(self, path: Path) -> None:
        from mlx_lm.tokenizer_utils import load as load_tokenizer

        self._wrapper: Any = load_tokenizer(path)
        tok = self._wrapper._tokenizer
        self.chat_template = getattr(tok, "chat_template", None)
        self.bos_text = tok.bos_token or ""
        self.eos_text = tok.eos_token or ""
        self.eog_ids = frozenset(int(t) for t in self._wrapper.eos_token_ids)
        self._tok = tok

    def tokenize(self, text: str) -> list[int]:
        # Special tokens written in the text (chat markers) are parsed, as llama.cpp's tokenizer does.
        return list(self._tok.encode(text, add_special_tokens=True))

    def detokenizer(self) -> Callable[[int], bytes]:
        # mlx-lm's streaming detokenizer holds back incomplete characters and knows BPE/SentencePiece
        # spacing rules; each call returns the newly completed text.
        detok = self._wrapper.detokenizer

        def piece(token: int) -> bytes:
            detok.add_token(token)
            return detok.last_segment.encode("utf-8")

        return piece

    def grammar_tokenizer(self) -> Any:
        from llguidance.hf import from_tokenizer

        return from_tokenizer(self._tok, eos_token=sorted(self.eog_ids))

    def close(self) -> None:
        pass
