from __future__ import annotations

import json

import pytest

from kakehashi.pipelines.errors import MalformedAnswer
from kakehashi.pipelines.schema import (
    extraction_schema,
    parse_extraction,
    parse_keywords,
    parse_truncated_extraction,
)

jsonschema = pytest.importorskip("jsonschema")


def test_schema_asks_one_answer_per_question_and_bounds_the_facts() -> None:
    schema = extraction_schema(question_count=2, max_facts=3)
    jsonschema.Draft202012Validator.check_schema(schema)
    fact = {"fact": "f", "who": "", "what": "", "when": "", "where": "", "why": "", "how": "", "numbers": []}
    answers = [{"answerable": True, "answer": "a"}, {"answerable": False, "answer": ""}]
    good = {"answers": answers, "facts": [fact]}
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "answers": answers[:1]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "facts": [fact] * 4}, schema)


def test_parse_accepts_raw_newlines_and_normalises_the_answer_count() -> None:
    content = '{"answers": [{"answerable": true, "answer": "line one\nline two"}], "facts": []}'
    parsed = parse_extraction(content, question_count=2, max_facts=2)
    assert parsed.answers[0].answer == "line one\nline two"
    assert parsed.answers[1].answerable is False  # missing answer: the chunk did not answer it
    too_many = json.dumps(
        {"answers": [{"answerable": True, "answer": str(n)} for n in range(3)], "facts": []}
    )
    assert [a.answer for a in parse_extraction(too_many, question_count=2, max_facts=2).answers] == ["0", "1"]


@pytest.mark.parametrize(
    "content",
    [
        '{"answers": [{"answerable": true, "answer": "cut off',
        '{"facts": []}',
        "[]",
        '{"answers": [{"answer": 1}]}',
    ],
)
def test_parse_rejects_what_is_not_the_schema(content: str) -> None:
    with pytest.raises(MalformedAnswer):
        parse_extraction(content, question_count=1, max_facts=2)


def test_keywords_parse() -> None:
    assert parse_keywords('{"keywords": ["富士山", "標高"]}').keywords == ["富士山", "標高"]
    with pytest.raises(MalformedAnswer):
        parse_keywords('{"words": []}')


def test_string_bounds_follow_the_chunks_script() -> None:
    from kakehashi.pipelines.schema import CJK_BOUNDS, LATIN_BOUNDS, bounds_for

    assert bounds_for("Port 1 is a harbour town on the coast of Hokkaido.") == LATIN_BOUNDS
    assert bounds_for("港町2は九州の海沿いにある港町です。1607年に作られました。") == CJK_BOUNDS
    assert bounds_for("A guide to 東京 for visitors, with prices and opening hours.") == LATIN_BOUNDS
    assert bounds_for("") == LATIN_BOUNDS
    cjk = extraction_schema(question_count=1, max_facts=1, bounds=CJK_BOUNDS)
    answer = cjk["properties"]["answers"]["items"]["properties"]["answer"]
    assert answer["maxLength"] == CJK_BOUNDS.answer < LATIN_BOUNDS.answer
    fact = cjk["properties"]["facts"]["items"]["properties"]
    assert fact["fact"]["maxLength"] == CJK_BOUNDS.fact and fact["who"]["maxLength"] == CJK_BOUNDS.field


def test_small_model_tokens_weigh_cjk_characters_more() -> None:
    from kakehashi.content import small_model_tokens as estimated_tokens

    english = "Port 1 is a harbour town on the coast of Hokkaido. " * 14  # 714 characters
    japanese = "港町2は九州の海沿いにある港町です。1607年に作られました。" * 9  # 297 characters
    # SmolLM2's tokenizer makes 225 and 450 tokens of them: the estimate stays within 15%
    assert 191 <= estimated_tokens(english) <= 259
    assert 382 <= estimated_tokens(japanese) <= 518
    assert estimated_tokens("") == 0


ANSWERS = '{"answers":[{"answer":"1642","answerable":true},{"answer":"","answerable":false}]'
FACT = '{"fact":"It has a \\"light\\" [20 m].","how":"","numbers":["20 m"],"what":"","when":"","where":"","who":"","why":""}'


@pytest.mark.parametrize(
    ("content", "facts"),
    [
        (ANSWERS + ',"facts":[' + FACT + ',{"fact":"港町は17', 1),  # cut inside the second fact
        (ANSWERS + ',"facts":[' + FACT + ',{"fact":"x","numbers":["1', 1),  # inside a fact's numbers
        (ANSWERS + ',"facts":[' + FACT + ",", 1),
        (ANSWERS + ',"facts":[{"fact":"Port', 0),  # the answers are kept, the facts lost
        (ANSWERS + ',"fa', 0),
    ],
)
def test_a_cut_answer_keeps_every_answer_and_its_complete_facts(content: str, facts: int) -> None:
    parsed = parse_truncated_extraction(content, question_count=2, max_facts=2)
    assert [(a.answerable, a.answer) for a in parsed.answers] == [(True, "1642"), (False, "")]
    assert len(parsed.facts) == facts
    if facts:
        assert parsed.facts[0].fact == 'It has a "light" [20 m].' and parsed.facts[0].numbers == ["20 m"]


@pytest.mark.parametrize(
    "content",
    [
        '{"answers":[{"answer":"1642","answerable":true},{"answer":"cut',  # second answer unfinished
        '{"answers":[{"answer":"1642","answerable":true}',
        "",
        "not json",
        '{"facts":[' + FACT + ',{"fact":"',  # facts first: no answer at all
    ],
)
def test_a_cut_answer_without_every_answer_is_not_salvaged(content: str) -> None:
    with pytest.raises(MalformedAnswer):
        parse_truncated_extraction(content, question_count=2, max_facts=2)
