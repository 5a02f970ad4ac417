"""Rule packs loaded for use: each read and validated by `packs.py`, then its own examples run by the engine.
A pack whose examples misbehave is refused, naming the rule and the example."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .. import cache as disk_cache
from ..errors import RulePackError
from .engine import self_test
from .packs import Pack, builtin_pack_paths, read_pack_file


def load_pack_file(path: str | Path) -> Pack:
    """Read one pack, validate it and run its examples. Raises RulePackError naming the file and rule."""
    p = Path(path)
    pack = read_pack_file(p)
    # The examples passed before with exactly these inputs (this pack, the files it names, copygen's code and
    # data): they would pass again, so skip them. Any change, or COPYGEN_NO_CACHE=1, runs them.
    done = _self_test_marker(pack, p)
    if not disk_cache.seen(done):
        self_test(pack)
        disk_cache.record(done)
    return pack


def _self_test_marker(pack: Pack, path: Path) -> Path | None:
    try:
        inputs = [path.read_bytes(), *(pack.file(rel).read_bytes() for rel in pack.term_files.values()),
                  *(pack.file(r.model).read_bytes() for r in pack.rules if r.model)]
    except OSError:
        return None
    return disk_cache.marker("self-tests", *inputs)


@cache
def _load_cached(path: str, mtime: float) -> Pack:
    return load_pack_file(path)


def load_packs(extra: tuple[str, ...] | list[str] = ()) -> tuple[Pack, ...]:
    """The built-in packs plus any extra pack files, each loaded (and self-tested) once per process."""
    paths = [*builtin_pack_paths(), *(Path(e) for e in extra)]
    packs = []
    names: dict[str, str] = {}
    for p in paths:
        try:
            mtime = p.stat().st_mtime
        except OSError:
            raise RulePackError("rule pack file not found", path=str(p)) from None
        pack = _load_cached(str(p), mtime)
        if pack.pack in names:
            raise RulePackError(f"pack {pack.pack!r} is already loaded from {names[pack.pack]}", path=str(p))
        names[pack.pack] = str(p)
        packs.append(pack)
    return tuple(packs)
