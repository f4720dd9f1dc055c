"""POST /v1/embeddings through the official `openai` client against real `kakehashi serve` processes:
the bundled multilingual-e5-small, a GGUF served for embeddings by llama.cpp (the default SmolLM2 in
mean-pooling mode), and a second kakehashi standing in as an upstream embeddings backend."""

from __future__ import annotations

import base64
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import openai
import pytest

from kakehashi.default_model import default_model_path
from tests.conftest import running_server

pytestmark = pytest.mark.slow

E5 = "multilingual-e5-small"
SMOL = "smol-embed"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("embed") / "serve.log"
    with running_server("--slots", "2", "--ctx-size", "512", "-e", f"{SMOL}={default_model_path()}", log=log) as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{server}/v1", api_key="unused", max_retries=0)


def _floats(client: openai.OpenAI, model: str, texts: list[str], **kw: object) -> np.ndarray:
    r = client.embeddings.create(model=model, input=texts, encoding_format="float", **kw)  # type: ignore[arg-type]
    assert [d.index for d in r.data] == list(range(len(texts)))
    return np.array([d.embedding for d in r.data], dtype=np.float32)


def test_related_sentences_are_closer_in_english_and_japanese(client: openai.OpenAI) -> None:
    texts = [
        "東京の明日の天気は雨の予報です。",          # 0 JA weather
        "Tomorrow it is forecast to rain in Tokyo.",  # 1 EN weather (translation of 0)
        "明日は東京で雨が降るでしょう。",            # 2 JA weather (paraphrase of 0)
        "確定申告の期限は三月十五日です。",          # 3 JA taxes
        "My cat likes to sleep on the sofa.",        # 4 EN cats
        "The kitten naps on the couch all day.",     # 5 EN cats (paraphrase of 4)
    ]
    v = _floats(client, E5, texts)
    sim = v @ v.T
    assert sim[0, 2] > sim[0, 3]  # JA paraphrase closer than JA unrelated
    assert sim[0, 1] > sim[0, 3]  # cross-lingual translation closer than same-language unrelated
    assert sim[1, 2] > sim[1, 4]
    assert sim[4, 5] > sim[4, 1]
    assert sim[4, 5] > sim[4, 3]
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    assert v.shape[1] == 384


def test_base64_decodes_to_the_float_vectors(client: openai.OpenAI, server: str) -> None:
    texts = ["こんにちは、世界", "hello world"]
    floats = _floats(client, E5, texts)
    raw = httpx.post(f"{server}/v1/embeddings", json={"model": E5, "input": texts, "encoding_format": "base64"})
    assert raw.status_code == 200
    decoded = np.array([np.frombuffer(base64.b64decode(d["embedding"]), dtype="<f4") for d in raw.json()["data"]])
    np.testing.assert_array_equal(decoded, floats)
    # The SDK asks for base64 by default and decodes it itself: the same numbers come out.
    sdk = client.embeddings.create(model=E5, input=texts)
    np.testing.assert_allclose(np.array([d.embedding for d in sdk.data], dtype=np.float32), floats, rtol=0, atol=0)


def test_many_inputs_in_one_call_match_one_at_a_time(client: openai.OpenAI) -> None:
    texts = [f"文書 {i}: the quick brown fox number {i}" for i in range(40)]
    batch = client.embeddings.create(model=E5, input=texts, encoding_format="float")
    assert len(batch.data) == 40
    one = [client.embeddings.create(model=E5, input=t, encoding_format="float") for t in texts[:3]]
    for i, r in enumerate(one):
        np.testing.assert_allclose(r.data[0].embedding, batch.data[i].embedding, atol=1e-5)
    assert batch.usage.prompt_tokens == batch.usage.total_tokens
    assert batch.usage.prompt_tokens > 40
    # Usage adds up: the batch costs what its parts cost.
    singles = sum(client.embeddings.create(model=E5, input=t).usage.prompt_tokens for t in texts[:5])
    five = client.embeddings.create(model=E5, input=texts[:5]).usage.prompt_tokens
    assert singles == five


def test_input_type_makes_e5_embed_queries_and_passages_differently(client: openai.OpenAI) -> None:
    text = ["富士山の高さは三七七六メートルです。"]
    query = _floats(client, E5, text, extra_body={"input_type": "query"})
    passage = _floats(client, E5, text, extra_body={"input_type": "passage"})
    document = _floats(client, E5, text, extra_body={"input_type": "document"})
    default = _floats(client, E5, text)
    np.testing.assert_array_equal(default, query)  # no input_type = "query: " (E5's symmetric use)
    np.testing.assert_array_equal(document, passage)
    assert float(query[0] @ passage[0]) < 0.999


def test_gguf_model_through_llama_cpp_pooling(client: openai.OpenAI) -> None:
    models = {m.id: m for m in client.models.list().data}
    assert models[SMOL].model_extra["kind"] == "embedding"
    assert models[E5].model_extra["kind"] == "embedding"
    assert models["smollm2-135m-instruct"].model_extra["kind"] == "chat"
    texts = ["The weather is nice today.", "It is sunny and warm outside.", "Stock prices fell sharply."]
    v = _floats(client, SMOL, texts)
    assert v.shape == (3, 576)  # SmolLM2-135M's hidden size
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    # Token arrays: the same ids as the text give the same vector.
    from kakehashi.engine.llama import LlamaModel

    model = LlamaModel(default_model_path())
    try:
        ids = model.tokenize(texts[0], add_special=True, parse_special=False)
    finally:
        model.close()
    by_ids = client.embeddings.create(model=SMOL, input=[ids], encoding_format="float")
    assert by_ids.usage.prompt_tokens == len(ids)
    np.testing.assert_allclose(by_ids.data[0].embedding, v[0], atol=2e-3)
    flat = client.embeddings.create(model=SMOL, input=ids, encoding_format="float")  # one token array
    assert len(flat.data) == 1


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": E5, "input": ""}, "input"),
        ({"model": E5, "input": []}, "input"),
        ({"model": E5, "input": ["ok", ""]}, "input"),
        ({"model": E5, "input": ["a", 3]}, "input"),
        ({"model": E5, "input": [[1, -2]]}, "input"),
        ({"model": E5, "input": {"text": "a"}}, "input"),
        ({"model": E5, "input": ["x"] * 2049}, "input"),
        ({"model": E5, "input": [[1, 2, 3]]}, "input"),  # E5 takes text only
        ({"model": E5, "input": "x", "dimensions": 128}, "dimensions"),
        ({"model": E5, "input": "x", "dimensions": 0}, "dimensions"),
        ({"model": E5, "input": "x", "encoding_format": "int8"}, "encoding_format"),
        ({"model": E5, "input": "x", "input_type": "search"}, "input_type"),
        ({"model": E5, "input": "x", "truncate": "END"}, "truncate"),  # unknown field: refused by name
        ({"model": SMOL, "input": "x", "input_type": "query"}, "input_type"),
        ({"model": SMOL, "input": "word " * 3000}, "input"),  # longer than the context
        ({"input": "x"}, "model"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(server: str, body: dict[str, object], param: str) -> None:
    r = httpx.post(f"{server}/v1/embeddings", json=body, timeout=60)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["param"] == param
    assert err["type"] == "invalid_request_error"
    assert err["message"]


def test_dimensions_equal_to_the_native_size_is_accepted(client: openai.OpenAI) -> None:
    r = client.embeddings.create(model=E5, input="x", dimensions=384, encoding_format="float")
    assert len(r.data[0].embedding) == 384


def test_unknown_model_is_404_and_an_embedding_model_cannot_chat(client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as e:
        client.embeddings.create(model="no-such-model", input="x")
    assert e.value.body["param"] == "model"  # type: ignore[index]
    with pytest.raises(openai.APIStatusError) as chat:
        client.chat.completions.create(model=E5, messages=[{"role": "user", "content": "hi"}], max_tokens=4)
    assert chat.value.status_code in (400, 404)


# ------------------------------------------------------------------------------- upstream pass-through
@pytest.fixture(scope="module")
def gateway(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A gateway whose "cloud" embeddings backend is the server above (its own E5 is turned off, so the
    name resolves to the upstream)."""
    d = tmp_path_factory.mktemp("gw")
    config = d / "kakehashi.toml"
    config.write_text(
        "[backends.upstream]\n"
        f'base_url = "{server}/v1"\n'
        'kind = "cloud"\n'
        f'models = ["{E5}"]\n\n'
        "[backends.upstream.prices]\n"
        f'"{E5}" = {{ input = 0.02, output = 0.0 }}\n',
        encoding="utf-8",
    )
    ledger = d / "ledger.sqlite3"
    args = ("-c", str(config), "--no-default-embeddings", "--slots", "1", "--ctx-size", "256")
    with running_server(*args, env={"KAKEHASHI_LEDGER": str(ledger)}, log=d / "serve.log") as base:
        yield base, ledger


def test_upstream_embeddings_pass_through_untouched_and_are_billed(
    gateway: tuple[str, Path], client: openai.OpenAI
) -> None:
    base, ledger = gateway
    via = openai.OpenAI(base_url=f"{base}/v1", api_key="unused", max_retries=0)
    texts = ["東京タワーの高さ", "height of Tokyo Tower"]
    direct = client.embeddings.create(model=E5, input=texts, extra_body={"input_type": "passage"})
    routed = via.with_raw_response.embeddings.create(model=E5, input=texts, extra_body={"input_type": "passage"})
    assert routed.headers["x-kakehashi-backend"] == "upstream"
    body = routed.parse()
    np.testing.assert_array_equal(
        np.array([d.embedding for d in body.data]), np.array([d.embedding for d in direct.data])
    )
    assert body.usage.prompt_tokens == direct.usage.prompt_tokens
    # A field the upstream refuses comes back as the upstream's 400 (it reached the upstream untouched).
    with pytest.raises(openai.BadRequestError) as bad:
        via.embeddings.create(model=E5, input="x", extra_body={"truncate": "END"})
    assert "truncate" in str(bad.value)
    rows = _ledger_rows(ledger, at_least=2)
    ok = [r for r in rows if r[3] == "ok"]
    assert len(ok) == 1  # one row per call
    assert ok[0][:3] == ("upstream", "cloud", E5)
    assert ok[0][5] == direct.usage.prompt_tokens and ok[0][6] == 0
    assert ok[0][7] == pytest.approx(direct.usage.prompt_tokens * 0.02 / 1e6)
    assert any(r[4] == 400 for r in rows)


def _ledger_rows(path: Path, at_least: int) -> list[tuple[object, ...]]:
    """The ledger is written off the request path: wait (bounded) for the rows to land."""
    deadline = time.monotonic() + 15
    while True:
        rows: list[tuple[object, ...]] = []
        if path.exists():
            with sqlite3.connect(path) as conn:
                rows = conn.execute(
                    "SELECT backend, backend_kind, model, status, http_status, prompt_tokens, completion_tokens, "
                    "cost FROM requests ORDER BY ts"
                ).fetchall()
        if len(rows) >= at_least or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def test_private_data_is_not_embedded_by_a_cloud_model(gateway: tuple[str, Path]) -> None:
    base, _ = gateway
    r = httpx.post(
        f"{base}/v1/embeddings",
        json={"model": E5, "input": ["連絡先: taro.yamada@example.co.jp 090-1234-5678"]},
        timeout=60,
    )
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "privacy_rejected"
