"""The run's outcome: a Markdown report with citations for people, or JSON for scripts."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from kakehashi.pipelines.merge import Citation, MergedFact, QuestionResult
from kakehashi.pipelines.prompts import Lang

FailureStage = Literal["search", "fetch", "convert", "extract"]


@dataclass(slots=True)
class SourceInfo:
    location: str
    title: str | None
    chunks: int


@dataclass(slots=True)
class Failure:
    stage: FailureStage
    location: str
    message: str
    chunk: int | None = None


@dataclass(slots=True)
class RunStats:
    documents: int = 0
    chunks: int = 0
    chunks_extracted: int = 0  # chunks the model was asked about in this run
    chunks_from_cache: int = 0  # chunks answered from a previous run's results
    chunks_failed: int = 0
    llm_requests: int = 0  # completions generated, retries and keyword generation included
    malformed_retries: int = 0
    salvaged_answers: int = 0  # answers cut at --max-tokens kept up to their last complete fact
    ungrounded_answers: int = 0  # answers dropped: their chunk does not contain their words or numbers
    ungrounded_facts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    elapsed_s: float = 0.0


@dataclass(slots=True)
class Report:
    model: str
    lang: Lang
    questions: list[QuestionResult]
    facts: list[MergedFact]
    sources: list[SourceInfo]
    failures: list[Failure] = field(default_factory=list)
    stats: RunStats = field(default_factory=RunStats)
    search_query: str | None = None
    search_keywords: list[str] = field(default_factory=list)


_LABELS: dict[Lang, dict[str, str]] = {
    "en": {
        "title": "Extraction report",
        "summary": "{documents} documents, {chunks} chunks, model `{model}`",
        "search": "Search",
        "questions": "Answers",
        "not_answerable": "_Not answerable from the sources._",
        "facts": "Facts",
        "no_facts": "_No facts extracted._",
        "sources": "Sources",
        "chunks": "chunks: {count}",
        "failures": "Failures",
        "legend": "Citations read `[source#chunk]`.",
        "ungrounded": "Dropped as unsupported by their chunk: {answers} answers, {facts} facts.",
        "who": "who", "what": "what", "when": "when", "where": "where", "why": "why", "how": "how",
        "numbers": "numbers",
    },
    "ja": {
        "title": "抽出レポート",
        "summary": "文書 {documents} 件、チャンク {chunks} 個、モデル `{model}`",
        "search": "検索",
        "questions": "回答",
        "not_answerable": "_資料からは回答できません。_",
        "facts": "事実",
        "no_facts": "_抽出された事実はありません。_",
        "sources": "出典",
        "chunks": "チャンク {count} 個",
        "failures": "失敗",
        "legend": "引用は `[出典番号#チャンク番号]` です。",
        "ungrounded": "チャンクに根拠がないため除外: 回答 {answers} 件、事実 {facts} 件。",
        "who": "誰が", "what": "何を", "when": "いつ", "where": "どこで", "why": "なぜ", "how": "どのように",
        "numbers": "数値",
    },
}  # fmt: skip


def to_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)


def to_dict(report: Report) -> dict[str, Any]:
    data = dataclasses.asdict(report)
    for question, result in zip(data["questions"], report.questions, strict=True):
        question["answerable"] = result.answerable
    return data


def to_markdown(report: Report) -> str:
    labels = _LABELS[report.lang]
    numbers = {source.location: position for position, source in enumerate(report.sources, start=1)}

    def cite(citations: list[Citation]) -> str:
        return " ".join(f"[{numbers.get(c.source, '?')}#{c.chunk}]" for c in citations)

    stats = report.stats
    lines = [
        f"# {labels['title']}",
        "",
        labels["summary"].format(documents=stats.documents, chunks=stats.chunks, model=report.model),
        labels["legend"],
    ]
    if stats.ungrounded_answers or stats.ungrounded_facts:
        lines.append(
            labels["ungrounded"].format(answers=stats.ungrounded_answers, facts=stats.ungrounded_facts)
        )
    if report.search_query is not None:
        keywords = ", ".join(report.search_keywords)
        lines += ["", f"{labels['search']}: {report.search_query}" + (f" → {keywords}" if keywords else "")]

    lines += ["", f"## {labels['questions']}"]
    for number, result in enumerate(report.questions, start=1):
        lines += ["", f"### Q{number}. {result.question}", ""]
        if not result.answers:
            lines.append(labels["not_answerable"])
        lines += [f"- {_one_line(answer.text)} {cite(answer.citations)}" for answer in result.answers]

    lines += ["", f"## {labels['facts']}", ""]
    if not report.facts:
        lines.append(labels["no_facts"])
    for fact in report.facts:
        details = [
            f"{labels[name]}: {_one_line(getattr(fact, name))}"
            for name in ("who", "what", "when", "where", "why", "how")
            if getattr(fact, name)
        ]
        if fact.numbers:
            details.append(f"{labels['numbers']}: {', '.join(_one_line(n) for n in fact.numbers)}")
        suffix = f" ({'; '.join(details)})" if details else ""
        lines.append(f"- {_one_line(fact.fact)}{suffix} {cite(fact.citations)}")

    lines += ["", f"## {labels['sources']}", ""]
    for position, source in enumerate(report.sources, start=1):
        title = f"{_one_line(source.title)} — " if source.title else ""
        lines.append(
            f"{position}. {title}`{source.location}` ({labels['chunks'].format(count=source.chunks)})"
        )

    if report.failures:
        lines += ["", f"## {labels['failures']}", ""]
        for failure in report.failures:
            where = failure.location + (f"#{failure.chunk}" if failure.chunk is not None else "")
            lines.append(f"- {failure.stage}: `{where}`: {_one_line(failure.message)}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """Model output on one Markdown line: its newlines would otherwise break the list."""
    return " ".join(text.split())
