"""Generation requests on their way to an engine: received, not yet handed to one.

A burst of requests reaches an idle engine one by one: each spends ~1 ms of the event loop's time
(HTTP parsing, validation, routing, templating, tokenisation) before it is submitted, so 16 clients
that send at once are submitted over ~20 ms. An engine that starts decoding at the first submission
computes that one alone, and the other 15 wait for its step and then for their prompts' KV loads.
So the HTTP layer counts requests it has received (`arrive`, a pure ASGI middleware on the
generation routes) and each settles its ticket the moment it no longer heads for the embedded
engine: when the engine queues it, when the gateway sends it to another backend, or when it ends
(a 400, a disconnect). An engine waking from idle admits the requests still arriving, and loads
their cached prefixes meanwhile, before its first decode (engine.py, `_gather`).

One counter per process: its engines share one event loop. Written only on that loop's thread and
read by engine threads; an int read or write is atomic under the GIL, and a stale read only makes
an engine wait a poll interval longer or start one request earlier.
"""

from __future__ import annotations

from contextvars import ContextVar


class _Arrivals:
    __slots__ = ("pending",)

    def __init__(self) -> None:
        self.pending = 0  # requests received and not yet settled


ARRIVALS = _Arrivals()


class Ticket:
    """One request's place in ARRIVALS; settling is idempotent."""

    __slots__ = ("_open",)

    def __init__(self) -> None:
        self._open = True
        ARRIVALS.pending += 1

    def settle(self) -> None:
        if self._open:
            self._open = False
            ARRIVALS.pending -= 1


_current: ContextVar[Ticket | None] = ContextVar("kakehashi_arrival", default=None)


def arrive() -> Ticket:
    """Count the current request (the HTTP layer, before it reads the body); its task and the tasks it
    starts can settle it with `settle_current`."""
    ticket = Ticket()
    _current.set(ticket)
    return ticket


def settle_current() -> None:
    """The current request no longer heads for an engine's queue (or has just joined it)."""
    ticket = _current.get()
    if ticket is not None:
        ticket.settle()
