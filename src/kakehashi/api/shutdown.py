"""uvicorn's Server with kakehashi's shutdown: drain, flush, exit 0.

SIGTERM/SIGINT start draining: new requests get 503 (DrainMiddleware) and uvicorn stops accepting
connections, in-flight requests get up to `timeout_graceful_shutdown` seconds to finish, then the app's
lifespan closes the gateway, which flushes the ledger. uvicorn would then re-raise the signal (so the
process dies "killed by SIGTERM"); a clean, requested stop is a success here, so the exit status is 0.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from types import FrameType

import uvicorn

log = logging.getLogger("kakehashi")


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_drain: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_drain = on_drain

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True  # a second Ctrl-C: stop waiting for requests in flight
            return
        if not self.should_exit:
            log.info("%s: draining; requests in flight get up to %gs", signal.Signals(sig).name,
                     self.config.timeout_graceful_shutdown)
        self._on_drain()
        self.should_exit = True
