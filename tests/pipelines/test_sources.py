from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.errors import FetchError
from kakehashi.pipelines.sources import (
    LocalDirectorySearch,
    SerpApiSearch,
    choose_search_provider,
    list_documents,
    read_url_list,
    search_keywords,
)

from .conftest import LocalServer


def test_url_list_skips_blank_lines_and_comments(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# sources\nhttps://a.example/x\n\n  https://b.example/y  \n#https://skip.example\n")
    assert read_url_list(listing) == ["https://a.example/x", "https://b.example/y"]
    with pytest.raises(InvalidRequest):
        read_url_list(tmp_path / "missing.txt")


def test_directory_listing_keeps_readable_kinds_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.html", "a.md", "sub/c.txt", "d.pdf", "image.png", "sub/e.HTM"):
        (tmp_path / name).write_text("x")
    listed = [Path(p).relative_to(tmp_path).as_posix() for p in list_documents(tmp_path)]
    assert listed == ["a.md", "b.html", "d.pdf", "sub/c.txt", "sub/e.HTM"]


def test_keywords_split_on_spaces_and_punctuation_of_both_languages() -> None:
    assert search_keywords("Tokyo  Tower, height?") == ["tokyo", "tower", "height"]
    assert search_keywords("富士山　標高、登山者。ＦＵＪＩ") == ["富士山", "標高", "登山者", "fuji"]


async def test_local_search_ranks_by_terms_matched_then_occurrences(tmp_path: Path) -> None:
    (tmp_path / "fuji.html").write_text(
        "<html><head><title>富士山</title></head><body><p>富士山の標高は3776メートル。富士山は美しい。</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "mountains.md").write_text("# Mountains\n\n富士山 is mentioned once. 標高 appears too.")
    (tmp_path / "tokyo.txt").write_text("Tokyo Tower is 333 metres tall.")

    hits = await LocalDirectorySearch(tmp_path).search("富士山 標高", limit=5)

    assert [Path(hit.location).name for hit in hits] == ["fuji.html", "mountains.md"]
    assert hits[0].title == "富士山"
    assert await LocalDirectorySearch(tmp_path).search("富士山 標高", limit=1) == hits[:1]
    assert await LocalDirectorySearch(tmp_path).search("nothing-matches", limit=5) == []


async def test_serpapi_results_are_read_from_its_json(page_server: LocalServer) -> None:
    payload = {
        "search_metadata": {"status": "Success"},
        "organic_results": [
            {"position": 1, "title": "Tokyo Tower", "link": "https://a.example/tower", "snippet": "333 m"},
            {"position": 2, "title": "no link"},
            {"position": 3, "title": "Guide", "link": "https://b.example/guide"},
        ],
    }
    page_server.routes["/search.json"] = lambda: (
        200,
        {"Content-Type": "application/json"},
        json.dumps(payload).encode(),
    )
    search = SerpApiSearch("secret", endpoint=page_server.url("/search.json"), extra_params={"hl": "ja"})

    hits = await search.search("東京タワー 高さ", limit=5)

    assert [(h.location, h.title) for h in hits] == [
        ("https://a.example/tower", "Tokyo Tower"),
        ("https://b.example/guide", "Guide"),
    ]
    assert hits[0].snippet == "333 m"


async def test_serpapi_errors_are_fetch_errors(page_server: LocalServer) -> None:
    error = json.dumps({"error": "Invalid API key."}).encode()
    page_server.routes["/bad.json"] = lambda: (200, {"Content-Type": "application/json"}, error)
    with pytest.raises(FetchError, match="Invalid API key"):
        await SerpApiSearch("wrong", endpoint=page_server.url("/bad.json")).search("q", limit=3)
    with pytest.raises(FetchError, match="HTTP 404"):
        await SerpApiSearch("k", endpoint=page_server.url("/nowhere.json")).search("q", limit=3)


def test_provider_choice_search_dir_then_serpapi_key_else_a_clear_error(tmp_path: Path) -> None:
    assert isinstance(choose_search_provider(tmp_path, {"SERPAPI_API_KEY": "k"}), LocalDirectorySearch)
    serp = choose_search_provider(None, {"SERPAPI_API_KEY": "k"}, lang="ja")
    assert isinstance(serp, SerpApiSearch) and serp.extra_params == {"hl": "ja", "gl": "jp"}
    with pytest.raises(InvalidRequest, match="--search-dir"):
        choose_search_provider(None, {})
