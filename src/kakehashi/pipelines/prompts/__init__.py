"""The prompts, as Jinja templates: built-in English (en/) and Japanese (ja/), overridable per file.

A `--template-dir` may hold any of extract_system.jinja, extract_user.jinja, keywords_system.jinja and
keywords_user.jinja; the ones it lacks come from the built-in set for the chosen language. Prompts
stay short on purpose: the default model (SmolLM2-135M) loses the thread in long instructions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import jinja2

from kakehashi.errors import InvalidRequest

Lang = Literal["en", "ja"]
LANGS: tuple[Lang, ...] = ("en", "ja")
_BUILTIN_DIR = Path(__file__).parent


class Prompts:
    def __init__(self, lang: Lang = "en", template_dir: Path | None = None) -> None:
        if lang not in LANGS:
            raise InvalidRequest(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}", param="lang")
        if template_dir is not None and not template_dir.is_dir():
            raise InvalidRequest(f"template directory {template_dir} does not exist", param="template_dir")
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(_BUILTIN_DIR / lang)]
        if template_dir is not None:
            loaders.insert(0, jinja2.FileSystemLoader(template_dir))
        self.lang = lang
        self._env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,  # a typo in an override template fails loudly
            autoescape=False,  # prompts are plain text, not HTML
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def _render(self, name: str, **values: object) -> str:
        try:
            return self._env.get_template(name).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise InvalidRequest(f"prompt template {name}: {exc}", param="template_dir") from exc

    def extraction(
        self, *, chunk: str, title: str | None, questions: list[str], max_facts: int
    ) -> list[dict[str, str]]:
        values = {"chunk": chunk, "title": title, "questions": questions, "max_facts": max_facts}
        return [
            {"role": "system", "content": self._render("extract_system.jinja", **values)},
            {"role": "user", "content": self._render("extract_user.jinja", **values)},
        ]

    def keywords(self, *, query: str, max_keywords: int) -> list[dict[str, str]]:
        values = {"query": query, "max_keywords": max_keywords}
        return [
            {"role": "system", "content": self._render("keywords_system.jinja", **values)},
            {"role": "user", "content": self._render("keywords_user.jinja", **values)},
        ]
