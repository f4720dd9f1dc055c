"""Real PostgreSQL and Redis servers for tests, started from the Debian packages' binaries.

Each runs as a child process on 127.0.0.1 on a free port with its files in a fresh temporary directory,
and is stopped (and its files removed) when the block ends. PostgreSQL refuses to run as root, so as
root (CI) its processes run as the `postgres` user that Debian's package creates. When a binary is
missing, `skip_reason()` says which, so tests skip with that reason instead of failing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import free_port


def _pg_bin(name: str) -> str | None:
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    return shutil.which(name)


def postgres_missing() -> str | None:
    if _pg_bin("initdb") is None or _pg_bin("pg_ctl") is None:
        return "PostgreSQL binaries not found (apt-get install postgresql; looked in /usr/lib/postgresql/*/bin)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run PostgreSQL as"
    return None


def redis_missing() -> str | None:
    return None if shutil.which("redis-server") else "redis-server not found (apt-get install redis-server)"


@dataclass
class RedisServer:
    port: int
    directory: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = open(self.directory / "redis.log", "ab")  # noqa: SIM115 - the child keeps it
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        _wait_port(self.port, self.proc, "redis-server")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    directory = Path(tempfile.mkdtemp(prefix="kk-redis-"))
    server = RedisServer(free_port(), directory)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class PostgresServer:
    port: int
    directory: Path

    @property
    def url(self) -> str:
        return f"postgresql://kk@127.0.0.1:{self.port}/kakehashi"

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                       cwd=self.directory)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(str(_pg_bin("initdb")), "-D", str(self.directory / "data"), "-A", "trust", "-U", "kk",
                  "--no-sync", "-E", "UTF8")

    def start(self) -> None:
        # fsync=off survives a killed server (the OS keeps the pages), not a power cut: fine for tests.
        # synchronous_commit stays on: a commit must be in the WAL before the client hears it.
        options = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c full_page_writes=off")
        self._run(str(_pg_bin("pg_ctl")), "-D", str(self.directory / "data"), "-o", options,
                  "-l", str(self.directory / "postgres.log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """mode "immediate" is a crash: no checkpoint, clients cut at once."""
        try:
            self._run(str(_pg_bin("pg_ctl")), "-D", str(self.directory / "data"), "-m", mode, "-w", "stop")
        except subprocess.CalledProcessError:
            pass  # already stopped

    def create_database(self) -> None:
        import psycopg

        with psycopg.connect(f"postgresql://kk@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE kakehashi")


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    directory = Path(tempfile.mkdtemp(prefix="kk-pg-"))
    server = PostgresServer(free_port(), directory)
    try:
        server.init()
        server.start()
        server.create_database()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(directory, ignore_errors=True)


def _wait_port(port: int, proc: subprocess.Popen[bytes], name: str) -> None:
    import socket

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen on {port} in 30 s")
