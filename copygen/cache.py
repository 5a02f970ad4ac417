"""copygen's on-disk cache: what a pack load works out once and can skip when nothing it depends on changed.

Everything here is an optimisation. A key covers every input (the pack's own bytes and the files it names,
all of copygen's code and shipped data, copygen's and Python's versions), so a change to any of them is a
miss; a missing, unreadable or unwritable cache is a miss too, never a wrong answer. `COPYGEN_NO_CACHE=1`
turns it off (the test suite does, so every pack's examples run in every test session).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get("COPYGEN_NO_CACHE", "").strip() in ("", "0")


def directory() -> Path:
    """$COPYGEN_CACHE_DIR, else $XDG_CACHE_HOME/copygen, else ~/.cache/copygen."""
    if os.environ.get("COPYGEN_CACHE_DIR"):
        return Path(os.environ["COPYGEN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "copygen"


@cache
def code_fingerprint() -> str:
    """A digest of copygen's code and shipped data (packs, term lists, models, prompts), its version and
    Python's."""
    from . import __version__
    from .resources import data_dir

    h = hashlib.sha256(f"{__version__} {sys.version}".encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(p for p in data_dir("guardrails").rglob("*") if p.is_file())
    files += sorted(p for p in (_PACKAGE / "guardrails" / "models").rglob("*") if p.is_file())
    files += sorted(p for p in data_dir("prompts").rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.relative_to(path.anchor)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def marker(kind: str, *parts: bytes) -> Path | None:
    """The file whose presence records that `kind` was done for these inputs; None when caching is off."""
    if not enabled():
        return None
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return directory() / kind / h.hexdigest()


def seen(path: Path | None) -> bool:
    try:
        return path is not None and path.is_file()
    except OSError:
        return False


def record(path: Path | None) -> None:
    """Leave the marker; a cache that cannot be written is simply not used."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    except OSError:
        pass


def load(path: Path | None) -> bytes | None:
    """What `store` kept at `path`; None when caching is off or nothing readable is there."""
    try:
        return path.read_bytes() if path is not None else None
    except OSError:
        return None


def store(path: Path | None, data: bytes) -> None:
    """Keep `data` at `path`, atomically (a reader sees the old file or the new one, never half of one, even with
    several processes writing); a cache that cannot be written is simply not used."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


def kept(kind: str, compute: Callable[[], T], *parts: bytes) -> T:
    """`compute()`, kept (pickled) under `kind`, these `parts` and the fingerprint of copygen's code and data:
    for what copygen derives from its own files at start-up, when `parts` name every other input."""
    path = marker(kind, *parts)
    data = load(path)
    if data is not None:
        try:
            return pickle.loads(data)  # noqa: S301 - copygen's own cache, written by `store` below
        except Exception:  # noqa: BLE001 - a corrupt entry of any kind is a miss, never an error
            pass
    value = compute()
    store(path, pickle.dumps(value))
    return value
