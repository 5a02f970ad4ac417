from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from copygen.brand import Brand
from copygen.providers import Completion

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_BRAND = ROOT / "examples" / "brand.yaml"
# Every pack's examples run in every test session: the on-disk cache of passed self-tests is off here (the
# cache's own tests turn it on, in a folder of their own).
os.environ["COPYGEN_NO_CACHE"] = "1"


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's keys, endpoints or config file."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COPYGEN_API_KEY", "COPYGEN_BASE_URL", "COPYGEN_MODEL",
                "COPYGEN_MODEL_PATH", "COPYGEN_PROVIDER", "COPYGEN_BRAND", "COPYGEN_TIMEOUT", "COPYGEN_MAX_RETRIES", "COPYGEN_CLAIMS",
                "COPYGEN_REPAIR_ROUNDS", "COPYGEN_CANDIDATES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COPYGEN_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("COPYGEN_LOG_DB", str(tmp_path / "audit.db"))  # never the developer's own log


class FakeProvider:
    """Answers each request with the next canned reply, and records what it was asked."""

    name = "fake"
    in_process = False
    model = "fake-model"
    endpoint = "memory"

    def __init__(self, replies: list[dict[str, Any] | str]):
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seed: int | None = None) -> Completion:
        self.requests.append({"messages": messages, "schema": schema, "max_tokens": max_tokens, "seed": seed})
        reply = self.replies.pop(0)
        text = reply if isinstance(reply, str) else json.dumps(reply)
        return Completion(text=text, model=self.model, prompt_tokens=10, completion_tokens=5)


@pytest.fixture
def brand() -> Brand:
    from copygen.brand import load_brand

    return load_brand(EXAMPLE_BRAND)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {"filter_headers": ["authorization", "api-key", "openai-organization"],
            "match_on": ["method", "path", "body"]}  # replay only, unless --record-mode is given
