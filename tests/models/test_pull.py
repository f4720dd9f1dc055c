"""`kakehashi pull` against a local hub on 127.0.0.1: normal, resumed, corrupted, split, authorised."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.models.cache import ModelCache
from kakehashi.models.cli import ls_app, pull_app, rm_app
from kakehashi.models.hub import ChecksumMismatch, Hub, HubError
from kakehashi.models.pull import pull
from kakehashi.models.refs import parse_hub_ref
from tests.models.fake_hub import COMMIT, HubState, fake_hub
from tests.tools.gguf_files import GQA_LAYOUT, write_gguf

runner = CliRunner()
REPO = "tester/Tiny-GGUF"


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf", **GQA_LAYOUT)


@pytest.fixture
def state(tiny_gguf: Path) -> HubState:
    hub = HubState()
    data = tiny_gguf.read_bytes()
    hub.add(REPO, "Tiny-Q8_0.gguf", data)
    hub.add(REPO, "Tiny-Q4_K_M.gguf", data + b"")  # same bytes, second quant name
    hub.add(REPO, "mmproj-Tiny-F16.gguf", b"GGUF-not-a-model")
    hub.add(REPO, "README.md", b"# tiny\n")
    return hub


@pytest.fixture
def endpoint(state: HubState) -> Iterator[str]:
    with fake_hub(state) as url:
        yield url


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelCache:
    monkeypatch.setenv("KAKEHASHI_MODELS", str(tmp_path / "models"))
    monkeypatch.delenv("HF_TOKEN", raising=False)
    return ModelCache()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pull_downloads_verifies_and_records(endpoint: str, state: HubState, cache: ModelCache,
                                             tiny_gguf: Path) -> None:
    result = runner.invoke(pull_app, [f"{REPO}:q8_0", "--endpoint", endpoint])
    assert result.exit_code == 0, result.output
    model = cache.find(f"{REPO}:Q8_0")
    assert model is not None and model.quant == "Q8_0" and model.commit == COMMIT
    assert model.path == cache.root / "hub" / REPO / "Tiny-Q8_0.gguf"
    assert _sha(model.path) == _sha(tiny_gguf)
    assert not list((cache.root / "partial").rglob("*.part"))
    # LFS files come from the CDN after the hub's redirect; the listing was paginated.
    assert any(p.startswith("/blobs/") for p, _ in state.requests_to("cdn"))
    assert sum("/tree/" in p for p, _ in state.requests_to("hub")) >= 2
    # A second pull finds it cached and downloads nothing.
    before = len(state.requests_to("cdn"))
    assert runner.invoke(pull_app, [f"{REPO}:Q8_0", "--endpoint", endpoint]).exit_code == 0
    assert len(state.requests_to("cdn")) == before


def test_pull_without_quant_takes_q4_k_m_and_never_a_projector(endpoint: str, cache: ModelCache) -> None:
    with Hub(endpoint) as hub:
        model = pull(parse_hub_ref(REPO), cache=cache, hub=hub)
    assert model.quant == "Q4_K_M" and model.files[0].path == "Tiny-Q4_K_M.gguf"


def test_unknown_quant_lists_what_exists(endpoint: str, cache: ModelCache) -> None:
    result = runner.invoke(pull_app, [f"{REPO}:Q2_K", "--endpoint", endpoint])
    assert result.exit_code == 1
    assert "no Q2_K GGUF" in result.output and "Q4_K_M" in result.output and "Q8_0" in result.output


def test_interrupted_transfer_resumes_with_range(endpoint: str, state: HubState, cache: ModelCache,
                                                 tiny_gguf: Path) -> None:
    blob = state.repos[REPO]["Tiny-Q8_0.gguf"]
    half = blob.size // 2
    state.cut_after[blob.sha256] = [half]  # the first transfer drops mid-body
    with Hub(endpoint, retry_delay=0.01) as hub:
        model = pull(parse_hub_ref(f"{REPO}:Q8_0"), cache=cache, hub=hub)
    assert _sha(model.path) == _sha(tiny_gguf)
    ranges = [h.get("range") for p, h in state.requests_to("cdn")]
    assert ranges == [None, f"bytes={half}-"]


def test_a_failed_pull_leaves_a_partial_file_the_next_pull_resumes(
    endpoint: str, state: HubState, cache: ModelCache, tiny_gguf: Path
) -> None:
    blob = state.repos[REPO]["Tiny-Q8_0.gguf"]
    state.cut_after[blob.sha256] = [1000, 1000]  # the first attempt and its one retry both drop
    with Hub(endpoint, max_retries=1, retry_delay=0.01) as hub, pytest.raises(HubError, match="resume"):
        pull(parse_hub_ref(f"{REPO}:Q8_0"), cache=cache, hub=hub)
    partial = cache.partial_path(REPO, "Tiny-Q8_0.gguf")
    assert partial.stat().st_size == 2000  # kept, and never visible under the final name
    assert cache.find(f"{REPO}:Q8_0") is None and not (cache.root / "hub" / REPO / "Tiny-Q8_0.gguf").exists()
    with Hub(endpoint) as hub:
        model = pull(parse_hub_ref(f"{REPO}:Q8_0"), cache=cache, hub=hub)
    assert state.requests_to("cdn")[-1][1].get("range") == "bytes=2000-"
    assert _sha(model.path) == _sha(tiny_gguf) and not partial.exists()


def test_corrupted_download_is_rejected_and_deleted(endpoint: str, state: HubState, cache: ModelCache) -> None:
    blob = state.repos[REPO]["Tiny-Q8_0.gguf"]
    state.corrupt.add(blob.sha256)
    with Hub(endpoint) as hub, pytest.raises(ChecksumMismatch, match="does not match"):
        pull(parse_hub_ref(f"{REPO}:Q8_0"), cache=cache, hub=hub)
    assert cache.find(f"{REPO}:Q8_0") is None
    assert not list(cache.root.rglob("*.gguf")) and not list(cache.root.rglob("*.part"))


def test_split_gguf_fetches_every_part_beside_the_first(tiny_gguf: Path, cache: ModelCache) -> None:
    data = tiny_gguf.read_bytes()
    state = HubState()
    third = len(data) // 3
    pieces = [data[:third], data[third : 2 * third], data[2 * third :]]
    for i, piece in enumerate(pieces, 1):
        state.add("big/Model-GGUF", f"Q4_K_M/Model-Q4_K_M-{i:05d}-of-00003.gguf", piece)
    state.add("big/Model-GGUF", "Model-Q8_0.gguf", data)
    with fake_hub(state) as endpoint, Hub(endpoint) as hub:
        model = pull(parse_hub_ref("big/Model-GGUF:Q4_K_M"), cache=cache, hub=hub)
    assert [f.path.rsplit("-", 3)[-3] for f in model.files] == ["00001", "00002", "00003"]
    assert model.path.name == "Model-Q4_K_M-00001-of-00003.gguf"
    assert b"".join((model.root / f.path).read_bytes() for f in model.files) == data
    assert model.size == len(data)


def test_token_is_sent_to_the_hub_and_not_to_the_cdn(endpoint: str, state: HubState, cache: ModelCache,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    state.token = "hf_secret"
    refused = runner.invoke(pull_app, [f"{REPO}:Q8_0", "--endpoint", endpoint])
    assert refused.exit_code == 1 and "HF_TOKEN" in refused.output
    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    result = runner.invoke(pull_app, [f"{REPO}:Q8_0", "--endpoint", endpoint])
    assert result.exit_code == 0, result.output
    hub_auth = [h.get("authorization") for _, h in state.requests_to("hub")]
    assert hub_auth[-1] == "Bearer hf_secret"
    # httpx drops credentials when the redirect leaves the hub's origin: the CDN never sees the token.
    assert all("authorization" not in h for _, h in state.requests_to("cdn"))


def test_hf_endpoint_env_points_pull_at_a_mirror(endpoint: str, cache: ModelCache,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    result = runner.invoke(pull_app, [f"{REPO}/Tiny-Q8_0.gguf"])
    assert result.exit_code == 0, result.output
    assert cache.find("tiny-q8_0") is not None  # a file's stem names it too


def test_ls_and_rm(endpoint: str, cache: ModelCache, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OLLAMA_MODELS", str(tmp_path / "no-ollama"))
    for quant in ("Q8_0", "Q4_K_M"):
        assert runner.invoke(pull_app, [f"{REPO}:{quant}", "--endpoint", endpoint]).exit_code == 0
    listed = runner.invoke(ls_app, ["--json"])
    assert listed.exit_code == 0
    import json

    rows = {r["name"]: r for r in json.loads(listed.output)}
    assert set(rows) == {f"{REPO}:Q8_0", f"{REPO}:Q4_K_M"}
    row = rows[f"{REPO}:Q8_0"]
    assert row["architecture"] == "llama" and row["context_length"] == GQA_LAYOUT["context"]
    table = runner.invoke(ls_app, [], env={"COLUMNS": "100"})
    assert "Q4_K_M" in table.output and "4,096" in table.output

    removed = runner.invoke(rm_app, [f"{REPO}:Q8_0"])
    assert removed.exit_code == 0 and "removed" in removed.output
    assert not (cache.root / "hub" / REPO / "Tiny-Q8_0.gguf").exists()
    assert cache.find(f"{REPO}:Q4_K_M") is not None
    missing = runner.invoke(rm_app, ["nothing-here"])
    assert missing.exit_code == 1 and "kakehashi ls" in missing.output
    assert runner.invoke(rm_app, [f"{REPO}:Q4_K_M"]).exit_code == 0
    assert not (cache.root / "hub" / REPO).exists()


def test_a_bare_repo_pull_asks_the_hub_for_its_default_quant(endpoint: str, cache: ModelCache) -> None:
    with Hub(endpoint) as hub:
        pull(parse_hub_ref(f"{REPO}:Q8_0"), cache=cache, hub=hub)
        model = pull(parse_hub_ref(REPO), cache=cache, hub=hub)  # Q8_0 alone is cached: not the default
    assert model.quant == "Q4_K_M"
    assert {m.quant for m in cache.models()} == {"Q8_0", "Q4_K_M"}
