"""Hybrid retrieval: vector search and keyword search, fused by reciprocal rank fusion (RRF).

RRF (Cormack et al., 2009) adds 1 / (k + rank) over the result lists: it needs no score calibration
between cosine similarities and BM25, and a passage found by both lists rises to the top.
"""

from __future__ import annotations

import asyncio
import fnmatch
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from kakehashi.pipelines.rag.embed import Embedder
from kakehashi.pipelines.rag.store import RagStore, StoredChunk

RRF_K = 60
CANDIDATES = 50  # per list, before fusion
MAX_TRIGRAM_TERMS = 64
# Below this cosine similarity to the question a passage is not evidence. E5 similarities are compressed:
# on benchmarks/embeddings/data, 95% of gold passages score >= 0.817 and off-topic text ~0.7-0.78; so
# 0.80 rejects off-topic questions only. "Not found in the documents" beats a made-up answer.
MIN_VECTOR_SIMILARITY = 0.80

_EN_STOPWORDS = frozenset(
    ["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "what", "which", "who", "whom", "how", "why", "when", "where", "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "this", "that", "these", "those", "it", "its", "my", "your", "our", "their", "i", "you", "we", "they", "he", "she", "about", "from", "by", "as", "at", "into", "than", "then", "there", "here", "not", "no", "yes"]
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
_WORD = re.compile(r"[0-9a-z][0-9a-z_\-\.]*[0-9a-z]|[0-9a-z]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Hit:
    chunk: StoredChunk
    score: float  # fused RRF score
    vector_rank: int | None
    keyword_rank: int | None
    similarity: float | None


def fts_query(question: str) -> str:
    """An FTS5 query for the trigram table: English words (3+ characters, no stopwords) and every
    3-character window of the Japanese runs, OR-ed, so that BM25 ranks by overlap."""
    text = unicodedata.normalize("NFKC", question).casefold()
    terms: list[str] = []
    for run in _CJK.findall(text):
        terms += [run[i : i + 3] for i in range(len(run) - 2)] if len(run) >= 3 else []
    terms += [w for w in _WORD.findall(text) if len(w) >= 3 and w not in _EN_STOPWORDS]
    unique = list(dict.fromkeys(terms))[:MAX_TRIGRAM_TERMS]
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in unique)


async def retrieve(
    store: RagStore, embedder: Embedder, question: str, *, k: int = 5,
    path_glob: str | None = None, mode: str = "hybrid", accept: Callable[[StoredChunk], bool] | None = None,
) -> list[Hit]:
    """The k best passages. mode: "hybrid" (default), "vector" or "keyword". Only chunks whose path
    matches `path_glob` and that `accept` takes are ranked."""
    if path_glob is not None:
        glob, given = path_glob, accept
        accept = lambda c: fnmatch.fnmatch(c.path, glob) and (given is None or given(c))
    want = CANDIDATES if accept is None else CANDIDATES * 4
    vector: list[tuple[int, float]] = []
    keyword: list[tuple[int, float]] = []
    q = None
    # The keyword search runs in a worker thread while the question is embedded (SQLite and the embedding
    # model both release the GIL): hybrid retrieval then costs about what vector search alone does.
    keyword_job = (asyncio.ensure_future(asyncio.to_thread(store.keyword_search, fts_query(question), want))
                   if mode in ("hybrid", "keyword") else None)
    try:
        if mode in ("hybrid", "vector"):
            q = (await embedder.embed([question], "query"))[0]
            vector = store.vector_search(q, want)
        if keyword_job is not None:
            keyword = await keyword_job
    except BaseException:
        if keyword_job is not None:
            keyword_job.cancel()
        raise
    chunks: dict[int, StoredChunk] = {}
    if accept is not None:  # the filter needs every candidate's row; otherwise only the k best are read
        chunks = store.chunks(list({cid for cid, _ in vector} | {cid for cid, _ in keyword}))
        keep = {cid for cid, c in chunks.items() if accept(c)}
        vector = [h for h in vector if h[0] in keep]
        keyword = [h for h in keyword if h[0] in keep]
    v_rank = {cid: r for r, (cid, _) in enumerate(vector, 1)}
    k_rank = {cid: r for r, (cid, _) in enumerate(keyword, 1)}
    fused: dict[int, float] = {}
    for ranks in (v_rank, k_rank):
        for cid, r in ranks.items():
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + r)
    best = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    if accept is None:
        chunks = store.chunks(best)
    similarity = dict(vector)
    missing = [cid for cid in best if cid not in similarity]
    if missing and q is not None:
        similarity.update(store.similarities(q, missing))
    # (a chunk another process deleted since the searches is left out)
    return [Hit(chunks[c], fused[c], v_rank.get(c), k_rank.get(c), similarity.get(c)) for c in best if c in chunks]


def relevant(hits: list[Hit], min_similarity: float = MIN_VECTOR_SIMILARITY) -> list[Hit]:
    """Hits that count as evidence: close enough to the question in the embedding space. (A keyword
    match alone is not enough: one shared trigram such as "について" proves nothing.)"""
    return [h for h in hits if (h.similarity or 0.0) >= min_similarity]
