"""Regexes compiled when first used, for modules that define many at import and use few on a given text, and
compiled from copygen's cache when an earlier process compiled them.

Compiling the PHI detector's hundred-odd patterns is about a tenth of a second, and a one-SMS `copygen check`
runs a dozen of them. A `LazyPattern` is compiled on its first use; the compiled pattern's methods then sit on
the instance itself, so every later call costs what the compiled pattern's own call does. `compiled_regex` is
`re.compile` with the parse and code generation (pure Python in `re`) kept on disk: a later process hands the
stored code straight to `_sre.compile`, as `re.compile` itself does.
"""

from __future__ import annotations

import atexit
import pickle
import re
from array import array
from typing import Any, cast

from .. import cache as disk_cache

try:  # CPython's own compiler, whose output `re.compile` hands to `_sre.compile`
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: every regex is compiled the ordinary way
    _sre = None  # type: ignore[assignment]

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
        compiled = compiled_regex(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


# Patterns kept at most: the prefilter compiles a cut-down alternation for each mix of literals a text holds,
# and a long batch of varied copy would otherwise grow the table (read whole by every process) without end.
_MAX_ENTRIES = 4000


def _index_groups(names: tuple[tuple[str, int], ...], groups: int) -> tuple[str | None, ...]:
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, index in names:
        indexgroup[index] = name
    return tuple(indexgroup)


class _CodeTable:
    """What `re` compiles each pattern to, by (flags, pattern), kept in copygen's cache directory from one process
    to the next (`re` parses and generates code in pure Python: most of a one-message check's time). The code
    is stored packed; the table is read once per process and written back, atomically, when a process added
    to it. A missing or corrupt table is an empty one."""

    def __init__(self) -> None:
        self._table: dict[str, tuple[int, bytes, int, tuple[tuple[str, int], ...]]] | None = None
        self._added = False

    def _load(self) -> dict[str, Any]:
        table: dict[str, Any] = {}
        data = disk_cache.load(disk_cache.marker("regex-code"))
        if data is not None:
            try:
                loaded = pickle.loads(data)  # noqa: S301 - copygen's own cache, written by `save` below
                if isinstance(loaded, dict):
                    table = loaded
            except Exception:  # noqa: BLE001 - a corrupt table of any kind is an empty one
                pass
        self._table = table
        return table

    def compiled(self, pattern: str, flags: int) -> re.Pattern[str]:
        table = self._table if self._table is not None else self._load()
        key = f"{flags} {pattern}"
        entry = table.get(key)
        if entry is None:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)  # noqa: SLF001 - what re.compile itself runs
            names = tuple(sorted(parsed.state.groupdict.items(), key=lambda item: item[1]))
            entry = (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1, names)
            if len(table) >= _MAX_ENTRIES:
                return _sre.compile(pattern, entry[0], code, entry[2], dict(names), _index_groups(names, entry[2]))
            table[key] = entry
            if not self._added:
                self._added = True
                atexit.register(self.save)
        final_flags, packed, groups, names = entry
        codes = array("I")
        codes.frombytes(packed)
        return _sre.compile(pattern, final_flags, codes.tolist(), groups, dict(names), _index_groups(names, groups))

    def save(self) -> None:
        if self._added and self._table is not None:
            disk_cache.store(disk_cache.marker("regex-code"), pickle.dumps(self._table))
            self._added = False


_codes = _CodeTable()


def compiled_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`: the same pattern object, with its parse and code read from copygen's cache
    after the first process. With the cache off, or anything amiss with a stored entry, `re.compile` itself."""
    if _sre is None or not disk_cache.enabled():
        return re.compile(pattern, flags)
    try:
        return _codes.compiled(pattern, flags)
    except Exception:  # noqa: BLE001 - an entry this Python cannot use: compile it the ordinary way
        return re.compile(pattern, flags)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A regex used like `re.compile(pattern, flags)`'s, compiled on first use."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))


def is_regex(value: object) -> bool:
    """A compiled regex or one that will be."""
    return isinstance(value, (re.Pattern, LazyPattern))
