"""Regexes compiled when first used, for modules that define many at import and use few on a given text.

Compiling the PHI detector's hundred-odd patterns is about a tenth of a second, and a one-SMS `copygen check`
runs a dozen of them. A `LazyPattern` is compiled on its first use; the compiled pattern's methods then sit on
the instance itself, so every later call costs what the compiled pattern's own call does.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`: the same `pattern`, `flags` and methods, compiled on first use.
    Its identity is stable, so the prefilter's gates (kept by identity) stay with it."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        # what the compiled pattern reports: `re` adds UNICODE to a str pattern unless ASCII is asked for
        self.flags = flags if flags & re.ASCII else flags | re.UNICODE

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not hold yet
        if name.startswith("__") or name in ("pattern", "flags"):  # a copy being made, before __init__
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A regex used like `re.compile(pattern, flags)`'s, compiled on first use."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))


def is_regex(value: object) -> bool:
    """A compiled regex or one that will be."""
    return isinstance(value, (re.Pattern, LazyPattern))
