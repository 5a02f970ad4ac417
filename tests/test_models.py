"""The public API surface and the published JSON schema."""

from __future__ import annotations

import json
from pathlib import Path

import copygen
from copygen.drafts import DraftSet

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "draftset.schema.json"


def test_public_names_are_exported_and_sorted() -> None:
    assert copygen.__all__ == sorted(copygen.__all__)
    for name in ("generate", "check", "Brief", "Draft"):
        assert name in copygen.__all__ and hasattr(copygen, name)


def test_published_schema_matches_the_models() -> None:
    # Regenerate with: copygen schema > schema/draftset.schema.json
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == DraftSet.model_json_schema()
