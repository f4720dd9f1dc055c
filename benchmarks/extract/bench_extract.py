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
import platform
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from kakehashi.pipelines.llm import open_endpoint
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
class Measurement:
    concurrency: int
    chunks: int
    elapsed_s: float
    completion_tokens: int
    llm_requests: int
    chunks_failed: int

    @property
    def chunks_per_minute(self) -> float:
        return self.chunks / self.elapsed_s * 60

    @property
    def completion_tokens_per_s(self) -> float:
        return self.completion_tokens / self.elapsed_s


def write_corpus(root: Path, documents: int) -> None:
    """`documents` different texts (no two alike: the pipeline would send identical chunks only once)."""
    for n in range(documents):
        values = {
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
        template = _EN if n % 2 == 0 else _JA
        (root / f"town-{n:03d}.txt").write_text(template.format(**values) * 2, encoding="utf-8")


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
        cache_dir=None,  # in memory and empty: every chunk is extracted
    )
    started = time.perf_counter()
    report = await run_extraction(settings, SourceSpec(directory=corpus), http)
    elapsed = time.perf_counter() - started
    stats = report.stats
    return Measurement(
        concurrency=concurrency,
        chunks=stats.chunks,
        elapsed_s=round(elapsed, 2),
        completion_tokens=stats.completion_tokens,
        llm_requests=stats.llm_requests,
        chunks_failed=stats.chunks_failed,
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
        "speed-up",
    ):
        table.add_column(column, justify="right")
    base = measurements[0].chunks_per_minute
    for m in measurements:
        table.add_row(
            str(m.concurrency), str(m.chunks), str(m.chunks_failed), f"{m.elapsed_s:.1f}",
            f"{m.chunks_per_minute:.1f}", f"{m.completion_tokens_per_s:.1f}", f"{m.chunks_per_minute / base:.2f}x",
        )  # fmt: skip
    console.print(table)

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
