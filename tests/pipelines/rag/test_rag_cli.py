"""`kakehashi rag` end to end on real files against a real `kakehashi serve` (the default models), with a
real fault upstream as the "cloud" so that the privacy rule on retrieved passages can be observed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import running_server
from tests.pipelines.conftest import LocalServer, html_route
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

DOCS = {
    "tea.md": "# Green tea\n\nSencha is brewed with water cooled to about 70 to 80 degrees Celsius for one minute, "
              "which keeps the bitterness low and brings out its sweetness.\n",
    "bikes.md": "# Bicycle maintenance\n\nLubricate the chain every few hundred kilometres and check the tyre "
                "pressure weekly; most road tyres need between 80 and 100 psi.\n",
    "tax_ja.txt": "確定申告の期間\n\n所得税の確定申告は、原則として翌年の二月十六日から三月十五日までに行います。"
                  "期限を過ぎると延滞税がかかることがあります。\n",
    "onsen_ja.html": "<html><head><title>温泉</title></head><body><article><h1>温泉の効能</h1>"
                     "<p>温泉に入ると体が温まって血行がよくなり、肩こりや疲労の回復に効果があるとされています。"
                     "草津温泉は群馬県にある日本有数の温泉地です。</p></article></body></html>",
    "contacts.md": "# Support desk\n\nThe on-call engineer for the billing system is Hanako Sato; reach her at "
                   "hanako.sato@example.co.jp or 090-1234-5678 when an invoice run fails.\n",
}


def _write_docs(root: Path) -> None:
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a PDF")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Volcanic eruptions happen when magma rises from deep underground and the pressure "
                         "of its gases forces it out through cracks in the crust.")
    pdf.output(str(root / "volcano.pdf"))


@pytest.fixture(scope="module")
def upstream() -> Iterator[FaultUpstream]:
    with FaultUpstream() as up:
        yield up


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    d = tmp_path_factory.mktemp("rag-server")
    with running_server("--slots", "2", "--ctx-size", "2048", log=d / "serve.log") as base:
        yield f"{base}/v1"


@pytest.fixture(scope="module")
def cloud_server(tmp_path_factory: pytest.TempPathFactory, upstream: FaultUpstream) -> Iterator[str]:
    """A gateway whose "cloud" is the fault upstream (an echo), beside the embedded engine."""
    d = tmp_path_factory.mktemp("rag-cloud-server")
    config = d / "kakehashi.toml"
    config.write_text(
        "[backends.fault]\n"
        f'base_url = "{upstream.base_url}"\n'
        'kind = "cloud"\n'
        'models = ["echo"]\n\n'
        "[routing]\n"
        'local = "embedded/smollm2-135m-instruct"\n'
        'cloud = "fault/echo"\n',
        encoding="utf-8",
    )
    with running_server("-c", str(config), "--slots", "2", "--ctx-size", "2048", log=d / "serve.log") as base:
        yield f"{base}/v1"


def rag(base_url: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "kakehashi", "rag", *args, "--base-url", base_url],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def rag_json(base_url: str, *args: str) -> Any:
    return json.loads(rag(base_url, *args, "--json").stdout)


@pytest.fixture(scope="module")
def indexed(server: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    docs = tmp_path_factory.mktemp("docs")
    _write_docs(docs)
    store = tmp_path_factory.mktemp("store") / "docs.sqlite3"
    report = rag_json(server, "index", str(docs), "--store", str(store))
    return docs, store, report


def test_index_reports_each_file_and_skips_a_broken_one(indexed: tuple[Path, Path, dict[str, Any]]) -> None:
    _, store, report = indexed
    assert sorted(Path(p).name for p in report["added"]) == sorted([*DOCS, "volcano.pdf"])
    assert [Path(p).name for p in report["failed"]] == ["broken.pdf"]
    assert "PDF" in next(iter(report["failed"].values()))
    assert report["chunks"] >= len(DOCS) + 1
    assert store.is_file()


def test_search_finds_english_and_japanese_passages(server: str, indexed: tuple[Path, Path, dict[str, Any]]) -> None:
    _, store, _ = indexed
    cases = [
        ("How hot should the water be for sencha?", "tea.md"),
        ("What makes a volcano erupt?", "volcano.pdf"),
        ("確定申告はいつまでに済ませればいいですか", "tax_ja.txt"),
        ("温泉にはどんな効果がありますか", "onsen_ja.html"),
    ]
    for question, expected in cases:
        hits = rag_json(server, "search", question, "--store", str(store), "-k", "3")
        assert Path(hits[0]["path"]).name == expected, (question, hits)
        assert hits[0]["text"] and hits[0]["line"] >= 1
    # Keyword search alone finds Japanese by trigrams (no spaces, no morphological analyser).
    hits = rag_json(server, "search", "草津温泉", "--store", str(store), "--mode", "keyword")
    assert Path(hits[0]["path"]).name == "onsen_ja.html"
    # A path filter keeps other files out.
    hits = rag_json(server, "search", "確定申告", "--store", str(store), "--path", "*.md")
    assert hits and all(h["path"].endswith(".md") for h in hits)


def test_ask_cites_the_retrieved_file(server: str, indexed: tuple[Path, Path, dict[str, Any]]) -> None:
    _, store, _ = indexed
    result = rag_json(server, "ask", "How hot should the water be for sencha?", "--store", str(store),
                      "-k", "2", "--model", "local", "--max-tokens", "48")
    assert result["passages"] and Path(result["passages"][0]["path"]).name == "tea.md"
    assert result["route"]["x-kakehashi-backend"] == "embedded"
    if result["found"]:
        assert result["citations"], result
        assert all(c["path"] in {p["path"] for p in result["passages"]} for c in result["citations"])


def test_ask_off_topic_says_not_found_without_calling_a_model(
    server: str, indexed: tuple[Path, Path, dict[str, Any]]
) -> None:
    _, store, _ = indexed
    result = rag_json(server, "ask", "Who won the 1998 FIFA World Cup final?", "--store", str(store))
    assert result["found"] is False
    assert result["answer"] == "not found in the documents"
    assert result["route"] == {}


def test_private_data_in_retrieved_passages_keeps_the_answer_local(
    cloud_server: str, indexed: tuple[Path, Path, dict[str, Any]]
) -> None:
    _, store, _ = indexed
    server = cloud_server
    # The question holds nothing private; the passage it retrieves does (an e-mail and a phone number).
    sensitive = rag_json(server, "ask", "Who is on call for the billing system?", "--store", str(store),
                         "-k", "1", "--model", "cloud", "--max-tokens", "24")
    assert Path(sensitive["passages"][0]["path"]).name == "contacts.md"
    assert sensitive["route"]["x-kakehashi-backend"] == "embedded"
    assert sensitive["route"]["x-kakehashi-privacy"].startswith("force_local")
    # The same route with a harmless passage does go to the cloud.
    harmless = rag_json(server, "ask", "How hot should the water be for sencha?", "--store", str(store),
                        "-k", "1", "--model", "cloud", "--max-tokens", "24")
    assert harmless["route"]["x-kakehashi-backend"] == "fault"
    assert harmless["route"]["x-kakehashi-privacy"] == "none"


def test_rerank_judges_each_candidate_with_the_local_model(
    server: str, indexed: tuple[Path, Path, dict[str, Any]]
) -> None:
    """--rerank 3: the three best fused passages judged by the real local model (one short request each,
    sent together); every judgement is a probability, and the top-k after reranking are among them."""
    _, store, _ = indexed
    hits = rag_json(server, "search", "How hot should the water be for sencha?", "--store", str(store),
                    "-k", "2", "--rerank", "3")
    assert len(hits) == 2 and [h["n"] for h in hits] == [1, 2]
    for h in hits:
        j = h["rerank"]
        assert 0.0 <= j["relevance"] <= 1.0 and j["backend"] == "embedded" and j["privacy"] == "none"
    plain = rag_json(server, "search", "How hot should the water be for sencha?", "--store", str(store), "-k", "3")
    assert {h["path"] for h in hits} <= {h["path"] for h in plain}
    result = rag_json(server, "ask", "How hot should the water be for sencha?", "--store", str(store),
                      "-k", "1", "--rerank", "2", "--max-tokens", "16")
    assert result["passages"][0]["rerank"]["backend"] == "embedded"


def test_a_sensitive_passage_is_reranked_locally_even_with_a_cloud_reranker(
    cloud_server: str, indexed: tuple[Path, Path, dict[str, Any]]
) -> None:
    _, store, _ = indexed
    hits = rag_json(cloud_server, "search", "Who is on call for the billing system?", "--store", str(store),
                    "-k", "2", "--rerank", "2", "--rerank-model", "cloud")
    by_file = {Path(h["path"]).name: h["rerank"] for h in hits}
    assert by_file["contacts.md"]["backend"] == "embedded"
    assert by_file["contacts.md"]["privacy"].startswith("force_local")
    others = [j for name, j in by_file.items() if name != "contacts.md"]
    assert others and all(j["backend"] == "fault" and j["privacy"] == "none" for j in others)


def test_reindex_skips_unchanged_replaces_changed_and_removes_deleted(
    server: str, indexed: tuple[Path, Path, dict[str, Any]]
) -> None:
    docs, store, _ = indexed
    again = rag_json(server, "index", str(docs), "--store", str(store))
    assert again["added"] == [] and again["updated"] == [] and again["unchanged"] == len(DOCS) + 1
    (docs / "bikes.md").write_text("# Bicycle maintenance\n\nReplace the brake pads when the groove is gone.\n",
                                   encoding="utf-8")
    (docs / "tea.md").unlink()
    changed = rag_json(server, "index", str(docs), "--store", str(store))
    assert [Path(p).name for p in changed["updated"]] == ["bikes.md"]
    assert [Path(p).name for p in changed["removed"]] == ["tea.md"]
    hits = rag_json(server, "search", "sencha water temperature", "--store", str(store), "-k", "10")
    assert all(Path(h["path"]).name != "tea.md" for h in hits)
    hits = rag_json(server, "search", "brake pads", "--store", str(store), "-k", "1")
    assert "brake pads" in hits[0]["text"]
    stats = json.loads(subprocess.run(
        [sys.executable, "-m", "kakehashi", "rag", "stats", "--store", str(store)],
        capture_output=True, text=True, check=True,
    ).stdout)
    assert stats["documents"] == len(DOCS) and stats["embedding_model"] == "multilingual-e5-small"


MATCHA = ("<html><head><title>抹茶</title></head><body><article><h1>抹茶の点て方</h1>"
          "<p>茶碗に抹茶を二グラムほど入れ、八十度くらいのお湯を七十ミリリットル注いで、茶筅で素早く泡立てます。"
          "ダマが残らないように、先に茶こしでふるっておくと滑らかに仕上がります。</p></article></body></html>")
KETTLE = ("<html><head><title>Kettle care</title></head><body><nav>Home | Shop</nav><article><h1>Descaling a kettle"
          "</h1><p>Fill the kettle halfway with equal parts white vinegar and water, bring it to the boil, leave it "
          "for an hour, then rinse it out twice to remove the limescale and the smell.</p></article></body></html>")


def test_index_urls_fetches_pages_and_reports_each_failure(
    server: str, page_server: LocalServer, tmp_path: Path
) -> None:
    """`rag index --urls FILE` over a real HTTP server: pages are fetched and indexed under their URL; a
    404, a refused connection and a page without text are each reported, and the rest is indexed."""
    page_server.routes["/matcha.html"] = html_route(MATCHA)
    page_server.routes["/kettle"] = html_route(KETTLE)
    page_server.routes["/empty.html"] = html_route("<html><body><p></p></body></html>")
    url = page_server.url
    local = tmp_path / "note.md"
    local.write_text("# Note\n\nThe spare key is under the blue flower pot.\n", encoding="utf-8")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages to index\n{url('/matcha.html')}\n{url('/kettle')}\n\n{url('/gone.html')}\n"
                       f"http://127.0.0.1:1/refused.html\n{url('/empty.html')}\n{local}\n", encoding="utf-8")
    store = tmp_path / "web.sqlite3"
    report = rag_json(server, "index", "--urls", str(listing), "--store", str(store))
    assert sorted(report["added"]) == sorted([url("/matcha.html"), url("/kettle"), str(local)])
    failed = report["failed"]
    assert set(failed) == {url("/gone.html"), "http://127.0.0.1:1/refused.html", url("/empty.html")}
    assert "404" in failed[url("/gone.html")]
    assert "Connect" in failed["http://127.0.0.1:1/refused.html"]
    assert "no readable text" in failed[url("/empty.html")]
    hits = rag_json(server, "search", "抹茶はどうやって点てますか", "--store", str(store), "-k", "1")
    assert hits[0]["path"] == url("/matcha.html") and "茶筅" in hits[0]["text"]
    hits = rag_json(server, "search", "How do I remove limescale from a kettle?", "--store", str(store), "-k", "1")
    assert hits[0]["path"] == url("/kettle") and "Home | Shop" not in hits[0]["text"]  # main content only
    # Re-index: unchanged pages are skipped, a changed one replaced; a page that now fails keeps its version.
    page_server.routes["/kettle"] = html_route(KETTLE.replace("an hour", "two hours"))
    del page_server.routes["/matcha.html"]
    again = rag_json(server, "index", "--urls", str(listing), "--store", str(store))
    assert again["updated"] == [url("/kettle")] and again["unchanged"] == 1 and again["removed"] == []
    assert url("/matcha.html") in again["failed"]
    hits = rag_json(server, "search", "茶筅で泡立て", "--store", str(store), "--mode", "keyword", "-k", "1")
    assert hits[0]["path"] == url("/matcha.html")


def test_missing_store_is_a_clear_error(server: str, tmp_path: Path) -> None:
    proc = rag(server, "search", "x", "--store", str(tmp_path / "nope.sqlite3"), ok=False)
    assert proc.returncode == 2
    assert "rag index" in proc.stderr
