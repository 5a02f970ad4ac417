"""Spreadsheets in and out: a sheet of topics read and validated before any model call, and results written
so that no cell can run as a formula.

Input: XLSX (openpyxl) or CSV (UTF-8, with or without BOM). Header names are case-insensitive; `topic` is
required; rows and columns in errors are numbered as the spreadsheet shows them (row 2 is the first under
the header, column B the second).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .models import Brief, Jurisdiction, Platform

# Header (lower-case, spaces and dashes as underscores) -> Brief field.
COLUMNS = {
    "topic": "topic", "platform": "platforms", "platforms": "platforms", "platform_s": "platforms",
    "audience": "audience", "tone": "tone", "jurisdiction": "jurisdiction", "notes": "notes",
    "variants": "variants", "sponsored": "sponsored", "duration": "duration", "max_segments": "max_segments",
}
_TRUE = {"yes", "y", "true", "1", "paid", "sponsored", "x"}
_FALSE = {"no", "n", "false", "0", ""}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet numbers it
    brief: Brief
    values: dict[str, str]  # the row's cells by Brief field, as read (for the output and the row key)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _header_key(name: Any) -> str:
    return re.sub(r"[\s\-()]+", "_", str(name or "").strip().lower()).strip("_")


def read_table(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Every row of the file as strings (header first). Raises InputError for unreadable files."""
    if not path.exists():
        raise InputError(f"Sheet not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix == ".csv":
        if sheet:
            raise InputError("--sheet applies to XLSX files; a CSV file has one table")
        return _read_csv(path)
    raise InputError(f"Cannot read {path.name}: use an .xlsx or .csv file")


def _read_xlsx(path: Path, sheet: str | None) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as e:
        raise InputError(f"Cannot open {path.name} as an XLSX workbook: {e}") from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputError(f"No sheet named {sheet!r} in {path.name}; it has: {', '.join(wb.sheetnames)}")
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        return [["" if v is None else _cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _cell_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path.name} is not UTF-8 (byte {e.start} cannot be read). Save it as \"CSV UTF-8\" "
                         "and try again.") from None
    csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as e:
        raise InputError(f"{path.name} is not a valid CSV file: {e}") from None


def parse_rows(table: list[list[str]], name: str) -> list[SheetRow]:
    """Validate every row; one InputError lists every problem, by spreadsheet row and column."""
    header_at = next((i for i, row in enumerate(table) if any(c.strip() for c in row)), None)
    if header_at is None:
        raise InputError(f"{name} is empty: it needs a header row with a 'topic' column, then one row per topic")
    header = table[header_at]
    columns: dict[str, int] = {}
    for i, h in enumerate(header):
        field = COLUMNS.get(_header_key(h))
        if field and field not in columns:
            columns[field] = i
    if "topic" not in columns:
        found = ", ".join(repr(h) for h in header if str(h).strip()) or "none"
        raise InputError(f"{name} has no 'topic' column (header row {header_at + 1} has: {found})")
    rows: list[SheetRow] = []
    problems: list[str] = []
    for r, row in enumerate(table[header_at + 1:], start=header_at + 2):
        if not any(c.strip() for c in row):
            continue  # blank rows are skipped
        values = {f: (row[i].strip() if i < len(row) else "") for f, i in columns.items()}
        where = {f: f"row {r}, column {column_letter(i)} ({f})" for f, i in columns.items()}
        data, bad = _brief_data(values, where)
        problems += bad
        if bad:
            continue
        try:
            rows.append(SheetRow(r, Brief(**data), values))
        except ValidationError as e:
            for err in e.errors():
                field = str(err["loc"][0]) if err["loc"] else "topic"
                problems.append(f"{where.get(field, f'row {r}')}: {_message(err, values.get(field, ''))}")
    if problems:
        shown = problems[:50]
        more = f" ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise InputError(f"{name} has {len(problems)} problem(s), nothing was sent to a model:\n  "
                         + "\n  ".join(shown) + more)
    if not rows:
        raise InputError(f"{name} has a header row but no topics under it")
    return rows


def _message(err: dict[str, Any], value: str) -> str:
    if err["type"] == "string_too_long":
        return f"{len(value):,} characters; at most {err['ctx']['max_length']:,}"
    if err["type"] in ("missing", "string_too_short") or (err["type"] == "value_error" and not value):
        return "empty; every row needs a topic"
    ctx = err.get("ctx") or {}
    if err["type"] == "less_than_equal":
        return f"{value} is more than {ctx['le']}"
    if err["type"] == "greater_than_equal":
        return f"{value} is less than {ctx['ge']}"
    if err["type"] == "literal_error":
        return f"{value} is not one of {ctx.get('expected', '').replace(' or ', ', ')}"
    if err["type"] in ("int_parsing", "int_from_float"):
        return f"{value!r} is not a whole number"
    return str(err["msg"]).removeprefix("Value error, ")


def _brief_data(values: dict[str, str], where: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    data: dict[str, Any] = {"topic": values["topic"]}
    bad: list[str] = []
    if not values["topic"]:
        bad.append(f"{where['topic']}: empty; every row needs a topic")
    for field in ("audience", "tone", "notes"):
        if values.get(field):
            data[field] = values[field]
    if values.get("platforms"):
        names = [p.strip().lower() for p in re.split(r"[,;/|\s]+", values["platforms"]) if p.strip()]
        if names in (["all"], ["*"]):  # a campaign's platforms (a review reply answers a review, not a topic)
            names = [p.value for p in Brief.model_fields["platforms"].default_factory()]  # type: ignore[misc]
        unknown = [n for n in names if n not in {p.value for p in Platform}]
        if unknown:
            bad.append(f"{where['platforms']}: unknown platform {', '.join(map(repr, unknown))} (use {', '.join(p.value for p in Platform)})")
        else:
            data["platforms"] = names
    if values.get("jurisdiction"):
        j = values["jurisdiction"].lower()
        if j not in {x.value for x in Jurisdiction}:
            bad.append(f"{where['jurisdiction']}: {values['jurisdiction']!r} is not uk or us")
        else:
            data["jurisdiction"] = j
    if values.get("sponsored") is not None:
        s = values["sponsored"].lower()
        if s in _TRUE:
            data["sponsored"] = True
        elif s not in _FALSE:
            bad.append(f"{where['sponsored']}: {values['sponsored']!r} is not yes or no")
    for field in ("variants", "duration", "max_segments"):
        if values.get(field):
            try:
                data[field] = int(float(values[field]))
            except ValueError:
                bad.append(f"{where[field]}: {values[field]!r} is not a whole number")
    return data, bad


def load_sheet(path: Path, sheet: str | None = None) -> list[SheetRow]:
    return parse_rows(read_table(path, sheet), path.name)


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet app shows as text: a leading =, +, -, @, tab or carriage return is escaped with
    an apostrophe so it cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
