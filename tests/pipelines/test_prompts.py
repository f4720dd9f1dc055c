from __future__ import annotations

from pathlib import Path

import pytest

from kakehashi.errors import InvalidRequest
from kakehashi.pipelines.prompts import Prompts


def test_builtin_prompts_carry_the_chunk_questions_and_limits_in_each_language() -> None:
    for lang, marker in (("en", "Questions:"), ("ja", "質問：")):
        system, user = Prompts(lang).extraction(  # type: ignore[arg-type]
            chunk="東京タワーは333メートルです。",
            title="東京",
            questions=["高さは？", "Who built it?"],
            max_facts=4,
        )
        assert system["role"] == "system" and user["role"] == "user"
        assert "東京タワーは333メートルです。" in user["content"]
        assert marker in user["content"]
        assert "1. 高さは？" in user["content"] and "2. Who built it?" in user["content"]
        assert "4" in user["content"]
    assert (
        "日本語"
        in Prompts("ja").extraction(chunk="x", title=None, questions=["q"], max_facts=1)[0]["content"]
    )


def test_a_template_directory_overrides_only_the_files_it_has(tmp_path: Path) -> None:
    (tmp_path / "extract_user.jinja").write_text("Q: {{ questions | join(' / ') }}\nT: {{ chunk }}")
    system, user = Prompts("en", tmp_path).extraction(
        chunk="text", title=None, questions=["a", "b"], max_facts=2
    )
    assert user["content"] == "Q: a / b\nT: text"
    assert (
        system["content"]
        == Prompts("en").extraction(chunk="t", title=None, questions=[], max_facts=1)[0]["content"]
    )


def test_template_mistakes_and_unknown_languages_fail_clearly(tmp_path: Path) -> None:
    (tmp_path / "keywords_user.jinja").write_text("{{ quesiton }}")
    with pytest.raises(InvalidRequest, match="keywords_user.jinja"):
        Prompts("en", tmp_path).keywords(query="q", max_keywords=3)
    with pytest.raises(InvalidRequest):
        Prompts("fr")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequest):
        Prompts("en", tmp_path / "absent")
