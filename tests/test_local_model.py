"""The embedded model for real: one draft per platform, offline, through the public API."""

from __future__ import annotations

import importlib.util

import pytest

from copygen import Brief, Platform, check_draft, generate
from copygen.config import resolve_settings
from copygen.providers.embedded import embedded_model_path

pytestmark = [
    pytest.mark.local_model,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None or embedded_model_path() is None,
                       reason="the [local] extra is not installed"),
]


@pytest.mark.parametrize("platform", list(Platform))
def test_embedded_model_drafts_offline(platform: Platform, brand) -> None:
    settings = resolve_settings(env={})  # no key, no base URL: the embedded provider
    brief = Brief(topic="Flu vaccination clinic every Saturday in November", platforms=[platform])
    (draft,) = generate(brief, brand=brand, settings=settings)
    assert draft.provider == "local" and draft.usage.cost_usd == 0.0 and draft.usage.completion_tokens > 0
    fields = draft.fields()
    assert all(text.strip() for text in fields.values())
    if platform is Platform.SMS:
        assert draft.measurements["text"].segments == 1 and draft.content.text.startswith("RiversideHC: ")
    if platform is Platform.TIKTOK:
        assert draft.content.beats and draft.content.beats[-1].end <= draft.content.duration
    assert check_draft(draft, brand=brand, brief=brief).status == draft.status
