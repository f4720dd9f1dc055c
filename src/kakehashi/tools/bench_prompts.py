"""Prompts for `kakehashi bench`: built-in English and Japanese ones, or a JSONL file.

Every built-in request gets a different prompt so that no server can answer from a prefix or
response cache and the measurement reflects real prefill work.
"""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path
from typing import Any

from kakehashi.errors import InvalidRequest

Messages = list[dict[str, Any]]

_EN_TASKS = (
    "Explain {topic} to a new colleague in three sentences.",
    "List three common mistakes people make with {topic}.",
    "Write a short haiku about {topic}.",
    "Give one practical tip about {topic} and say why it works.",
    "Summarise the history of {topic} in two sentences.",
    "What question would an expert ask first about {topic}?",
)
_EN_TOPICS = (
    "database indexes", "sourdough bread", "solar panels", "unit testing", "bird migration",
    "compound interest", "container shipping", "public libraries", "volcanoes", "jazz harmony",
    "rainwater harvesting", "password managers", "chess openings", "bicycle maintenance",
)  # fmt: skip
_JA_TASKS = (
    "{topic}について、新しい同僚に三文で説明してください。",
    "{topic}でよくある間違いを三つ挙げてください。",
    "{topic}をテーマに短い俳句を書いてください。",
    "{topic}に関する実用的なコツを一つ、理由とともに教えてください。",
    "{topic}の歴史を二文で要約してください。",
    "{topic}について専門家が最初に聞く質問は何でしょうか。",
)
_JA_TOPICS = (
    "データベースの索引", "味噌づくり", "太陽光発電", "単体テスト", "渡り鳥",
    "複利", "コンテナ輸送", "公共図書館", "火山", "和菓子",
    "雨水の再利用", "パスワード管理", "将棋の序盤", "自転車の整備",
)  # fmt: skip


def builtin_prompts() -> list[str]:
    """All built-in prompts, alternating English and Japanese."""
    english = [task.format(topic=topic) for task, topic in product(_EN_TASKS, _EN_TOPICS)]
    japanese = [task.format(topic=topic) for task, topic in product(_JA_TASKS, _JA_TOPICS)]
    mixed: list[str] = []
    for en, ja in zip(english, japanese, strict=True):
        mixed.extend((en, ja))
    return mixed


class PromptSource:
    """Hands out one conversation per request; never repeats while unused prompts remain."""

    def __init__(self, conversations: list[Messages]) -> None:
        if not conversations:
            raise InvalidRequest("no prompts to send")
        self._conversations = conversations
        self._next = 0

    @classmethod
    def builtin(cls) -> PromptSource:
        return cls([[{"role": "user", "content": text}] for text in builtin_prompts()])

    @classmethod
    def from_jsonl(cls, path: Path) -> PromptSource:
        return cls(load_jsonl(path))

    def __len__(self) -> int:
        return len(self._conversations)

    def next(self) -> Messages:
        index = self._next
        self._next += 1
        messages = self._conversations[index % len(self._conversations)]
        cycle = index // len(self._conversations)
        if cycle == 0:
            return messages
        # Past the end of the list: mark the repeat so the prompt is still unique per request.
        *head, last = messages
        return [*head, {**last, "content": f"{last.get('content', '')} (#{cycle + 1})"}]


def load_jsonl(path: Path) -> list[Messages]:
    """One prompt per line: {"prompt": "..."}, {"messages": [...]}, or a bare JSON string."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidRequest(f"cannot read prompts file {path}: {exc.strerror}", param="prompts") from exc
    conversations: list[Messages] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"{path}:{number}: not valid JSON ({exc.msg})", param="prompts") from exc
        if isinstance(item, str):
            conversations.append([{"role": "user", "content": item}])
        elif isinstance(item, dict) and isinstance(item.get("prompt"), str):
            conversations.append([{"role": "user", "content": item["prompt"]}])
        elif isinstance(item, dict) and isinstance(item.get("messages"), list) and item["messages"]:
            conversations.append(item["messages"])
        else:
            raise InvalidRequest(
                f'{path}:{number}: expected {{"prompt": "..."}}, {{"messages": [...]}} or a string',
                param="prompts",
            )
    if not conversations:
        raise InvalidRequest(f"{path}: no prompts found", param="prompts")
    return conversations
