"""create_app(): the FastAPI application around a gateway client. Knows HTTP; knows nothing of engines."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio
from fastapi import FastAPI
from starlette.responses import JSONResponse, PlainTextResponse, Response

from kakehashi import __version__
from kakehashi.api import anthropic, ollama, openapi_doc, responses
from kakehashi.api.admin_routes import build_admin_router
from kakehashi.api.embeddings_routes import build_embeddings_router
from kakehashi.api.errors import error_response, install_error_handlers
from kakehashi.api.metrics import Metrics, MetricsMiddleware
from kakehashi.api.openai_routes import build_router
from kakehashi.api.request_log import ArrivalMiddleware, DrainMiddleware, RequestLogMiddleware
from kakehashi.api.security import DOCS_PATHS, SecurityMiddleware
from kakehashi.api.vector_store_routes import build_vector_store_router
from kakehashi.gateway.client import GatewayClient
from kakehashi.gateway.embeddings import EmbeddingService
from kakehashi.pipelines.rag.vector_stores import VectorStoreService
from kakehashi.protocol import openai as wire

log = logging.getLogger(__name__)


@dataclass
class ServerOptions:
    api_keys: list[str] = field(default_factory=list)
    admin_keys: list[str] = field(default_factory=list)  # for /admin/*; none: the admin routes are off
    max_body_bytes: int = 8 * 1024 * 1024
    # FastAPI's interactive API page at /docs (and its schema at /openapi.json). `serve` turns it on
    # when bound to loopback; both stay readable without a key (they describe the API, they do not
    # use it), and the page's "Authorize" button takes the key for its "Try it out" requests.
    docs: bool = False


@dataclass
class _Readiness:
    ready: bool = False
    error: str | None = None
    draining: bool = False  # shutting down: finish what is in flight, take nothing new


class Lifecycle:
    """The server's switches the process around the app flips: start draining, or give up at start-up."""

    def __init__(self, state: _Readiness) -> None:
        self._state = state

    def drain(self) -> None:
        self._state.draining = True


def create_app(
    gateway: GatewayClient,
    options: ServerOptions,
    *,
    load: Callable[[], None] | None = None,
    engines: Callable[[], Mapping[str, object]] = dict,
    embeddings: EmbeddingService | None = None,
    vector_stores: VectorStoreService | None = None,
    on_fatal: Callable[[str], None] | None = None,
) -> FastAPI:
    """`load` (blocking, e.g. loading GGUF models) runs on a thread after the socket is open:
    /health answers 503 until it returns, then 200. When it fails, `on_fatal(one-line reason)` is called
    (`kakehashi serve` exits non-zero); without it the app stays up and /health says why.
    `app.state.lifecycle.drain()` makes new requests 503 while those in flight finish."""
    state = _Readiness(ready=load is None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # anyio imports its asyncio backend on first use, i.e. inside the first streamed response, on the
        # event loop (30 ms here on a quiet machine, about 1 s under load in a profile): at startup instead.
        async with anyio.create_task_group():
            pass
        task = None
        if load is not None:
            async def run_load() -> None:
                try:
                    await asyncio.to_thread(load)
                    state.ready = True
                except Exception as e:
                    state.error = f"{type(e).__name__}: {e}"
                    log.debug("loading failed", exc_info=True)
                    if on_fatal is not None:
                        on_fatal(f"loading the model failed: {state.error}")
                    else:  # reported by /health
                        log.error("loading the model failed: %s", state.error)

            task = asyncio.create_task(run_load())
        try:
            yield
        finally:
            if task is not None and not task.done():
                await asyncio.wait({task})
            if vector_stores is not None:
                vector_stores.close()
            await gateway.aclose()

    app = FastAPI(
        title="kakehashi", version=__version__, lifespan=lifespan, redoc_url=None,
        docs_url="/docs" if options.docs else None, openapi_url="/openapi.json" if options.docs else None,
        description="OpenAI-compatible gateway; also speaks Ollama's API and Anthropic's Messages API.",
    )
    app.state.lifecycle = Lifecycle(state)
    metrics = Metrics(engines, gateway.breaker_states, gateway.replica_stats)
    install_error_handlers(app)

    def is_ready() -> bool:
        return state.ready

    app.include_router(build_router(gateway, metrics, is_ready, vector_stores))
    app.include_router(responses.build_router(gateway, metrics, is_ready))
    app.include_router(anthropic.build_router(gateway, metrics, is_ready))
    embeddings = embeddings or EmbeddingService({})  # no embeddings backend: every model is a 404
    app.state.embeddings = embeddings  # for in-process callers (api.inprocess.LocalClient)
    app.include_router(ollama.build_router(gateway, metrics, is_ready, engines, embeddings))
    app.include_router(build_embeddings_router(embeddings, is_ready))
    app.include_router(build_admin_router(gateway))
    if vector_stores is not None:
        app.include_router(build_vector_store_router(vector_stores, is_ready))
    if options.docs:
        openapi_doc.install(app, api_keys=bool(options.api_keys))

    def engine_failure() -> str | None:
        for name, engine in engines().items():
            failure = getattr(engine, "failure", None)
            if failure:
                return f"the engine for model {name!r} stopped: {failure}"
        return None

    @app.get("/health")
    async def health() -> JSONResponse:
        if state.draining:
            return JSONResponse({"status": "draining"}, status_code=503)
        error = state.error or engine_failure()
        if error:
            return JSONResponse({"status": "error", "error": error}, status_code=503)
        if not state.ready:
            return JSONResponse({"status": "loading"}, status_code=503, headers={"Retry-After": "2"})
        return JSONResponse({"status": "ok"})

    @app.get("/health/live")
    async def live() -> JSONResponse:
        """Liveness: the process and its event loop answer. Loading or not, restarting would not help."""
        return JSONResponse({"status": "ok"})

    @app.get("/health/ready")
    async def ready() -> JSONResponse:
        """Readiness: send traffic here (models loaded). A load balancer takes a 503 replica out."""
        return await health()

    @app.get("/v1/models")
    async def models() -> JSONResponse:
        return JSONResponse(wire.model_list(gateway.models(), embedding=embeddings.embedding_models()))

    @app.get("/v1/models/{model_id:path}")
    async def model(model_id: str) -> JSONResponse:
        for entry in wire.model_list(gateway.models(), embedding=embeddings.embedding_models())["data"]:
            if entry["id"] == model_id:
                return JSONResponse(entry)
        return error_response(404, f"The model '{model_id}' does not exist", "invalid_request_error",
                              "model", "model_not_found")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def root() -> PlainTextResponse:
        # Ollama's clients probe "/" to see that a server is up.
        text = "kakehashi is running: OpenAI API under /v1, Ollama's under /api"
        return PlainTextResponse(text + (", interactive docs at /docs\n" if options.docs else "\n"))

    @app.get("/metrics", response_class=PlainTextResponse)
    async def prometheus() -> Response:
        return Response(metrics.render(), media_type="text/plain; version=0.0.4")

    # Added innermost first: the request log and metrics see every response, auth and size rejections
    # and draining 503s included.
    app.add_middleware(SecurityMiddleware, api_keys=options.api_keys, max_body_bytes=options.max_body_bytes,
                       public_paths=DOCS_PATHS if options.docs else frozenset(), admin_keys=options.admin_keys)
    app.add_middleware(ArrivalMiddleware)
    app.add_middleware(DrainMiddleware, is_draining=lambda: state.draining)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(RequestLogMiddleware)
    return app
