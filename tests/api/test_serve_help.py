"""`kakehashi serve --help` shows every default (Rich markup would eat a bare "[default: ...]")."""

from __future__ import annotations

from typer.testing import CliRunner

from kakehashi.api.serve import app

runner = CliRunner()


def test_help_keeps_each_default_text() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for default in ("[default: 256]", "[default: 16]", "[default: 2048]", "[default: 127.0.0.1]"):
        assert default in text, default
    assert "hf:OWNER/REPO[:QUANT]" in text
