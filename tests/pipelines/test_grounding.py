from __future__ import annotations

from kakehashi.pipelines.chunking import Chunk
from kakehashi.pipelines.grounding import drop_ungrounded, echoes, is_degenerate, is_grounded
from kakehashi.pipelines.merge import ChunkResult
from kakehashi.pipelines.schema import ChunkAnswer, ChunkExtraction, ChunkFact

TOWER = "Tokyo Tower was completed in 1958. It is 333 metres tall and cost 2,800,000,000 yen."
FUJI = "富士山は日本で最も高い山です。標高は３７７６メートルです。"


def test_grounded_statements_share_their_numbers_and_a_content_word_with_the_chunk() -> None:
    assert is_grounded("333 metres", TOWER)
    assert is_grounded("It was completed in 1958.", TOWER)
    assert is_grounded("2800000000 yen", TOWER)  # thousands separators do not matter
    assert is_grounded("標高は3776メートル", FUJI)  # full-width digits fold to ASCII
    assert is_grounded("3776", FUJI)
    assert is_grounded("最も高い山", FUJI)


def test_invented_numbers_and_unrelated_text_are_not_grounded() -> None:
    assert not is_grounded("Tokyo Tower is 350 metres tall", TOWER)  # 350 is not in the chunk
    assert not is_grounded("10.10.2013 },", FUJI)
    assert not is_grounded("The capital of France is Paris", TOWER)
    assert not is_grounded("東京タワー", FUJI)
    assert not is_grounded("}, {", TOWER)


def test_drop_ungrounded_clears_unsupported_answers_facts_and_fields() -> None:
    chunk = Chunk(source="tower.html", index=0, start=0, end=len(TOWER), text=TOWER)
    extraction = ChunkExtraction(
        answers=[
            ChunkAnswer(answerable=True, answer="333 metres"),
            ChunkAnswer(answerable=True, answer="1964"),
        ],
        facts=[
            ChunkFact(
                fact="Tokyo Tower is 333 metres tall.",
                who="Nikken Sekkei",
                when="1958",
                numbers=["333 m", "14"],
            ),
            ChunkFact(fact="The answer to this question is not known in 2023."),
        ],
    )
    outcome = drop_ungrounded([ChunkResult(chunk, extraction)])

    (result,) = outcome.results
    assert [(a.answerable, a.answer) for a in result.extraction.answers] == [
        (True, "333 metres"),
        (False, ""),
    ]
    (fact,) = result.extraction.facts
    assert (fact.fact, fact.who, fact.when, fact.numbers) == (
        "Tokyo Tower is 333 metres tall.",
        "",
        "1958",
        ["333 m"],
    )
    assert (outcome.dropped_answers, outcome.dropped_facts) == (1, 1)


def test_generation_loops_are_degenerate_but_real_sentences_are_not() -> None:
    assert is_degenerate("1. 1. 1. 1. 1. 1. 1. 1.")
    assert is_degenerate("1. 2. 2. 2. 2. 2. 2. 2. 2. 2. 2. 2. 2. 2")
    assert is_degenerate("ははははははははは")
    assert not is_degenerate(TOWER)
    assert not is_degenerate(FUJI)
    assert not is_degenerate("Use --leak-check=full to see details of each leak")
    assert not is_degenerate("3776")


def test_answers_that_repeat_the_questions_are_echoes() -> None:
    questions = ["How do I check my program for memory leaks?", "富士山の高さは？"]
    assert echoes("1. How do I check my program for memory leaks?", questions)
    assert echoes("1. How do I check my program for memory leaks? 2. Why is it slow?", questions)
    assert echoes("富士山の高さは", questions)
    assert not echoes("Run it under valgrind --leak-check=full", questions)
    assert not echoes("memory leaks", questions)  # too short to call it an echo


def test_loops_echoes_bare_numbers_and_pasted_fields_are_dropped() -> None:
    source = "==19182== 40 bytes in 1 blocks are definitely lost in loss record 1 of 1. Use valgrind."
    chunk = Chunk(source="qs.html", index=0, start=0, end=len(source), text=source)
    extraction = ChunkExtraction(
        answers=[ChunkAnswer(answerable=True, answer="1. 1. 1. 1. 1. 1. 1. 1."),
                 ChunkAnswer(answerable=True, answer="How do I find leaks with valgrind?")],
        facts=[
            ChunkFact(fact="19182"),
            ChunkFact(fact="40 bytes in 1 blocks are definitely lost",
                      what="40 bytes are lost", how="40 bytes are lost", where="loss record 1"),
        ],
    )
    outcome = drop_ungrounded([ChunkResult(chunk, extraction)], ["How do I find leaks with valgrind?"])
    kept = outcome.results[0].extraction
    assert [a.answerable for a in kept.answers] == [False, False]
    assert [f.fact for f in kept.facts] == ["40 bytes in 1 blocks are definitely lost"]
    fact = kept.facts[0]
    assert (fact.what, fact.how, fact.where) == ("40 bytes are lost", "", "loss record 1")
    assert (outcome.dropped_answers, outcome.dropped_facts) == (2, 1)
