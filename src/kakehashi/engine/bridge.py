"""The engine thread -> asyncio bridge both engines use.

An engine thread collects one step's events for every sequence and hands them over with ONE
call_soon_threadsafe per event loop (not one per token); each request's coroutine reads its own
queue. Requests carry the loop they were made on (`loop`) and their queue (`out`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from kakehashi.types import Finished, GenerationEvent, TextDelta


class Waiter(Protocol):
    loop: asyncio.AbstractEventLoop
    out: asyncio.Queue[GenerationEvent]


def emit(outputs: Sequence[tuple[Waiter, GenerationEvent]]) -> None:
    """Engine thread: deliver one step's events, one hand-off per event loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Waiter, GenerationEvent]]] = {}
    for item in outputs:
        by_loop.setdefault(item[0].loop, []).append(item)
    for loop, items in by_loop.items():
        try:
            loop.call_soon_threadsafe(_deliver, items)
        except RuntimeError:  # that event loop is closed: its clients are gone
            pass


def _deliver(items: list[tuple[Waiter, GenerationEvent]]) -> None:
    for waiter, event in items:
        waiter.out.put_nowait(event)


async def events(out: asyncio.Queue[GenerationEvent]) -> AsyncIterator[GenerationEvent]:
    """Asyncio side: a request's events up to and including its Finished.

    When the consumer falls behind the engine (a busy event loop), the text of several steps goes out
    as one delta: one SSE chunk and one socket write instead of several."""
    while True:
        event = await out.get()
        while isinstance(event, TextDelta) and event.logprobs is None and not out.empty():
            following = out.get_nowait()
            if isinstance(following, TextDelta) and following.logprobs is None and following.index == event.index:
                event = TextDelta(event.text + following.text, event.index)
                continue
            yield event
            event = following
        yield event
        if isinstance(event, Finished):
            return
