from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kakehashi.pipelines.errors import FetchError
from kakehashi.pipelines.fetch import Fetcher

from .conftest import NO_LENGTH, LocalServer, html_route, slow_route

PAGE = "<html><body><p>東京タワーは1958年に完成しました。</p></body></html>"


async def test_downloads_a_page_with_its_content_type(page_server: LocalServer) -> None:
    page_server.routes["/page.html"] = html_route(PAGE)
    async with Fetcher() as fetcher:
        fetched = await fetcher.fetch(page_server.url("/page.html"))

    assert fetched.data.decode() == PAGE
    assert fetched.content_type == "text/html; charset=utf-8"
    assert not fetched.from_cache


async def test_cache_serves_a_second_fetch_without_touching_the_server(
    page_server: LocalServer, tmp_path: Path
) -> None:
    page_server.routes["/page.html"] = html_route(PAGE)
    url = page_server.url("/page.html")
    async with Fetcher(cache_dir=tmp_path) as fetcher:
        first = await fetcher.fetch(url)
    async with Fetcher(cache_dir=tmp_path) as fetcher:  # a new run, same cache directory
        second = await fetcher.fetch(url)

    assert page_server.hits["/page.html"] == 1
    assert second.from_cache and second.data == first.data and second.content_type == first.content_type


async def test_a_failed_download_is_not_cached(page_server: LocalServer, tmp_path: Path) -> None:
    async with Fetcher(cache_dir=tmp_path) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404"):
            await fetcher.fetch(page_server.url("/missing.html"))
        page_server.routes["/missing.html"] = html_route(PAGE)  # the page appears later
        fetched = await fetcher.fetch(page_server.url("/missing.html"))

    assert fetched.data.decode() == PAGE
    assert page_server.hits["/missing.html"] == 2


async def test_a_slow_server_hits_the_timeout(page_server: LocalServer) -> None:
    page_server.routes["/slow"] = slow_route(2.0)
    async with Fetcher(timeout_s=0.5) as fetcher:
        with pytest.raises(FetchError, match="timed out"):
            await fetcher.fetch(page_server.url("/slow"))


async def test_bodies_over_the_size_limit_are_refused_whether_declared_or_not(
    page_server: LocalServer,
) -> None:
    big = b"<p>" + b"x" * 5000 + b"</p>"
    page_server.routes["/declared"] = lambda: (200, {"Content-Type": "text/html"}, big)
    # No Content-Length: the limit must be enforced while streaming the body.
    page_server.routes["/undeclared"] = lambda: (
        200,
        {"Content-Type": "text/html", NO_LENGTH: "1"},
        big,
    )
    async with Fetcher(max_bytes=1000) as fetcher:
        with pytest.raises(FetchError, match="1000-byte limit"):
            await fetcher.fetch(page_server.url("/declared"))
        with pytest.raises(FetchError, match="1000-byte limit"):
            await fetcher.fetch(page_server.url("/undeclared"))


async def test_an_unreachable_host_is_a_fetch_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with Fetcher(timeout_s=2) as fetcher:
        with pytest.raises(FetchError, match="ConnectError"):
            await fetcher.fetch(f"http://127.0.0.1:{port}/")


async def test_local_files_are_read_with_the_same_size_limit(tmp_path: Path) -> None:
    small, big = tmp_path / "small.html", tmp_path / "big.txt"
    small.write_text(PAGE, encoding="utf-8")
    big.write_bytes(b"x" * 2000)
    async with Fetcher(max_bytes=1000) as fetcher:
        assert (await fetcher.fetch(str(small))).data.decode() == PAGE
        assert (await fetcher.fetch(small.as_uri())).data.decode() == PAGE
        with pytest.raises(FetchError, match="limit"):
            await fetcher.fetch(str(big))
        with pytest.raises(FetchError, match="No such file"):
            await fetcher.fetch(str(tmp_path / "absent.html"))
