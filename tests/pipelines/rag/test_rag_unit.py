"""Pure parts of RAG: the FTS5 query for Japanese and English, the fusion of the two lists, and the store on a
real SQLite file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.rag.lexical import LexicalIndex, coverage, query_terms
from kakehashi.pipelines.rag.retrieve import fts_query, fts_terms, fuse
from kakehashi.pipelines.rag.store import RagStore, store_path


def test_fts_query_uses_trigrams_for_japanese_and_words_for_english() -> None:
    q = fts_query("確定申告の期限は？ What is the deadline?")
    terms = [t.strip('"') for t in q.split(" OR ")]
    assert terms[:3] == ["確定申", "告の期", "期限は"]  # every third trigram and the last: all 8 characters
    assert "deadline" in terms
    assert "what" not in terms and "the" not in terms  # stopwords
    assert fts_query("a b") == ""  # nothing searchable
    assert fts_query('quote"mark') == '"quote" OR "mark"'  # FTS5 syntax never reaches MATCH


@pytest.mark.parametrize("question", ["ファイルの最後の数行だけ表示したい", "確定申告", "申告", "ログを tail で見たい、リアルタイムで"])
def test_fts_terms_cover_every_character_with_a_third_of_the_trigrams(question: str) -> None:
    sent = fts_terms(question)
    assert all(t in question for t in sent if not t.isascii())  # trigrams of the question's own runs
    for run in ("ファイルの最後の数行だけ表示したい", "確定申告", "リアルタイムで"):
        if run in question:
            covered = {i + j for t in sent if t in run for i in [run.find(t)] for j in range(3) if i >= 0}
            assert covered == set(range(len(run)))
            assert len([t for t in sent if t in run]) <= (len(run) - 2 + 2) // 3 + 1
    assert fts_terms("申告") == []  # shorter than a trigram: nothing the table can match
    assert "tail" in fts_terms("ログを tail で見たい")


def test_terms_made_of_common_trigrams_are_not_sent_to_fts(tmp_path: Path) -> None:
    store = RagStore.open(tmp_path / "s.sqlite3", model="m", dim=3)
    try:
        texts = ["the file list", "a file copy", "one file moved", "timestamps kept"]
        store.replace_document("/a.md", "h", None, [(i, 0, 1, 1, t) for i, t in enumerate(texts)],
                               np.eye(4, 3, dtype=np.float32), 0.0)
        common = store.common_trigrams()
        assert {"fil", "ile"} <= common and "tim" not in common  # "file" is in 3 of 4 chunks
        assert store.common_trigrams() is common  # read once per version of the file
        assert fts_terms("keep the file timestamps", common) == ["keep", "timestamps"]
        assert fts_terms("file", common) == ["file"]  # nothing else to search for: kept
        store.replace_document("/b.md", "h", None, [(0, 0, 1, 1, "x y z"), (1, 0, 1, 1, "u v w")],
                               np.eye(2, 3, dtype=np.float32), 0.0)
        assert "fil" not in store.common_trigrams()  # 3 of 6 chunks: no longer more than half
    finally:
        store.close()


def test_fuse_keeps_a_keyword_match_far_ahead_of_the_rest_on_top() -> None:
    # Cosine similarities of every candidate; "gold" is not among the vector list's best, but matches the
    # question's words far better than anything else (BM25 10 against 4 and 3). "both" is 2nd in both lists:
    # reciprocal rank fusion put it first (1/62 + 1/62 > 1/61 + 1/64); the convex combination does not.
    similarity = {"top": 0.90, "both": 0.88, "third": 0.86, "gold": 0.84, "far": 0.80}
    keyword = [("gold", 10.0), ("both", 4.0), ("third", 3.0)]
    fused = fuse(similarity, keyword, 0.5, 0.5)  # type: ignore[arg-type]
    assert sorted(fused, key=lambda c: -fused[c]) == ["gold", "both", "top", "third", "far"]
    assert fused["gold"] == pytest.approx(0.5 * 0.4 + 0.5 * 1.0)
    assert fused["both"] == pytest.approx(0.5 * 0.8 + 0.5 * 0.4)
    assert fused["far"] == 0.0 and all(0.0 <= v <= 1.0 for v in fused.values())
    # Weight 1 is the vector order, 0 the keyword order (passages without a keyword match score 0).
    one = fuse(similarity, keyword, 1.0, 0.0)  # type: ignore[arg-type]
    assert sorted(one, key=lambda c: -one[c]) == ["top", "both", "third", "gold", "far"]
    zero = fuse(similarity, keyword, 0.0, 1.0)  # type: ignore[arg-type]
    assert [c for c in sorted(zero, key=lambda c: -zero[c]) if zero[c] > 0] == ["gold", "both", "third"]
    # A keyword list with little confidence (its best passage holds few of the question's terms) counts less.
    weak = fuse(similarity, keyword, 0.5, 0.5 * 0.1)  # type: ignore[arg-type]
    assert sorted(weak, key=lambda c: -weak[c])[:2] == ["top", "both"]


def test_coverage_is_the_share_of_the_questions_terms_in_a_passage() -> None:
    terms = query_terms("ディレクトリの内容を表示する")  # 12 bigrams: する (hiragana only) is left out
    assert len(terms) == 12
    assert coverage(terms, "ls - ディレクトリの内容をリスト表示する") == pytest.approx(11 / 12)  # all but を表
    assert coverage(terms, "ＤＩＲ: ディレクトリの内容を表示する。") == 1.0
    assert coverage(query_terms("List directory contents"), "LIST DIRECTORY") == pytest.approx(2 / 3)
    assert coverage([], "anything") == 0.0


def test_coverage_from_text_equals_the_in_memory_indexs_count() -> None:
    """The fusion's confidence is one number whichever keyword path ran: counted from the index's postings
    (in-memory) or from the best passage's text (FTS5 stores)."""
    texts = ["ls - ディレクトリの内容をリスト表示する", "cp: copy files, keep timestamps", "表示 表示 内容",
             "tail -f でログを見続ける", "unrelated"]
    index = LexicalIndex(enumerate(texts))
    for question in ("ディレクトリの内容を表示する", "keep the timestamps when copying", "ログをリアルタイムで表示"):
        terms = query_terms(question)
        for cid, _, cover in index.search(terms, 10):
            assert cover == pytest.approx(coverage(terms, texts[cid]))


def test_fuse_without_a_vector_or_keyword_list() -> None:
    assert fuse({}, [], 0.6, 0.4) == {}
    assert fuse({}, [(7, 2.0), (3, 1.0)], 0.0, 1.0) == {7: 1.0, 3: 0.5}  # keyword mode: the question is not embedded
    assert fuse({5: 0.9}, [], 1.0, 0.0) == {5: 1.0}  # one candidate: the best there is


def test_store_replaces_and_deletes_documents(tmp_path: Path) -> None:
    store = RagStore.open(tmp_path / "s.sqlite3", model="m", dim=3)
    try:
        v = np.eye(3, dtype=np.float32)
        store.replace_document("/a.md", "h1", None, [(0, 0, 5, 1, "alpha text"), (1, 5, 9, 2, "富士山の高さ")], v[:2], 0.0)
        store.replace_document("/b.md", "h2", None, [(0, 0, 4, 1, "beta text")], v[2:], 0.0)
        assert store.documents() == {"/a.md": "h1", "/b.md": "h2"}
        hits = store.vector_search(np.array([1, 0.1, 0], dtype=np.float32), 3)
        assert hits[0][0] == store.keyword_search('"alpha"', 1)[0][0]
        assert store.keyword_search('"富士山"', 5)
        assert store.keyword_search(fts_query('NEAR(alpha* OR -x) ^"text" AND (富士山の高さ'), 5)
        store.replace_document("/a.md", "h3", None, [(0, 0, 5, 1, "gamma text")], v[1:2], 0.0)
        assert store.keyword_search('"alpha"', 5) == [] and store.keyword_search('"富士山"', 5) == []
        store.delete_document("/b.md")
        assert store.documents() == {"/a.md": "h3"}
        assert len(store.vector_search(np.ones(3, dtype=np.float32), 10)) == 1
        assert store.stats()["chunks"] == 1
    finally:
        store.close()
    with pytest.raises(InvalidRequest):
        RagStore.open(tmp_path / "s.sqlite3", model="another-model", dim=3)  # vectors would not compare
    with pytest.raises(InvalidRequest):
        RagStore.open(tmp_path / "missing.sqlite3")


def test_store_names_and_paths() -> None:
    assert store_path("work").name == "work.sqlite3"
    assert store_path("/tmp/x.sqlite3") == Path("/tmp/x.sqlite3")
    with pytest.raises(InvalidRequest):
        store_path("bad name!")


async def test_ask_gives_fewer_passages_when_the_prompt_is_too_long_for_the_model() -> None:
    """A small model's context overflowing (Japanese passages) drops the least relevant passage, not the answer.
    The chat endpoint is stubbed: only the retry on its OpenAI error is under test."""
    import httpx

    from kakehashi.pipelines.rag.answer import answer
    from kakehashi.pipelines.rag.retrieve import Hit
    from kakehashi.pipelines.rag.store import StoredChunk

    hits = [Hit(StoredChunk(i, f"/d/{i}.txt", 0, 0, 10, 1, f"passage {i}"), 1.0, i, None, 0.9) for i in range(1, 5)]
    seen: list[int] = []

    def chat(request: httpx.Request) -> httpx.Response:
        prompt = request.read().decode()
        n = sum(f"passage {i}" in prompt for i in range(1, 5))
        seen.append(n)
        if n > 2:
            return httpx.Response(400, json={"error": {"message": "too long", "type": "invalid_request_error",
                                                       "param": "messages", "code": "context_length_exceeded"}})
        return httpx.Response(200, json={"choices": [{"message": {"role": "assistant", "content": "It is [2]."}}]})

    async with httpx.AsyncClient(transport=httpx.MockTransport(chat), base_url="http://x/v1") as http:
        result = await answer(http, "question?", hits)
    assert seen == [4, 3, 2]
    assert [p["n"] for p in result.passages] == [1, 2] and result.citations[0]["path"] == "/d/2.txt"


def test_in_memory_vector_search_matches_sqlite_vec_and_sees_other_connections_writes(tmp_path: Path) -> None:
    """The numpy copy of the vectors ranks as sqlite-vec's exact scan does, and is reloaded when another
    process (here: another connection) changes the file."""
    import kakehashi.pipelines.rag.store as store_mod

    rng = np.random.default_rng(0)
    v = rng.normal(size=(40, 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    path = tmp_path / "m.sqlite3"
    reader = RagStore.open(path, model="m", dim=8)
    writer = RagStore.open(path)
    try:
        writer.replace_document("/a", "h", None, [(i, i, i + 1, 1, f"t{i}") for i in range(30)], v[:30], 0.0)
        q = rng.normal(size=8).astype(np.float32)
        fast = reader.vector_search(q, 7)
        limit, store_mod.MAX_MATRIX_BYTES = store_mod.MAX_MATRIX_BYTES, 0  # force the vec0 path
        try:
            reader._matrix = None
            exact = reader.vector_search(q, 7)
            exact_sims = reader.similarities(q, [fast[0][0], fast[-1][0], 999])
        finally:
            store_mod.MAX_MATRIX_BYTES = limit
        assert [i for i, _ in fast] == [i for i, _ in exact]
        assert np.allclose([s for _, s in fast], [s for _, s in exact], atol=1e-5)
        sims = reader.similarities(q, [fast[0][0], fast[-1][0], 999])  # an unknown id is left out
        assert sims.keys() == exact_sims.keys() == {fast[0][0], fast[-1][0]}
        writer.replace_document("/b", "h", None, [(0, 0, 1, 1, "new")], q[None, :] / np.linalg.norm(q), 0.0)
        top = reader.vector_search(q, 1)[0]
        assert reader.chunks([top[0]])[top[0]].path == "/b" and top[1] > 0.999
        reader.delete_document("/b")
        assert reader.chunks([reader.vector_search(q, 1)[0][0]])[fast[0][0]].path == "/a"
    finally:
        reader.close()
        writer.close()
