from __future__ import annotations

import json
import re

from kakehashi.pipelines.merge import Citation, MergedAnswer, MergedFact, QuestionResult
from kakehashi.pipelines.report import Failure, Report, SourceInfo, to_json, to_markdown


def _report(lang: str = "en") -> Report:
    return Report(
        model="smollm2",
        lang=lang,  # type: ignore[arg-type]
        questions=[
            QuestionResult(
                question="How tall is Tokyo Tower?",
                answers=[
                    MergedAnswer(text="333\nmetres", citations=[Citation("b.html", 0), Citation("a.html", 2)])
                ],
            ),
            QuestionResult(question="富士山の標高は？", answers=[]),
        ],
        facts=[
            MergedFact(
                fact="Tokyo Tower opened in 1958.",
                when="1958",
                numbers=["1958"],
                citations=[Citation("a.html", 2)],
            )
        ],
        sources=[SourceInfo("a.html", "Tower", 3), SourceInfo("b.html", None, 1)],
        failures=[Failure(stage="fetch", location="https://gone.example/", message="HTTP 404 Not Found")],
    )


def test_markdown_has_answers_facts_sources_and_numbered_citations() -> None:
    markdown = to_markdown(_report())

    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Extraction report",
        "## Answers",
        "### Q1. How tall is Tokyo Tower?",
        "### Q2. 富士山の標高は？",
        "## Facts",
        "## Sources",
        "## Failures",
    ]
    assert "- 333 metres [2#0] [1#2]" in markdown  # newlines in model output stay on one line
    assert "_Not answerable from the sources._" in markdown
    assert "- Tokyo Tower opened in 1958. (when: 1958; numbers: 1958) [1#2]" in markdown
    assert "1. Tower — `a.html` (chunks: 3)" in markdown
    assert "2. `b.html` (chunks: 1)" in markdown
    assert "- fetch: `https://gone.example/`: HTTP 404 Not Found" in markdown
    cited_sources = {int(n) for n in re.findall(r"\[(\d+)#\d+\]", markdown)}
    assert cited_sources == {1, 2}


def test_japanese_report_uses_japanese_labels() -> None:
    report = _report("ja")
    report.stats.ungrounded_answers, report.stats.ungrounded_facts = 2, 5
    markdown = to_markdown(report)
    assert "チャンクに根拠がないため除外: 回答 2 件、事実 5 件。" in markdown
    assert "根拠" not in to_markdown(_report("ja"))  # said only when something was dropped
    assert markdown.startswith("# 抽出レポート")
    assert "## 回答" in markdown and "## 出典" in markdown and "_資料からは回答できません。_" in markdown
    assert "いつ: 1958" in markdown


def test_json_carries_the_same_content() -> None:
    data = json.loads(to_json(_report()))
    assert data["questions"][0]["answers"][0]["citations"] == [
        {"source": "b.html", "chunk": 0},
        {"source": "a.html", "chunk": 2},
    ]
    assert [q["answerable"] for q in data["questions"]] == [True, False]
    assert data["sources"][0] == {"location": "a.html", "title": "Tower", "chunks": 3}
    assert data["failures"][0]["stage"] == "fetch"
    assert set(data["stats"]) >= {"chunks", "chunks_extracted", "chunks_from_cache", "llm_requests"}
