"""`kill -9` under load: the ledger file stays consistent and loses at most the last unflushed batch.

The ledger writes rows off the request path, in batches of up to 256 rows or 50 ms (accounting/ledger.py),
each batch one SQLite transaction in WAL mode. A process killed outright cannot run its final flush, so
the rows lost are those recorded but not yet committed: at most one batch in the writer's hands plus what
queued meanwhile. This measures it against a pure gateway (no engine) over the fault upstream.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port
from tests.upstreams.fault_upstream import FaultUpstream

pytestmark = pytest.mark.slow

BATCH_ROWS = 256  # Ledger's default batch_rows


def test_kill_9_under_load_leaves_a_consistent_ledger_missing_at_most_one_batch(
    tmp_path: Path, fault_server: FaultUpstream
) -> None:
    ledger, port = tmp_path / "ledger.sqlite3", free_port()
    config = tmp_path / "kakehashi.toml"
    config.write_text(f'models = []\n[backends.box]\nbase_url = "{fault_server.base_url}"\nkind = "local"\n'
                      f'models = ["echo"]\n[accounting]\nledger = "{ledger}"\n')
    proc = subprocess.Popen([sys.executable, "-m", "kakehashi", "serve", "--config", str(config), "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    completed = 0
    lock, stop = threading.Lock(), threading.Event()

    def client() -> None:
        nonlocal completed
        with httpx.Client(timeout=30) as http:
            while not stop.is_set():
                try:
                    r = http.post(f"{base}/v1/chat/completions",
                                  json={"model": "echo", "messages": [{"role": "user", "content": "hi"}]})
                except httpx.HTTPError:
                    return  # the server is gone
                if r.status_code == 200:
                    with lock:
                        completed += 1

    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        threads = [threading.Thread(target=client) for _ in range(8)]
        for t in threads:
            t.start()
        while True:  # under load: kill once a few hundred requests have been answered
            with lock:
                if completed >= 300:
                    break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        stop.set()
        for t in threads:
            t.join(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
    lost = max(0, completed - rows)  # answered requests without a row (requests cut by the kill have none either)
    print(f"kill -9 after {completed} answered requests: {rows} ledger rows, {lost} lost")
    assert lost <= BATCH_ROWS
