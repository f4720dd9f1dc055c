"""The new configuration keys refuse what they cannot honour, naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakehashi.config import ConfigError, load_config

BACKEND = """
[backends.pool]
base_url = "http://127.0.0.1:9001/v1"
kind = "local"
models = ["m"]
"""


@pytest.mark.parametrize(("toml", "key"), [
    ('[state]\nredis = "http://x:6379"\n', "state.redis"),
    ('[state]\non_unavailable = "maybe"\n', "state.on_unavailable"),
    ("[rate_limits]\nrequests_per_minute = 0\n", "rate_limits.requests_per_minute"),
    ("[rate_limits]\nper_key_rpm = 5\n", "rate_limits.per_key_rpm"),
    (BACKEND + 'replicas = ["ftp://x"]\n', "backends.pool.replicas"),
    (BACKEND + 'draining = ["http://127.0.0.1:9009/v1"]\n', "backends.pool"),
    (BACKEND + 'draining = ["http://127.0.0.1:9001/v1"]\n', "backends.pool"),
])
def test_bad_values_are_refused_naming_the_key(tmp_path: Path, toml: str, key: str) -> None:
    path = tmp_path / "k.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert key in str(err.value)


def test_replicas_and_postgres_ledger_parse(tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text(BACKEND + 'replicas = ["http://127.0.0.1:9002/v1/"]\naffinity_prefix_chars = 100\n'
                    '[accounting]\nledger = "postgresql://kk@db/kakehashi"\n'
                    '[state]\nredis = "redis://127.0.0.1:6379/0"\non_unavailable = "closed"\n', encoding="utf-8")
    config = load_config(path)
    assert config.backends["pool"].urls == ["http://127.0.0.1:9001/v1", "http://127.0.0.1:9002/v1"]
    assert config.accounting.ledger == "postgresql://kk@db/kakehashi" and config.state.on_unavailable == "closed"
