from __future__ import annotations

from kakehashi.pipelines.chunking import Chunk
from kakehashi.pipelines.merge import ChunkResult, Citation, merge_answers, merge_facts, normalize
from kakehashi.pipelines.schema import ChunkAnswer, ChunkExtraction, ChunkFact


def _result(source: str, index: int, answers: list[tuple[bool, str]], facts: list[ChunkFact]) -> ChunkResult:
    chunk = Chunk(source=source, index=index, start=0, end=1, text="x")
    extraction = ChunkExtraction(
        answers=[ChunkAnswer(answerable=ok, answer=text) for ok, text in answers], facts=facts
    )
    return ChunkResult(chunk=chunk, extraction=extraction)


def test_normalize_folds_width_case_spacing_and_edge_punctuation() -> None:
    assert normalize("  Tokyo   Tower is 333 m. ") == normalize("tokyo tower is 333 m")
    assert normalize("「標高は３７７６ｍ」。") == normalize("標高は3776m")
    assert normalize("Tokyo Tower") != normalize("Tokyo Towers")


def test_equal_answers_are_combined_with_all_their_citations_most_supported_first() -> None:
    results = [
        _result("a.html", 0, [(True, "In 1958."), (False, "")], []),
        _result("a.html", 1, [(True, "333 metres"), (True, "不明")], []),
        _result("b.html", 0, [(True, "in 1958"), (True, "3776メートル")], []),
        _result("b.html", 1, [(True, "Not answerable"), (True, "３７７６メートル。")], []),
    ]
    merged = merge_answers(["When was it built?", "富士山の標高は？"], results)

    first, second = merged
    assert [a.text for a in first.answers] == ["In 1958.", "333 metres"]
    assert first.answers[0].citations == [Citation("a.html", 0), Citation("b.html", 0)]
    assert first.answers[1].citations == [Citation("a.html", 1)]
    # "不明" (unknown) is not an answer even when the model marked it answerable.
    assert [a.text for a in second.answers] == ["3776メートル"]
    assert second.answers[0].citations == [Citation("b.html", 0), Citation("b.html", 1)]


def test_a_question_no_chunk_answers_is_not_answerable() -> None:
    merged = merge_answers(["Who?"], [_result("a.html", 0, [(False, "")], [])])
    assert merged[0].answers == [] and not merged[0].answerable


def test_the_merge_does_not_depend_on_anything_but_its_input() -> None:
    results = [
        _result("a.html", 0, [(True, "x")], [ChunkFact(fact="One.")]),
        _result("b.html", 0, [(True, "y")], [ChunkFact(fact="Two.")]),
    ]
    assert merge_answers(["q"], results) == merge_answers(["q"], list(results))
    assert merge_facts(results) == merge_facts(list(results))


def test_duplicate_facts_merge_citations_numbers_and_missing_fields() -> None:
    results = [
        _result("a.html", 0, [], [ChunkFact(fact="Tokyo Tower is 333 m tall.", who="", numbers=["333 m"])]),
        _result(
            "b.html",
            2,
            [],
            [
                ChunkFact(fact="tokyo tower is 333 m tall", who="Nikken Sekkei", numbers=["333 m", "1958"]),
                ChunkFact(fact="  ", what="empty statements are dropped"),
                ChunkFact(fact="富士山は日本一高い山です。", where="静岡県と山梨県"),
            ],
        ),
    ]
    facts = merge_facts(results)

    assert [f.fact for f in facts] == ["Tokyo Tower is 333 m tall.", "富士山は日本一高い山です。"]
    tower = facts[0]
    assert tower.citations == [Citation("a.html", 0), Citation("b.html", 2)]
    assert tower.numbers == ["333 m", "1958"]
    assert tower.who == "Nikken Sekkei"
    assert facts[1].where == "静岡県と山梨県" and facts[1].citations == [Citation("b.html", 2)]
