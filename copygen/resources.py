"""Where copygen's data lives: `prompts/` and `guardrails/` at the top of a source checkout,
or `copygen/_data/` inside an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory holding the named data folder ("prompts" or "guardrails")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"copygen data folder {name!r} is missing from this installation")
