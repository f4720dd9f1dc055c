"""What the model must answer for each chunk: the JSON schema sent to the server, and its parser.

The schema is written out by hand rather than generated from the pydantic models because its
sizes depend on the run (one answer per question, at most N facts) and because its bounds
(maxItems, maxLength) are what keep a small model's grammar-constrained output short and finite.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kakehashi.pipelines.errors import MalformedAnswer

FACT_FIELDS = ("who", "what", "when", "where", "why", "how")
# Tight bounds: a small model tends to fill a string up to its limit, and every character costs time.
MAX_ANSWER_CHARS = 160
MAX_FACT_CHARS = 160
MAX_FIELD_CHARS = 40
MAX_NUMBERS = 2
MAX_NUMBER_CHARS = 24


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


def extraction_schema(question_count: int, max_facts: int) -> dict[str, Any]:
    answer = {
        "type": "object",
        "properties": {"answerable": {"type": "boolean"}, "answer": _text(MAX_ANSWER_CHARS)},
        "required": ["answerable", "answer"],
        "additionalProperties": False,
    }
    fact_properties: dict[str, Any] = {"fact": _text(MAX_FACT_CHARS)}
    fact_properties.update({name: _text(MAX_FIELD_CHARS) for name in FACT_FIELDS})
    fact_properties["numbers"] = {"type": "array", "items": _text(MAX_NUMBER_CHARS), "maxItems": MAX_NUMBERS}
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


class KeywordAnswer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    keywords: list[str]


def parse_keywords(content: str) -> KeywordAnswer:
    try:
        return KeywordAnswer.model_validate(_load_json(content))
    except ValidationError as exc:
        raise MalformedAnswer(_validation_message(exc, content)) from None
