"""Drop what a chunk's answer claims but the chunk does not say: a cheap guard against small models.

A statement is grounded in its chunk when every number in it occurs in the chunk and at least one
of its content words does (for Japanese, which has no spaces, one of its two-character pieces).
That is lexical, not semantic: it cannot prove an answer right, but it does catch the commonest
failure of a 135M model, text that has nothing to do with the chunk it cites (invented dates,
answers to another question, echoes of the prompt). A report whose citations point at chunks that
never said the thing would be worse than a shorter report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kakehashi.pipelines.merge import ChunkResult
from kakehashi.pipelines.schema import FACT_FIELDS, ChunkAnswer, ChunkExtraction, ChunkFact

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[a-z][a-z'-]{3,}")  # 4+ letters: skips "the", "and", "was"
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]{2,}")


@dataclass(frozen=True, slots=True)
class GroundingOutcome:
    results: list[ChunkResult]
    dropped_answers: int
    dropped_facts: int


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _numbers(text: str) -> set[str]:
    return {number.replace(",", "") for number in _NUMBER.findall(text)}


def is_grounded(statement: str, source: str) -> bool:
    claim, haystack = _fold(statement), _fold(source)
    if not _numbers(claim) <= _numbers(haystack):
        return False
    words = _LATIN_WORD.findall(claim)
    pieces = [run[i : i + 2] for run in _CJK_RUN.findall(claim) for i in range(len(run) - 1)]
    if not words and not pieces:
        return bool(_numbers(claim))  # a bare number ("3776") is grounded by the check above
    return any(word in haystack for word in words) or any(piece in haystack for piece in pieces)


def drop_ungrounded(results: list[ChunkResult]) -> GroundingOutcome:
    """Each result with its ungrounded answers marked not answerable and ungrounded facts removed;
    a kept fact also loses the who/what/... fields and numbers its chunk does not support."""
    kept: list[ChunkResult] = []
    dropped_answers = dropped_facts = 0
    for result in results:
        text = result.chunk.text
        answers = []
        for answer in result.extraction.answers:
            if answer.answerable and answer.answer.strip() and not is_grounded(answer.answer, text):
                dropped_answers += 1
                answer = ChunkAnswer(answerable=False, answer="")
            answers.append(answer)
        facts = []
        for fact in result.extraction.facts:
            if not is_grounded(fact.fact, text):
                dropped_facts += 1
                continue
            supported = ChunkFact(fact=fact.fact)
            for name in FACT_FIELDS:
                value = getattr(fact, name)
                if value.strip() and is_grounded(value, text):
                    setattr(supported, name, value)
            supported.numbers = [number for number in fact.numbers if is_grounded(number, text)]
            facts.append(supported)
        kept.append(ChunkResult(result.chunk, ChunkExtraction(answers=answers, facts=facts)))
    return GroundingOutcome(results=kept, dropped_answers=dropped_answers, dropped_facts=dropped_facts)
