"""Tool calling on the embedded engine: the prompt, the grammar that constrains the answer, and the
parser that turns the generated text back into OpenAI tool calls (streamed in pieces).

One output format for every model, the one Hermes/Qwen templates teach:

    <tool_call>
    {"name": "get_weather", "arguments": {"city": "Paris"}}
    </tool_call>

It is what the grammar allows, so parsing never guesses: llama.cpp's server and vLLM instead keep one
parser per model family and parse free text, which breaks when a small model strays. Here `required`
and a named tool force that shape (names as constants, arguments from each tool's JSON Schema, via
llama.cpp's own converter); `auto` allows either that or plain text that does not start with "<".

Hand-written rather than borrowed: llama-cpp-python's chatml-function-calling handler drives the
high-level single-sequence Llama object, and llama.cpp's common/chat is C++ outside the Python API.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kakehashi.errors import InvalidRequest

OPEN, CLOSE = "<tool_call>", "</tool_call>"
MAX_PARALLEL_CALLS = 4
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_HEAD = re.compile(r'^\s*\{\s*"name"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"arguments"\s*:\s*')


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """What the embedded engine needs from a request's tools and tool_choice."""

    tools: tuple[dict[str, Any], ...]  # the OpenAI "function" objects: name, description, parameters
    mode: str  # "auto" | "required" | "named"
    parallel: bool
    named: str | None = None

    def names(self) -> list[str]:
        return [t["name"] for t in self.tools]


def tool_spec(
    tools: list[dict[str, Any]] | None, tool_choice: str | dict[str, Any] | None, parallel: bool | None
) -> ToolSpec | None:
    """Validate tools/tool_choice (400 naming the field on anything unusable); None when no tool may be called."""
    if tool_choice is not None and not tools and tool_choice != "none":
        raise InvalidRequest("tool_choice needs tools", param="tool_choice")
    if not tools:
        return None
    functions: list[dict[str, Any]] = []
    for i, tool in enumerate(tools):
        if not isinstance(tool, dict) or tool.get("type") != "function" or not isinstance(tool.get("function"), dict):
            raise InvalidRequest(
                f"tools[{i}]: the embedded engine supports only tools of type 'function'", param="tools"
            )
        fn = tool["function"]
        name = fn.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            raise InvalidRequest(f"tools[{i}].function.name must match [A-Za-z0-9_.-]{{1,64}}", param="tools")
        params = fn.get("parameters", {"type": "object", "properties": {}})
        if not isinstance(params, dict):
            raise InvalidRequest(f"tools[{i}].function.parameters must be a JSON Schema object", param="tools")
        functions.append({"name": name, "description": str(fn.get("description") or ""), "parameters": params})
    if len({f["name"] for f in functions}) != len(functions):
        raise InvalidRequest("tool names must be unique", param="tools")
    choice = "auto" if tool_choice is None else tool_choice
    named = None
    if isinstance(choice, dict):
        fn = choice.get("function") if choice.get("type") == "function" else None
        named = fn.get("name") if isinstance(fn, dict) else None
        if not isinstance(named, str):
            raise InvalidRequest(
                'tool_choice must be "none", "auto", "required" or {"type": "function", "function": {"name": ...}}',
                param="tool_choice",
            )
        if named not in {f["name"] for f in functions}:
            raise InvalidRequest(f"tool_choice names the tool {named!r}, which is not in tools", param="tool_choice")
        mode = "named"
    elif choice in ("auto", "required"):
        mode = choice
    elif choice == "none":
        return None
    else:
        raise InvalidRequest(f"unknown tool_choice {choice!r}", param="tool_choice")
    return ToolSpec(tuple(functions), mode, parallel is not False and mode != "named", named)


# ---------------------------------------------------------------------------- prompt
def instructions(spec: ToolSpec) -> str:
    """The system block that describes the tools and the expected output format."""
    listing = "\n".join(json.dumps(f, ensure_ascii=False) for f in spec.tools)
    if spec.mode == "named":
        must = f"You must call the tool {spec.named!r} now."
    elif spec.mode == "required":
        must = "You must call one of these tools now."
    else:
        must = "Call a tool only when it helps; otherwise answer directly in plain text."
    several = " You may call several tools, one block each." if spec.parallel else ""
    return (
        "You can call these tools (JSON Schema of each function's arguments):\n"
        f"{listing}\n\n"
        f"To call a tool, reply with exactly:\n{OPEN}\n"
        '{"name": "<tool name>", "arguments": {<arguments as JSON>}}\n'
        f"{CLOSE}\n{several}\n{must}"
    )


def _arguments_object(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return json.loads(arguments)
        except ValueError:
            return arguments
    return arguments


def call_text(name: str, arguments: Any) -> str:
    body = json.dumps({"name": name, "arguments": _arguments_object(arguments)}, ensure_ascii=False)
    return f"{OPEN}\n{body}\n{CLOSE}"


def messages_as_text(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For templates that know nothing of tools: earlier calls become assistant text in the output
    format, tool results become user messages wrapped in <tool_response>."""
    out: list[dict[str, Any]] = []
    for m in messages:
        role = m.get("role")
        if role == "assistant" and m.get("tool_calls"):
            calls = [
                call_text(str(c.get("function", {}).get("name", "")), c.get("function", {}).get("arguments"))
                for c in m["tool_calls"] if isinstance(c, dict)
            ]
            text = m.get("content") if isinstance(m.get("content"), str) else ""
            out.append({"role": "assistant", "content": "\n".join([t for t in [text, *calls] if t])})
        elif role in ("tool", "function"):
            content = m.get("content")
            body = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
            label = m.get("name") or m.get("tool_call_id") or ""
            out.append({"role": "user", "content": f"<tool_response name={label!r}>\n{body}\n</tool_response>"})
        else:
            out.append(m)
    return out


def messages_for_template(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For templates that render tools themselves (Hugging Face conventions): arguments as objects."""
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.get("role") == "assistant" and m.get("tool_calls"):
            m = dict(m)
            calls = []
            for c in m["tool_calls"]:
                fn = dict(c.get("function", {})) if isinstance(c, dict) else {}
                fn["arguments"] = _arguments_object(fn.get("arguments"))
                calls.append({**c, "function": fn, **fn})  # some templates read call.name, others call.function.name
            m["tool_calls"] = calls
            m.setdefault("content", "")
        out.append(m)
    return out


def with_system_block(messages: list[dict[str, Any]], block: str) -> list[dict[str, Any]]:
    """Append the block to the leading system message (templates often allow only one), or add one."""
    if messages and messages[0].get("role") in ("system", "developer") and isinstance(messages[0].get("content"), str):
        first = dict(messages[0])
        first["content"] = f"{first['content']}\n\n{block}"
        return [first, *messages[1:]]
    return [{"role": "system", "content": block}, *messages]


PROBE_TOOL = {
    "type": "function",
    "function": {
        "name": "kakehashi_probe_tool",
        "description": "probe",
        "parameters": {"type": "object", "properties": {"x": {"type": "string"}}},
    },
}


# ---------------------------------------------------------------------------- grammar
def grammar(spec: ToolSpec, schema_to_gbnf: Any) -> str:
    """GBNF for the answer. schema_to_gbnf: llama.cpp's JSON-Schema converter (str -> GBNF)."""
    tools = [t for t in spec.tools if spec.named is None or t["name"] == spec.named]
    alternatives = [
        {
            "type": "object",
            "properties": {"name": {"const": t["name"]}, "arguments": t["parameters"]},
            "required": ["name", "arguments"],
            "additionalProperties": False,
        }
        for t in tools
    ]
    schema = alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
    try:
        rules = schema_to_gbnf(json.dumps(schema))
    except Exception as e:  # the converter raises plain exceptions on what it cannot express
        raise InvalidRequest(f"a tool's parameters schema is not supported: {e}", param="tools") from e
    if not isinstance(rules, str) or not re.search(r"^root ::=", rules, flags=re.MULTILINE):
        raise InvalidRequest("a tool's parameters schema is not supported", param="tools")
    rules = re.sub(r"^root ::=", "kk-call ::=", rules, flags=re.MULTILINE)
    one = f'"{OPEN}" kk-nl kk-call kk-nl "{CLOSE}"'
    calls = f"kk-nl {one}" + (f" ( kk-nl {one} ){{0,{MAX_PARALLEL_CALLS - 1}}}" if spec.parallel else "")
    if spec.mode == "auto":
        root = "root ::= kk-calls | kk-text\nkk-calls ::= " + calls + "\nkk-text ::= [^<\\n] .*\n"
    else:
        root = f"root ::= {calls}\n"
    return root + 'kk-nl ::= "\\n"?\n' + rules


# ---------------------------------------------------------------------------- output parsing
@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class CallStart:
    call_index: int
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class CallArguments:
    call_index: int
    text: str


Piece = Text | CallStart | CallArguments


def new_call_id() -> str:
    return f"call_{uuid.uuid4().hex[:24]}"


def _held_tail(buffer: str) -> int:
    """Where to stop emitting argument text: the last '}' may close the call object (not the
    arguments) when only whitespace and a beginning of </tool_call> follow it."""
    i = buffer.rfind("}")
    if i == -1:
        return len(buffer)
    tail = buffer[i + 1 :].lstrip()
    return i if CLOSE.startswith(tail) else len(buffer)


class ToolCallParser:
    """Incremental: feed generated text, get text or tool-call pieces as soon as they are certain."""

    def __init__(self) -> None:
        self._buf = ""
        self._state = "start"  # start | text | open | head | args0 | args
        self.calls = 0

    def feed(self, text: str) -> Iterator[Piece]:
        self._buf += text
        while True:
            state, buf = self._state, self._buf
            if state == "text":
                if buf:
                    self._buf = ""
                    yield Text(buf)
                return
            if state in ("start", "open"):
                s = buf.lstrip()
                if s.startswith(OPEN):
                    self._buf = s[len(OPEN) :]
                    self._state = "head"
                    continue
                if OPEN.startswith(s):
                    return  # not decided yet
                if state == "start":
                    self._state = "text"
                    continue
                self._buf = ""  # stray text between calls (the grammar never allows any)
                return
            if state == "head":
                m = _HEAD.match(buf)
                if m is None:
                    return
                self._buf = buf[m.end() :]
                self._state = "args0"
                yield CallStart(self.calls, new_call_id(), json.loads(m.group(1)))
                continue
            if state == "args0":  # whitespace before the arguments object is not part of it
                self._buf = buf.lstrip()
                if not self._buf:
                    return
                self._state = "args"
                continue
            # args
            end = buf.find(CLOSE)
            if end != -1:
                body = buf[:end].rstrip()
                if body.endswith("}"):
                    body = body[:-1].rstrip()
                if body:
                    yield CallArguments(self.calls, body)
                self._buf = buf[end + len(CLOSE) :]
                self._state = "open"
                self.calls += 1
                continue
            cut = _held_tail(buf)
            if cut:
                yield CallArguments(self.calls, buf[:cut])
                self._buf = buf[cut:]
            return

    def flush(self) -> Iterator[Piece]:
        """End of generation: what is still held back (a cut-off call stays cut off)."""
        buf, self._buf = self._buf, ""
        if self._state in ("start", "text") and buf:
            yield Text(buf)
        elif self._state in ("args0", "args") and buf.strip():
            yield CallArguments(self.calls, buf)
        if self._state in ("head", "args0", "args"):
            self.calls += 1
