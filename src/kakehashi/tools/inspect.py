"""`kakehashi inspect FILE.gguf`: what a GGUF file contains, without loading it into llama.cpp."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kakehashi.errors import KakehashiError
from kakehashi.tools.formatting import human_bytes, human_count
from kakehashi.tools.gguf_info import GGUFInfo, read_gguf

app = typer.Typer(add_completion=False, help="Describe a GGUF file.")

# Marker strings that identify a chat template's family; first match wins, so the more specific
# markers come first (Qwen and many others reuse ChatML's <|im_start|>).
_TEMPLATE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("<|channel|>", "gpt-oss (harmony)"),
    ("<|start_header_id|>", "llama3"),
    ("<start_of_turn>", "gemma"),
    ("<|START_OF_TURN_TOKEN|>", "command-r"),
    ("<｜User｜>", "deepseek"),
    ("<|im_start|>", "chatml"),
    ("[INST]", "mistral/llama2"),
    ("<|user|>", "phi3/zephyr"),
    ("<|turn>", "gemma4"),
    ("### Instruction", "alpaca"),
)

# llama.cpp's general.file_type enum (llama_ftype) for the common values.
_FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M",
    30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4_MOE",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class QuantGroup:
    type_name: str
    tensors: int
    parameters: int
    bytes: int


@dataclass(frozen=True, slots=True)
class Description:
    path: str
    file_bytes: int
    gguf_version: int
    architecture: str
    name: str | None
    size_label: str | None
    license: str | None
    file_type: str | None
    parameters: int
    weight_bytes: int
    bits_per_weight: float
    context_length: int | None
    layers: int | None
    embedding_length: int | None
    heads: int | None
    kv_heads: int | None
    tensor_count: int
    quantization: list[QuantGroup]
    tokenizer_model: str | None
    vocab_size: int | None
    has_chat_template: bool
    chat_template_family: str | None
    bos_token_id: int | None
    eos_token_id: int | None


def template_family(template: str) -> str:
    for marker, family in _TEMPLATE_FAMILIES:
        if marker in template:
            return family
    return "unknown"


def describe(info: GGUFInfo) -> Description:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for tensor in info.tensors:
        group = groups[tensor.type_name]
        group[0] += 1
        group[1] += tensor.n_elements
        group[2] += tensor.n_bytes
    quantization = sorted(
        (QuantGroup(name, count, params, size) for name, (count, params, size) in groups.items()),
        key=lambda g: -g.bytes,
    )
    template = info.get("tokenizer.chat_template")
    file_type = info.get("general.file_type")
    parameters = info.parameter_count
    vocab = _int_or_none(info.arch_get("vocab_size")) or info.array_lengths.get("tokenizer.ggml.tokens")
    return Description(
        path=str(info.path),
        file_bytes=info.file_size,
        gguf_version=info.version,
        architecture=info.architecture,
        name=_str_or_none(info.get("general.name")),
        size_label=_str_or_none(info.get("general.size_label")),
        license=_str_or_none(info.get("general.license")) or _str_or_none(info.get("general.license.name")),
        file_type=_FILE_TYPES.get(file_type, str(file_type)) if isinstance(file_type, int) else None,
        parameters=parameters,
        weight_bytes=info.weight_bytes,
        bits_per_weight=info.weight_bytes * 8 / parameters if parameters else 0.0,
        context_length=_int_or_none(info.arch_get("context_length")),
        layers=_int_or_none(info.arch_get("block_count")),
        embedding_length=_int_or_none(info.arch_get("embedding_length")),
        heads=_int_or_none(info.arch_get("attention.head_count")),
        kv_heads=_int_or_none(info.arch_get("attention.head_count_kv")),
        tensor_count=len(info.tensors),
        quantization=quantization,
        tokenizer_model=_str_or_none(info.get("tokenizer.ggml.model")),
        vocab_size=vocab,
        has_chat_template=isinstance(template, str) and bool(template.strip()),
        chat_template_family=template_family(template) if isinstance(template, str) and template else None,
        bos_token_id=_int_or_none(info.get("tokenizer.ggml.bos_token_id")),
        eos_token_id=_int_or_none(info.get("tokenizer.ggml.eos_token_id")),
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _int_or_none(value: object) -> int | None:
    if isinstance(value, list):  # per-layer arrays: report the largest
        return max((int(v) for v in value), default=None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _render(console: Console, d: Description) -> None:
    overview = Table(show_header=False, title=Path(d.path).name)
    overview.add_column(style="bold")
    overview.add_column()
    rows: list[tuple[str, Any]] = [
        ("name", d.name),
        ("architecture", d.architecture),
        ("parameters", f"{human_count(d.parameters)} ({d.parameters:,})"
         + (f", label {d.size_label}" if d.size_label else "")),
        ("file type", d.file_type),
        ("weights", f"{human_bytes(d.weight_bytes)}, {d.bits_per_weight:.2f} bits per weight"),
        ("file size", f"{human_bytes(d.file_bytes)} (GGUF v{d.gguf_version}, {d.tensor_count} tensors)"),
        ("context length", d.context_length),
        ("layers / hidden", f"{d.layers} / {d.embedding_length}"),
        ("heads / KV heads", f"{d.heads} / {d.kv_heads}"),
        ("tokenizer", f"{d.tokenizer_model}, vocabulary {d.vocab_size}"),
        ("chat template", f"yes ({d.chat_template_family})" if d.has_chat_template else "no"),
        ("licence", d.license),
    ]  # fmt: skip
    for key, value in rows:
        overview.add_row(key, "-" if value is None else str(value))
    console.print(overview)

    quant = Table(title="Tensor types")
    for column in ("type", "tensors", "parameters", "bytes", "share"):
        quant.add_column(column, justify="left" if column == "type" else "right")
    for group in d.quantization:
        share = group.bytes / d.weight_bytes if d.weight_bytes else 0.0
        quant.add_row(
            group.type_name, str(group.tensors), human_count(group.parameters),
            human_bytes(group.bytes), f"{share:.1%}",
        )  # fmt: skip
    console.print(quant)


@app.command()
def inspect(
    model: Annotated[str, typer.Argument(
        help="GGUF path, or a model name: `default`, a name from `kakehashi ls`, an Ollama model.",
        metavar="MODEL")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Architecture, parameters, context, quantization, tokenizer, chat template and licence."""
    from kakehashi.models.resolve import resolve_model

    try:
        description = describe(read_gguf(resolve_model(model).path))
    except KakehashiError as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc.message}", highlight=False)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(asdict(description), ensure_ascii=False, indent=2))
        return
    _render(Console(), description)
