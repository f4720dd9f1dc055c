"""The one `kakehashi` entry point.

Each subcommand is a Typer app in its own module, imported only when that subcommand runs,
so `kakehashi --help` and `kakehashi inspect` never pay for loading llama.cpp or FastAPI.
"""

from __future__ import annotations

import importlib
import sys

from kakehashi import __version__

# name -> (module holding a Typer `app`, or `module:attribute`, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("kakehashi.api.serve", "Start the OpenAI-compatible server (embedded engine + backends)."),
    "route": ("kakehashi.routing.cli", "Explain and evaluate local/cloud routing decisions."),
    "usage": ("kakehashi.accounting.cli", "Report tokens, cost and savings from the ledger."),
    "bench": ("kakehashi.tools.bench", "Load-test any OpenAI-compatible endpoint."),
    "estimate": ("kakehashi.tools.estimate", "Estimate memory and decode speed for a model."),
    "inspect": ("kakehashi.tools.inspect", "Describe a GGUF model (a file, or a name as for serve -m)."),
    "doctor": ("kakehashi.tools.doctor", "Check what this machine can run."),
    "extract": ("kakehashi.pipelines.extract", "Extract cited knowledge from many documents."),
    "rag": ("kakehashi.pipelines.rag.cli", "Ask your documents: local index (one SQLite file) and cited answers."),
    "pull": ("kakehashi.models.cli:pull_app", "Download a GGUF model from Hugging Face (or a mirror)."),
    "ls": ("kakehashi.models.cli:ls_app", "List the models served by name (cached and Ollama's)."),
    "rm": ("kakehashi.models.cli:rm_app", "Remove a model from the cache."),
}


def _usage() -> str:
    width = max(map(len, SUBCOMMANDS))
    lines = [
        "Usage: kakehashi COMMAND [ARGS]...",
        "",
        "kakehashi (架け橋): local-first OpenAI-compatible LLM gateway.",
        "",
        "Commands:",
    ]
    lines += [f"  {name.ljust(width)}  {text}" for name, (_, text) in SUBCOMMANDS.items()]
    lines += ["", "Run 'kakehashi COMMAND --help' for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Dispatch to the subcommand's own Typer app; Typer handles its parsing, help and exit codes.

    A hand-written dispatcher rather than a click group: Typer vendors its own click, so mixing
    the two breaks Typer's exit handling; and a dispatcher imports only the command that runs.
    """
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(_usage())
        return
    if args[0] == "--version":
        print(f"kakehashi {__version__}")
        return
    name = args[0]
    if name not in SUBCOMMANDS:
        print(f"kakehashi: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        raise SystemExit(2)
    module_name, _, attribute = SUBCOMMANDS[name][0].partition(":")
    command = getattr(importlib.import_module(module_name), attribute or "app")
    command(args=args[1:], prog_name=f"kakehashi {name}")
