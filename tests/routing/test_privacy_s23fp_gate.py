"""The learned second opinion's subject gate (privacy/subject.py, session 23 s23fp): a vocabulary hit inside a hash is no
fact ("a1c" in a commit id read as HbA1c, held-out BI's bi-041), and "email" naming the message to write is no one's
address (held-out BM's bm-004). Prompts written afresh; an address asked for or given still passes the gate."""

from __future__ import annotations

import pytest

from kakehashi.routing.privacy.subject import about_someone

CLOSED = [
    'Ravi found this in yarn.lock, did we leak something? "integrity": "sha512-Xp4Lq9Vt2Rw+a1cK7Jm0Hs3Zb8Ny5Fd6Gc1Ue=="',
    "Mei Tanaka asked if this blob is a leaked key: QmFzZTY0/a1cVGVzdEJsb2IxMjM0NTY3ODkw",
    "Can you polish this client update email before I send it?\n\nHi all,\nThe venue is confirmed for 3 June.\nThanks,\nMarisol",
]
OPEN = [
    "Can you check the form? Priya Nair's email address goes in the second box.",
    "Hi Dev, my diagnosis came back this morning, can you cover my shift?",
]


@pytest.mark.parametrize("text", CLOSED)
def test_gate_closed(text: str) -> None:
    assert not about_someone(text)


@pytest.mark.parametrize("text", OPEN)
def test_gate_open(text: str) -> None:
    assert about_someone(text)
