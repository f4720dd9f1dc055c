from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kakehashi.tools.gguf_info import GGUFInfo, read_gguf
from kakehashi.tools.inspect import app, describe, template_family
from tests.tools.gguf_files import GQA_LAYOUT

runner = CliRunner()


def test_describe_default_model(default_info: GGUFInfo) -> None:
    d = describe(default_info)
    assert d.architecture == "llama"
    assert d.file_type == "Q4_1"
    assert d.context_length == 8192
    assert (d.heads, d.kv_heads) == (9, 3)
    assert d.tokenizer_model == "gpt2"
    assert d.vocab_size == 49152
    assert d.has_chat_template and d.chat_template_family == "chatml"
    assert d.license == "apache-2.0"
    # Parameters and bytes per type add up to the whole.
    assert sum(g.parameters for g in d.quantization) == d.parameters
    assert sum(g.bytes for g in d.quantization) == d.weight_bytes
    assert sum(g.tensors for g in d.quantization) == d.tensor_count == 272
    assert d.quantization[0].type_name == "Q4_1"  # largest share first
    assert 4.5 < d.bits_per_weight < 6.5


def test_describe_written_file(gqa_gguf: Path) -> None:
    d = describe(read_gguf(gqa_gguf))
    assert d.name == "tiny test model"
    assert d.license == "mit"
    assert d.file_type == "Q8_0"
    assert d.layers == GQA_LAYOUT["n_layer"]
    assert d.vocab_size == GQA_LAYOUT["n_vocab"]
    assert d.chat_template_family == "chatml"
    assert {g.type_name: g.tensors for g in d.quantization} == {
        "Q8_0": 1,
        "F16": 7 * GQA_LAYOUT["n_layer"],  # q, k, v, output, gate, up, down
        "F32": 1 + 2 * GQA_LAYOUT["n_layer"],
    }


@pytest.mark.parametrize(
    ("template", "family"),
    [
        ("<|start_header_id|>user<|end_header_id|>", "llama3"),
        ("<start_of_turn>user\n{{ content }}<end_of_turn>", "gemma"),
        ("<|im_start|>user\n", "chatml"),
        ("[INST] {{ content }} [/INST]", "mistral/llama2"),
        ("<|start|>assistant<|channel|>final<|message|>", "gpt-oss (harmony)"),
        ("{{ messages }}", "unknown"),
    ],
)
def test_template_family(template: str, family: str) -> None:
    assert template_family(template) == family


def test_cli_json(swa_gguf: Path) -> None:
    result = runner.invoke(app, [str(swa_gguf), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["architecture"] == "gemma3"
    assert data["chat_template_family"] == "gemma"
    assert data["kv_heads"] == 1


def test_cli_human_output_names_the_essentials(default_gguf: Path) -> None:
    result = runner.invoke(app, [str(default_gguf)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for needle in ("llama", "Q4_1", "8192", "chatml", "apache-2.0", "49152"):
        assert needle in result.stdout


@pytest.mark.parametrize("fixture", ["not_gguf", "truncated_gguf", "corrupt_header_gguf"])
def test_cli_bad_files_exit_1_with_message(fixture: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(fixture)
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 1
    assert "error:" in result.stderr
    assert "Traceback" not in result.output
