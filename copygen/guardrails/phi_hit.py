"""One identifier the PHI detector found: where it is, its type and why it was read so."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Hit:
    start: int
    end: int
    kind: str
    why: str
