"""A prompt that says its contact details are redacted and shows the placeholders: the learned model's contact verdict is
dropped (held-out BC's bc-160 class, session 22); one that only shows a placeholder, or says nothing of redaction, keeps it."""

from __future__ import annotations

import pytest

from kakehashi.routing.privacy import _already_redacted


@pytest.mark.parametrize("text", [
    "I've redacted the buyer's details. Buyer: where is my order? Me: it went to [REDACTED ADDRESS] yesterday. Rewrite my reply.",
    "顧客情報は伏せてあります。お客様：[住所] に届いていません。返信を丁寧にして。",
])
def test_redacted_prompt_is_recognised(text: str) -> None:
    assert _already_redacted(text)


@pytest.mark.parametrize("text", [
    "Customer: my parcel never came, I live at 14 Fern Road. Agent: sorry! Rewrite my reply.",
    "Dear [NAME], your parcel is on its way. Make this friendlier.",  # a template's field, nothing said to be redacted
])
def test_unredacted_prompt_is_not(text: str) -> None:
    assert not _already_redacted(text)
