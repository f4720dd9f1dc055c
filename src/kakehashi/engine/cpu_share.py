"""How many cores other processes keep busy, and how many compute threads that leaves the engine.

Why the engine cares: llama.cpp's compute threads meet at a barrier several hundred times per token and
spin while they wait. When another process keeps a core busy, the compute thread it displaces reaches
each barrier a scheduler time slice late while the others spin: on a 2-core machine one busy process
cut one stream's decoding from ~65-80 to 1-4 tokens/s, for kakehashi and the reference llama-server alike
(`benchmarks/engine/cpu_contention.md`). Running as many compute threads as the cores left free avoids the
collapse (~45 tokens/s there); when the other process ends, the engine takes its cores back.

Read by hand from /proc: "CPU time of every process but this one" is the machine's busy time minus this
process's, two small files; no library reports it directly (psutil would be a dependency for the same
subtraction). Where /proc is missing (macOS), `others()` returns None and the thread count stays fixed.
"""

from __future__ import annotations

import math
import os
import time

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_threads(others: float, cores: int, limit: int) -> int:
    """Compute threads for the cores other processes leave free (rounded to the nearest: half a busy
    core is enough to displace a thread), at least 1, at most `limit`."""
    return max(1, min(limit, math.floor(cores - others + 0.5)))


def _machine_busy_ticks() -> int:
    with open("/proc/stat", "rb") as f:
        fields = f.readline().split()
    # cpu user nice system idle iowait irq softirq steal ...: steal is the hypervisor's, not a process's
    user, nice, system, _idle, _iowait, irq, softirq = (int(x) for x in fields[1:8])
    return user + nice + system + irq + softirq


def _own_ticks() -> int:
    with open("/proc/self/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))


class CpuShare:
    """Cores used by other processes since the previous call (averaged over that interval)."""

    def __init__(self) -> None:
        self._last: tuple[float, int, int] | None = None
        try:
            self.restart()
        except (OSError, ValueError, IndexError):
            self._last = None

    def restart(self) -> None:
        """Measure from now on."""
        self._last = (time.monotonic(), _machine_busy_ticks(), _own_ticks())

    def since_last(self) -> float:
        """Seconds since the last reading (inf when /proc is missing)."""
        return time.monotonic() - self._last[0] if self._last is not None else float("inf")

    def others(self) -> float | None:
        if self._last is None:
            return None
        now, busy, own = time.monotonic(), _machine_busy_ticks(), _own_ticks()
        then, busy0, own0 = self._last
        self._last = (now, busy, own)
        if now - then <= 0:
            return None
        return max(0.0, ((busy - busy0) - (own - own0)) / _TICKS / (now - then))
