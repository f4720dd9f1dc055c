"""Vector-store file batches and per-key scoping, through the official `openai` client against a real
`kakehashi serve` on 127.0.0.1 with two API keys (the default models: multilingual-e5-small embeds)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import openai
import pytest

from tests.conftest import DEFAULT_MODEL, running_server

pytestmark = pytest.mark.slow

KEY_A, KEY_B = "batch-key-a", "batch-key-b"
TEA = (b"# Green tea\n\nSencha is brewed with water cooled to about 70 to 80 degrees Celsius for one minute, "
       b"which keeps the bitterness low.\n")
BIKES = b"Bicycle maintenance\n\nLubricate the chain every few hundred kilometres; road tyres need 80 to 100 psi.\n"
ONSEN = "# 温泉\n\n草津温泉は群馬県にある日本有数の温泉地で、湯畑が有名です。\n".encode()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    d = tmp_path_factory.mktemp("vs-batch-server")
    with running_server("--slots", "1", "--ctx-size", "2048", "--api-key", KEY_A, "--api-key", KEY_B,
                        env={"XDG_DATA_HOME": str(d / "data")}, log=d / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def alice(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=KEY_A, max_retries=0)


@pytest.fixture(scope="module")
def bob(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=KEY_B, max_retries=0)


def test_upload_and_poll_a_batch(alice: openai.OpenAI) -> None:
    store = alice.vector_stores.create(name="batch")
    batch = alice.vector_stores.file_batches.upload_and_poll(
        vector_store_id=store.id, files=[("tea.md", TEA), ("bikes.txt", BIKES), ("onsen.md", ONSEN)],
        poll_interval_ms=200)
    assert batch.object == "vector_store.files_batch" and batch.id.startswith("vsfb_")
    assert batch.status == "completed" and batch.vector_store_id == store.id
    assert (batch.file_counts.completed, batch.file_counts.total) == (3, 3)
    again = alice.vector_stores.file_batches.retrieve(batch.id, vector_store_id=store.id)
    assert again.status == "completed" and again.file_counts == batch.file_counts
    listed = alice.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id, filter="completed")
    names = {alice.files.retrieve(f.id).filename for f in listed}
    assert names == {"tea.md", "bikes.txt", "onsen.md"}
    assert all(f.object == "vector_store.file" and f.vector_store_id == store.id for f in listed)
    assert alice.vector_stores.search(store.id, query="草津温泉はどこにありますか").data[0].filename == "onsen.md"

    # file_ids with shared attributes, and files with their own: the filters see them.
    up = [alice.files.create(file=(n, d), purpose="assistants").id for n, d in (("t2.md", TEA), ("b2.txt", BIKES))]
    shared = alice.vector_stores.file_batches.create_and_poll(
        vector_store_id=store.id, file_ids=up, attributes={"set": "shared"}, poll_interval_ms=200)
    assert shared.status == "completed" and shared.file_counts.completed == 2
    own = alice.vector_stores.file_batches.create(vector_store_id=store.id, files=[
        {"file_id": up[0], "attributes": {"set": "own", "n": 1}}])
    own = alice.vector_stores.file_batches.poll(own.id, vector_store_id=store.id, poll_interval_ms=200)
    assert own.status == "completed"
    hits = alice.vector_stores.search(store.id, query="sencha water",
                                      filters={"type": "eq", "key": "set", "value": "own"}).data
    assert {h.file_id for h in hits} == {up[0]} and hits[0].attributes == {"set": "own", "n": 1}
    alice.vector_stores.delete(store.id)


def test_cancel_a_batch_in_progress(alice: openai.OpenAI) -> None:
    store = alice.vector_stores.create(name="cancel")
    # Long enough that its embedding is still running when the cancel arrives.
    long_text = "\n\n".join(f"Paragraph {i}: the zebra-crossing rule number {i} says walk, do not run." * 8
                            for i in range(120)).encode()
    big = alice.files.create(file=("long.txt", long_text), purpose="assistants")
    batch = alice.vector_stores.file_batches.create(vector_store_id=store.id, file_ids=[big.id])
    assert batch.status == "in_progress"
    cancelled = alice.vector_stores.file_batches.cancel(batch.id, vector_store_id=store.id)
    assert cancelled.status == "cancelled" and cancelled.file_counts.cancelled == 1
    time.sleep(2)  # let the indexing task reach its end: it must write nothing
    [f] = alice.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id)
    assert f.status == "cancelled"
    assert alice.vector_stores.search(store.id, query="zebra-crossing rule").data == []
    alice.vector_stores.delete(store.id)


def test_batch_requests_get_openai_errors(alice: openai.OpenAI) -> None:
    store = alice.vector_stores.create(name="batch-errors")
    f = alice.files.create(file=("tea.md", TEA), purpose="assistants")
    with pytest.raises(openai.BadRequestError) as e:
        alice.vector_stores.file_batches.create(vector_store_id=store.id, file_ids=[f.id],
                                                files=[{"file_id": f.id}])
    assert "exactly one of file_ids and files" in e.value.body["message"]
    with pytest.raises(openai.BadRequestError) as e:
        alice.vector_stores.file_batches.create(vector_store_id=store.id, file_ids=[f.id],
                                                extra_body={"bogus": True})
    assert e.value.body["param"] == "bogus"
    with pytest.raises(openai.NotFoundError) as e:  # no file is attached when one id is unknown
        alice.vector_stores.file_batches.create(vector_store_id=store.id, file_ids=[f.id, "file-missing"])
    assert alice.vector_stores.retrieve(store.id).file_counts.total == 0
    with pytest.raises(openai.NotFoundError) as e:
        alice.vector_stores.file_batches.retrieve("vsfb_missing", vector_store_id=store.id)
    assert e.value.body["param"] == "batch_id"
    alice.vector_stores.delete(store.id)


def test_each_key_sees_only_its_own_files_and_stores(alice: openai.OpenAI, bob: openai.OpenAI) -> None:
    secret = alice.files.create(file=("tea.md", TEA), purpose="assistants")
    store = alice.vector_stores.create(name="alice-only", file_ids=[secret.id])
    assert alice.vector_stores.files.poll(secret.id, vector_store_id=store.id, poll_interval_ms=200).status \
        == "completed"

    assert secret.id not in {f.id for f in bob.files.list()}
    assert store.id not in {s.id for s in bob.vector_stores.list()}
    for call in (lambda: bob.files.retrieve(secret.id), lambda: bob.files.content(secret.id),
                 lambda: bob.files.delete(secret.id), lambda: bob.vector_stores.retrieve(store.id),
                 lambda: bob.vector_stores.update(store.id, name="mine"),
                 lambda: bob.vector_stores.search(store.id, query="sencha"),
                 lambda: bob.vector_stores.files.list(vector_store_id=store.id),
                 lambda: bob.vector_stores.files.delete(file_id=secret.id, vector_store_id=store.id),
                 lambda: bob.vector_stores.delete(store.id)):
        with pytest.raises(openai.NotFoundError):
            call()
    # Nor can another key attach the file to its own store, nor search the store from a chat request.
    own = bob.vector_stores.create(name="bob")
    with pytest.raises(openai.NotFoundError):
        bob.vector_stores.files.create(vector_store_id=own.id, file_id=secret.id)
    with pytest.raises(openai.NotFoundError):
        bob.vector_stores.file_batches.create(vector_store_id=own.id, file_ids=[secret.id])
    with pytest.raises(openai.NotFoundError):
        bob.chat.completions.create(model=DEFAULT_MODEL, max_tokens=4, messages=[{"role": "user", "content": "tea?"}],
                                    extra_body={"file_search": {"vector_store_ids": [store.id]}})
    assert own.id not in {s.id for s in alice.vector_stores.list()}

    # The owner still has everything.
    assert alice.vector_stores.search(store.id, query="sencha water").data[0].file_id == secret.id
    assert alice.vector_stores.retrieve(store.id).name == "alice-only"
    bob.vector_stores.delete(own.id)
    alice.vector_stores.delete(store.id)
