"""Schemathesis over the server's own OpenAPI schema (/openapi.json), against a real `kakehashi serve`.

Every operation is called with bodies generated from its schema, valid and invalid (positive and
negative modes, seeded so a failure reproduces). Checks: no 5xx ever; status codes, content types and
JSON bodies as the schema declares (errors included: the schema documents each dialect's error shape);
and every refusal in its dialect's error shape (OpenAI, Ollama or Anthropic).

Generated bodies keep their shape, but the number of tokens asked for is capped at a few (when it is a
valid count) and a model name that is a string is swapped for the served model about half of the time,
so that generation is reached and the run stays within CI's time on two shared cores.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import DEFAULT_MODEL, running_server

pytestmark = pytest.mark.slow
# No shrinking: each example is a request to a model-backed server; the failing one is reported as is.
NO_SHRINK = (Phase.explicit, Phase.generate)

TOKEN_FIELDS = ("max_tokens", "max_completion_tokens", "max_output_tokens", "num_predict")
OUTCOMES: Counter[str] = Counter()
EXAMPLES = 5  # per operation and mode
FIRST_ERRORS: dict[str, str] = {}


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    with running_server("--slots", "2", "--ctx-size", "512", "--no-default-embeddings", "--docs") as base:
        yield base


@pytest.fixture(scope="module")
def api_schema(served: str) -> Any:
    return schemathesis.openapi.from_url(f"{served}/openapi.json")


def _small(body: Any, seed: int) -> Any:
    """Cap token counts, pick the served model half of the time; walk nested objects (Ollama's options)."""
    if isinstance(body, dict):
        out = {}
        for key, value in body.items():
            if key in TOKEN_FIELDS and isinstance(value, int) and not isinstance(value, bool) and value > 4:
                value = 4
            elif key == "n" and isinstance(value, int) and not isinstance(value, bool) and value > 2:
                value = 2
            elif key == "model" and isinstance(value, str) and seed % 2 == 0:
                value = DEFAULT_MODEL
            out[key] = _small(value, seed)
        return out
    if isinstance(body, list):
        return [_small(v, seed) for v in body]
    return body


def error_shape_ok(path: str, payload: Any) -> bool:
    if path.startswith("/api/"):  # Ollama: {"error": "message"}
        return isinstance(payload, dict) and isinstance(payload.get("error"), str) and bool(payload["error"])
    if path == "/v1/messages":  # Anthropic: {"type": "error", "error": {"type", "message"}}
        return (isinstance(payload, dict) and payload.get("type") == "error"
                and isinstance(payload.get("error"), dict) and bool(payload["error"].get("message")))
    error = payload.get("error") if isinstance(payload, dict) else None
    return isinstance(error, dict) and set(error) == {"message", "type", "param", "code"} and bool(error["message"])


# The field that bounds generation, per path: added when a generated body leaves it out (the server's
# default is the rest of the context, minutes on a loaded two-core machine).
LIMIT_FIELD = {"/v1/chat/completions": "max_tokens", "/v1/completions": "max_tokens",
               "/v1/responses": "max_output_tokens", "/v1/messages": "max_tokens"}


def check_case(case: schemathesis.Case) -> None:
    if isinstance(case.body, dict):
        seed = int(hashlib.sha256(json.dumps(case.body, sort_keys=True, default=str).encode()).hexdigest(), 16)
        case.body = _small(case.body, seed)
        if case.path in LIMIT_FIELD:
            case.body.setdefault(LIMIT_FIELD[case.path], 4)
        elif case.path in ("/api/chat", "/api/generate"):
            options = case.body.setdefault("options", {})
            if isinstance(options, dict):
                options.setdefault("num_predict", 4)
    try:
        response = case.call(timeout=120)
    except Exception as e:  # a dropped connection or a hang: keep the request that caused it
        FIRST_ERRORS.setdefault(f"{case.method} {case.path}", f"{e!r}\n{case.as_curl_command()}")
        raise
    OUTCOMES[f"{case.method} {case.path} {response.status_code}"] += 1
    try:
        case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                 content_type_conformance, response_schema_conformance])
        if response.status_code >= 400:
            assert error_shape_ok(case.path, response.json()), (case.path, response.status_code, response.text)
    except BaseException as e:
        FIRST_ERRORS.setdefault(f"{case.method} {case.path}", f"{e}\n{case.as_curl_command()}")
        raise


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_api_conforms_and_never_fails_with_5xx(api_schema: Any, mode: schemathesis.GenerationMode) -> None:
    failures = []
    FIRST_ERRORS.clear()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if mode is schemathesis.GenerationMode.NEGATIVE and operation.body is None and not operation.query:
            continue  # nothing to make invalid

        @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None, phases=NO_SHRINK,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: schemathesis.Case) -> None:
            check_case(case)

        try:
            run()
        except Unsatisfiable:
            continue  # nothing in this operation can be made invalid (no body, no parameter)
        except Exception as e:  # noqa: BLE001 - one operation's failure must not hide the others'
            failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {e}")
    assert not failures, "\n\n".join([*failures, *FIRST_ERRORS.values()])


def test_the_fuzzing_reached_answers_and_refusals() -> None:
    """Runs after the fuzz test (file order): print what was tried; both 2xx and 4xx were reached."""
    total = sum(OUTCOMES.values())
    print(f"schemathesis: {total} requests over {len({k.rsplit(' ', 1)[0] for k in OUTCOMES})} operations: "
          f"{dict(sorted(OUTCOMES.items()))}")
    statuses = Counter(k.rsplit(" ", 1)[1][0] for k in OUTCOMES.elements())
    assert statuses["2"] > 0 and statuses["4"] > 0, statuses
