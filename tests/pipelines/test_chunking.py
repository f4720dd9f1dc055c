from __future__ import annotations

import itertools

import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.chunking import split_into_chunks

JAPANESE_SENTENCES = [
    "東京は日本の首都であり、約千四百万人が暮らしている。",
    "富士山の標高は三千七百七十六メートルです！",
    "毎年夏には多くの登山者が山頂を目指すのでしょうか？",
    "二〇一三年には世界文化遺産に登録された。",
]


def _japanese_text(repeats: int) -> str:
    # No spaces and no newlines: only the full stops tell where a sentence ends.
    return "".join(JAPANESE_SENTENCES * repeats)


def test_every_chunk_is_the_exact_slice_of_the_source_at_its_position() -> None:
    text = "# Title\n\n" + "\n\n".join(
        f"Paragraph {n}. It has two sentences about item {n}." for n in range(60)
    )
    chunks = split_into_chunks(text, "doc.md", max_chars=300, overlap_chars=50)

    assert len(chunks) > 5
    assert [chunk.index for chunk in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        assert chunk.source == "doc.md"
        assert text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 300
    assert chunks[0].start == 0
    assert chunks[-1].end == len(text.rstrip())


def test_japanese_text_is_cut_after_a_full_stop_not_inside_a_sentence() -> None:
    text = _japanese_text(10)
    chunks = split_into_chunks(text, "ja.txt", max_chars=120, overlap_chars=0, markdown=False)

    assert len(chunks) > 3
    sentences = set(JAPANESE_SENTENCES)
    for chunk in chunks:
        assert chunk.text[-1] in "。！？"
        # A chunk is whole sentences: peeling off known sentences from its start leaves nothing.
        rest = chunk.text
        while rest:
            head = next((s for s in sentences if rest.startswith(s)), None)
            assert head is not None, f"chunk {chunk.index} starts mid-sentence: {rest[:20]!r}"
            rest = rest[len(head) :]


def test_neighbouring_chunks_overlap_by_whole_sentences_within_the_limit() -> None:
    text = _japanese_text(10)
    chunks = split_into_chunks(text, "ja.txt", max_chars=120, overlap_chars=60, markdown=False)

    overlaps = [previous.end - current.start for previous, current in itertools.pairwise(chunks)]
    assert all(0 <= overlap <= 60 for overlap in overlaps)
    assert any(overlap > 0 for overlap in overlaps)
    for previous, current in itertools.pairwise(chunks):
        shared = text[current.start : previous.end]
        if shared:
            assert shared[-1] in "。！？"  # the overlap ends on a sentence boundary too
            assert previous.text.endswith(shared) and current.text.startswith(shared)


def test_without_overlap_chunks_cover_the_text_in_order() -> None:
    text = "\n\n".join(["First paragraph is here."] * 5 + ["最後の段落です。ここで終わります。"] * 5)
    chunks = split_into_chunks(text, "mixed.md", max_chars=80, overlap_chars=0)

    for previous, current in itertools.pairwise(chunks):
        assert previous.end <= current.start
        assert text[previous.end : current.start].strip() == ""  # only whitespace is dropped


def test_short_text_is_one_chunk_and_empty_text_none() -> None:
    assert [c.text for c in split_into_chunks("短い文です。", "a.txt")] == ["短い文です。"]
    assert split_into_chunks("  \n ", "empty.txt") == []


@pytest.mark.parametrize(("max_chars", "overlap"), [(0, 0), (100, 100), (100, -1)])
def test_nonsensical_sizes_are_rejected(max_chars: int, overlap: int) -> None:
    with pytest.raises(InvalidRequest):
        split_into_chunks("text", "a.txt", max_chars=max_chars, overlap_chars=overlap)
