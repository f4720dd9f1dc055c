from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.errors import InvalidRequest
from kakehashi.tools.bench import app
from kakehashi.tools.bench_core import BenchConfig, RequestResult, Target, percentile, run_bench, summarize
from kakehashi.tools.bench_prompts import PromptSource, builtin_prompts, load_jsonl
from kakehashi.tools.bench_render import from_json, plot_png, to_json
from tests.tools.openai_stub import StubBehaviour, openai_stub

runner = CliRunner()

SHORT = BenchConfig(levels=(1, 2), requests_per_level=3, max_tokens=8, temperature=0.0, timeout_s=120)


# --- against a real kakehashi server -------------------------------------------------------


@pytest.mark.slow
async def test_bench_kakehashi_server(kakehashi_server: str) -> None:
    config = BenchConfig(levels=(1, 2), requests_per_level=2, max_tokens=8, temperature=0.0, timeout_s=120)
    result = await run_bench([Target("kakehashi", kakehashi_server)], config, PromptSource.builtin())
    assert [level.concurrency for level in result.levels] == [1, 2]
    for level in result.levels:
        assert level.attempted == 2
        assert level.succeeded == 2, level.error_examples
        assert level.usage_source == "server"  # kakehashi honours stream_options.include_usage
        assert 0 < level.completion_tokens <= 2 * config.max_tokens
        assert level.prompt_tokens is not None and level.prompt_tokens > 0
        assert level.ttft_p50_s is not None and level.latency_mean_s is not None
        assert level.ttft_p50_s <= level.latency_p95_s  # type: ignore[operator]
        assert level.completion_tps > 0


@pytest.mark.slow
def test_bench_cli_outputs_against_kakehashi_server(kakehashi_server: str, tmp_path: Path) -> None:
    png = tmp_path / "bench.png"
    args = [kakehashi_server, "--levels", "1,2", "--requests", "1", "--max-tokens", "4", "--temperature", "0"]
    result = runner.invoke(app, [*args, "--compare", kakehashi_server, "--json", "--png", str(png)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(row["target"], row["concurrency"]) for row in data["levels"]] == [
        ("A", 1), ("B", 1), ("A", 2), ("B", 2),
    ]  # fmt: skip
    assert all(row["succeeded"] == 1 for row in data["levels"])
    assert [r["concurrency"] for r in data["ratios"]] == [1, 2]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    table = runner.invoke(app, [*args[:2], "1", *args[3:]], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    assert "TTFT" in table.stdout and "tok/s" in table.stdout


# --- behaviour against a stub server: fallback counting, errors, API key -------------------


async def test_server_without_usage_is_counted_by_chunks_and_labelled() -> None:
    with openai_stub(StubBehaviour(send_usage=False)) as (url, stub):
        result = await run_bench([Target("stub", url)], SHORT, PromptSource.builtin())
    level = result.levels[0]
    assert level.usage_source == "chunk count (fallback)"
    assert level.prompt_tokens is None and level.prompt_tps is None
    assert level.completion_tokens == 3 * len(stub.words)  # one text chunk per word
    # Every request asked for usage and streamed.
    assert all(r["stream"] and r["stream_options"] == {"include_usage": True} for r in stub.seen_requests)


async def test_errors_are_counted_and_shown() -> None:
    config = BenchConfig(levels=(2,), requests_per_level=6, max_tokens=4, timeout_s=30)
    with openai_stub(StubBehaviour(fail_every=3)) as (url, _):
        result = await run_bench([Target("stub", url)], config, PromptSource.builtin())
    level = result.levels[0]
    assert (level.attempted, level.succeeded) == (6, 4)
    assert level.errors == {"HTTP 503": 2}
    assert "overloaded" in level.error_examples["HTTP 503"]
    assert level.usage_source == "server" and level.prompt_tokens == 4 * 11


async def test_saved_json_renders_again(tmp_path: Path) -> None:
    with openai_stub(StubBehaviour(fail_every=4)) as (url, _):
        result = await run_bench([Target("stub", url)], SHORT, PromptSource.builtin())
    again = from_json(to_json(result))
    assert again.models == result.models and again.config == result.config
    for before, after in zip(result.levels, again.levels, strict=True):
        assert (after.attempted, after.succeeded, after.errors) == (
            before.attempted,
            before.succeeded,
            before.errors,
        )
        assert after.completion_tps == pytest.approx(before.completion_tps, rel=1e-4)
        assert after.ttft_p50_s == pytest.approx(before.ttft_p50_s, abs=1e-5)
    plot_png(again, tmp_path / "again.png")
    assert (tmp_path / "again.png").read_bytes()[:4] == b"\x89PNG"


async def test_connection_errors_are_results_not_exceptions() -> None:
    config = BenchConfig(levels=(1,), requests_per_level=2, max_tokens=4, timeout_s=5)
    target = Target("down", "http://127.0.0.1:9", model="m")  # port 9 (discard): nothing listens
    result = await run_bench([target], config, PromptSource.builtin())
    assert result.levels[0].succeeded == 0
    assert sum(result.levels[0].errors.values()) == 2


async def test_distinct_prompts_model_discovery_and_api_key() -> None:
    with openai_stub(StubBehaviour(models=["first", "second"], api_key="k")) as (url, stub):
        result = await run_bench([Target("stub", url, api_key="k")], SHORT, PromptSource.builtin())
    assert result.models == {"stub": "first"}
    prompts = [r["messages"][-1]["content"] for r in stub.seen_requests]
    assert len(prompts) == 6 and len(set(prompts)) == 6
    assert all(r["model"] == "first" for r in stub.seen_requests)


async def test_duration_mode_stops_starting_requests() -> None:
    config = BenchConfig(levels=(2,), duration_s=0.5, max_tokens=2, timeout_s=30)
    with openai_stub() as (url, stub):
        result = await run_bench([Target("stub", url)], config, PromptSource.builtin())
    level = result.levels[0]
    assert level.attempted == len(stub.seen_requests) >= 2
    assert level.succeeded == level.attempted


def test_cli_csv_and_compare_against_stubs(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text(
        '{"prompt": "日本の首都は？"}\n{"messages": [{"role": "user", "content": "Hi"}]}\n"plain"\n',
        encoding="utf-8",
    )
    with openai_stub() as (a, stub_a), openai_stub(StubBehaviour(send_usage=False)) as (b, stub_b):
        result = runner.invoke(
            app,
            [a, "--compare", b, "--levels", "1,2", "--requests", "2", "--max-tokens", "3",
             "--prompts", str(prompts), "--csv", "--name", "kakehashi", "--compare-name", "ref"],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["target"], r["concurrency"]) for r in rows] == [
        ("kakehashi", "1"), ("ref", "1"), ("kakehashi", "2"), ("ref", "2"),
    ]  # fmt: skip
    assert {r["usage_source"] for r in rows} == {"server", "chunk count (fallback)"}
    sent = [r["messages"][-1]["content"] for r in stub_a.seen_requests + stub_b.seen_requests]
    assert "日本の首都は？" in sent and "plain" in sent


def test_cli_table_marks_fallback_and_errors() -> None:
    with openai_stub(StubBehaviour(send_usage=False, fail_every=2)) as (url, _):
        result = runner.invoke(
            app, [url, "--levels", "1", "--requests", "4", "--max-tokens", "2"], env={"COLUMNS": "160"}
        )
    assert result.exit_code == 0, result.output
    assert "fallback" in result.stdout
    assert "HTTP 503" in result.stdout and "2/4" in result.stdout


# --- pure helpers ----------------------------------------------------------------------------


def test_percentile_interpolates_like_numpy() -> None:
    assert percentile([], 50) is None
    assert percentile([3.0], 95) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)


def test_summarize_tokens_and_rates() -> None:
    results = [
        RequestResult(ok=True, latency_s=1.0, ttft_s=0.2, gaps_s=[0.1, 0.3], prompt_tokens=10,
                      completion_tokens=3, usage_from_server=True),
        RequestResult(ok=True, latency_s=3.0, ttft_s=0.4, gaps_s=[0.2], prompt_tokens=20,
                      completion_tokens=2, usage_from_server=False),
        RequestResult(ok=False, latency_s=0.1, error="HTTP 500", error_detail="boom"),
    ]  # fmt: skip
    level = summarize("t", 2, 2.0, results)
    assert (level.attempted, level.succeeded, level.errors) == (3, 2, {"HTTP 500": 1})
    assert level.latency_mean_s == pytest.approx(2.0)
    assert level.itl_mean_s == pytest.approx(0.2)
    assert level.completion_tps == pytest.approx(2.5)
    assert level.prompt_tps == pytest.approx(15.0)
    assert level.usage_source == "mixed"


def test_builtin_prompts_are_distinct_and_bilingual() -> None:
    prompts = builtin_prompts()
    assert len(prompts) == len(set(prompts)) >= 100
    assert any("について" in p for p in prompts) and any(p.startswith("Explain") for p in prompts)
    source = PromptSource.builtin()
    handed_out = [source.next()[-1]["content"] for _ in range(len(source) + 5)]
    assert len(set(handed_out)) == len(handed_out)  # unique even after wrapping around


def test_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "ok"}\n{"nope": 1}\n', encoding="utf-8")
    with pytest.raises(InvalidRequest, match=r"bad.jsonl:2"):
        load_jsonl(bad)
    with pytest.raises(InvalidRequest, match="cannot read"):
        load_jsonl(tmp_path / "missing.jsonl")
