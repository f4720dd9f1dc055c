"""What the model wrote, request by request, in bench_extract.py results: raw JSON and where the tokens went.

    PYTHONPATH=src .venv/bin/python benchmarks/extract/answers.py results/run-.../after-1.json [...]

Per request: chunk language (of the user prompt's end, where the prompts put the chunk), temperature (0.6 = the retry after a malformed answer), finish reason
("length" = cut at --max-tokens), prompt and completion tokens, and what the same document would cost
written compactly. Then the mean and largest token count of each field, by chunk language (SmolLM2's
tokenizer, vocabulary only: nothing is computed).
"""

from __future__ import annotations

import json
import re
import sys

from kakehashi.default_model import default_model_path
from kakehashi.engine.llama import LlamaModel

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def main(paths: list[str]) -> None:
    model = LlamaModel(default_model_path(), vocab_only=True)

    def tokens(text: str) -> int:
        return len(model.tokenize(text, add_special=False, parse_special=False))

    for path in paths:
        with open(path, encoding="utf-8") as f:
            measurement = json.load(f)["measurements"][-1]
        print(f"== {path}: {measurement['elapsed_s']} s, {measurement['chunks_failed']} failed, "
              f"{measurement['completion_tokens']} completion tokens in {measurement['llm_requests']} requests")
        fields: dict[tuple[str, str], list[int]] = {}
        for answer in measurement.get("answers") or []:
            content = answer["content"] or ""
            # the end of the user prompt is the chunk's; older results kept only the beginning
            lang = "ja" if _CJK.search(answer.get("prompt_end") or answer["chunk_start"]) else "en"
            try:
                document = json.loads(content, strict=False)
                compact = str(tokens(json.dumps(document, ensure_ascii=False, separators=(",", ":"))))
            except ValueError:
                document, compact = None, "-"
            print(f"-- {lang} t={answer['temperature']} {answer['finish_reason']} prompt={answer['prompt_tokens']} "
                  f"completion={answer['completion_tokens']} compact={compact}")
            print(content)
            if not isinstance(document, dict):
                continue
            for item in document.get("answers", []):
                fields.setdefault((lang, "answer"), []).append(tokens(str(item.get("answer", ""))))
            for fact in document.get("facts", []):
                for name, value in fact.items():
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    fields.setdefault((lang, name), []).append(tokens(text))
        for (lang, name), counts in sorted(fields.items()):
            print(f"{lang} {name}: n={len(counts)} mean {sum(counts) / len(counts):.1f} tokens, max {max(counts)}")
    model.close()


if __name__ == "__main__":
    main(sys.argv[1:])
