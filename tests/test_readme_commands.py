"""Every command in the README, run as a new user would (offline): the README must stay true.

Each ```bash line (and the ```python example) is matched against RULES below, in order: the first match
says how to run it here or why it cannot run in a test (printed in the test's output). A command no rule
matches fails the test: whoever adds a README command decides here how it is checked.

The network is replaced by loopback: `kakehashi pull` talks to a local Hugging Face-compatible hub
(tests/models/fake_hub.py) that serves the bundled model under the README's repo names, and requests to
http://127.0.0.1:8000 go to a real `kakehashi serve` on a free port.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from kakehashi.default_model import default_model_path
from kakehashi.models.refs import parse_hub_ref
from tests.conftest import running_server
from tests.models.fake_hub import HubState, fake_hub
from tests.tools.gguf_files import GQA_LAYOUT, write_gguf

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
README_SERVER = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Snippet:
    language: str  # "bash" or "python"
    text: str  # one shell command (continuations and multi-line quotes joined), or a whole python block
    line: int


def readme_snippets(markdown: str) -> list[Snippet]:
    snippets: list[Snippet] = []
    for match in re.finditer(r"^```(bash|python)\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL):
        language, body = match.group(1), match.group(2)
        first_line = markdown[: match.start()].count("\n") + 2
        if language == "python":
            snippets.append(Snippet("python", body, first_line))
            continue
        buffer, start = "", 0
        for offset, line in enumerate(body.splitlines()):
            if not buffer:
                start = first_line + offset
            buffer += line + "\n"
            if buffer.rstrip().endswith("\\"):
                continue
            try:
                shlex.split(buffer, comments=True)
            except ValueError:  # an open quote: the command goes on (curl -d '{ ... }')
                continue
            if buffer.strip():
                snippets.append(Snippet("bash", buffer.strip(), start))
            buffer = ""
    return snippets


@dataclass
class Env:
    """What the commands share: one temp directory, cache, ledger, server and hub, as one user's machine."""

    cwd: Path
    vars: dict[str, str]
    server: str  # base URL of a running kakehashi serve standing in for http://127.0.0.1:8000
    hub: HubState
    log: list[str]

    def shell(self, command: str, *, ok_codes: tuple[int, ...] = (0,), timeout: float = 600,
              cwd: Path | None = None) -> str:
        command = command.replace(README_SERVER, self.server)
        proc = subprocess.run(["bash", "-c", command], cwd=cwd or self.cwd, env=self.vars, capture_output=True,
                              text=True, timeout=timeout, check=False)  # fmt: skip
        assert proc.returncode in ok_codes, f"{command}\nexit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc.stdout


Action = Callable[[Env, Snippet], None]


class NotRunInTest(UserWarning):
    """A README command this test cannot run, with the reason."""


def run(ok_codes: tuple[int, ...] = (0,), *, in_clone: bool = False) -> Action:
    """Run as written; `in_clone`: from the repository's root, for commands naming files of the repo."""

    def action(env: Env, snippet: Snippet) -> None:
        env.shell(snippet.text, ok_codes=ok_codes, cwd=ROOT if in_clone else None)

    return action


def curl(env: Env, snippet: Snippet) -> None:
    if shutil.which("curl") is None:
        return skip("curl is not installed here")(env, snippet)
    body = env.shell(snippet.text.replace("curl ", "curl --fail-with-body ", 1))
    assert body.strip(), snippet.text


def serve(env: Env, snippet: Snippet) -> None:
    """Start the command's server on a free port, check it answers, stop it."""
    args = shlex.split(snippet.text, comments=True)
    assert args[:2] == ["kakehashi", "serve"], args
    with running_server(*args[2:], "--slots", "2", env=env.vars) as base:
        models = httpx.get(f"{base}/v1/models", timeout=10).json()["data"]
        served = [m["id"] for m in models]
        for flag, value in itertools.pairwise(args):
            if flag in ("-m", "--model"):
                assert value.partition("=")[0] in served or value in served, (value, served)


def python(env: Env, snippet: Snippet) -> None:
    script = snippet.text.replace(README_SERVER, env.server)  # the OpenAI, Ollama and Anthropic examples
    proc = subprocess.run([sys.executable, "-c", script], cwd=env.cwd, env=env.vars, capture_output=True,
                          text=True, timeout=600, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    if "print(" in script:
        assert proc.stdout.strip(), "the example printed nothing"


def skip(reason: str) -> Action:
    def action(env: Env, snippet: Snippet) -> None:
        message = f"README line {snippet.line} not run: {reason}: {snippet.text.splitlines()[0]}"
        env.log.append(message)
        warnings.warn(message, NotRunInTest, stacklevel=1)  # listed in pytest's warnings summary

    return action


# First match wins. Patterns are searched in the command text.
RULES: list[tuple[str, Action]] = [
    (r"pip install", skip("installs packages (network, minutes); CI does this step itself")),
    (r"^kakehashi serve .*--host 0\.0\.0\.0", skip("binds every network interface")),
    (r"^kakehashi serve .*(-m|-e) \S+=~?/models/", skip("needs GGUF files the reader has under /models")),
    (r"^kakehashi serve .*--slots 32 --ctx-size 4096", skip("allocates ~3 GiB of KV cache on a shared test box")),
    (r"^kakehashi serve\b", serve),
    (r"^curl .*127\.0\.0\.1:8000", curl),
    (r"^kakehashi pull ", run()),
    (r"^kakehashi (ls|rm)\b", run()),
    (r"^kakehashi route explain ", run()),
    (r"^kakehashi route eval ", run(in_clone=True)),  # reads the repo's data/ (read-only)
    (r"^kakehashi route privacy-eval ", run(in_clone=True)),  # reads the repo's eval/ (read-only)
    (r"^kakehashi usage\b", run()),
    (r"^kakehashi (inspect|estimate) ", run()),
    (r"^kakehashi doctor --config ", run()),
    # doctor exits 1 when a check fails, which depends on the machine (no GPU is not a failure, though).
    (r"^kakehashi doctor \[", lambda env, s: env.shell(re.sub(r"\[.*?\]", "", s.text), ok_codes=(0, 1))),
    (r"^kakehashi doctor\s*(#|$)", lambda env, s: env.shell(s.text, ok_codes=(0, 1))),
    (r"^kakehashi rag ask ", skip("minutes of model time on a busy box; tests/pipelines/rag runs ask")),
    (r"^kakehashi rag (index|search) ", run()),  # over the small ~/docs the fixture writes
    (r"^kakehashi bench .*--compare", skip("a load test against two servers (llama-server on :8080)")),
    (r"^kakehashi extract ", skip("minutes of model time; tests/pipelines/test_extract_e2e.py runs extract")),
]


def _rule_for(snippet: Snippet) -> Action | None:
    if snippet.language == "python":
        return python
    return next((action for pattern, action in RULES if re.search(pattern, snippet.text)), None)


def _hub_repos(snippets: list[Snippet]) -> HubState:
    """The local hub serves the bundled GGUF under every repo the README pulls, named as such repos name it."""
    state = HubState()
    for snippet in snippets:
        args = shlex.split(snippet.text, comments=True) if snippet.language == "bash" else []
        if args[:2] != ["kakehashi", "pull"]:
            continue
        ref = parse_hub_ref(args[2])
        base = ref.repo.split("/")[1].removesuffix("-GGUF")
        state.add(ref.repo, ref.file or f"{base}-{ref.quant or 'Q4_K_M'}.gguf", default_model_path())
    return state


@pytest.fixture
def env(tmp_path: Path, kakehashi_server: str) -> Iterator[Env]:
    snippets = readme_snippets(README.read_text(encoding="utf-8"))
    home = tmp_path / "home"
    (tmp_path / "bin").mkdir()
    shim = tmp_path / "bin" / "kakehashi"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kakehashi "$@"\n')
    shim.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    write_gguf(work / "model.gguf", **GQA_LAYOUT)  # the README's placeholder file name
    shutil.copy(ROOT / "kakehashi.example.toml", work / "kakehashi.toml")  # as a reader would start
    manuals, contracts = home / "docs" / "manuals", home / "docs" / "契約書"  # the README's rag folders
    manuals.mkdir(parents=True)
    contracts.mkdir(parents=True)
    (manuals / "warranty.md").write_text("# Warranty\n\nThe warranty period is two years from delivery.\n")
    (contracts / "保守契約.md").write_text("# 保守契約\n\n保守契約の更新期限は毎年3月31日です。\n", encoding="utf-8")
    # The README's `rag index --urls pages.txt`: one page on a real local HTTP server, one plain path.
    site = tmp_path / "site"
    site.mkdir()
    (site / "handbook.html").write_text("<html><body><article><h1>Handbook</h1><p>Expense reports are due on "
                                        "the fifth working day of each month.</p></article></body></html>")
    state = _hub_repos(snippets)
    with fake_hub(state) as endpoint, _static_site(site) as site_url:
        (work / "pages.txt").write_text(f"{site_url}/handbook.html\n{manuals / 'warranty.md'}\n")
        variables = {
            **os.environ,
            "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(home),
            "KAKEHASHI_MODELS": str(tmp_path / "models"),
            "KAKEHASHI_LEDGER": str(tmp_path / "ledger.sqlite3"),
            "OLLAMA_MODELS": str(tmp_path / "ollama"),
            "HF_ENDPOINT": endpoint,
            "COLUMNS": "120",
        }
        variables.pop("KAKEHASHI_CONFIG", None)
        yield Env(cwd=work, vars=variables, server=kakehashi_server, hub=state, log=[])


@contextlib.contextmanager
def _static_site(directory: Path) -> Iterator[str]:
    """A directory served over HTTP on 127.0.0.1 (standard library), for the README's fetching commands."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_every_readme_command(env: Env) -> None:
    snippets = readme_snippets(README.read_text(encoding="utf-8"))
    assert len(snippets) >= 10  # the parser found the README's blocks
    unclassified = [s for s in snippets if _rule_for(s) is None]
    assert not unclassified, "README commands no rule in tests/test_readme_commands.py covers:\n" + "\n".join(
        f"  line {s.line}: {s.text}" for s in unclassified
    )
    ran = 0
    for snippet in snippets:
        action = _rule_for(snippet)
        assert action is not None
        before = len(env.log)
        action(env, snippet)
        ran += len(env.log) == before
    print("\n".join(env.log))  # visible with -s / -rA: what was not run, and why
    assert ran >= len(snippets) // 2, env.log


def test_readme_never_points_outside_the_repo() -> None:
    text = README.read_text(encoding="utf-8")
    assert "../" not in re.sub(r"https?://\S+", "", text), "the README must only name files inside the repo"
