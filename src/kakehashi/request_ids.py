"""Request ids: 32 hex characters, unique across processes, without a system call per request.

`uuid.uuid4()` reads 16 bytes from os.urandom for every id: a system call on each request's path, twice per
request (the access log's id and the ledger row's). Here a process draws 64 random bits once (again in a
forked child) and appends a counter: ids stay unique across processes and restarts (two processes share a
prefix with probability ~2^-64 per pair). The counter starts at a random value, so an id does not tell
how many requests the process has served.
"""

from __future__ import annotations

import itertools
import os

_prefix = ""
_counter: itertools.count[int] = itertools.count()


def _reseed() -> None:
    global _prefix, _counter
    _prefix = os.urandom(8).hex()
    _counter = itertools.count(int.from_bytes(os.urandom(4), "big"))  # not from 0: a restart does not replay


_reseed()
os.register_at_fork(after_in_child=_reseed)


def new_request_id() -> str:
    """A fresh id, e.g. '9f2c…'; thread-safe (next() on itertools.count holds the GIL)."""
    return f"{_prefix}{next(_counter) & 0xFFFF_FFFF_FFFF_FFFF:016x}"
