"""The engine leaves the cores other processes keep busy (kakehashi.engine.cpu_share): measured with a
real busy process, real engine, real default model."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from kakehashi.default_model import default_model_path
from kakehashi.engine import engine as engine_module
from kakehashi.engine.cpu_share import CpuShare, free_threads
from kakehashi.engine.engine import Engine
from kakehashi.engine.llama import LlamaModel
from kakehashi.engine.settings import EngineConfig
from kakehashi.types import Finished, SamplingParams

needs_proc = pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="reads /proc")


@pytest.mark.parametrize(("others", "cores", "limit", "threads"), [
    (0.0, 2, 2, 2), (0.3, 2, 2, 2), (0.6, 2, 2, 1), (1.0, 2, 2, 1), (2.0, 2, 2, 1),
    (0.0, 16, 16, 16), (4.2, 16, 16, 12), (0.0, 16, 8, 8), (15.9, 16, 16, 1),
])
def test_free_threads(others: float, cores: int, limit: int, threads: int) -> None:
    assert free_threads(others, cores, limit) == threads


@pytest.fixture
def busy_process() -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


@needs_proc
def test_counts_another_process_and_not_this_one(busy_process: subprocess.Popen[bytes]) -> None:
    share = CpuShare()
    time.sleep(1.0)
    assert (share.others() or 0.0) >= 0.6  # the busy loop's core (shared with little else here)
    busy_process.kill()
    busy_process.wait()
    readings = []
    for _ in range(3):  # the least of three: another test's process may still be exiting
        share.others()
        end = time.monotonic() + 0.5
        while time.monotonic() < end:  # this process keeps a core busy itself: that is not "others"
            pass
        readings.append(share.others() or 0.0)
    assert min(readings) < 0.5, readings


def _generate(engine: Engine, model: LlamaModel) -> None:
    prompt = model.tokenize("<|im_start|>user\nCount from one to fifty in words.<|im_end|>\n<|im_start|>assistant\n")

    async def run() -> None:
        async for event in engine.generate(prompt, SamplingParams(temperature=0.0, max_tokens=24)):
            if isinstance(event, Finished):
                assert event.reason in ("stop", "length"), event.error

    asyncio.run(run())


@needs_proc
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores to give one up")
def test_engine_gives_a_busy_core_back_and_takes_it_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "CPU_CHECK_S", 0.1)
    model = LlamaModel(default_model_path())
    engine = Engine(model, EngineConfig(slots=2, ctx_size=512, batch_size=128, threads=0))
    engine.start()
    cores = engine.ctx.max_threads
    def generate_until(threads: int) -> None:
        deadline = time.monotonic() + 60
        while engine.ctx.threads != threads and time.monotonic() < deadline:
            _generate(engine, model)
        assert engine.ctx.threads == threads

    try:
        generate_until(cores)  # nothing else busy: every core
        hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            generate_until(cores - 1)
        finally:
            hog.kill()
            hog.wait()
        generate_until(cores)
    finally:
        engine.stop()
        model.close()


@needs_proc
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores to give one up")
def test_slow_steps_under_busy_cores_still_give_them_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many busy processes: each decode on all cores takes hundreds of milliseconds (the compute threads
    wait at barriers behind them), longer than the interval between readings. The engine must still read
    and leave the cores. (Before, a reading longer than two intervals was taken for an idle spell and
    restarted, so under this much load the engine never read anything and kept every core.)"""
    monkeypatch.setattr(engine_module, "CPU_CHECK_S", 0.02)  # every step is longer than two intervals
    model = LlamaModel(default_model_path())
    engine = Engine(model, EngineConfig(slots=2, ctx_size=512, batch_size=128, threads=0))
    engine.start()
    cores = engine.ctx.max_threads
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(3 * cores)]
    try:
        time.sleep(0.5)  # the busy processes run before the engine wakes
        for _ in range(3):
            _generate(engine, model)
            if engine.ctx.threads == 1:
                break
        assert engine.ctx.threads == 1
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        engine.stop()
        model.close()


def test_an_explicit_thread_count_is_kept() -> None:
    model = LlamaModel(default_model_path())
    engine = Engine(model, EngineConfig(slots=2, ctx_size=512, batch_size=128, threads=1))
    try:
        assert engine._cpu_share is None and engine.ctx.threads == 1
    finally:
        engine.ctx.close()
        model.close()
