"""MLX tests run on MLX's CPU build here (Linux) and on Metal on a Mac; they skip, saying why, only
where MLX cannot be imported (`pip install -e '.[mlx]'` installs it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kakehashi.default_model import default_model_path
from kakehashi.engine_mlx.availability import mlx_status
from tests.conftest import running_server

_STATUS = mlx_status()
_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if _STATUS.available:
        return
    skip = pytest.mark.skip(reason=f"MLX is not usable here: {_STATUS.reason}")
    for item in items:
        if _HERE in item.path.parents:
            item.add_marker(skip)

MODEL = "smollm2-135m-instruct"
TIMEOUT = 300.0  # MLX's CPU build shares two cores with everything else


@pytest.fixture(scope="session")
def gguf() -> Path:
    return default_model_path()


@pytest.fixture(scope="session")
def mlx_dir(tmp_path_factory: pytest.TempPathFactory, gguf: Path) -> Path:
    """The bundled GGUF converted to an mlx-lm directory (what mlx_lm.server and HF-format loading read)."""
    from kakehashi.engine_mlx.convert import gguf_to_mlx

    return gguf_to_mlx(gguf, tmp_path_factory.mktemp("smollm2-mlx"))


@pytest.fixture(scope="session")
def mlx_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kakehashi serve --engine mlx` on the bundled GGUF: its base URL (no /v1)."""
    log = tmp_path_factory.mktemp("mlx-serve") / "serve.log"
    with running_server("--engine", "mlx", "--slots", "4", "--ctx-size", "1024", "--max-waiting", "4",
                        log=log) as base:
        yield base
