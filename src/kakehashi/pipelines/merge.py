"""Combine per-chunk results into one answer set and one fact list, each item with its citations.

The merge is deterministic (no LLM call): the default model has 135M parameters and, asked to
synthesise many partial answers, it drops citations, invents connections and answers differently
from run to run. Grouping equal answers and de-duplicating facts by their normalised text keeps every
statement traceable to the chunks that said it, makes the report reproducible (and testable), and
costs nothing. A strong model could do a synthesis pass on top of this output.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kakehashi.pipelines.chunking import Chunk
from kakehashi.pipelines.schema import FACT_FIELDS, ChunkExtraction

# Answers a small model writes while also claiming "answerable": they say the opposite.
_NON_ANSWERS = frozenset(
    {
        "", "not answerable", "not answerable from the text", "unanswerable", "unknown", "none", "n/a",
        "na", "no answer", "not mentioned", "not stated", "the text does not say", "null",
        "不明", "なし", "該当なし", "回答なし", "回答できません", "答えられません", "記載なし", "わかりません",
    }
)  # fmt: skip
_EDGE_PUNCTUATION = "\"'`“”‘’「」『』()（）[]【】.,;:!?。、，．！？・ 　"


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    source: str
    chunk: int


@dataclass(frozen=True, slots=True)
class ChunkResult:
    chunk: Chunk
    extraction: ChunkExtraction


@dataclass(slots=True)
class MergedAnswer:
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class QuestionResult:
    question: str
    answers: list[MergedAnswer]  # most supported first; empty when no chunk answered

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass(slots=True)
class MergedFact:
    fact: str
    who: str = ""
    what: str = ""
    when: str = ""
    where: str = ""
    why: str = ""
    how: str = ""
    numbers: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def normalize(text: str) -> str:
    """The form two statements share when they say the same thing in trivially different ways."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", folded).strip(_EDGE_PUNCTUATION)


def merge_answers(questions: list[str], results: list[ChunkResult]) -> list[QuestionResult]:
    """Equal answers (after normalisation) become one, cited by every chunk that gave it.

    `results` must be in reading order (source by source, chunk by chunk): ties are broken by
    first appearance, so the same inputs always give the same report.
    """
    merged: list[QuestionResult] = []
    for number, question in enumerate(questions):
        groups: dict[str, MergedAnswer] = {}
        for result in results:
            answer = result.extraction.answers[number]
            key = normalize(answer.answer)
            if not answer.answerable or key in _NON_ANSWERS:
                continue
            group = groups.setdefault(key, MergedAnswer(text=answer.answer.strip()))
            _cite(group.citations, result.chunk)
        ranked = sorted(groups.values(), key=lambda group: -len(group.citations))  # stable: ties keep order
        merged.append(QuestionResult(question=question, answers=ranked))
    return merged


def merge_facts(results: list[ChunkResult]) -> list[MergedFact]:
    """Facts de-duplicated by normalised statement, in order of first appearance.

    A repeated fact gains the citation, any numbers it did not have yet, and the who/what/... fields
    the first occurrence left empty.
    """
    facts: dict[str, MergedFact] = {}
    for result in results:
        for fact in result.extraction.facts:
            key = normalize(fact.fact)
            if not key:
                continue
            merged = facts.setdefault(key, MergedFact(fact=fact.fact.strip()))
            for name in FACT_FIELDS:
                if not getattr(merged, name) and getattr(fact, name).strip():
                    setattr(merged, name, getattr(fact, name).strip())
            known = {normalize(number) for number in merged.numbers}
            for number in fact.numbers:
                if normalize(number) and normalize(number) not in known:
                    merged.numbers.append(number.strip())
                    known.add(normalize(number))
            _cite(merged.citations, result.chunk)
    return list(facts.values())


def _cite(citations: list[Citation], chunk: Chunk) -> None:
    citation = Citation(source=chunk.source, chunk=chunk.index)
    if citation not in citations:
        citations.append(citation)
