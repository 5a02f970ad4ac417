"""`copygen check --format sarif`: findings as SARIF 2.1.0, the format code-review tools (GitHub code scanning,
editors' SARIF viewers) show inline, each finding at its line and column in the checked file."""

from __future__ import annotations

from typing import Any

from . import __version__
from .models import Report

_LEVEL = {"block": "error", "warn": "warning", "info": "note"}


def _region(file_text: str, field_text: str, start: int | None, end: int | None) -> dict[str, int]:
    """Where a finding is in the file: its field's text is found in the file and the finding's offsets counted
    from there (line and column from 1, in characters). A field the file does not hold verbatim (draft JSON,
    where text is escaped) is reported at the first line."""
    at = file_text.find(field_text) if field_text else -1
    if at < 0:
        return {"startLine": 1}
    first = at + (start or 0)
    last = at + (end if end is not None else len(field_text))

    def line_col(pos: int) -> tuple[int, int]:
        return file_text.count("\n", 0, pos) + 1, pos - (file_text.rfind("\n", 0, pos) + 1) + 1

    (sl, sc), (el, ec) = line_col(first), line_col(last)
    if start is None:  # a whole-field finding (length, a missing opt-out): the field's first line
        return {"startLine": sl}
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def sarif(checked: list[tuple[str, str, list[tuple[dict[str, str], Report]]]]) -> dict[str, Any]:
    """One SARIF log for every checked file: (path, the file's text, [(fields, report)])."""
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for path, file_text, reports in checked:
        for fields, report in reports:
            for f in report.findings:
                rules.setdefault(f.rule_id, {
                    "id": f.rule_id,
                    "shortDescription": {"text": f.rule_id},
                    "fullDescription": {"text": f.reason or f.rule_id},
                    "help": {"text": f"{f.reason} ({f.citation})" if f.citation else f.reason or f.rule_id},
                    "properties": {"citation": f.citation},
                })
                message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
                results.append({
                    "ruleId": f.rule_id,
                    "level": _LEVEL.get(f.severity.value, "warning"),
                    "message": {"text": message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": path},
                        "region": _region(file_text, fields.get(f.field, ""), f.start, f.end),
                    }}],
                    "properties": {"field": f.field, "platform": report.platform.value},
                })
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "copygen", "version": __version__, "rules": list(rules.values())}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
