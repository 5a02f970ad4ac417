"""Reading the text files users give copygen (brand profiles, claims libraries, results): one clear error for
a missing, unreadable or non-UTF-8 file, naming what the file was for."""

from __future__ import annotations

from pathlib import Path

from .errors import CopygenError, InputError


def read_text(path: Path, what: str, error: type[CopygenError] = InputError) -> str:
    """The file's text (a UTF-8 byte-order mark is dropped). `what` names the file for the user: "Brand profile"."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise error(f"{what} {path} is a folder; give a file") from None
    except OSError as e:
        raise error(f"Cannot read {what[0].lower() + what[1:]} {path}: {e.strerror or e}") from None
    return decode(raw, f"{what} {path}", error)


def decode(raw: bytes, name: str, error: type[CopygenError] = InputError) -> str:
    """UTF-8 text (a byte-order mark dropped), or the one error every input gets for another encoding."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise error(f"{name} is not UTF-8 text (byte {e.start} cannot be read); save it as UTF-8 and try again") from None
