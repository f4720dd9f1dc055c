"""Local RAG: index documents into one SQLite file (vectors + keywords), retrieve hybrid, answer with citations.

- store.py     the SQLite file: documents, chunks, a sqlite-vec vector table, an FTS5 trigram table
- index.py     load, chunk, embed (through /v1/embeddings), store; incremental by content hash
- retrieve.py  vector + keyword search fused by a convex combination of their scores, path filters
- answer.py    a cited answer through the gateway (/v1/chat/completions), "not found" when nothing fits
- cli.py       `kakehashi rag index|search|ask`
- catalog.py, vector_stores.py, filters.py   OpenAI's files and vector stores on top (served by api/)
"""
