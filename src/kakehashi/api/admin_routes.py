"""Operator routes under /admin: list upstream replicas and drain or undrain one at run time.

Authenticated with an admin key (`[server] admin_key_env`), not a client key: see security.py. A drain
applies to this kakehashi process; behind a load balancer, call every replica (or list the URL in the
backend's `draining` config, which every replica reads at start).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from kakehashi.api.errors import error_response
from kakehashi.gateway.client import GatewayClient


def build_admin_router(gateway: GatewayClient) -> APIRouter:
    router = APIRouter(prefix="/admin", tags=["admin"])

    @router.get("/backends/replicas")
    async def all_replicas() -> JSONResponse:
        """Every multi-replica backend's replicas: outstanding requests, breaker, drained or not."""
        return JSONResponse({"backends": gateway.replica_stats()})

    @router.get("/backends/{backend}/replicas")
    async def replicas(backend: str) -> JSONResponse:
        stats = gateway.replica_stats()
        if backend not in stats:
            return error_response(404, f"no backend {backend!r} with several replicas", "invalid_request_error",
                                  "backend", "backend_not_found")
        return JSONResponse({"backend": backend, "replicas": stats[backend]})

    async def switch(backend: str, replica: str, draining: bool) -> JSONResponse:
        try:
            return JSONResponse({"backend": backend, "replica": gateway.drain_replica(backend, replica, draining)})
        except KeyError as e:
            return error_response(404, str(e.args[0]), "invalid_request_error", "replica", "replica_not_found")
        except ValueError as e:
            return error_response(409, str(e), "invalid_request_error", "replica", "last_replica")

    @router.post("/backends/{backend}/replicas/{replica:path}/drain")
    async def drain(backend: str, replica: str) -> JSONResponse:
        """New requests skip this replica (its URL, URL-encoded, or its index); in-flight ones finish."""
        return await switch(backend, replica, True)

    @router.post("/backends/{backend}/replicas/{replica:path}/undrain")
    async def undrain(backend: str, replica: str) -> JSONResponse:
        return await switch(backend, replica, False)

    return router
