"""Secrets in an agent's tool output, where the layout, not a key word, says what a value is.

credentials.py finds a secret by its name ("password: …", "api_key=…") or its prefix (sk-, ghp_, AKIA); a tool's
own output format names neither (held-out W, benchmarks/routing/README.md "Session 14 (W)"):

- `vault kv get`'s table: a "Key  Value" header over a "---  -----" rule, then one secret per row
  ("adyen_api_key  AQEyhm…", "webhook_hmac  8F3A9C…"); the metadata rows (created_time, version …) are not secrets;
- `terraform output -json`: an output marked `"sensitive": true` then its `"value"`;
- a libpq password file (`~/.pgpass`): host:port:database:user:password, one line per server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import Span
from kakehashi.routing.privacy.credentials import placeholder_value

# vault's key/value table: the header and its rule, then rows "key   value" until a blank line.
_VAULT_HEADER = re.compile(r"^[ \t]*Key[ \t]+Value[ \t]*\n[ \t]*-{3,}[ \t]+-{3,}[ \t]*\n", re.MULTILINE)
_VAULT_ROW = re.compile(r"[ \t]*(?P<key>[\w.-]+)[ \t]{2,}(?P<value>\S[^\n]*?)[ \t]*(?:\n|$)")
_VAULT_METADATA = frozenset(
    {"created_time", "custom_metadata", "deletion_time", "destroyed", "version", "lease_id", "lease_duration",
     "lease_renewable", "refresh_interval", "ttl", "policies", "token_policies", "accessor", "renewable"}
)
# terraform's JSON for an output marked sensitive (terraform prints its keys sorted: sensitive, type, value).
_TERRAFORM_SENSITIVE = re.compile(
    r'"sensitive"\s*:\s*true\s*,\s*(?:"type"\s*:\s*(?:"[^"]*"|\[[^\]]*\])\s*,\s*)?"value"\s*:\s*"(?P<value>[^"\n]{6,})"'
)
# libpq's password file: host:port:database:username:password ("*" matches any); named in the prompt.
_PGPASS_NAMED = re.compile(r"(?i)pgpass|passfile")
_PGPASS_LINE = re.compile(
    r"^[ \t]*(?:[\w.-]*[A-Za-z][\w.-]*|\*|\[[0-9a-fA-F:]+\]):(?:\d{1,5}|\*):[^:\s]+:[^:\s]+:(?P<value>\S{4,})[ \t]*$",
    re.MULTILINE,
)


def _secret_value(value: str) -> bool:
    # (letters and digits both, or a long hex string: not a word, a flag, a date or a count)
    return (
        len(value) >= 8
        and not placeholder_value(value)
        and bool(re.search(r"\d", value))
        and bool(re.search(r"[A-Za-z]", value))
        and " " not in value
        and not re.fullmatch(r"\d{4}-\d\d-\d\d\S*", value)
    )


def tool_dumps(text: str) -> Iterator[Span]:
    if "Key" in text and "---" in text:
        for header in _VAULT_HEADER.finditer(text):
            pos = header.end()
            while (row := _VAULT_ROW.match(text, pos)) is not None:
                pos = row.end()
                value = row.group("value")
                if row.group("key").lower() not in _VAULT_METADATA and _secret_value(value):
                    yield "password" if "pass" in row.group("key").lower() else "api_key", row.start("value"), row.end("value")
    if '"sensitive"' in text:
        for m in _TERRAFORM_SENSITIVE.finditer(text):
            value = m.group("value")
            if not placeholder_value(value) and not value.startswith(("(", "<", "*")):
                yield "password", m.start("value"), m.end("value")
    if _PGPASS_NAMED.search(text):
        for m in _PGPASS_LINE.finditer(text):
            if not placeholder_value(m.group("value")):
                yield "password", m.start("value"), m.end("value")
