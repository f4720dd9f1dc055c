"""OpenAI wire format for files (/v1/files) and vector stores (/v1/vector_stores...): request models that
refuse unknown fields, and the response objects built from the service's rows."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FILE_PURPOSES = ("assistants", "user_data")  # what a file is uploaded for here: to be searched
MAX_ATTRIBUTES = 16  # OpenAI's limits on metadata and attributes
MAX_SEARCH_RESULTS = 50


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_pairs(value: dict[str, Any] | None, what: str, scalar_values: bool) -> dict[str, Any] | None:
    if value is None:
        return None
    if len(value) > MAX_ATTRIBUTES:
        raise ValueError(f"at most {MAX_ATTRIBUTES} {what} keys, got {len(value)}")
    for k, v in value.items():
        if len(k) > 64:
            raise ValueError(f"{what} key {k[:20]!r}...: at most 64 characters")
        allowed = (str, int, float, bool) if scalar_values else (str,)
        if not isinstance(v, allowed):
            kinds = "strings, numbers or booleans" if scalar_values else "strings"
            raise ValueError(f"{what} value of {k!r} must be one of: {kinds}")  # noqa: TRY004 - pydantic wants it
        if isinstance(v, str) and len(v) > 512:
            raise ValueError(f"{what} value of {k!r}: at most 512 characters")
    return value


class ExpiresAfter(_Strict):
    anchor: Literal["last_active_at"]
    days: int = Field(ge=1, le=365)


class AutoChunking(_Strict):
    """Only "auto": kakehashi's Japanese-aware chunker (800 characters, 100 overlapping). A "static"
    strategy counts tokens of OpenAI's tokenizer, which this server does not have."""

    type: Literal["auto"]


class VectorStoreCreate(_Strict):
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None
    expires_after: ExpiresAfter | None = None
    file_ids: list[str] = Field(default_factory=list, max_length=500)
    chunking_strategy: AutoChunking | None = None

    @field_validator("metadata", mode="before")
    @classmethod
    def _metadata(cls, v: Any) -> Any:
        return _check_pairs(v, "metadata", scalar_values=False) if isinstance(v, dict) else v


class VectorStoreUpdate(_Strict):
    name: str | None = None
    metadata: dict[str, str] | None = None
    expires_after: ExpiresAfter | None = None

    @field_validator("metadata", mode="before")
    @classmethod
    def _metadata(cls, v: Any) -> Any:
        return _check_pairs(v, "metadata", scalar_values=False) if isinstance(v, dict) else v


Attributes = dict[str, str | bool | int | float]


class _WithAttributes(_Strict):
    attributes: Attributes | None = None
    chunking_strategy: AutoChunking | None = None

    @field_validator("attributes", mode="before")
    @classmethod
    def _attributes(cls, v: Any) -> Any:
        return _check_pairs(v, "attributes", scalar_values=True) if isinstance(v, dict) else v


class VectorStoreFileCreate(_WithAttributes):
    file_id: str = Field(min_length=1)


class FileBatchEntry(VectorStoreFileCreate):
    """One file of a batch with its own attributes."""


class FileBatchCreate(_WithAttributes):
    """Either file_ids (sharing `attributes`) or files (each with its own attributes), as OpenAI has it."""

    file_ids: list[str] | None = Field(default=None, min_length=1, max_length=500)
    files: list[FileBatchEntry] | None = Field(default=None, min_length=1, max_length=500)

    @model_validator(mode="after")
    def _one_list(self) -> FileBatchCreate:
        if (self.file_ids is None) == (self.files is None):
            raise ValueError("give exactly one of file_ids and files")
        if self.files is not None and self.attributes is not None:
            raise ValueError("attributes apply to file_ids; with files, give each file its own attributes")
        return self

    def entries(self) -> list[tuple[str, dict[str, Any]]]:
        if self.files is not None:
            return [(f.file_id, f.attributes or {}) for f in self.files]
        return [(f, dict(self.attributes or {})) for f in self.file_ids or []]


class VectorStoreFileUpdate(_Strict):
    attributes: Attributes | None

    @field_validator("attributes", mode="before")
    @classmethod
    def _attributes(cls, v: Any) -> Any:
        return _check_pairs(v, "attributes", scalar_values=True) if isinstance(v, dict) else v


class ComparisonFilter(_Strict):
    type: Literal["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]
    key: str
    value: str | bool | int | float | list[str | int | float]


class CompoundFilter(_Strict):
    type: Literal["and", "or"]
    filters: list[ComparisonFilter | CompoundFilter] = Field(min_length=1)


CompoundFilter.model_rebuild()


RERANKER = "kakehashi-rerank"


class RankingOptions(_Strict):
    # kakehashi ranks by a fusion of vector and keyword search scores: "auto" and "none" both mean that.
    # RERANKER (a kakehashi value, opt-in) also reranks the fused candidates by the gateway's local chat
    # model (pipelines/rag/rerank.py). OpenAI's named rankers do not exist here: any other value is a 400.
    ranker: Literal["auto", "none", "kakehashi-rerank"] = "auto"
    score_threshold: float = Field(default=0.0, ge=0.0, le=1.0)


class SearchRequest(_Strict):
    query: str | list[str]
    max_num_results: int = Field(default=10, ge=1, le=MAX_SEARCH_RESULTS)
    filters: ComparisonFilter | CompoundFilter | None = None
    ranking_options: RankingOptions | None = None
    rewrite_query: bool = False

    @field_validator("query")
    @classmethod
    def _query(cls, v: str | list[str]) -> str | list[str]:
        queries = [v] if isinstance(v, str) else v
        if not queries or not all(q.strip() for q in queries):
            raise ValueError("query must be a non-empty string or a non-empty list of non-empty strings")
        return v

    @field_validator("rewrite_query")
    @classmethod
    def _rewrite(cls, v: bool) -> bool:
        if v:
            raise ValueError("query rewriting is not supported: the query is searched as written")
        return v

    @model_validator(mode="after")
    def _one_query_to_rerank(self) -> SearchRequest:
        if self.ranking_options and self.ranking_options.ranker == RERANKER and len(self.queries()) > 1:
            raise ValueError(f"ranking_options.ranker {RERANKER!r} reranks against one query; got a list")
        return self

    def queries(self) -> list[str]:
        return [self.query] if isinstance(self.query, str) else list(self.query)


# ---------------------------------------------------------------------------- response objects
def file_object(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "object": "file", "bytes": row["bytes"], "created_at": row["created_at"],
            "filename": row["filename"], "purpose": row["purpose"], "status": "processed",
            "status_details": None, "expires_at": None}


def vector_store_object(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "object": "vector_store", "created_at": row["created_at"], "name": row["name"],
            "description": row["description"], "usage_bytes": row["usage_bytes"], "file_counts": row["file_counts"],
            "status": row["status"], "expires_after": row["expires_after"], "expires_at": row["expires_at"],
            "last_active_at": row["last_active_at"], "metadata": row["metadata"]}


def vector_store_file_object(row: dict[str, Any]) -> dict[str, Any]:
    # chunking_strategy "other": OpenAI's word for chunks not cut by a static token count.
    return {"id": row["file_id"], "object": "vector_store.file", "usage_bytes": row["usage_bytes"],
            "created_at": row["created_at"], "vector_store_id": row["vector_store_id"], "status": row["status"],
            "last_error": row["last_error"], "attributes": row["attributes"], "chunking_strategy": {"type": "other"}}


def file_batch_object(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "object": "vector_store.files_batch", "created_at": row["created_at"],
            "vector_store_id": row["vector_store_id"], "status": row["status"], "file_counts": row["file_counts"]}


def deleted(object_id: str, kind: str) -> dict[str, Any]:
    return {"id": object_id, "object": kind, "deleted": True}


def search_page(queries: list[str], results: list[dict[str, Any]]) -> dict[str, Any]:
    data = [{"file_id": r["file_id"], "filename": r["filename"], "score": r["score"], "attributes": r["attributes"],
             "content": [{"type": "text", "text": r["text"]}]} for r in results]
    return {"object": "vector_store.search_results.page", "search_query": queries, "data": data,
            "has_more": False, "next_page": None}


def page(objects: list[dict[str, Any]], *, limit: int, order: str, after: str | None,
         before: str | None) -> dict[str, Any]:
    """A cursor page in OpenAI's list shape; `objects` come oldest first, each with an "id"."""
    items = objects if order == "asc" else list(reversed(objects))
    ids = [o["id"] for o in items]
    if after is not None:
        items = items[ids.index(after) + 1:] if after in ids else []
    if before is not None:
        ids = [o["id"] for o in items]
        items = items[: ids.index(before)] if before in ids else []
        chosen = items[-limit:]
    else:
        chosen = items[:limit]
    return {"object": "list", "data": chosen, "first_id": chosen[0]["id"] if chosen else None,
            "last_id": chosen[-1]["id"] if chosen else None, "has_more": len(items) > limit}
