"""`kakehashi extract` shows progress inside a chunk, and a run with failed chunks exits non-zero saying why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import Progress, TaskID
from typer.testing import CliRunner

from kakehashi.pipelines.extract import app
from kakehashi.pipelines.pipeline import ExtractSettings, SourceSpec, run_extraction

from .conftest import ScriptedLLM, stream_reply

ANSWER = json.dumps({"answers": [{"answerable": True, "answer": "333 metres"}], "facts": []})


class RecordingProgress(Progress):
    """A real rich Progress that also remembers every update: (chunks completed then, detail text)."""

    def __init__(self) -> None:
        super().__init__(console=Console(file=open("/dev/null", "w")))  # noqa: SIM115 - lives as long as the test
        self.seen: list[tuple[float, str]] = []

    def update(self, task_id: TaskID, **fields: Any) -> None:  # type: ignore[override]
        super().update(task_id, **fields)
        if "detail" in fields:
            self.seen.append((self._tasks[task_id].completed, fields["detail"]))


async def test_progress_counts_tokens_while_a_chunk_is_answered(scripted_llm: ScriptedLLM, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tower.md").write_text("Tokyo Tower is 333 metres tall.\n", encoding="utf-8")
    pieces = [ANSWER[i : i + 4] for i in range(0, len(ANSWER), 4)]
    scripted_llm.script = [stream_reply(pieces)]
    progress = RecordingProgress()
    async with httpx.AsyncClient(base_url=scripted_llm.server.base_url) as http:
        report = await run_extraction(ExtractSettings(questions=["How tall?"], cache_dir=None),
                                      SourceSpec(directory=docs), http, progress=progress)
    assert report.stats.chunks_failed == 0 and report.questions[0].answers
    assert scripted_llm.chat_requests[0]["stream"] is True
    # The token count moved while the only chunk was still unfinished (completed == 0).
    during = [detail for completed, detail in progress.seen if completed == 0]
    assert during[0] == "1 tokens" and during[-1] == f"{len(pieces)} tokens"
    assert report.stats.completion_tokens == len(pieces)  # usage from the stream's last chunk


def test_failed_chunks_exit_non_zero_with_the_reason(scripted_llm: ScriptedLLM, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tower.md").write_text("Tokyo Tower is 333 metres tall.\n", encoding="utf-8")
    scripted_llm.script = [stream_reply(['{"answers": [{"answerable": true, "ans'], finish_reason="length")]
    result = CliRunner().invoke(app, [
        "--dir", str(docs), "-q", "How tall?", "--base-url", scripted_llm.server.base_url,
        "--no-cache", "--max-tokens", "16", "-o", str(tmp_path / "report.md"),
    ])  # fmt: skip
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "1 of 1 chunks failed" in text
    assert "answer cut at max_tokens=16" in text and "raise --max-tokens" in text
    assert (tmp_path / "report.md").is_file()  # the (incomplete) report is still written
