"""How long a script takes to say."""

from __future__ import annotations

WORDS_PER_SECOND = 2.5  # a brisk but clear delivery, about 150 words a minute


def spoken_seconds(text: str) -> float:
    return round(len(text.split()) / WORDS_PER_SECOND, 1)
