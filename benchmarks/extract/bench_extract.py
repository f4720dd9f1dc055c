"""Extraction throughput of `kakehashi extract` at concurrency 1 versus 8.

Runs the real pipeline (chunking, prompts, JSON-schema-constrained requests, parsing, merge) over a
corpus twice, with an empty result cache each time so every chunk goes to the model, and reports
chunks per minute and completion tokens per second. With continuous batching, 8 chunks in flight
should finish well over 2.5 times faster than one at a time.

    # against the embedded engine, in-process (the default):
    PYTHONPATH=src .venv/bin/python benchmarks/extract/bench_extract.py
    # against a running server, on real documents:
    PYTHONPATH=src .venv/bin/python benchmarks/extract/bench_extract.py \\
        --base-url http://127.0.0.1:8000/v1 --docs DIR

The built-in corpus is generated (each document different, one chunk each), so runs are comparable
across machines; results go to benchmarks/extract/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import platform
import re
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

import kakehashi.pipelines.pipeline as pipeline_module
from kakehashi.pipelines.llm import ChatClient, open_endpoint
from kakehashi.pipelines.pipeline import ExtractSettings, SourceSpec, run_extraction

RESULTS_DIR = Path(__file__).parent / "results"
QUESTIONS = ["When was it founded?", "人口は何人ですか？"]

_EN = (
    "{name} is a harbour town on the coast of {region}. It was founded in {year} by fishermen from the north. "
    "Today about {people} people live there, and the port handles {tons} tonnes of cargo each year. "
    "The old lighthouse, built in {light}, is {height} metres tall and can be seen from {km} kilometres away. "
    "Every summer the town holds a festival that draws around {visitors} visitors."
)
_JA = (
    "{name}は{region}の海沿いにある港町です。{year}年に北から来た漁師たちによって作られました。"
    "現在の人口は約{people}人で、港では毎年{tons}トンの貨物を扱っています。"
    "{light}年に建てられた灯台は高さ{height}メートルで、{km}キロメートル先からも見えます。"
    "毎年夏には約{visitors}人が訪れる祭りが開かれます。"
)


@dataclass
class Quality:
    """What the chunks of one language (by the chunk's script) gave, before and after the grounding check."""

    chunks: int = 0  # chunks with a result (failed chunks have none)
    facts: int = 0  # facts the model gave
    facts_grounded: int = 0  # of which the grounding check kept
    answers: int = 0  # answers marked answerable
    answers_grounded: int = 0
    answers_correct: int = 0  # grounded answers holding the document's true number (generated corpus)

    def add(self, other: Quality) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Steps:
    """The embedded engine's steps during one measurement (from its debug log): where the time went."""

    steps: int = 0
    decode_ms: float = 0.0  # llama_decode time over all steps
    prompt_tokens_computed: int = 0  # prompt tokens actually prefilled (prefix-cache hits excluded)
    prefill_steps: int = 0  # steps that computed prompt tokens (most also decode other sequences)
    prefill_steps_ms: float = 0.0
    decode_only_ms: float = 0.0  # steps that only generated
    # per step: [seconds since the run began, sequences decoding, prompt tokens, llama_decode ms]
    timeline: list[list[float]] | None = None


@dataclass
class Measurement:
    concurrency: int
    chunks: int
    elapsed_s: float
    completion_tokens: int
    llm_requests: int
    chunks_failed: int
    prompt_tokens: int = 0
    quality: dict[str, Quality] | None = None  # "en" / "ja" chunks
    steps: Steps | None = None
    answers: list[dict[str, object]] | None = None  # every request's raw answer and token counts

    @property
    def chunks_per_minute(self) -> float:
        return self.chunks / self.elapsed_s * 60

    @property
    def completion_tokens_per_s(self) -> float:
        return self.completion_tokens / self.elapsed_s


def _values(n: int) -> dict[str, object]:
    return {
        "name": f"Port {n + 1}" if n % 2 == 0 else f"港町{n + 1}",
        "region": ["Hokkaido", "Kyushu", "Shikoku", "Tohoku"][n % 4],
        "year": 1600 + 7 * n,
        "people": 12000 + 1375 * n,
        "tons": 50000 + 911 * n,
        "light": 1870 + n,
        "height": 20 + n % 17,
        "km": 15 + n % 9,
        "visitors": 30000 + 2100 * n,
    }


def write_corpus(root: Path, documents: int) -> None:
    """`documents` different texts (no two alike: the pipeline would send identical chunks only once)."""
    for n in range(documents):
        values = _values(n)
        template = _EN if n % 2 == 0 else _JA
        (root / f"town-{n:03d}.txt").write_text(template.format(**values) * 2, encoding="utf-8")


_TOWN_FILE = re.compile(r"town-(\d+)\.txt$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _true_numbers(source: str) -> list[str] | None:
    """The generated document's answers to QUESTIONS (founding year, population), or None for other files."""
    match = _TOWN_FILE.search(source)
    if match is None:
        return None
    values = _values(int(match.group(1)))
    return [str(values["year"]), str(values["people"])]


def _chunk_quality(before: object, after: object) -> tuple[str, Quality]:
    """One chunk's ChunkResult before and after drop_ungrounded -> (its language, its counts)."""
    chunk = before.chunk  # type: ignore[attr-defined]
    q = Quality(chunks=1)
    q.facts = len(before.extraction.facts)  # type: ignore[attr-defined]
    q.facts_grounded = len(after.extraction.facts)  # type: ignore[attr-defined]
    q.answers = sum(a.answerable for a in before.extraction.answers)  # type: ignore[attr-defined]
    truth = _true_numbers(chunk.source)
    for i, answer in enumerate(after.extraction.answers):  # type: ignore[attr-defined]
        if answer.answerable and answer.answer.strip():
            q.answers_grounded += 1
            digits = re.sub(r"(?<=\d)[,.](?=\d{3})", "", answer.answer)
            if truth is not None and i < len(truth) and truth[i] in digits:
                q.answers_correct += 1
    return ("ja" if _CJK.search(chunk.text) else "en"), q


class _GroundingRecorder:
    """Wraps the pipeline's drop_ungrounded to see every chunk's result before and after it."""

    def __init__(self) -> None:
        self.original = pipeline_module.drop_ungrounded
        self.quality: dict[str, Quality] = {}

    def __call__(self, results: list, questions: list[str] | None = None):  # type: ignore[no-untyped-def]
        outcome = self.original(results, questions)
        for before, after in zip(results, outcome.results, strict=True):
            lang, q = _chunk_quality(before, after)
            self.quality.setdefault(lang, Quality()).add(q)
        return outcome


class _StepLog(logging.Handler):
    """Sums the embedded engine's per-step debug lines (`step N: D decode + P prompt tokens ...`)."""

    def __init__(self, started: float) -> None:
        super().__init__(logging.DEBUG)
        self.steps = Steps(timeline=[])
        self.started = started

    def emit(self, record: logging.LogRecord) -> None:
        if not (isinstance(record.msg, str) and record.msg.startswith("step %d:")):
            return
        _, _decode, prompt, *_, ms = record.args  # type: ignore[misc]
        s = self.steps
        s.steps += 1
        s.decode_ms += ms
        assert s.timeline is not None
        s.timeline.append([round(record.created - self.started, 3), _decode, prompt, round(ms, 1)])
        if prompt:
            s.prefill_steps += 1
            s.prefill_steps_ms += ms
            s.prompt_tokens_computed += prompt
        else:
            s.decode_only_ms += ms


class _AnswerLog:
    """Wraps ChatClient._post_json to keep every request's raw answer, finish reason and token counts."""

    def __init__(self, started: float) -> None:
        self.original = ChatClient._post_json
        self.answers: list[dict[str, object]] = []
        self.started = started

    def install(self) -> None:
        original, answers, started = self.original, self.answers, self.started

        async def post_json(client: ChatClient, path: str, body: dict, on_tokens=None):  # type: ignore[no-untyped-def]
            sent = time.time() - started
            payload = await original(client, path, body, on_tokens)
            choice = (payload.get("choices") or [{}])[0]
            usage = payload.get("usage") or {}
            answers.append({
                "temperature": body.get("temperature"),
                "prompt_end": body["messages"][-1]["content"][-80:],  # the chunk (prompts put it last)
                "finish_reason": choice.get("finish_reason"),
                "prompt_tokens": usage.get("prompt_tokens"),
                "completion_tokens": usage.get("completion_tokens"),
                "content": (choice.get("message") or {}).get("content"),
                "max_tokens": body.get("max_tokens"),
                "sent_s": round(sent, 2),
                "done_s": round(time.time() - started, 2),
            })  # fmt: skip
            return payload

        ChatClient._post_json = post_json  # type: ignore[method-assign]

    def remove(self) -> None:
        ChatClient._post_json = self.original  # type: ignore[method-assign]


async def measure(
    http: httpx.AsyncClient, corpus: Path, concurrency: int, args: argparse.Namespace
) -> Measurement:
    settings = ExtractSettings(
        questions=QUESTIONS,
        model=args.model,
        concurrency=concurrency,
        chunk_chars=args.chunk_chars,
        overlap_chars=0,
        max_facts=args.max_facts,
        max_tokens=args.max_tokens,
        lang=args.lang,
        cache_dir=None,  # in memory and empty: every chunk is extracted
    )
    recorder = _GroundingRecorder()
    wall_start = time.time()  # log records and the answer log use wall-clock time
    step_log = _StepLog(wall_start)
    engine_log = logging.getLogger("kakehashi.engine.engine")
    engine_log.setLevel(logging.DEBUG)
    engine_log.addHandler(step_log)
    pipeline_module.drop_ungrounded = recorder  # type: ignore[assignment]
    answer_log = _AnswerLog(wall_start)
    answer_log.install()
    started = time.perf_counter()
    try:
        report = await run_extraction(settings, SourceSpec(directory=corpus), http)
    finally:
        elapsed = time.perf_counter() - started
        pipeline_module.drop_ungrounded = recorder.original
        answer_log.remove()
        engine_log.removeHandler(step_log)
    stats = report.stats
    return Measurement(
        concurrency=concurrency,
        chunks=stats.chunks,
        elapsed_s=round(elapsed, 2),
        completion_tokens=stats.completion_tokens,
        llm_requests=stats.llm_requests,
        chunks_failed=stats.chunks_failed,
        prompt_tokens=stats.prompt_tokens,
        quality=dict(sorted(recorder.quality.items())),
        steps=step_log.steps if step_log.steps.steps else None,
        answers=answer_log.answers,
    )


async def run(args: argparse.Namespace) -> list[Measurement]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.docs or Path(tmp)
        if args.docs is None:
            write_corpus(corpus, args.documents)
        async with open_endpoint(args.base_url, api_key=args.api_key, model_path=args.model_path) as http:
            await measure(http, _warmup_corpus(Path(tmp)), 1, args)  # load, first-request costs
            return [await measure(http, corpus, concurrency, args) for concurrency in args.concurrency]


def _warmup_corpus(tmp: Path) -> Path:
    warmup = tmp / "warmup"
    warmup.mkdir(exist_ok=True)
    (warmup / "warmup.txt").write_text("A short warm-up text. It has two sentences.", encoding="utf-8")
    return warmup


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", help="OpenAI-compatible endpoint (default: the embedded engine)")
    parser.add_argument("--api-key")
    parser.add_argument("--model", help="model name (default: the endpoint's first)")
    parser.add_argument("--model-path", help="GGUF for the embedded engine (default: the bundled model)")
    parser.add_argument(
        "--docs", type=Path, help="directory of real documents instead of the built-in corpus"
    )
    parser.add_argument(
        "--documents", type=int, default=16, help="size of the built-in corpus (one chunk each)"
    )
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--chunk-chars", type=int, default=2000)
    parser.add_argument("--max-facts", type=int, default=2)
    parser.add_argument("--max-tokens", type=int, default=512)
    parser.add_argument("--lang", choices=["en", "ja"], default="en", help="prompt language")
    parser.add_argument("--out", type=Path, help="JSON results file (default: results/<time>.json)")
    args = parser.parse_args()

    measurements = asyncio.run(run(args))
    console = Console()
    table = Table(title="kakehashi extract throughput")
    for column in (
        "concurrency",
        "chunks",
        "failed",
        "seconds",
        "chunks/min",
        "completion tok/s",
        "prompt tok/chunk",
        "computed prompt tok",
        "compl. tok/chunk",
        "facts/chunk (grounded %)",
        "correct answers",
        "speed-up",
    ):
        table.add_column(column, justify="right")
    base = measurements[0].chunks_per_minute
    for m in measurements:
        q = Quality()
        for part in (m.quality or {}).values():
            q.add(part)
        table.add_row(
            str(m.concurrency), str(m.chunks), str(m.chunks_failed), f"{m.elapsed_s:.1f}",
            f"{m.chunks_per_minute:.1f}", f"{m.completion_tokens_per_s:.1f}",
            f"{m.prompt_tokens / max(m.llm_requests, 1):.0f}",
            str(m.steps.prompt_tokens_computed) if m.steps else "-",
            f"{m.completion_tokens / max(m.llm_requests, 1):.0f}",
            f"{q.facts_grounded / max(q.chunks, 1):.2f} ({100 * q.facts_grounded / max(q.facts, 1):.0f}%)",
            f"{q.answers_correct}/{len(QUESTIONS) * q.chunks}",
            f"{m.chunks_per_minute / base:.2f}x",
        )  # fmt: skip
    console.print(table)
    for m in measurements:
        for lang, q in (m.quality or {}).items():
            console.print(
                f"c{m.concurrency} {lang} chunks: {q.chunks}, facts {q.facts} -> grounded {q.facts_grounded}, "
                f"answers {q.answers} -> grounded {q.answers_grounded}, correct {q.answers_correct}"
            )
        if m.steps:
            st = m.steps
            console.print(
                f"c{m.concurrency} engine: {st.steps} steps, {st.decode_ms / 1000:.1f} s in llama_decode; "
                f"{st.prefill_steps} steps with prompt tokens ({st.prompt_tokens_computed} computed, "
                f"{st.prefill_steps_ms / 1000:.1f} s), decode-only steps {st.decode_only_ms / 1000:.1f} s"
            )

    out = args.out or RESULTS_DIR / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "endpoint": args.base_url or "embedded",
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
        "settings": {k: str(v) for k, v in vars(args).items() if k not in ("api_key", "out")},
        "measurements": [
            {
                **asdict(m),
                "chunks_per_minute": round(m.chunks_per_minute, 2),
                "completion_tokens_per_s": round(m.completion_tokens_per_s, 2),
            }
            for m in measurements
        ],
        "speedup_chunks_per_minute": round(measurements[-1].chunks_per_minute / base, 2),
    }
    out.write_text(json.dumps(record, indent=2), encoding="utf-8")
    console.print(f"results: {out}")


if __name__ == "__main__":
    main()
