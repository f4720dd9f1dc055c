"""What the model must answer for each chunk: the JSON schema sent to the server, and its parser.

The schema is written out by hand rather than generated from the pydantic models because its
sizes depend on the run (one answer per question, at most N facts) and because its bounds
(maxItems, maxLength) are what keep a small model's grammar-constrained output short and finite.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kakehashi.pipelines.errors import MalformedAnswer

FACT_FIELDS = ("who", "what", "when", "where", "why", "how")
MAX_NUMBERS = 2


@dataclass(frozen=True, slots=True)
class TextBounds:
    """maxLength, in characters, of each string the model writes.

    Tight bounds: a small model tends to fill a string up to its limit (or loop until it), and every
    token costs time. What a bound costs is in tokens, not characters: SmolLM2's tokenizer spends ~4
    English characters per token but ~0.6 Japanese ones, so the same 160 characters are ~40 tokens of
    English and ~270 of Japanese, enough for one looping field to use up a chunk's max_tokens.
    """

    answer: int
    fact: int
    field: int  # who, what, when, where, why, how
    number: int


# who/what/... are short phrases ("Hakko Island", "in 1870"): a small model fills them to their bound
# with repeats or made-up timestamps, 12 of them a chunk with 2 facts, so their bound costs the most.
LATIN_BOUNDS = TextBounds(answer=160, fact=160, field=24, number=24)
# About the same tokens as LATIN_BOUNDS' strings, and still room for a sentence such as
# 「1870年に建てられた灯台は高さ20メートルで、15キロメートル先からも見えます。」 (42 characters).
# (Tighter ones, 32/48, made the model write more facts, so more tokens: benchmarks/extract, session 11.)
CJK_BOUNDS = TextBounds(answer=48, fact=64, field=8, number=12)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]")


def bounds_for(text: str) -> TextBounds:
    """CJK_BOUNDS when a fifth or more of the text's characters (spaces aside) are CJK, else LATIN_BOUNDS."""
    letters = sum(not ch.isspace() for ch in text)
    return CJK_BOUNDS if letters and len(_CJK.findall(text)) * 5 >= letters else LATIN_BOUNDS


class ChunkAnswer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    answerable: bool
    answer: str = ""


class ChunkFact(BaseModel):
    model_config = ConfigDict(extra="ignore")

    fact: str
    who: str = ""
    what: str = ""
    when: str = ""
    where: str = ""
    why: str = ""
    how: str = ""
    numbers: list[str] = Field(default_factory=list)


class ChunkExtraction(BaseModel):
    """One chunk's result: `answers[i]` answers question i."""

    model_config = ConfigDict(extra="ignore")

    answers: list[ChunkAnswer]
    facts: list[ChunkFact] = Field(default_factory=list)


def _text(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length}


def extraction_schema(
    question_count: int, max_facts: int, bounds: TextBounds = LATIN_BOUNDS
) -> dict[str, Any]:
    answer = {
        "type": "object",
        "properties": {"answerable": {"type": "boolean"}, "answer": _text(bounds.answer)},
        "required": ["answerable", "answer"],
        "additionalProperties": False,
    }
    fact_properties: dict[str, Any] = {"fact": _text(bounds.fact)}
    fact_properties.update({name: _text(bounds.field) for name in FACT_FIELDS})
    fact_properties["numbers"] = {"type": "array", "items": _text(bounds.number), "maxItems": MAX_NUMBERS}
    fact = {
        "type": "object",
        "properties": fact_properties,
        "required": list(fact_properties),
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "answers": {
                "type": "array",
                "items": answer,
                "minItems": question_count,
                "maxItems": question_count,
            },
            "facts": {"type": "array", "items": fact, "maxItems": max_facts},
        },
        "required": ["answers", "facts"],
        "additionalProperties": False,
    }


def keywords_schema(max_keywords: int = 6) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "keywords": {"type": "array", "items": _text(40), "minItems": 1, "maxItems": max_keywords}
        },
        "required": ["keywords"],
        "additionalProperties": False,
    }


def _load_json(content: str) -> Any:
    try:
        # strict=False accepts raw newlines inside strings, which some servers' JSON grammars allow.
        return json.loads(content, strict=False)
    except ValueError as exc:
        raise MalformedAnswer(f"not JSON: {exc} (answer began {content[:80]!r})") from None


def _validation_message(exc: ValidationError, content: str) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the answer"
    return f"{where}: {first['msg']} (answer began {content[:80]!r})"


def parse_extraction(content: str, question_count: int, max_facts: int) -> ChunkExtraction:
    """The model's JSON as a ChunkExtraction, raising MalformedAnswer when it is not one.

    A missing answer is filled in as "not answerable" (that is what the chunk told us about that
    question), extra answers and facts beyond the limit are dropped: servers that ignore the schema's
    bounds should not cost the whole chunk.
    """
    try:
        parsed = ChunkExtraction.model_validate(_load_json(content))
    except ValidationError as exc:
        raise MalformedAnswer(_validation_message(exc, content)) from None
    answers = parsed.answers[:question_count]
    answers += [ChunkAnswer(answerable=False) for _ in range(question_count - len(answers))]
    return ChunkExtraction(answers=answers, facts=parsed.facts[:max_facts])


def parse_truncated_extraction(content: str, question_count: int, max_facts: int) -> ChunkExtraction:
    """What an answer cut at max_tokens already holds: every answer and the facts written in full.

    The grammar writes the answers first, so an answer cut inside its facts has lost only the fact it
    was writing. Raises MalformedAnswer unless every question's answer was written in full (a partial
    answer list would read as "not answerable").
    """
    for end, closers in reversed(_complete_items(content)):
        try:
            data = json.loads(content[:end] + closers, strict=False)
            parsed = ChunkExtraction.model_validate(data)
        except (ValueError, ValidationError):
            continue
        if len(parsed.answers) >= question_count:
            return parse_extraction(json.dumps(data), question_count, max_facts)
    raise MalformedAnswer(f"no complete answers before the cut (answer began {content[:80]!r})")


def _complete_items(content: str) -> list[tuple[int, str]]:
    """(end, closers) after each object or array closed inside an array: content[:end] + closers is
    that prefix with its open brackets closed."""
    items: list[tuple[int, str]] = []
    stack: list[str] = []
    in_string = escaped = False
    for position, char in enumerate(content):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            stack.append("}" if char == "{" else "]")
        elif char in "}]":
            if not stack or stack.pop() != char:
                break  # not JSON: nothing after this can be closed
            if stack and stack[-1] == "]":
                items.append((position + 1, "".join(reversed(stack))))
    return items


class KeywordAnswer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    keywords: list[str]


def parse_keywords(content: str) -> KeywordAnswer:
    try:
        return KeywordAnswer.model_validate(_load_json(content))
    except ValidationError as exc:
        raise MalformedAnswer(_validation_message(exc, content)) from None
