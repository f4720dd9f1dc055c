from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.tools.doctor import app
from kakehashi.tools.doctor_checks import (
    check_backends,
    check_cpu,
    check_default_model,
    check_gpus,
    check_llama_build,
    check_ram,
    models_url,
    parse_system_info,
)
from tests.tools.openai_stub import StubBehaviour, openai_stub

runner = CliRunner()


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens once the socket is closed


def _cpu_flags() -> set[str]:
    flags: set[str] = set()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith(("flags", "Features")):
            flags.update(line.partition(":")[2].split())
    return flags


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="reads Linux /proc")
def test_cpu_check_reflects_this_machine() -> None:
    check = check_cpu()
    flags = _cpu_flags()
    features = check.data["features"]
    assert features["AVX2"] == ("avx2" in flags)
    assert features["AVX-512"] == ("avx512f" in flags)
    assert check.status == ("ok" if "avx2" in flags or "asimd" in flags else "warning")
    if check.status == "warning":
        assert check.hint


@pytest.mark.skipif(not Path("/proc/meminfo").exists(), reason="reads Linux /proc")
def test_ram_check_reflects_this_machine() -> None:
    total_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    check = check_ram()
    assert check.data["total_bytes"] == total_kib * 1024
    assert check.status in ("ok", "warning")


def test_llama_build_reports_cpu_backend() -> None:
    check = check_llama_build()
    assert check.status == "ok", check.detail
    assert "CPU" in check.data["backends"]
    assert check.data["version"] != "unknown"


def test_parse_system_info_with_gpu_backend() -> None:
    text = "CUDA : ARCHS = 890 | USE_GRAPHS = 1 | CPU : SSE3 = 1 | AVX2 = 1 | REPACK = 1 | "
    parsed = parse_system_info(text)
    assert list(parsed) == ["CUDA", "CPU"]
    assert parsed["CUDA"]["ARCHS"] == "890"
    assert parsed["CPU"]["AVX2"] == "1"


def test_gpu_check_without_gpu_is_not_a_failure() -> None:
    check = check_gpus(["CPU"])
    assert check.status in ("ok", "warning")


@pytest.mark.slow
def test_default_model_loads_and_decodes() -> None:
    check = check_default_model()
    assert check.status == "ok", f"{check.detail} / {check.hint}"
    assert Path(check.data["path"]).is_file()


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("http://h:1", "http://h:1/v1/models"),
        ("http://h:1/", "http://h:1/v1/models"),
        ("http://h:1/v1", "http://h:1/v1/models"),
        ("https://api.example.com/openai/v1/", "https://api.example.com/openai/v1/models"),
    ],
)
def test_models_url(base: str, expected: str) -> None:
    assert models_url(base) == expected


def test_backends_reachable_unreachable_and_unauthorized() -> None:
    with (
        openai_stub(StubBehaviour(models=["qwen", "llama"])) as (open_url, _),
        openai_stub(StubBehaviour(api_key="sekrit")) as (locked_url, _),
    ):
        checks = check_backends([
            ("local", open_url, None),
            ("down", _closed_port_url(), None),
            ("cloud-bad-key", locked_url, "wrong"),
            ("cloud-good-key", locked_url, "sekrit"),
        ])  # fmt: skip
    by_name = {c.name: c for c in checks}
    assert by_name["backend local"].status == "ok"
    assert by_name["backend local"].data["models"] == ["qwen", "llama"]
    assert by_name["backend down"].status == "failed" and by_name["backend down"].hint
    assert by_name["backend cloud-bad-key"].status == "failed"
    assert "401" in by_name["backend cloud-bad-key"].detail
    assert by_name["backend cloud-good-key"].status == "ok"


def test_cli_json_and_exit_codes() -> None:
    with openai_stub() as (url, _):
        ok = runner.invoke(app, ["--skip-model", "--json", "--url", f"local={url}"])
        assert ok.exit_code == 0, ok.output
        checks = {c["name"]: c for c in json.loads(ok.stdout)}
        assert {"cpu", "ram", "gpu", "llama.cpp", "mlx", "backend local"} <= set(checks)
        assert checks["backend local"]["data"]["models"] == ["stub-model"]
        assert all(c["status"] in ("ok", "warning", "failed") for c in checks.values())

    failed = runner.invoke(app, ["--skip-model", "--url", _closed_port_url()])
    assert failed.exit_code == 1
    assert "failed" in failed.stdout and "hint" in failed.stdout


def test_config_checks_each_backend_key_and_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCTOR_TEST_KEY", "sekrit")
    monkeypatch.delenv("DOCTOR_UNSET_KEY", raising=False)
    with (
        openai_stub(StubBehaviour(models=["qwen"])) as (local_url, _),
        openai_stub(StubBehaviour(models=["gpt-x"], api_key="sekrit")) as (cloud_url, _),
    ):
        config = tmp_path / "kakehashi.toml"
        config.write_text(f"""
[[models]]
name = "smol"
path = "default"

[[models]]
name = "big"
path = "{tmp_path / 'missing.gguf'}"

[backends.ollama]
base_url = "{local_url}/v1"
kind = "local"
models = ["qwen", "llama3.1:8b"]

[backends.cloud]
base_url = "{cloud_url}/v1"
kind = "cloud"
models = ["gpt-x"]
api_key_env = "DOCTOR_TEST_KEY"

[backends.nokey]
base_url = "{cloud_url}/v1"
kind = "cloud"
models = ["gpt-x"]
api_key_env = "DOCTOR_UNSET_KEY"

[backends.down]
base_url = "{_closed_port_url()}/v1"
kind = "local"
models = ["m"]
""")
        result = runner.invoke(app, ["--skip-model", "--json", "--config", str(config)])
    assert result.exit_code == 1, result.output
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert checks["config"]["status"] == "ok"
    assert checks["model big"]["status"] == "failed" and "missing.gguf" in checks["model big"]["detail"]
    assert "model smol" not in checks  # the bundled model is always there
    ollama = checks["backend ollama"]
    assert ollama["status"] == "warning" and ollama["data"]["missing_models"] == ["llama3.1:8b"]
    assert "qwen" in ollama["hint"]  # says what the server does serve
    assert checks["backend cloud"]["status"] == "ok" and "DOCTOR_TEST_KEY" in checks["backend cloud"]["detail"]
    nokey = checks["backend nokey"]
    assert nokey["status"] == "failed" and "$DOCTOR_UNSET_KEY is not set" in nokey["detail"]
    assert "export DOCTOR_UNSET_KEY" in nokey["hint"]
    assert checks["backend down"]["status"] == "failed"


def test_config_that_does_not_validate_is_one_failed_check(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[server]\nprot = 1\n")
    result = runner.invoke(app, ["--skip-model", "--json", "--config", str(config)])
    assert result.exit_code == 1
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert checks["config"]["status"] == "failed" and "server.prot" in checks["config"]["detail"]
