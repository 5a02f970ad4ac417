"""Get a JSON object that fits a schema out of a model: tolerant parsing and one retry with the error."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .errors import ModelOutputError
from .guardrails.sentences import ends_within
from .providers import Provider

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


@dataclass
class StructuredResult:
    data: dict[str, Any]
    raw: list[str]  # every raw response, in order
    prompt_tokens: int
    completion_tokens: int
    exact_usage: bool
    model: str


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse the first JSON object in `text`, tolerating code fences and prose around it."""
    candidates = [text.strip()]
    candidates += [m.strip() for m in _FENCE.findall(text)]
    start = text.find("{")
    if start >= 0:
        candidates.append(text[start: text.rfind("}") + 1])
    error: Exception | None = None
    for c in candidates:
        if not c:
            continue
        try:
            value = json.JSONDecoder(strict=False).raw_decode(c)[0]  # raw newlines in strings are harmless
        except json.JSONDecodeError as e:
            error = e
            continue
        if isinstance(value, dict):
            return value
        error = ValueError(f"expected a JSON object, got {type(value).__name__}")
    raise ValueError(str(error or "no JSON object in the response"))


def close_truncated(text: str) -> str | None:
    """A JSON object cut off by a token limit, closed: the open string cut back to its last whole sentence
    (else its last whole word) and ended, every open array and object shut. None when there is no object
    or nothing was cut."""
    start = text.find("{")
    if start < 0:
        return None
    stack: list[str] = []
    in_string = escaped = False
    opened = 0  # where the string being read starts
    for i, ch in enumerate(text[start:]):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            opened = i + 1
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack:
                return None
            stack.pop()
            if not stack:
                return None  # the object closed: not a truncation
    if not stack:
        return None
    body = text[start:]
    if in_string:  # the cut fell inside a string: keep its last whole sentence, else its whole words
        content = body[opened:-1] if escaped else body[opened:]
        cut = max(ends_within(content, len(content)), default=0)
        if cut > 0:
            content = content[:cut]
        elif " " in content.strip():
            content = content.rstrip().rsplit(" ", 1)[0].rstrip(",;:-& ")
        body = body[:opened] + content + '"'
    body = body.rstrip()
    if body.endswith(":"):
        body += " null"  # a key whose value never came
    elif body.endswith(","):
        body = body[:-1]
    return body + "".join(reversed(stack))


def schema_problems(data: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """The required fields that are missing or of the wrong type (a shallow check, enough to retry on)."""
    problems = []
    types = {"string": str, "array": list, "object": dict}
    for key in schema.get("required", []):
        expected = types.get(schema["properties"][key].get("type", ""), object)
        if key not in data:
            problems.append(f"missing field {key!r}")
        elif not isinstance(data[key], expected) or (expected is str and not data[key].strip()):
            problems.append(f"field {key!r} must be a non-empty {schema['properties'][key]['type']}")
    return problems


def complete_json(provider: Provider, messages: list[dict[str, str]], schema: dict[str, Any], *,
                  max_tokens: int, seed: int | None = None, retries: int = 1) -> StructuredResult:
    """Ask for JSON matching `schema`; on a parse or shape error, ask once more with the error."""
    raw: list[str] = []
    p_tok = c_tok = 0
    exact = True
    model = provider.model
    convo = list(messages)
    for attempt in range(retries + 1):
        completion = provider.complete(convo, schema, max_tokens=max_tokens,
                                       seed=None if seed is None else seed + attempt)
        raw.append(completion.text)
        p_tok += completion.prompt_tokens
        c_tok += completion.completion_tokens
        exact = exact and completion.exact_usage
        model = completion.model
        try:
            data = parse_json_object(completion.text)
            problems = schema_problems(data, schema)
        except ValueError as e:
            problems = [f"the reply was not valid JSON ({e})"]
            data = {}
            closed = close_truncated(completion.text)  # a reply cut off by the token limit
            if closed is not None:
                try:
                    data = parse_json_object(closed)
                    problems = schema_problems(data, schema) or []
                except ValueError:
                    pass
        if not problems:
            return StructuredResult(data, raw, p_tok, c_tok, exact, model)
        convo = [*messages, {"role": "assistant", "content": completion.text[:2000]},
                 {"role": "user", "content": "That reply cannot be used: " + "; ".join(problems)
                  + ". Reply again with only the JSON object, with every field filled in."}]
    raise ModelOutputError(f"The model did not return a usable draft after {retries + 1} attempts: "
                           + "; ".join(problems))
