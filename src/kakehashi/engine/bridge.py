"""The engine thread -> asyncio bridge both engines use.

An engine thread collects one step's events for every sequence and hands them over with ONE
call_soon_threadsafe per event loop (not one per token); each request's coroutine reads its own
Channel. Requests carry their Channel (`out`), which knows the loop it was made on.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from kakehashi.types import Finished, GenerationEvent, TextDelta


class Channel:
    """One request's events, from the engine thread to the coroutine streaming them.

    Hand-written instead of asyncio.Queue because this is the per-token path: one producer (the loop
    thread, in `_deliver`) and one consumer need a deque and at most one pending future, while a Queue
    get/put runs several Python frames and, on Python 3.11, a getpid() syscall per call (its loop check)."""

    __slots__ = ("_items", "_waiter", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._items: deque[GenerationEvent] = deque()
        self._waiter: asyncio.Future[None] | None = None

    def put(self, event: GenerationEvent) -> None:
        """Loop thread only."""
        self._items.append(event)
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    async def _wait(self) -> None:
        waiter = self.loop.create_future()
        self._waiter = waiter
        try:
            await waiter
        finally:
            self._waiter = None


class Waiter(Protocol):
    out: Channel


def emit(outputs: Sequence[tuple[Waiter, GenerationEvent]]) -> None:
    """Engine thread: deliver one step's events, one hand-off per event loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Waiter, GenerationEvent]]] = {}
    for item in outputs:
        by_loop.setdefault(item[0].out.loop, []).append(item)
    for loop, items in by_loop.items():
        try:
            loop.call_soon_threadsafe(_deliver, items)
        except RuntimeError:  # that event loop is closed: its clients are gone
            pass


def _deliver(items: list[tuple[Waiter, GenerationEvent]]) -> None:
    for waiter, event in items:
        waiter.out.put(event)


async def events(channel: Channel) -> AsyncIterator[GenerationEvent]:
    """Asyncio side: a request's events up to and including its Finished.

    When the consumer falls behind the engine (a busy event loop), the text of several steps goes out
    as one delta: one SSE chunk and one socket write instead of several."""
    items = channel._items
    while True:
        if not items:
            await channel._wait()
        event = items.popleft()
        while isinstance(event, TextDelta) and event.logprobs is None and items:
            following = items.popleft()
            if isinstance(following, TextDelta) and following.logprobs is None and following.index == event.index:
                event = TextDelta(event.text + following.text, event.index)
                continue
            yield event
            event = following
        yield event
        if isinstance(event, Finished):
            return
