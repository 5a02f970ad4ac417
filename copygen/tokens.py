"""Token counts and cost estimates, offline: tiktoken only when its encoding is already on disk."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from .models import Usage

# USD per million tokens (input, output), from the providers' published price lists.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}

_ENCODING_FILES = {  # tiktoken's own source URLs; their SHA-1 names the cached file
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
}


def _cached_encoding_file(name: str) -> Path | None:
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR") \
        or str(Path(tempfile.gettempdir()) / "data-gym-cache")
    path = Path(cache_dir) / hashlib.sha1(_ENCODING_FILES[name].encode()).hexdigest()
    return path if path.is_file() else None


@cache
def _encoding(name: str) -> Any:
    """The tiktoken encoding if its file is cached locally; None rather than a download."""
    if _cached_encoding_file(name) is None:
        return None
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, model: str = "") -> tuple[int, bool]:
    """(tokens, exact). Approximate (about four characters a token) when no encoding is available."""
    name = "o200k_base" if model.startswith(("gpt-4o", "gpt-4.1", "o1", "o3", "o4")) else "cl100k_base"
    enc = _encoding(name)
    if enc is None:
        return max(1, round(len(text) / 4)), False
    return len(enc.encode(text)), True


def cost(model: str, prompt_tokens: int, completion_tokens: int, local: bool) -> float | None:
    if local:
        return 0.0
    key = next((k for k in sorted(PRICES, key=len, reverse=True) if model.startswith(k)), None)
    if key is None:
        return None
    p_in, p_out = PRICES[key]
    return round((prompt_tokens * p_in + completion_tokens * p_out) / 1_000_000, 6)


def usage(model: str, prompt_tokens: int, completion_tokens: int, exact: bool, local: bool,
          prompt_text: str = "", completion_text: str = "") -> Usage:
    """Usage from the endpoint's own counts when it gave them, else counted here."""
    if not exact or (prompt_tokens == 0 and prompt_text):
        prompt_tokens, e1 = count_tokens(prompt_text, model)
        completion_tokens, e2 = count_tokens(completion_text, model)
        exact = e1 and e2
    return Usage(prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, approximate=not exact,
                 cost_usd=cost(model, prompt_tokens, completion_tokens, local))
