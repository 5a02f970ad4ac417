"""Reading copy that a person pastes in for `copygen check`: plain text with optional field headers, or
the JSON that `copygen draft --format json` printed."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from .drafts import Draft, DraftSet
from .errors import InputError
from .models import Brief, Platform
from .platforms import channel
from .textfiles import decode

MAX_INPUT_BYTES = 5_000_000


def read_source(source: str) -> str:
    """The text of a file, or of standard input for "-"; a clear error for anything unreadable."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            name = "standard input"
        else:
            path = Path(source)
            if path.is_dir():
                raise InputError(f"{source} is a folder; give a file or - for standard input")
            data = path.read_bytes()[: MAX_INPUT_BYTES + 1]
            name = source
    except FileNotFoundError:
        raise InputError(f"File not found: {source}") from None
    except OSError as e:
        raise InputError(f"Cannot read {source}: {e.strerror or e}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than {MAX_INPUT_BYTES // 1_000_000} MB; check copy in smaller pieces")
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: there is no copy to check")
    return text


def parse_fields(text: str, platform: Platform) -> dict[str, str]:
    """Split pasted copy into fields by header lines; text before any header is the platform's main field."""
    ch = channel(platform)
    headers = ch.headers
    pattern = re.compile(r"^(" + "|".join(re.escape(h) for h in headers) + r")\s*:[ \t]*", re.IGNORECASE | re.MULTILINE)
    marks = list(pattern.finditer(text))
    if not marks:
        return {platform.main_field: text.strip("\n")}
    fields: dict[str, str] = {}
    lead = text[: marks[0].start()].strip("\n")
    if lead.strip():
        fields[platform.main_field] = lead
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        name = headers[m.group(1).lower()]
        fields[name] = (fields.get(name, "") + "\n" + text[m.end(): end].strip("\n")).strip("\n")
    if ch.main_field_missing and platform.main_field not in fields:
        raise InputError(ch.main_field_missing)
    return {k: v for k, v in fields.items() if k in platform.fields}


COPY_SUFFIXES = (".txt", ".md", *(f".{p.value}" for p in Platform), ".json", ".jsonl")
_PLATFORM_LINE = re.compile(r"\A\s*platform\s*:\s*(\w+)\s*\n", re.IGNORECASE)


def copy_files(sources: list[str]) -> list[str]:
    """The files to check: each source as given, and each folder's copy files (by extension, sorted)."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in COPY_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise InputError(f"{source} holds no copy files ({', '.join(COPY_SUFFIXES)})")
            out += found
        else:
            out.append(source)
    return out


def platform_of(source: str, text: str, given: Platform | None) -> tuple[Platform, str]:
    """A plain-text file's platform, and its text without the line that named it: a first line
    'platform: sms', else the extension (.sms, .email, .tiktok, also before .txt: drafts.sms.txt), else
    --platform."""
    m = _PLATFORM_LINE.match(text)
    if m:
        try:
            return Platform(m.group(1).lower()), text[m.end():]
        except ValueError:
            raise InputError(f"{source}: unknown platform {m.group(1)!r} in its first line (use sms, email or tiktok)") from None
    for suffix in reversed(Path(source).suffixes):
        if suffix.lower().lstrip(".") in {p.value for p in Platform}:
            return Platform(suffix.lower().lstrip(".")), text
    if given is None:
        raise InputError(f"{source}: --platform is required to check plain text (sms, email or tiktok), or name it in "
                         "a first line 'platform: sms' or in the file's extension (.sms, .email, .tiktok)")
    return given, text


def load_brief(source: str) -> Brief:
    """A brief from a YAML or JSON file (`topic`, and optionally `notes`, `audience` and the other brief fields)."""
    import yaml

    text = read_source(source)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise InputError(f"The brief {source} is not valid YAML or JSON: {e}") from None
    if isinstance(data, str):  # a file holding the topic alone
        data = {"topic": data}
    if not isinstance(data, dict):
        raise InputError(f"The brief {source} should hold a topic, e.g. 'topic: Flu clinic every Saturday'")
    try:
        return Brief.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        raise InputError(f"The brief {source}: {'.'.join(map(str, err['loc'])) or 'brief'}: {err['msg']}") from None


def parse_drafts(text: str) -> tuple[list[Draft], dict[str, object], list[dict] | None, Brief | None] | None:
    """Drafts, brand, claims library and brief from `copygen draft --format json` output, or None if the text
    is not JSON. Drafts without their run's record (one draft, a list) come with no brief."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as e:
        lines = [line for line in stripped.splitlines() if line.strip()]
        try:  # JSON Lines: `copygen batch` records (a sheet row with its drafts) or one draft a line
            records = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise InputError(f"The input looks like JSON but does not parse: {e}") from None
        data = [d for r in records for d in (r.get("drafts", []) if isinstance(r, dict) and "row" in r else [r])]
    try:
        if isinstance(data, dict) and "drafts" in data:
            ds = DraftSet.model_validate(data)
            return ds.drafts, ds.brand, ds.claims, ds.brief
        if isinstance(data, dict):
            return [Draft.model_validate(data)], {}, None, None
        return [Draft.model_validate(d) for d in data], {}, None, None
    except ValidationError as e:
        err = e.errors()[0]
        raise InputError(f"The JSON is not copygen draft output ({'.'.join(map(str, err['loc']))}: {err['msg']})") from None
