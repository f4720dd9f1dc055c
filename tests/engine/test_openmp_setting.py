"""The engine's OpenMP default (a short spin before sleeping at barriers) and that a user's setting wins.

Each case runs in a fresh interpreter: libgomp reads these variables once, when llama_cpp loads.
"""

import os
import subprocess
import sys

import pytest

PROBE = (
    "import os, kakehashi.engine.llama; "
    "print(os.environ.get('GOMP_SPINCOUNT'), os.environ.get('OMP_WAIT_POLICY'), "
    "any('libgomp' in line for line in open('/proc/self/maps')) if os.path.exists('/proc/self/maps') else None)"
)


def probe(**env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")}
    out = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.split()


def test_short_spin_is_the_default() -> None:
    spin, policy, gomp_loaded = probe()
    assert (spin, policy) == ("10000", "None")
    if sys.platform == "linux":  # the wheel's compute threads are OpenMP ones, so the setting applies
        assert gomp_loaded == "True"


@pytest.mark.parametrize(("env", "expected"), [
    ({"GOMP_SPINCOUNT": "300000"}, ["300000", "None"]),
    ({"OMP_WAIT_POLICY": "ACTIVE"}, ["None", "ACTIVE"]),
])
def test_a_users_setting_wins(env: dict[str, str], expected: list[str]) -> None:
    assert probe(**env)[:2] == expected
