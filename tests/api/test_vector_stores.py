"""OpenAI's files and vector-store endpoints through the official `openai` client against a real
`kakehashi serve` (the default models: multilingual-e5-small embeds), with real EN and JA files, a corrupt
PDF and an unsupported file."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import openai
import pytest

from tests.conftest import DEFAULT_MODEL, running_server

pytestmark = pytest.mark.slow

KEY = "vs-test-key"
DOCS: dict[str, tuple[bytes, str]] = {
    "tea.md": ((b"# Green tea\n\nSencha is brewed with water cooled to about 70 to 80 degrees Celsius for one "
               b"minute, which keeps the bitterness low and brings out its sweetness.\n"), "en"),
    "bikes.txt": ((b"Bicycle maintenance\n\nLubricate the chain every few hundred kilometres and check the tyre "
                  b"pressure weekly; most road tyres need between 80 and 100 psi.\n"), "en"),
    "tax_ja.txt": ("確定申告の期間\n\n所得税の確定申告は、原則として翌年の二月十六日から三月十五日までに行います。"
                   "期限を過ぎると延滞税がかかることがあります。\n".encode(), "ja"),
    "onsen_ja.md": ("# 温泉の効能\n\n温泉に入ると体が温まって血行がよくなり、肩こりや疲労の回復に効果があるとされて"
                    "います。草津温泉は群馬県にある日本有数の温泉地です。\n".encode(), "ja"),
    "broken.pdf": (b"%PDF-1.4\nthis is not really a PDF", "en"),
    "tables.xlsx": (b"PK\x03\x04 not a format kakehashi reads", "en"),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    d = tmp_path_factory.mktemp("vs-server")
    env = {"XDG_DATA_HOME": str(d / "data")}
    with running_server("--slots", "2", "--ctx-size", "2048", "--api-key", KEY, env=env,
                        log=d / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=KEY, max_retries=0)


def _files_by_name(client: openai.OpenAI) -> dict[str, str]:
    return {f.filename: f.id for f in client.files.list()}


def test_create_fill_search_and_delete_a_store(client: openai.OpenAI, base: str) -> None:
    ids = {name: client.files.create(file=(name, data), purpose="assistants").id for name, (data, _) in DOCS.items()}
    assert client.files.retrieve(ids["tea.md"]).bytes == len(DOCS["tea.md"][0])
    assert client.files.content(ids["tax_ja.txt"]).content == DOCS["tax_ja.txt"][0]
    assert set(_files_by_name(client)) >= set(DOCS)

    store = client.vector_stores.create(name="docs", metadata={"team": "qa"})
    assert store.object == "vector_store" and store.name == "docs" and store.metadata == {"team": "qa"}
    results = {}
    for name, (_, lang) in DOCS.items():
        results[name] = client.vector_stores.files.create_and_poll(
            file_id=ids[name], vector_store_id=store.id, attributes={"lang": lang, "size": len(DOCS[name][0])},
            poll_interval_ms=200,
        )
    for name in ("tea.md", "bikes.txt", "tax_ja.txt", "onsen_ja.md"):
        assert results[name].status == "completed", (name, results[name].last_error)
        assert results[name].usage_bytes > 0 and results[name].attributes["lang"] == DOCS[name][1]
    # One bad file gets its own clear error; the others are indexed.
    assert results["broken.pdf"].status == "failed"
    assert results["broken.pdf"].last_error.code == "invalid_file"
    assert "pdf" in results["broken.pdf"].last_error.message.lower()
    assert results["tables.xlsx"].status == "failed"
    assert results["tables.xlsx"].last_error.code == "unsupported_file"

    got = client.vector_stores.retrieve(store.id)
    assert got.status == "completed"
    assert (got.file_counts.completed, got.file_counts.failed, got.file_counts.total) == (4, 2, 6)
    failed = client.vector_stores.files.list(vector_store_id=store.id, filter="failed")
    assert {f.id for f in failed} == {ids["broken.pdf"], ids["tables.xlsx"]}
    page = client.vector_stores.files.list(vector_store_id=store.id, limit=2)
    assert len(page.data) == 2 and page.has_more
    assert len(list(client.vector_stores.files.list(vector_store_id=store.id, limit=2))) == 6  # auto-paging

    en = client.vector_stores.search(store.id, query="How hot should the water be for sencha?")
    assert en.data[0].filename == "tea.md" and en.data[0].file_id == ids["tea.md"]
    assert "70 to 80 degrees" in en.data[0].content[0].text and en.data[0].content[0].type == "text"
    assert 0 < en.data[0].score <= 1 and en.data[0].attributes["lang"] == "en"
    ja = client.vector_stores.search(store.id, query="確定申告はいつまでに行いますか", max_num_results=2)
    assert ja.data[0].filename == "tax_ja.txt" and len(ja.data) <= 2
    assert "三月十五日" in ja.data[0].content[0].text

    only_ja = client.vector_stores.search(store.id, query="green tea temperature",
                                          filters={"type": "eq", "key": "lang", "value": "ja"})
    assert only_ja.data and all(r.attributes["lang"] == "ja" for r in only_ja.data)
    compound = client.vector_stores.search(store.id, query="tyre pressure", filters={
        "type": "and", "filters": [{"type": "eq", "key": "lang", "value": "en"},
                                   {"type": "gt", "key": "size", "value": 150}]})
    assert {r.filename for r in compound.data} <= {"tea.md", "bikes.txt"} and compound.data
    assert client.vector_stores.search(store.id, query="sencha", max_num_results=1,
                                       ranking_options={"score_threshold": 1.0}).data == []
    both = client.vector_stores.search(store.id, query=["sencha water", "草津温泉"], max_num_results=4)
    assert {"tea.md", "onsen_ja.md"} <= {r.filename for r in both.data}
    # The kakehashi ranker: the fused candidates reranked by the local model (as this key's chat requests).
    plain = client.vector_stores.search(store.id, query="How hot should the water be for sencha?", max_num_results=3)
    reranked = client.vector_stores.search(store.id, query="How hot should the water be for sencha?",
                                           max_num_results=3, ranking_options={"ranker": "kakehashi-rerank"})
    assert len(reranked.data) == len(plain.data) and reranked.data
    assert {r.file_id for r in reranked.data} <= {r.file_id for r in client.vector_stores.search(
        store.id, query="How hot should the water be for sencha?", max_num_results=10).data}
    r = httpx.post(f"{base}/v1/vector_stores/{store.id}/search", headers={"Authorization": f"Bearer {KEY}"},
                   json={"query": "sencha", "ranking_options": {"ranker": "default-2024-11-15"}})
    assert r.status_code == 400 and r.json()["error"]["param"] == "ranking_options.ranker"
    r = httpx.post(f"{base}/v1/vector_stores/{store.id}/search", headers={"Authorization": f"Bearer {KEY}"},
                   json={"query": ["a", "b"], "ranking_options": {"ranker": "kakehashi-rerank"}})
    assert r.status_code == 400 and "one query" in r.json()["error"]["message"]

    # Detaching a file and deleting another take them out of the results.
    deleted = client.vector_stores.files.delete(file_id=ids["tea.md"], vector_store_id=store.id)
    assert deleted.deleted and deleted.object == "vector_store.file.deleted"
    assert ids["tea.md"] not in {r.file_id for r in client.vector_stores.search(store.id, query="sencha").data}
    assert client.files.retrieve(ids["tea.md"]).id == ids["tea.md"]  # the upload itself stays
    assert client.files.delete(ids["tax_ja.txt"]).deleted
    assert ids["tax_ja.txt"] not in {r.file_id for r in client.vector_stores.search(store.id, query="確定申告").data}
    assert client.vector_stores.retrieve(store.id).file_counts.total == 4

    assert client.vector_stores.delete(store.id).deleted
    with pytest.raises(openai.NotFoundError):
        client.vector_stores.retrieve(store.id)


def test_a_store_created_with_file_ids_indexes_them(client: openai.OpenAI) -> None:
    f = client.files.create(file=("kakehashi.md", "# 架け橋\n\nkakehashi は OpenAI 互換のゲートウェイです。".encode()),
                            purpose="user_data")
    store = client.vector_stores.create(name="with-files", file_ids=[f.id], expires_after={
        "anchor": "last_active_at", "days": 7})
    assert store.expires_at is not None and store.file_counts.total == 1
    done = client.vector_stores.files.poll(f.id, vector_store_id=store.id, poll_interval_ms=200)
    assert done.status == "completed"
    assert client.vector_stores.search(store.id, query="ゲートウェイ").data[0].file_id == f.id
    assert store.id in {s.id for s in client.vector_stores.list()}
    client.vector_stores.delete(store.id)


def test_bad_requests_get_openai_errors(client: openai.OpenAI, base: str) -> None:
    store = client.vector_stores.create(name="errors")
    with pytest.raises(openai.BadRequestError) as e:
        client.vector_stores.search(store.id, query="x", extra_body={"bogus": 1})
    assert e.value.body["param"] == "bogus" and "not supported" in e.value.body["message"]
    with pytest.raises(openai.BadRequestError) as e:
        client.vector_stores.search(store.id, query="x", rewrite_query=True)
    assert e.value.body["param"] == "rewrite_query"
    with pytest.raises(openai.BadRequestError) as e:
        client.vector_stores.search(store.id, query="x", max_num_results=51)
    assert e.value.body["param"] == "max_num_results"
    with pytest.raises(openai.BadRequestError) as e:
        client.vector_stores.create(name="x", chunking_strategy={
            "type": "static", "static": {"max_chunk_size_tokens": 400, "chunk_overlap_tokens": 100}})
    assert e.value.body["param"].startswith("chunking_strategy")
    with pytest.raises(openai.BadRequestError) as e:
        client.files.create(file=("a.txt", b"hello"), purpose="fine-tune")
    assert e.value.body["param"] == "purpose"
    with pytest.raises(openai.NotFoundError):
        client.vector_stores.files.create(vector_store_id=store.id, file_id="file-missing")
    with pytest.raises(openai.NotFoundError):
        client.vector_stores.search("vs_missing", query="x")
    # The same keys as every other route.
    r = httpx.get(f"{base}/v1/vector_stores")
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
    r = httpx.post(f"{base}/v1/files", files={"file": ("a.txt", b"hi")}, data={"purpose": "assistants"})
    assert r.status_code == 401
    client.vector_stores.delete(store.id)



def test_chat_completions_with_file_search(client: openai.OpenAI) -> None:
    tea = client.files.create(file=("tea.md", DOCS["tea.md"][0]), purpose="assistants")
    tax = client.files.create(file=("tax_ja.txt", DOCS["tax_ja.txt"][0]), purpose="assistants")
    store = client.vector_stores.create(name="chat", file_ids=[tea.id, tax.id])
    for f in (tea, tax):
        assert client.vector_stores.files.poll(f.id, vector_store_id=store.id, poll_interval_ms=200).status == "completed"
    ask = {"model": DEFAULT_MODEL, "max_tokens": 24, "temperature": 0,
           "messages": [{"role": "user", "content": "How hot should the water be for sencha?"}]}
    answer = client.chat.completions.create(**ask, extra_body={
        "file_search": {"vector_store_ids": [store.id], "max_num_results": 2}})
    found = answer.model_extra["file_search"]
    assert [r["n"] for r in found["results"]] == [1, 2]
    top = found["results"][0]
    assert (top["filename"], top["file_id"], top["vector_store_id"]) == ("tea.md", tea.id, store.id)
    assert "70 to 80 degrees" in top["text"] and isinstance(found["cited"], list)
    assert answer.choices[0].message.content  # the model answered (a 135M model: its words are not checked)

    chunks = list(client.chat.completions.create(**ask, stream=True, extra_body={
        "file_search": {"vector_store_ids": [store.id], "max_num_results": 1,
                        "filters": {"type": "eq", "key": "nothing", "value": "x"}}}))
    assert chunks[0].model_extra["file_search"] == {"results": [], "cited": []}  # the filter matched no file

    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(**ask, extra_body={"file_search": {"vector_store_ids": [store.id], "k": 3}})
    assert e.value.body["param"] == "file_search.k"
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(**ask, extra_body={"file_search": {"vector_store_ids": ["vs_missing"]}})
    client.vector_stores.delete(store.id)
