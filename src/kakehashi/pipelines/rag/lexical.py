"""Keyword search in memory: BM25 over an inverted index of the store's passages, built once per version of
the file (like the vector matrix in store.py).

Terms: English (any non-CJK) words, and each Japanese/Chinese run as overlapping character bigrams.
Bigrams, not the trigrams of the FTS5 table: most Japanese words are two characters (時刻, 変更, 所有), so
a question worded unlike its answer still shares them, where it rarely shares three characters in a row.
English words are stemmed lightly (a plural or -ed/-ing suffix) so "timestamps" finds "timestamp", as the
trigram table's substring match did.

Scoring is Okapi BM25 (k1 = 1.2, b = 0.75, FTS5's constants; IDF log((N - n + 0.5) / (n + 0.5)) floored
at a small positive value, as FTS5 does). Each term's postings hold its per-passage BM25 part without the
IDF, so a query is one weighted bincount over the postings of its terms: ~0.1-0.3 ms on 2,000 passages,
where FTS5's bm25() took 2-5 ms of CPU (benchmarks/rag/results.md, session 9).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np

K1 = 1.2
B = 0.75
MIN_IDF = 1e-6
MAX_QUERY_TERMS = 64

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
_WORD = re.compile(r"[0-9a-z][0-9a-z_\-\.]*[0-9a-z]|[0-9a-z]")
STOPWORDS = frozenset(
    ["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "what", "which", "who", "whom", "how",
     "why", "when", "where", "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "could",
     "should", "would", "will", "shall", "may", "might", "must", "this", "that", "these", "those", "it", "its",
     "my", "your", "our", "their", "i", "you", "we", "they", "he", "she", "about", "from", "by", "as", "at",
     "into", "than", "then", "there", "here", "not", "no", "yes"]
)


def _stem(word: str) -> str:
    """A light English stem: enough that plurals and -ed/-ing forms meet their base word."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """The index terms of a text, with repeats: NFKC-normalised, case-folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for run in _CJK.findall(folded):
        out += [run[i : i + 2] for i in range(len(run) - 1)] if len(run) >= 2 else [run]
    out += [_stem(w) for w in _WORD.findall(_CJK.sub(" ", folded))]
    return out


_HIRAGANA = re.compile(r"[\u3040-\u309f]+")


def query_terms(question: str) -> list[str]:
    """A question's distinct search terms. Left out: English stopwords and one-letter words, and Japanese
    bigrams of hiragana only (particles and endings: 「した」「たい」「のよ」), which are in most passages and
    would only lower the fusion's confidence that the best keyword match is on topic."""
    terms = [t for t in tokens(question) if not (t.isascii() and (len(t) < 2 or t in STOPWORDS))
             and not _HIRAGANA.fullmatch(t)]
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def coverage(terms: list[str], text: str) -> float:
    """Share of the (distinct) search terms that a passage's own terms contain: the fusion's confidence in a
    keyword list (retrieve.py), the same number LexicalIndex.search returns for each hit."""
    wanted = set(terms)
    return len(wanted & set(tokens(text))) / len(wanted) if wanted else 0.0


class LexicalIndex:
    """BM25 over passages given as (id, text) pairs."""

    def __init__(self, passages: Iterable[tuple[int, str]]) -> None:
        ids: list[int] = []
        lengths: list[int] = []
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for row, (cid, text) in enumerate(passages):
            counts = Counter(tokens(text))
            assert not ids or cid > ids[-1], "passages in ascending id order"
            ids.append(cid)
            lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                rows, tfs = postings.setdefault(term, ([], []))
                rows.append(row)
                tfs.append(tf)
        self.ids = np.asarray(ids, dtype=np.int64)
        n = len(ids)
        dl = np.asarray(lengths, dtype=np.float32)
        norm = K1 * (1 - B + B * dl / max(float(dl.mean()), 1e-9)) if n else dl
        # term -> (rows, BM25 part without the IDF, IDF)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
        for term, (rows, tfs) in postings.items():
            r = np.asarray(rows, dtype=np.int32)
            tf = np.asarray(tfs, dtype=np.float32)
            idf = max(math.log((n - len(rows) + 0.5) / (len(rows) + 0.5)), MIN_IDF)
            self._postings[term] = (r, tf * (K1 + 1) / (tf + norm[r]), idf)

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, terms: list[str], k: int) -> list[tuple[int, float, float]]:
        """(passage id, BM25, coverage: the share of `terms` the passage holds), best first; passages sharing
        no term are left out."""
        found = [self._postings[t] for t in dict.fromkeys(terms) if t in self._postings]
        if not found:
            return []
        rows = np.concatenate([f[0] for f in found])
        weights = np.concatenate([f[1] * f[2] for f in found])
        n = len(self.ids)
        scores = np.bincount(rows, weights=weights, minlength=n)
        matched = np.bincount(rows, minlength=n)
        hit = np.flatnonzero(matched)
        if len(hit) > k:
            hit = hit[np.argpartition(-scores[hit], k)[:k]]
        hit = hit[np.lexsort((self.ids[hit], -scores[hit]))]
        share = 1.0 / len(set(terms))
        return [(int(self.ids[i]), float(scores[i]), float(matched[i]) * share) for i in hit]
