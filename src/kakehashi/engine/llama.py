"""The only module that calls llama.cpp's C API: model loading, batched decode, samplers, tokenization.

Everything here is a thin, typed shell over llama-cpp-python's low-level ctypes API. The high-level
`llama_cpp.Llama` owns one sequence at a time; continuous batching needs the raw pieces instead:
one multi-sequence `llama_batch`, per-sequence KV-cache removal, and one sampler chain per sequence.
"""

from __future__ import annotations

import ctypes
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import llama_cpp
import numpy as np
from llama_cpp.llama_grammar import JSON_GBNF

from kakehashi.engine.schema_grammar import schema_to_gbnf
from kakehashi.types import SamplingParams

_backend_ready = False


def _init_backend() -> None:
    global _backend_ready
    if not _backend_ready:
        _silence_llama_logs()
        llama_cpp.llama_backend_init()
        _backend_ready = True


def _use_extra_buffers() -> bool:
    """Whether llama.cpp may repack weights into "extra" buffer types (AMX, AArch64 kernels).

    Not when the build has AMX: some VMs advertise AMX in cpuid without enabling its tile state,
    and the first batched matmul then dies with SIGILL. Override with KAKEHASHI_LLAMA_EXTRA_BUFFERS=0/1.
    """
    forced = os.environ.get("KAKEHASHI_LLAMA_EXTRA_BUFFERS")
    if forced in ("0", "1"):
        return forced == "1"
    return "AMX_INT8 = 1" not in system_info()


def _silence_llama_logs() -> None:
    """llama.cpp prints thousands of lines while loading; keep only warnings and errors."""
    import sys

    shown = False  # whether the message being continued (GGML_LOG_LEVEL_CONT) was shown

    @llama_cpp.llama_log_callback
    def _log(level: int, text: bytes, _user: ctypes.c_void_p) -> None:
        nonlocal shown
        if level != 5:  # 5 = GGML_LOG_LEVEL_CONT; 3 = WARN, 4 = ERROR
            shown = level in (3, 4)
        if shown:
            sys.stderr.write(text.decode("utf-8", "replace"))

    global _log_callback
    _log_callback = _log  # keep a reference: llama.cpp holds a raw pointer to it
    llama_cpp.llama_log_set(_log, ctypes.c_void_p(0))


_log_callback = None


def system_info() -> str:
    """llama.cpp's build/CPU feature line (e.g. 'CPU : SSE3 = 1 | AVX2 = 1 | ...')."""
    _init_backend()
    return llama_cpp.llama_print_system_info().decode("utf-8", "replace")


def json_schema_grammar(schema: dict[str, object] | None) -> str:
    """GBNF for a JSON schema (or any JSON object when schema is None); see schema_grammar.py."""
    if schema is None:
        return JSON_GBNF
    import json

    return schema_to_gbnf(json.dumps(schema))


class LlamaModel:
    """A loaded GGUF model and its vocabulary. Thread-safe for tokenization (read-only)."""

    def __init__(self, path: str | Path, *, n_gpu_layers: int = 0, vocab_only: bool = False) -> None:
        _init_backend()
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"model file not found: {self.path}")
        params = llama_cpp.llama_model_default_params()
        params.n_gpu_layers = n_gpu_layers
        params.vocab_only = vocab_only  # tokenizer only (the MLX engine computes with its own weights)
        params.use_extra_bufts = _use_extra_buffers()
        model = llama_cpp.llama_model_load_from_file(str(self.path).encode(), params)
        if not model:
            raise ValueError(f"llama.cpp could not load {self.path} (not a valid GGUF model?)")
        self._model = model
        vocab = llama_cpp.llama_model_get_vocab(model)
        assert vocab is not None
        self._vocab = vocab
        self.n_vocab: int = llama_cpp.llama_vocab_n_tokens(vocab)
        self.n_ctx_train: int = llama_cpp.llama_model_n_ctx_train(model)
        self.bos_id: int = llama_cpp.llama_vocab_bos(vocab)
        self.eos_id: int = llama_cpp.llama_vocab_eos(vocab)
        self.add_bos: bool = llama_cpp.llama_vocab_get_add_bos(vocab)
        # Recurrent state (Mamba, RWKV, hybrids) cannot be cut at a position: no partial prefix reuse.
        self.is_recurrent: bool = bool(
            llama_cpp.llama_model_is_recurrent(model) or llama_cpp.llama_model_is_hybrid(model))
        self.metadata = self._read_metadata()
        # token id -> bytes, filled lazily: detokenizing in the step loop must not call into C each time.
        self._pieces: dict[int, bytes] = {}

    def _read_metadata(self) -> dict[str, str]:
        out: dict[str, str] = {}
        buf = ctypes.create_string_buffer(1 << 16)
        for i in range(llama_cpp.llama_model_meta_count(self._model)):
            n = llama_cpp.llama_model_meta_key_by_index(self._model, i, buf, len(buf))
            if n < 0:
                continue
            key = buf.value.decode("utf-8", "replace")
            n = llama_cpp.llama_model_meta_val_str_by_index(self._model, i, buf, len(buf))
            if n < 0:
                continue
            if n >= len(buf):  # chat templates can be long: retry with the exact size
                big = ctypes.create_string_buffer(n + 1)
                llama_cpp.llama_model_meta_val_str_by_index(self._model, i, big, len(big))
                out[key] = big.value.decode("utf-8", "replace")
            else:
                out[key] = buf.value.decode("utf-8", "replace")
        return out

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    def token_text(self, token: int) -> str:
        """The text of a special token such as BOS/EOS (for chat templates)."""
        if token < 0:
            return ""
        return self.piece(token, special=True).decode("utf-8", "replace")

    def tokenize(self, text: str, *, add_special: bool = True, parse_special: bool = True) -> list[int]:
        data = text.encode("utf-8")
        cap = len(data) + 8
        arr = (llama_cpp.llama_token * cap)()
        n = llama_cpp.llama_tokenize(self._vocab, data, len(data), arr, cap, add_special, parse_special)
        if n < 0:
            cap = -n
            arr = (llama_cpp.llama_token * cap)()
            n = llama_cpp.llama_tokenize(self._vocab, data, len(data), arr, cap, add_special, parse_special)
        return list(arr[:n])

    def piece(self, token: int, *, special: bool = False) -> bytes:
        """Bytes of one token (may be a partial UTF-8 sequence). Cached: the vocabulary is immutable."""
        if not special:
            cached = self._pieces.get(token)
            if cached is not None:
                return cached
        buf = ctypes.create_string_buffer(64)
        n = llama_cpp.llama_token_to_piece(self._vocab, token, buf, len(buf), 0, special)
        if n < 0:
            buf = ctypes.create_string_buffer(-n)
            n = llama_cpp.llama_token_to_piece(self._vocab, token, buf, len(buf), 0, special)
        out = buf.raw[:n]
        if not special:
            self._pieces[token] = out
        return out

    def is_eog(self, token: int) -> bool:
        return bool(llama_cpp.llama_vocab_is_eog(self._vocab, token))

    def n_params(self) -> int:
        return int(llama_cpp.llama_model_n_params(self._model))

    def close(self) -> None:
        if self._model:
            llama_cpp.llama_model_free(self._model)
            self._model = None


@dataclass(frozen=True, slots=True)
class ContextConfig:
    n_seq_max: int = 16  # sequences decoded together (slots)
    n_ctx_per_seq: int = 2048  # KV cells each sequence may use
    n_batch: int = 512  # max tokens in one llama_decode (decode tokens + prefill chunks)
    n_threads: int = 0  # 0 = all cores
    # "auto" = off on CPU-only builds, llama.cpp's own choice otherwise. On CPU, llama.cpp's flash
    # attention kernel decodes 1.2-1.7x slower than the plain path once sequences hold a few hundred
    # tokens (measured: SmolLM2-135M, 2 cores, 16 streams at 512 tokens: 60 vs 93 tok/s), while its
    # faster prefill (about 1.3x) matters less for serving. See benchmarks/engine/flash_attention.md.
    flash_attn: str = "auto"


def _flash_attn_type(choice: str) -> int:
    if choice not in ("auto", "on", "off"):
        raise ValueError(f"flash_attn must be auto, on or off, not {choice!r}")
    if choice == "on":
        return llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
    if choice == "off" or not llama_cpp.llama_supports_gpu_offload():
        return llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
    return llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO


class LlamaContext:
    """A llama.cpp context with per-sequence KV streams, plus one reusable batch.

    The KV cache is not unified: each sequence gets its own stream of n_ctx_per_seq cells, so
    attention of one sequence never scans another's cells (the layout llama-server uses by default).
    """

    def __init__(self, model: LlamaModel, config: ContextConfig) -> None:
        self.model = model
        self.config = config
        threads = config.n_threads or (os.cpu_count() or 1)
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = config.n_ctx_per_seq * config.n_seq_max
        params.n_batch = config.n_batch
        params.n_ubatch = config.n_batch
        params.n_seq_max = config.n_seq_max
        params.n_threads = threads
        params.n_threads_batch = threads
        params.kv_unified = False
        params.flash_attn_type = _flash_attn_type(config.flash_attn)
        params.no_perf = True
        ctx = llama_cpp.llama_init_from_model(model._model, params)
        if not ctx:
            raise RuntimeError("llama.cpp could not create a context (out of memory?)")
        self._ctx = ctx
        self._mem = llama_cpp.llama_get_memory(ctx)
        self.max_threads = threads
        self.threads = threads
        self.n_ctx_per_seq: int = llama_cpp.llama_n_ctx_seq(ctx)
        self._batch = llama_cpp.llama_batch_init(config.n_batch, 0, 1)
        # numpy views over the batch's C arrays: a prefill chunk is written with a few slice
        # assignments instead of five ctypes stores per token.
        n = config.n_batch
        b = self._batch
        self._tok = np.ctypeslib.as_array(b.token, shape=(n,))
        self._pos = np.ctypeslib.as_array(b.pos, shape=(n,))
        self._logits = np.ctypeslib.as_array(b.logits, shape=(n,))
        np.ctypeslib.as_array(b.n_seq_id, shape=(n,))[:] = 1
        # llama_batch_init gives every token its own 1-element seq_id array; point them all into one
        # contiguous array instead (the originals are put back before llama_batch_free frees them).
        self._seq = np.zeros(n, dtype=np.int32)
        self._own_seq_ptrs = [ctypes.cast(b.seq_id[i], ctypes.c_void_p).value for i in range(n)]
        int_ptr = ctypes.POINTER(llama_cpp.llama_seq_id)
        self._int_ptr = int_ptr
        for i in range(n):
            b.seq_id[i] = ctypes.cast(self._seq.ctypes.data + 4 * i, int_ptr)
        self._n = 0

    # --- batch building ------------------------------------------------------------------
    def batch_clear(self) -> None:
        self._n = 0

    def batch_add(self, token: int, pos: int, seq_id: int, logits: bool) -> int:
        """Append one token; returns its index in the batch (the index its logits will have)."""
        i = self._n
        self._tok[i] = token
        self._pos[i] = pos
        self._seq[i] = seq_id
        self._logits[i] = logits
        self._n = i + 1
        return i

    def batch_add_run(self, tokens: list[int], start_pos: int, seq_id: int, logits_last: bool) -> int:
        """Append consecutive tokens of one sequence; returns the index of the last one."""
        i, k = self._n, len(tokens)
        self._tok[i : i + k] = tokens
        self._pos[i : i + k] = np.arange(start_pos, start_pos + k, dtype=np.int32)
        self._seq[i : i + k] = seq_id
        self._logits[i : i + k] = 0
        if logits_last:
            self._logits[i + k - 1] = 1
        self._n = i + k
        return i + k - 1

    @property
    def batch_size(self) -> int:
        return self._n

    def decode(self) -> None:
        """Run the model over the current batch (releases the GIL while llama.cpp computes)."""
        self._batch.n_tokens = self._n
        rc = llama_cpp.llama_decode(self._ctx, self._batch)
        if rc != 0:
            raise RuntimeError(f"llama_decode failed with code {rc}")

    def set_threads(self, n: int) -> None:
        """Compute threads for the next decodes (1..max_threads)."""
        n = max(1, min(self.max_threads, n))
        llama_cpp.llama_set_n_threads(self._ctx, n, n)
        self.threads = n

    def copy_seq(self, src: int, dst: int) -> None:
        """Make dst's KV cells a copy of src's (each sequence has its own stream, so llama.cpp copies the
        whole stream; the data moves at the start of the next decode, before that batch is computed)."""
        llama_cpp.llama_memory_seq_cp(self._mem, src, dst, -1, -1)

    def save_seq(self, seq_id: int) -> ctypes.Array[ctypes.c_uint8] | None:
        """A sequence's KV cells (only the used ones) serialised by llama.cpp, in a buffer load_seq takes
        as it is (no second copy); None if it has none."""
        size = llama_cpp.llama_state_seq_get_size(self._ctx, seq_id)
        if size <= 0:
            return None
        buf = (ctypes.c_uint8 * size)()
        return buf if llama_cpp.llama_state_seq_get_data(self._ctx, buf, size, seq_id) == size else None

    def load_seq(self, seq_id: int, state: ctypes.Array[ctypes.c_uint8]) -> bool:
        """Replace a sequence's KV cells with ones saved by save_seq (at their original positions)."""
        return llama_cpp.llama_state_seq_set_data(self._ctx, state, len(state), seq_id) > 0

    def logprobs_at(self, batch_index: int, token: int, k: int) -> tuple[float, list[tuple[int, float]]]:
        """log-softmax of the raw logits at one batch position (before any sampler touches them):
        the chosen token's log-probability and the k most likely tokens with theirs."""
        n_vocab = self.model.n_vocab
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(self._ctx, batch_index), shape=(n_vocab,))
        peak = float(logits.max())
        log_z = peak + float(np.log(np.exp(logits - peak, dtype=np.float64).sum()))
        top: list[tuple[int, float]] = []
        if k > 0:
            ids = np.argpartition(logits, -k)[-k:]
            ids = ids[np.argsort(-logits[ids], kind="stable")]
            top = [(int(i), float(logits[i]) - log_z) for i in ids]
        return float(logits[token]) - log_z, top

    def free_seq(self, seq_id: int) -> None:
        """Drop every KV cell of a sequence."""
        llama_cpp.llama_memory_seq_rm(self._mem, seq_id, -1, -1)

    def trim_seq(self, seq_id: int, keep: int) -> bool:
        """Drop a sequence's KV cells at positions >= keep. False if the memory cannot cut there
        (recurrent models): then everything is dropped and the caller must start from position 0."""
        if llama_cpp.llama_memory_seq_rm(self._mem, seq_id, keep, -1):
            return True
        llama_cpp.llama_memory_seq_rm(self._mem, seq_id, -1, -1)
        return False

    def close(self) -> None:
        if self._ctx:
            for i, addr in enumerate(self._own_seq_ptrs):
                self._batch.seq_id[i] = ctypes.cast(addr, self._int_ptr)
            llama_cpp.llama_batch_free(self._batch)
            llama_cpp.llama_free(self._ctx)
            self._ctx = None


# What the embedded engine uses for fields a client leaves out: llama-server's defaults, which small
# local models are tuned and documented against (OpenAI's own defaults, top_p=1 and no top-k, make
# tiny models ramble).
LLAMA_SERVER_DEFAULTS = SamplingParams(
    temperature=0.8, top_k=40, top_p=0.95, min_p=0.05, repeat_penalty=1.0
)


# llama_token_data laid out as numpy sees it, so a candidate array is filled with slice assignments.
_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)
assert _TOKEN_DATA.itemsize == ctypes.sizeof(llama_cpp.llama_token_data)


class Sampler:
    """One sequence's sampler: penalties -> top-k -> top-p -> min-p -> temp -> dist, plus a grammar.

    Without a grammar, llama_sampler_sample() applies the chain to one batch position's logits and
    feeds the chosen token back into the stateful members (penalty history).

    With a grammar, checking every one of the vocabulary's ~50k candidates against it costs
    milliseconds per token, serially per sequence, and would dominate a batched step. So, as
    llama-server does: sample with the plain chain first, check only the chosen token against the
    grammar, and only when the grammar rejects it apply the grammar to all candidates and sample again.
    The result is the same distribution as grammar-first sampling restricted to accepted tokens.
    """

    def __init__(self, model: LlamaModel, params: SamplingParams, *, default_seed: int) -> None:
        self._grammar = None
        for token, _ in params.logit_bias:
            if not 0 <= token < model.n_vocab:
                raise ValueError(f"logit_bias: token id {token} is not in the vocabulary (0..{model.n_vocab - 1})")
        if params.grammar:
            grammar = llama_cpp.llama_sampler_init_grammar(model._vocab, params.grammar.encode(), b"root")
            if not grammar:
                raise ValueError("invalid grammar")
            self._grammar = grammar
            n_vocab = model.n_vocab
            self._ids = np.arange(n_vocab, dtype=np.int32)
            self._candidates = np.zeros(n_vocab, dtype=_TOKEN_DATA)
            data = ctypes.cast(self._candidates.ctypes.data, ctypes.POINTER(llama_cpp.llama_token_data))
            self._candidates_array = llama_cpp.llama_token_data_array(data, n_vocab, -1, False)
            self._one = llama_cpp.llama_token_data(0, 0.0, 0.0)
            self._one_array = llama_cpp.llama_token_data_array(ctypes.pointer(self._one), 1, -1, False)
        chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
        add = llama_cpp.llama_sampler_chain_add
        if params.logit_bias:
            biases = (llama_cpp.llama_logit_bias * len(params.logit_bias))(
                *(llama_cpp.llama_logit_bias(t, b) for t, b in params.logit_bias)
            )
            add(chain, llama_cpp.llama_sampler_init_logit_bias(model.n_vocab, len(biases), biases))
        d = LLAMA_SERVER_DEFAULTS
        repeat = d.repeat_penalty if params.repeat_penalty is None else params.repeat_penalty
        freq = params.frequency_penalty or 0.0
        presence = params.presence_penalty or 0.0
        if repeat != 1.0 or freq or presence:
            add(chain, llama_cpp.llama_sampler_init_penalties(model.n_vocab, 64, repeat, freq, presence))
        temperature = d.temperature if params.temperature is None else params.temperature
        if temperature <= 0.0:
            add(chain, llama_cpp.llama_sampler_init_greedy())
        else:
            top_k = d.top_k if params.top_k is None else params.top_k
            top_p = d.top_p if params.top_p is None else params.top_p
            min_p = d.min_p if params.min_p is None else params.min_p
            if top_k and top_k > 0:
                add(chain, llama_cpp.llama_sampler_init_top_k(top_k))
            if top_p is not None and top_p < 1.0:
                add(chain, llama_cpp.llama_sampler_init_top_p(top_p, 1))
            if min_p and min_p > 0.0:
                add(chain, llama_cpp.llama_sampler_init_min_p(min_p, 1))
            add(chain, llama_cpp.llama_sampler_init_temp(temperature))
            seed = params.seed if params.seed is not None else default_seed
            add(chain, llama_cpp.llama_sampler_init_dist(seed & 0xFFFFFFFF))
        self._chain = chain
        self.grammar_resamples = 0  # how often the fast path's choice was rejected (for tests/profiling)

    def sample(self, ctx: LlamaContext, batch_index: int) -> int:
        if self._grammar is None:
            return int(llama_cpp.llama_sampler_sample(self._chain, ctx._ctx, batch_index))
        logits = np.ctypeslib.as_array(
            llama_cpp.llama_get_logits_ith(ctx._ctx, batch_index), shape=(len(self._ids),)
        )
        token = self._apply_chain(logits, grammar_first=False)
        if not self._grammar_allows(token):
            self.grammar_resamples += 1
            token = self._apply_chain(logits, grammar_first=True)
        llama_cpp.llama_sampler_accept(self._grammar, token)
        llama_cpp.llama_sampler_accept(self._chain, token)
        return token

    def _apply_chain(self, logits: np.ndarray, *, grammar_first: bool) -> int:
        # The chain sorts and truncates the candidates in place: refill them every time.
        c = self._candidates
        c["id"] = self._ids
        c["logit"] = logits
        c["p"] = 0.0
        arr = self._candidates_array
        arr.size = len(c)
        arr.selected = -1
        arr.sorted = False
        ref = ctypes.byref(arr)
        if grammar_first:
            llama_cpp.llama_sampler_apply(self._grammar, ref)
        llama_cpp.llama_sampler_apply(self._chain, ref)
        if not 0 <= arr.selected < arr.size:
            raise RuntimeError("sampler chain selected no token")
        return int(c["id"][arr.selected])

    def _grammar_allows(self, token: int) -> bool:
        one = self._one
        one.id, one.logit, one.p = token, 1.0, 0.0
        self._one_array.size = 1
        self._one_array.selected = -1
        self._one_array.sorted = False
        llama_cpp.llama_sampler_apply(self._grammar, ctypes.byref(self._one_array))
        return one.logit != float("-inf")

    def close(self) -> None:
        if self._chain:
            llama_cpp.llama_sampler_free(self._chain)
            self._chain = None
        if self._grammar:
            llama_cpp.llama_sampler_free(self._grammar)
            self._grammar = None


# ---------------------------------------------------------------------------- embeddings
POOLING_TYPES = {
    "mean": llama_cpp.LLAMA_POOLING_TYPE_MEAN,
    "cls": llama_cpp.LLAMA_POOLING_TYPE_CLS,
    "last": llama_cpp.LLAMA_POOLING_TYPE_LAST,
}


class LlamaEmbedder:
    """A GGUF model run for sentence embeddings: llama.cpp pools each sequence (mean, CLS or last token).

    Its own context (embeddings on, one unified KV pool) separate from any chat engine; calls are
    serialised by a lock and each fills one batch with as many whole inputs as fit (one sequence id
    each), so a request with many short inputs costs a few llama_decode calls, not one per input.
    """

    kind = "llama"
    accepts_token_ids = True

    def __init__(
        self, path: str | Path, *, pooling: str = "mean", normalize: bool = True,
        n_ctx: int = 2048, n_seq_max: int = 16, n_threads: int = 0,
    ) -> None:
        if pooling not in POOLING_TYPES:
            raise ValueError(f"pooling must be one of {', '.join(POOLING_TYPES)}, not {pooling!r}")
        self.model = LlamaModel(path)
        self.pooling = pooling
        self.normalized = normalize
        self.dim: int = llama_cpp.llama_model_n_embd(self.model._model)
        # One input must fit in one micro-batch: non-causal (BERT-like) models attend over the whole
        # sequence at once, so llama.cpp cannot split a sequence across micro-batches.
        self.max_tokens: int = min(n_ctx, self.model.n_ctx_train or n_ctx)
        threads = n_threads or (os.cpu_count() or 1)
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = n_ctx
        params.n_batch = n_ctx
        params.n_ubatch = n_ctx
        params.n_seq_max = n_seq_max
        params.n_threads = threads
        params.n_threads_batch = threads
        params.kv_unified = True
        params.embeddings = True
        params.pooling_type = POOLING_TYPES[pooling]
        params.no_perf = True
        ctx = llama_cpp.llama_init_from_model(self.model._model, params)
        if not ctx:
            self.model.close()
            raise RuntimeError("llama.cpp could not create an embedding context (out of memory?)")
        self._ctx = ctx
        self._mem = llama_cpp.llama_get_memory(ctx)
        self._encoder_only = bool(llama_cpp.llama_model_has_encoder(self.model._model)) and not bool(
            llama_cpp.llama_model_has_decoder(self.model._model)
        )
        self._n_ctx = n_ctx
        self._n_seq_max = n_seq_max
        self._batch = llama_cpp.llama_batch_init(n_ctx, 0, 1)
        self._lock = threading.Lock()

    def tokenize(self, text: str) -> list[int]:
        # parse_special=False: a user's text must not turn into control tokens.
        return self.model.tokenize(text, add_special=True, parse_special=False)

    def count_tokens(self, texts: list[str], input_type: object = None) -> list[int]:
        return [len(self.tokenize(t)) for t in texts]

    def embed(self, texts: list[str], input_type: object = None) -> np.ndarray:
        return self.embed_tokens([self.tokenize(t) for t in texts])

    def embed_tokens(self, token_ids: list[list[int]]) -> np.ndarray:
        """(n, dim) float32. Every sequence must be non-empty and at most max_tokens long (the caller
        checks, so that the client gets a 400 naming the input). Blocking."""
        out = np.empty((len(token_ids), self.dim), dtype=np.float32)
        with self._lock:
            start = 0
            while start < len(token_ids):
                end, used = start, 0
                while (
                    end < len(token_ids) and end - start < self._n_seq_max
                    and used + len(token_ids[end]) <= self._n_ctx
                ):
                    used += len(token_ids[end])
                    end += 1
                self._run(token_ids[start:end], out[start:end])
                start = end
        if self.normalized:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out /= np.maximum(norms, 1e-12)
        return out

    def _run(self, seqs: list[list[int]], out: np.ndarray) -> None:
        b = self._batch
        n = 0
        for seq_id, tokens in enumerate(seqs):
            for pos, token in enumerate(tokens):
                b.token[n] = token
                b.pos[n] = pos
                b.n_seq_id[n] = 1
                b.seq_id[n][0] = seq_id
                b.logits[n] = True  # pooling reads every token's output
                n += 1
        b.n_tokens = n
        llama_cpp.llama_memory_clear(self._mem, True)
        rc = (llama_cpp.llama_encode if self._encoder_only else llama_cpp.llama_decode)(self._ctx, b)
        if rc != 0:
            raise RuntimeError(f"llama.cpp embedding decode failed with code {rc}")
        for seq_id in range(len(seqs)):
            ptr = llama_cpp.llama_get_embeddings_seq(self._ctx, seq_id)
            if not ptr:
                raise RuntimeError("llama.cpp returned no pooled embedding")
            out[seq_id] = np.ctypeslib.as_array(ptr, shape=(self.dim,))

    def close(self) -> None:
        if self._ctx:
            llama_cpp.llama_batch_free(self._batch)
            llama_cpp.llama_free(self._ctx)
            self._ctx = None
            self.model.close()
