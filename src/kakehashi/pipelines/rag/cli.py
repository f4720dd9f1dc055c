"""`kakehashi rag index|search|ask|stats`: ask questions of your own documents, kept in one SQLite file."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote, urlsplit

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from kakehashi.errors import KakehashiError
from kakehashi.pipelines.fetch import is_web_url
from kakehashi.pipelines.llm import open_endpoint
from kakehashi.pipelines.rag.answer import answer, passage_dict
from kakehashi.pipelines.rag.embed import DEFAULT_EMBEDDING_MODEL, embedder_for
from kakehashi.pipelines.rag.index import collect_files, index_files
from kakehashi.pipelines.rag.rerank import DEFAULT_CANDIDATES, DEFAULT_MODEL, rerank
from kakehashi.pipelines.rag.retrieve import relevant, retrieve
from kakehashi.pipelines.rag.store import RagStore, store_path
from kakehashi.pipelines.sources import read_url_list

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Index documents into a local store and ask questions with cited answers.")

Store = Annotated[str, typer.Option("--store", "-s", help="Store NAME (in ~/.local/share/kakehashi/rag) or a .sqlite3 path.")]
BaseUrl = Annotated[str | None, typer.Option(envvar="KAKEHASHI_BASE_URL",
                    help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (default: kakehashi in-process).")]
ApiKey = Annotated[str | None, typer.Option(envvar="KAKEHASHI_API_KEY", help="Bearer token.")]
EmbedModel = Annotated[str, typer.Option("--embedding-model", help="Embeddings model (fixed per store).")]
JsonOut = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Rerank = Annotated[int | None, typer.Option(
    "--rerank", min=2, max=50, help=f"Rerank the N best fused passages (e.g. {DEFAULT_CANDIDATES}) by a chat "
    "model's yes/no judgement: one model call per passage, ~1 s each with the bundled 135M model on 2 cores, "
    "which does not improve the ranking (README); meant for a larger --rerank-model.")]
RerankModel = Annotated[str, typer.Option(
    "--rerank-model", help="Chat model that reranks ('local': the gateway's local model; privacy rules apply).")]


def _fail(exc: Exception) -> None:
    typer.echo(f"kakehashi rag: {exc}", err=True)
    raise typer.Exit(2)


@app.command("index")
def index_cmd(
    targets: Annotated[list[Path] | None, typer.Argument(help="Files and directories to index.")] = None,
    store: Store = "default",
    urls: Annotated[Path | None, typer.Option(
        help="File with one URL (http/https, fetched) or path a line (# comments allowed).")] = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    embedding_model: EmbedModel = DEFAULT_EMBEDDING_MODEL,
    json_output: JsonOut = False,
) -> None:
    """Add, update and remove documents (unchanged files are skipped; safe to interrupt and re-run)."""
    paths = list(targets or [])
    web: list[str] = []
    if urls is not None:
        try:
            listed = read_url_list(urls)
        except KakehashiError as exc:
            _fail(exc)
        web = [u for u in listed if is_web_url(u)]
        paths += [Path(unquote(urlsplit(u).path)) if u.startswith("file://") else Path(u).expanduser()
                  for u in listed if not is_web_url(u)]
    if not paths and not web:
        _fail(ValueError("nothing to index: give files or directories (or --urls FILE)"))
    files, _ = collect_files(paths)
    try:
        report = asyncio.run(_index(store, paths, web, len(files) + len(web), base_url, api_key, embedding_model,
                                    json_output))
    except KakehashiError as exc:
        _fail(exc)
    if json_output:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    console = Console(stderr=True)
    console.print(f"added {len(report['added'])}, updated {len(report['updated'])}, unchanged "
                  f"{report['unchanged']}, removed {len(report['removed'])}, failed {len(report['failed'])}; "
                  f"{report['chunks']} chunks in {report['seconds']} s -> {store_path(store)}")
    for path, reason in report["failed"].items():
        console.print(f"[red]failed[/red] {path}: {reason}")


async def _index(store: str, paths: list[Path], urls: list[str], n_files: int, base_url: str | None,
                 api_key: str | None, model: str, quiet: bool) -> dict[str, Any]:
    async with open_endpoint(base_url, api_key=api_key, model_path=None, slots=2) as http:
        embedder = embedder_for(http, model)
        dim = (await embedder.embed(["dimension probe"], "query")).shape[1]
        rag = RagStore.open(store_path(store), model=model, dim=dim)
        try:
            with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                          console=Console(stderr=True), disable=quiet, transient=True) as progress:
                task = progress.add_task("", total=n_files)

                def step(path: str) -> None:
                    progress.update(task, advance=1, description=Path(path).name)

                report = await index_files(rag, embedder, paths, urls=urls, on_file=step)
        finally:
            rag.close()
        return report.as_dict()


@app.command("search")
def search_cmd(
    question: Annotated[str, typer.Argument(help="What to look for.")],
    store: Store = "default",
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Passages to return.")] = 5,
    path: Annotated[str | None, typer.Option(help="Only files matching this glob, e.g. '*/contracts/*'.")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, vector or keyword.")] = "hybrid",
    rerank_n: Rerank = None,
    rerank_model: RerankModel = DEFAULT_MODEL,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    json_output: JsonOut = False,
) -> None:
    """Show the passages retrieval finds (no answer generated)."""
    if mode not in ("hybrid", "vector", "keyword"):
        _fail(ValueError("--mode must be hybrid, vector or keyword"))
    try:
        passages = asyncio.run(_search(store, question, k, path, mode, base_url, api_key, rerank_n, rerank_model))
    except KakehashiError as exc:
        _fail(exc)
    if json_output:
        typer.echo(json.dumps(passages, ensure_ascii=False, indent=2))
        return
    for p in passages:
        judged = f", relevance {p['rerank']['relevance']}" if p.get("rerank") else ""
        typer.echo(f"[{p['n']}] {p['path']}:{p['line']} (similarity {p['similarity']}{judged})\n    "
                   + p["text"][:300].replace("\n", " "))


async def _retrieve(http: Any, rag: RagStore, question: str, k: int, path: str | None, mode: str,
                    rerank_n: int | None, rerank_model: str) -> list[dict[str, Any]]:
    """The k best passages as dicts; with rerank_n, the max(k, rerank_n) best fused ones are retrieved,
    the first rerank_n reranked, and the k best of the new order kept (each with its "rerank" judgement)."""
    embedder = embedder_for(http, rag.model)
    if rerank_n is None:
        hits = await retrieve(rag, embedder, question, k=k, path_glob=path, mode=mode)
        return [passage_dict(n, h) for n, h in enumerate(hits, 1)]
    hits = await retrieve(rag, embedder, question, k=max(k, rerank_n), path_glob=path, mode=mode)
    ranked = (await rerank(http, question, hits, n=rerank_n, model=rerank_model))[:k]
    return [{**passage_dict(n, h), "rerank": None if j is None else j.as_dict()}
            for n, (h, j) in enumerate(ranked, 1)]


def _slots(rerank_n: int | None) -> int:
    # in-process engine: every rerank request of a question decodes in the same batch
    return max(2, rerank_n or 0)


async def _search(store: str, question: str, k: int, path: str | None, mode: str, base_url: str | None,
                  api_key: str | None, rerank_n: int | None, rerank_model: str) -> list[dict[str, Any]]:
    rag = RagStore.open(store_path(store))
    try:
        async with open_endpoint(base_url, api_key=api_key, model_path=None, slots=_slots(rerank_n)) as http:
            return await _retrieve(http, rag, question, k, path, mode, rerank_n, rerank_model)
    finally:
        rag.close()


@app.command("ask")
def ask_cmd(
    question: Annotated[str, typer.Argument(help="Your question (English or Japanese).")],
    store: Store = "default",
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="Passages given to the model.")] = 4,
    path: Annotated[str | None, typer.Option(help="Only files matching this glob.")] = None,
    model: Annotated[str, typer.Option(help="Chat model; 'auto' lets the gateway route (privacy included).")]
    = "auto",
    max_tokens: Annotated[int, typer.Option(min=16, help="Answer length limit.")] = 256,
    rerank_n: Rerank = None,
    rerank_model: RerankModel = DEFAULT_MODEL,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    json_output: JsonOut = False,
) -> None:
    """Answer from the documents with numbered citations, or say it is not in them."""
    try:
        result = asyncio.run(_ask(store, question, k, path, model, max_tokens, base_url, api_key, rerank_n,
                                  rerank_model))
    except KakehashiError as exc:
        _fail(exc)
    if json_output:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(result["answer"])
    for c in result["citations"]:
        note = " (inferred: the model cited nothing)" if c.get("inferred") else ""
        typer.echo(f"  [{c['n']}] {c['path']}:{c['line']} (characters {c['start']}-{c['end']}){note}")
    route = result["route"]
    if route:
        typer.echo(f"  via {route.get('x-kakehashi-backend')}/{route.get('x-kakehashi-model')} "
                   f"(privacy: {route.get('x-kakehashi-privacy', 'none')})", err=True)


async def _ask(store: str, question: str, k: int, path: str | None, model: str, max_tokens: int,
               base_url: str | None, api_key: str | None, rerank_n: int | None, rerank_model: str) -> dict[str, Any]:
    rag = RagStore.open(store_path(store))
    try:
        async with open_endpoint(base_url, api_key=api_key, model_path=None, slots=_slots(rerank_n)) as http:
            embedder = embedder_for(http, rag.model)
            if rerank_n is None:
                hits = await retrieve(rag, embedder, question, k=k, path_glob=path)
                judged: dict[int, Any] = {}
            else:
                # the similarity floor (relevant) applies before reranking: the model orders evidence, it
                # does not turn a passage far from the question into evidence
                hits = relevant(await retrieve(rag, embedder, question, k=max(k, rerank_n), path_glob=path))
                ranked = (await rerank(http, question, hits, n=rerank_n, model=rerank_model))[:k]
                hits = [h for h, _ in ranked]
                judged = {h.chunk.id: j for h, j in ranked if j is not None}
            result = (await answer(http, question, relevant(hits), model=model, max_tokens=max_tokens)).as_dict()
            if judged:  # passage n is hits[n - 1] (answer may have dropped the last ones)
                for p in result["passages"] + result["citations"]:
                    j = judged.get(hits[p["n"] - 1].chunk.id)
                    p["rerank"] = None if j is None else j.as_dict()
            return result
    finally:
        rag.close()


@app.command("stats")
def stats_cmd(store: Store = "default") -> None:
    """Documents, chunks, embedding model and size of a store."""
    try:
        rag = RagStore.open(store_path(store))
    except KakehashiError as exc:
        _fail(exc)
    try:
        typer.echo(json.dumps({"store": str(rag.path), **rag.stats()}, indent=2))
    finally:
        rag.close()
