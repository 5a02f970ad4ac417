"""What reading a regular expression's parse tree tells the prefilter (the literals every match holds, the
words matches open with, their digits), kept from one process to the next: working it out for every pattern
of every pack is most of an engine's start-up, and it depends only on the pattern's source and copygen's code.

The table lives in copygen's cache directory under a name derived from copygen's code and data (see
`copygen.cache`), so new code starts a new table. It is read once per process and written back, atomically,
when the process has added to it. A missing, unreadable or corrupt table or entry is worked out again;
`COPYGEN_NO_CACHE=1` keeps the table in memory only.
"""

from __future__ import annotations

import atexit
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import cache as disk_cache


def _encode(value: Any) -> Any:
    if isinstance(value, frozenset):
        return {"set": sorted(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, int):
        return value
    raise TypeError(f"cannot store {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return frozenset(value["set"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if value is None or isinstance(value, int):
        return value
    raise ValueError("not an analysis entry")


class Analysis:
    """A table of analysis results by (kind, pattern), backed by a file in the cache directory."""

    def __init__(self) -> None:
        self._table: dict[str, Any] | None = None
        self._added = False

    @staticmethod
    def _path() -> Path | None:
        return disk_cache.marker("pattern-analysis")

    def _load(self) -> dict[str, Any]:
        table: dict[str, Any] = {}
        data = disk_cache.load(self._path())
        if data is not None:
            try:
                raw = json.loads(data)
                if isinstance(raw, dict):
                    table = raw
            except ValueError:
                pass
        self._table = table
        return table

    def get(self, key: tuple[str, str], compute: Callable[[], Any]) -> Any:
        """The stored result for `key`, or `compute()`'s, stored."""
        table = self._table if self._table is not None else self._load()
        name = "\0".join(key)
        if name in table:
            try:
                return _decode(table[name])
            except (KeyError, TypeError, ValueError):
                pass
        value = compute()
        table[name] = _encode(value)
        if not self._added:
            self._added = True
            atexit.register(self.save)
        return value

    def save(self) -> None:
        """Write the table back if this process added to it; a table that cannot be written is not kept."""
        path = self._path() if self._added else None
        if path is None or self._table is None:
            return
        disk_cache.store(path, json.dumps(self._table).encode())
        self._added = False


analysis = Analysis()
