"""The OpenAI-compatible provider's requests and errors, through httpx's MockTransport; provider choice."""

from __future__ import annotations

import json

import httpx2 as httpx  # the HTTP client openai 3 uses
import pytest

from copygen.config import resolve_settings
from copygen.errors import ProviderError
from copygen.providers import choose
from copygen.providers.openai_compatible import OpenAIProvider

SCHEMA = {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}


def completion(content: str) -> dict:
    return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}}


def provider(handler, **settings) -> OpenAIProvider:
    s = resolve_settings({"base_url": "http://127.0.0.1:9/v1", "max_retries": 2, **settings}, env={})
    return OpenAIProvider(s, "m", s.base_url or "", http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_asks_for_json_schema_and_reports_usage() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=completion('{"message": "hi"}'))

    out = provider(handler).complete([{"role": "user", "content": "x"}], SCHEMA, max_tokens=50, seed=3)
    assert seen[0]["response_format"]["type"] == "json_schema"
    assert seen[0]["response_format"]["json_schema"]["schema"] == SCHEMA and seen[0]["seed"] == 3
    assert (out.text, out.prompt_tokens, out.completion_tokens) == ('{"message": "hi"}', 12, 3)


def test_falls_back_when_the_endpoint_rejects_json_schema() -> None:
    formats = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        formats.append(body.get("response_format", {}).get("type"))
        if formats[-1] == "json_schema":
            return httpx.Response(400, json={"error": {"message": "response_format json_schema is not supported"}})
        return httpx.Response(200, json=completion('{"message": "ok"}'))

    p = provider(handler, max_retries=0)
    assert p.complete([], SCHEMA, max_tokens=5).text == '{"message": "ok"}'
    p.complete([], SCHEMA, max_tokens=5)  # the step down sticks: no second rejected request
    assert formats == ["json_schema", "json_object", "json_object"]


def test_retries_5xx_then_succeeds() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503) if len(calls) < 2 else httpx.Response(200, json=completion("{}"))

    assert provider(handler).complete([], SCHEMA, max_tokens=5).text == "{}"
    assert len(calls) == 2


def test_bad_key_is_a_clear_error_that_never_shows_the_key() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": {"message": "bad key"}})

    with pytest.raises(ProviderError) as err:
        provider(handler, api_key="sk-supersecret-123456").complete([], SCHEMA, max_tokens=5)
    assert err.value.status_code == 401 and "OPENAI_API_KEY" in str(err.value)
    assert "supersecret" not in str(err.value)


def test_connection_refused_says_what_to_check() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    with pytest.raises(ProviderError, match="Is the server running"):
        provider(handler, max_retries=0).complete([], SCHEMA, max_tokens=5)


def test_choice_prefers_a_configured_endpoint_and_says_why() -> None:
    c = choose(resolve_settings(env={"OPENAI_API_KEY": "sk-abc", "COPYGEN_MODEL": "gpt-4.1-mini"}))
    assert (c.provider, c.model) == ("openai", "gpt-4.1-mini")
    assert any("environment OPENAI_API_KEY" in r for r in c.reasons)
    local = choose(resolve_settings(env={}))
    assert local.provider == "local" and any("offline" in r for r in local.reasons)


def test_copygen_variables_beat_openai_ones() -> None:
    s = resolve_settings(env={"OPENAI_BASE_URL": "http://a/v1", "COPYGEN_BASE_URL": "http://b/v1"})
    assert s.base_url == "http://b/v1" and s.sources["base_url"] == "environment COPYGEN_BASE_URL"
