"""Hybrid retrieval: vector search and keyword search, fused by a weighted sum of their scores.

Each list's scores are put on a 0..1 scale per question: cosine similarity min-max over the candidates of
both lists (every candidate's similarity is computed, so a keyword hit the vector list missed gets its
real one), BM25 divided by the best BM25 (a passage without a keyword match scores 0, BM25's own minimum).
The fused score is w * vector + (1 - w) * c * keyword: a convex combination (Bruch, Gai and Ingber, "An
Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS 2023, found it better than reciprocal rank
fusion in and out of domain) whose keyword side is weighted by the keyword list's confidence c, the share
of the question's search terms that its best passage contains. A passage holding the question's words
(a quoted phrase, a command's own description) then stays on top even when the vector list missed it,
and a paraphrased question, whose best keyword match shares a word or two, is ranked by meaning.

The keyword list comes from the store's in-memory BM25 index (lexical.py: English words, Japanese
character bigrams); a store too big for it is searched through its FTS5 trigram table instead (fts_terms and
fts_query below). Either way the confidence c is counted in lexical.py's terms (lexical.coverage).
"""

from __future__ import annotations

import asyncio
import fnmatch
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from kakehashi.pipelines.rag import lexical
from kakehashi.pipelines.rag.embed import Embedder
from kakehashi.pipelines.rag.store import RagStore, StoredChunk

CANDIDATES = 50  # per list, before fusion
# w above: chosen on the development half of benchmarks/rag's questions (split by gold document) and on the
# paraphrased questions of benchmarks/embeddings/data; see benchmarks/rag/results.md.
VECTOR_WEIGHT = 0.6
MAX_TRIGRAM_TERMS = 64
FTS_TRIGRAM_STEP = 3  # Japanese: every third trigram of a run goes to FTS5 (see fts_terms)
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
    score: float  # fused score, 0..1 (see fuse)
    vector_rank: int | None
    keyword_rank: int | None
    similarity: float | None


def fts_terms(question: str, common: frozenset[str] = frozenset()) -> list[str]:
    """The terms sent to FTS5: English words (3+ characters, no stopwords) and, of each Japanese run
    (NFKC-normalised, case-folded), every third trigram (plus its last), so the trigrams still cover every
    character of the run. Each OR-ed term costs FTS5 a pass over its matches
    (BM25 counts them for the IDF, then scores each matching row), and neighbouring trigrams of one run
    match the same passages: a third of them halves the keyword search's CPU time for the same ranking
    (development half of both question sets: recall@5 unchanged; benchmarks/rag/results.md, session 8).
    Terms made only of `common` trigrams (in more than half the passages; RagStore.common_trigrams) are left
    out too: FTS5's BM25 gives a term in more than half the rows an IDF of ~0 (1e-6), so they cost a pass
    over most of the table and change no score ("file", "all" in English; "ファイ" in Japanese). A word of
    several common trigrams may itself be in fewer passages; the development half showed no change.
    If every term is common, all are kept."""
    text = unicodedata.normalize("NFKC", question).casefold()
    terms: list[str] = []
    for run in _CJK.findall(text):
        if len(run) >= 3:
            starts = list(range(0, len(run) - 2, FTS_TRIGRAM_STEP))
            if starts[-1] != len(run) - 3:
                starts.append(len(run) - 3)
            terms += [run[i : i + 3] for i in starts]
    terms += [w for w in _WORD.findall(text) if len(w) >= 3 and w not in _EN_STOPWORDS]
    terms = list(dict.fromkeys(terms))
    rare = [t for t in terms if not all(t[i : i + 3] in common for i in range(len(t) - 2))]
    return (rare or terms)[:MAX_TRIGRAM_TERMS]


def fts_query(question: str, common: frozenset[str] = frozenset()) -> str:
    """An FTS5 query for the trigram table: the question's terms OR-ed, so that BM25 ranks by overlap."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in fts_terms(question, common))


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
    index = None
    if mode in ("hybrid", "keyword"):
        fresh, index = store.cached_lexical()
        if not fresh:  # (re)built off the event loop when the file changed
            index = await asyncio.to_thread(store.lexical)
    terms = lexical.query_terms(question)
    cover: dict[int, float] = {}  # share of the question's terms in a keyword hit (lexical.coverage)
    keyword_job = None
    if mode in ("hybrid", "keyword") and index is None:
        # FTS5 (a store too big for the in-memory index) runs in a worker thread while the question is
        # embedded (SQLite and the embedding model both release the GIL).
        match = fts_query(question, store.common_trigrams())
        keyword_job = asyncio.ensure_future(asyncio.to_thread(store.keyword_search, match, want))
    similarity: dict[int, float] = {}
    try:
        if index is not None:
            ranked = index.search(terms, want)
            keyword = [(cid, bm25) for cid, bm25, _ in ranked]
            cover = {cid: c for cid, _, c in ranked}
        if mode in ("hybrid", "vector"):
            q = (await embedder.embed([question], "query"))[0]
            # the keyword hits' similarities come from the same scan of the vectors
            vector, similarity = store.vector_search_and(q, want, [cid for cid, _ in keyword])
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
        similarity = {cid: s for cid, s in similarity.items() if cid in keep}
    similarity |= dict(vector)
    missing = [cid for cid, _ in keyword if cid not in similarity]
    if missing and q is not None:
        similarity.update(store.similarities(q, missing))
    if mode == "hybrid":
        # The keyword list's confidence: the share of the question's terms in its best passage. The
        # in-memory index counts it from its postings; for FTS5's list it is counted from that passage's
        # text, with the same terms and tokens.
        top = keyword[0][0] if keyword else None
        if top is not None and top not in cover:
            if top not in chunks:
                chunks |= store.chunks([top])
            cover[top] = lexical.coverage(terms, chunks[top].text) if top in chunks else 0.0
        confidence = cover.get(top, 0.0) if top is not None else 0.0
        fused = fuse(similarity, keyword, VECTOR_WEIGHT, (1.0 - VECTOR_WEIGHT) * confidence)
    else:
        fused = fuse(similarity, keyword, float(mode == "vector"), float(mode == "keyword"))
    best = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    if accept is None:
        chunks |= store.chunks([cid for cid in best if cid not in chunks])
    v_rank = {cid: r for r, (cid, _) in enumerate(vector, 1)}
    k_rank = {cid: r for r, (cid, _) in enumerate(keyword, 1)}
    # (a chunk another process deleted since the searches is left out)
    return [Hit(chunks[c], fused[c], v_rank.get(c), k_rank.get(c), similarity.get(c)) for c in best if c in chunks]


def fuse(similarity: dict[int, float], keyword: list[tuple[int, float]], vector_weight: float,
         keyword_weight: float) -> dict[int, float]:
    """Every candidate's fused score: `vector_weight` * its cosine similarity min-max normalised over
    `similarity` (the similarities of all candidates; empty when the question was not embedded) +
    `keyword_weight` * its BM25 over the best BM25 in `keyword` ((id, BM25) pairs, higher is better;
    0 for a passage not in it)."""
    lexical = dict(keyword)
    top = max(lexical.values(), default=0.0)
    lo, hi = min(similarity.values(), default=0.0), max(similarity.values(), default=0.0)
    fused: dict[int, float] = {}
    for cid in similarity.keys() | lexical.keys():
        v = 0.0 if cid not in similarity else (similarity[cid] - lo) / (hi - lo) if hi > lo else 1.0
        kw = lexical[cid] / top if top > 0 and cid in lexical else 0.0
        fused[cid] = vector_weight * v + keyword_weight * kw
    return fused


def relevant(hits: list[Hit], min_similarity: float = MIN_VECTOR_SIMILARITY) -> list[Hit]:
    """Hits that count as evidence: close enough to the question in the embedding space. (A keyword
    match alone is not enough: one shared trigram such as "について" proves nothing.)"""
    return [h for h in hits if (h.similarity or 0.0) >= min_similarity]
