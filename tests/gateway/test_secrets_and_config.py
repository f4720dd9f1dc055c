"""Upstream API keys stay secret (models list, errors, metrics, logs, ledger); bad configs fail at start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.gateway.conftest import StartGateway, closed_port_url, ledger_rows
from tests.upstreams.fault_upstream import FaultUpstream

SECRET = "sk-kktest-9f8e7d6c5b4a39281706f5e4d3c2b1a0"
KEY_ENV = "KK_GATEWAY_TEST_UPSTREAM_KEY"


@pytest.mark.slow
def test_the_upstream_key_is_sent_upstream_and_shown_nowhere(
    start_gateway: StartGateway, fault: FaultUpstream
) -> None:
    toml = f"""
[backends.echo]
base_url = "{fault.base_url}"
kind = "cloud"
models = ["echo"]
api_key_env = "{KEY_ENV}"

[backends.down]
base_url = "{closed_port_url()}"
kind = "cloud"
models = ["gpt-down"]
api_key_env = "{KEY_ENV}"

[routing]
cloud = "echo/echo"
retries = 0
"""
    with start_gateway(toml, env={KEY_ENV: SECRET}, args=("--log-level", "debug")) as gw:
        ok = gw.chat("cloud", "Say hi.")
        assert ok.status_code == 200, ok.text
        assert fault.state.stats()["last_authorization"] == f"Bearer {SECRET}"  # it is used...

        seen = [httpx.get(f"{gw.base}/v1/models", timeout=10).text]
        fault.set_mode("fail-401-echo")  # an upstream that puts the key in its error message
        leaky = gw.chat("cloud", "Say hi.")
        # The upstream refused kakehashi's key, not the client's: 502 naming the backend, not a 401.
        assert leaky.status_code == 502 and leaky.json()["error"]["code"] == "upstream_auth_failed"
        assert "'echo'" in leaky.json()["error"]["message"]
        assert "***" in leaky.json()["error"]["message"]
        refused = gw.chat("gpt-down", "Say hi.")  # a transport error's text
        assert refused.status_code == 502
        seen += [leaky.text, refused.text, httpx.get(f"{gw.base}/metrics", timeout=10).text]
        ledger, log = gw.ledger, gw.log
    seen += [log.read_text(encoding="utf-8", errors="replace"), ledger.read_bytes().decode("latin-1")]
    assert len(ledger_rows(ledger)) == 3
    for text in seen:  # ...and shown nowhere
        assert SECRET not in text
        assert SECRET[8:30] not in text  # not even a slice of it


def _serve(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kakehashi", "serve", "--config", str(config), "--port", "0"],
        capture_output=True, text=True, timeout=120, check=False,  # the exit code is what we test
    )


_OAI = '[backends.oai]\nbase_url = "http://127.0.0.1:1/v1"\nkind = "cloud"\nmodels = ["m"]\n'
BAD_CONFIGS = {  # case -> (kakehashi.toml, the key the error must name)
    "unknown key": ('[routing]\nprivcy = "redact"\n', "routing.privcy"),
    "bad value": ('[routing]\nprivacy = "sometimes"\n', "routing.privacy"),
    "bad url": ('[backends.oai]\nbase_url = "ftp://x"\nkind = "cloud"\nmodels = ["m"]\n', "backends.oai.base_url"),
    "missing key": ('[backends.oai]\nbase_url = "http://127.0.0.1:1/v1"\nmodels = ["m"]\n', "backends.oai.kind"),
    "unknown backend": ('[routing]\ncloud = "nowhere/gpt"\n', "routing.cloud"),
    "unknown model": (_OAI + '[routing]\ncloud = "oai/other"\n', "routing.cloud"),
    "price of an undeclared model": (_OAI.replace('["m"]\n', '["m"]\nprices = { n = { input = 1.0, output = 2.0 } }\n'),
                                     "backends.oai"),
    "cloud model as the local side": (_OAI + '[routing]\nlocal = "oai/m"\n', "routing.local"),
    "no local side without an engine": ("models = []\n" + _OAI, "models = []"),
    "negative budget": ("[budget]\ndaily = -1\n", "budget.daily"),
    "budget without a ledger": ("[budget]\ndaily = 1.0\n[accounting]\nenabled = false\n", "accounting.enabled"),
    "unpriced cloud model with a budget": (_OAI + "[budget]\ndaily = 1.0\n", "oai/m"),
    "not TOML": ("[routing\ncloud = 1\n", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_a_bad_config_fails_at_start_naming_key_and_file(tmp_path: Path, case: str) -> None:
    body, key = BAD_CONFIGS[case]
    config = tmp_path / "kakehashi.toml"
    config.write_text(body, encoding="utf-8")
    result = _serve(config)
    assert result.returncode == 2, result.stderr
    assert str(config) in result.stderr
    assert key in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_config_file_fails_at_start(tmp_path: Path) -> None:
    result = _serve(tmp_path / "nope.toml")
    assert result.returncode == 2
    assert "nope.toml" in result.stderr and "not found" in result.stderr
