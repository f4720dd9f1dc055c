"""Drop what a chunk's answer claims but the chunk does not say: a cheap guard against small models.

A statement is grounded in its chunk when every number in it occurs in the chunk and at least one
of its content words does (for Japanese, which has no spaces, one of its two-character pieces).
That is lexical, not semantic: it cannot prove an answer right, but it does catch the commonest
failure of a 135M model, text that has nothing to do with the chunk it cites (invented dates,
answers to another question, echoes of the prompt). A report whose citations point at chunks that
never said the thing would be worse than a shorter report.

Two more failures of tiny models are caught before that check: degenerate loops ("1. 1. 1. 1.",
one token repeated until the length limit), which are "grounded" because the chunk has a "1", and
an answer that merely repeats the question.
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
# Units for the loop check: a word, a number, or one CJK character.
_UNIT = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|\d+|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_LEADING_NUMBER = re.compile(r"^\s*(?:q?\d+[.)]|[-*])\s*")


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


def is_degenerate(text: str) -> bool:
    """A generation loop: some unit makes up most of a longer text ("1. 1. 1. 1. 1. 1.", "はははは")."""
    units = _UNIT.findall(_fold(text))
    if len(units) < 6:
        return False
    most = max(units.count(u) for u in set(units))
    return most / len(units) > 0.4 or len(set(units)) / len(units) < 0.25


def echoes(statement: str, questions: list[str]) -> bool:
    """The statement repeats a question (numbering and punctuation aside), or is part of one."""
    def core(text: str) -> str:
        return re.sub(r"[\W_]+", " ", _LEADING_NUMBER.sub("", _fold(text))).strip()

    claim = core(statement)
    for question in map(core, questions):
        if claim == question or (len(claim) > 12 and claim in question) or (len(question) > 12 and question in claim):
            return True
    return False


def _has_words(statement: str) -> bool:
    """A fact must say something in words: a bare number ("19182") is not one."""
    return bool(_LATIN_WORD.search(_fold(statement)) or _CJK_RUN.search(statement))


def _usable(statement: str, source: str, questions: list[str]) -> bool:
    return not is_degenerate(statement) and not echoes(statement, questions) and is_grounded(statement, source)


def drop_ungrounded(results: list[ChunkResult], questions: list[str] | None = None) -> GroundingOutcome:
    """Each result with its ungrounded answers marked not answerable and ungrounded facts removed;
    a kept fact also loses the who/what/... fields and numbers its chunk does not support."""
    questions = questions or []
    kept: list[ChunkResult] = []
    dropped_answers = dropped_facts = 0
    for result in results:
        text = result.chunk.text
        answers = []
        for answer in result.extraction.answers:
            if answer.answerable and answer.answer.strip() and not _usable(answer.answer, text, questions):
                dropped_answers += 1
                answer = ChunkAnswer(answerable=False, answer="")
            answers.append(answer)
        facts = []
        for fact in result.extraction.facts:
            if not _has_words(fact.fact) or not _usable(fact.fact, text, questions):
                dropped_facts += 1
                continue
            supported = ChunkFact(fact=fact.fact)
            seen: set[str] = set()  # a tiny model pastes one phrase into who, what, where and how
            for name in FACT_FIELDS:
                value = getattr(fact, name)
                if value.strip() and _fold(value) not in seen and _usable(value, text, questions):
                    setattr(supported, name, value)
                    seen.add(_fold(value))
            supported.numbers = [n for n in fact.numbers if _usable(n, text, questions)]
            facts.append(supported)
        kept.append(ChunkResult(result.chunk, ChunkExtraction(answers=answers, facts=facts)))
    return GroundingOutcome(results=kept, dropped_answers=dropped_answers, dropped_facts=dropped_facts)
