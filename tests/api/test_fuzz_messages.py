"""Hypothesis over request bodies and message shapes: every answer is 200 or a 4xx in OpenAI's error shape.

In-process (the real FastAPI app, protocol models, translation and gateway) over a FakeBackend that also
renders the default model's real chat template, so malformed messages reach the template too. Seeded
(derandomize) so a failure reproduces; no model is loaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakehashi.api.app import ServerOptions, create_app
from kakehashi.default_model import default_model_path
from kakehashi.engine.chat_template import ChatTemplate
from kakehashi.gateway import Gateway
from kakehashi.gateway.fake import FakeBackend
from kakehashi.tools.gguf_info import read_gguf
from kakehashi.types import ChatRequest, GenerationEvent

_META = read_gguf(default_model_path()).metadata
TEMPLATE = ChatTemplate(str(_META["tokenizer.chat_template"]), bos_token="<|im_start|>", eos_token="<|im_end|>")


class TemplatedFake(FakeBackend):
    """Renders the real chat template before playing its script, as the embedded backend would."""

    def chat(self, req: ChatRequest) -> AsyncIterator[GenerationEvent]:
        TEMPLATE.render(req.messages)  # raises InvalidRequest for what no template can take
        return super().chat(req)


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                           max_leaves=8)
text_part = st.fixed_dictionaries({"type": st.just("text"), "text": st.text(max_size=30)})
content = st.one_of(st.text(max_size=60), st.none(), st.lists(st.one_of(text_part, json_values), max_size=3),
                    json_values)
role = st.one_of(st.sampled_from(["system", "user", "assistant", "tool", "developer"]), st.text(max_size=10))
message = st.one_of(st.fixed_dictionaries({"role": role, "content": content}),
                    st.dictionaries(st.sampled_from(["role", "content", "name", "tool_calls"]), json_values))
# Half the examples are well-formed requests with odd but valid shapes (text parts, empty strings,
# Japanese, unusual role orders), so the template and the gateway are reached, not just validation.
valid_message = st.fixed_dictionaries({
    "role": st.sampled_from(["system", "user", "assistant", "developer"]),
    "content": st.one_of(st.text(max_size=40), st.just("日本語のメッセージ"), st.lists(text_part, min_size=1, max_size=3)),
})
valid_body = st.fixed_dictionaries(
    {"model": st.sampled_from(["m", "auto"]), "messages": st.lists(valid_message, min_size=1, max_size=4)},
    optional={"stream": st.booleans(), "max_tokens": st.integers(1, 50), "temperature": st.floats(0, 2),
              "stop": st.text(max_size=5)},
)
fuzzy_body = st.fixed_dictionaries(
    {"model": st.sampled_from(["m", "auto", "", "nope"]),
     "messages": st.one_of(st.lists(message, max_size=4), json_values)},
    optional={"stream": st.one_of(st.booleans(), json_values), "max_tokens": st.one_of(st.integers(-5, 50), json_values),
              "temperature": st.one_of(st.floats(-1, 3), json_values), "stop": st.one_of(st.text(max_size=5), json_values),
              "response_format": st.one_of(st.fixed_dictionaries({"type": st.sampled_from(["text", "json_object"])}),
                                           json_values),
              "n": st.integers(0, 3), "top_k": st.one_of(st.integers(-3, 50), json_values)},
)


# One app for every example: without a loader it is ready at once and needs no lifespan.
APP = create_app(Gateway([TemplatedFake("local", ["m"])]), ServerOptions())
STATUSES: dict[int, int] = {}


async def post(payload: Any) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=APP), base_url="http://t") as client:
        return await client.post("/v1/chat/completions", json=payload)


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(valid_body, fuzzy_body))
def test_no_request_body_crashes_the_server(payload: dict[str, Any]) -> None:
    r = asyncio.run(post(payload))
    STATUSES[r.status_code] = STATUSES.get(r.status_code, 0) + 1
    assert r.status_code in (200, 400, 404, 422), (r.status_code, r.text, payload)
    if r.status_code != 200:
        error = r.json()["error"]
        assert set(error) == {"message", "type", "param", "code"} and error["message"]


def test_the_fuzzing_reached_both_answers_and_refusals() -> None:
    """Runs after the fuzz test (file order): the strategy is not all-invalid nor all-valid."""
    print(f"fuzzed request bodies by status: {STATUSES}")
    assert STATUSES.get(200, 0) > 0 and STATUSES.get(400, 0) > 0, STATUSES
