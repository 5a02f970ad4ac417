"""The review report: one self-contained HTML page with each draft shown as its platform shows it, every
finding highlighted at its span, evidence notes, a summary and filters.

Everything is rendered here, with Jinja2's autoescaping: model and user text reach the page only as
escaped text. The page's own script only filters; it reads no data and loads nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .brand import Brand
from .drafts import Draft, DraftSet
from .errors import InputError
from .models import Brief, Finding
from .platforms import channel
from .textfiles import read_text


@dataclass
class Item:
    """One card in the report: a draft, or a sheet row that ended in error."""

    key: str
    topic: str
    row: int | None = None
    draft: Draft | None = None
    error: str | None = None
    stored: str | None = None  # the status the file recorded, when the re-check says otherwise
    brief: Brief | None = None  # what the draft was written from, for the invented-details check

    @property
    def status(self) -> str:
        return self.draft.status.value if self.draft else "error"

    @property
    def platform(self) -> str:
        return self.draft.platform.value if self.draft else "none"

    @property
    def draft_id(self) -> str:
        """The draft's id across runs of the same sheet or brief: its row, platform and variant."""
        where = f"row{self.row}-" if self.row else ""
        return f"{where}{self.platform}-{self.draft.variant}" if self.draft else f"{where}error"

    @property
    def text_hash(self) -> str:
        """A digest of the draft's text: a decision is kept only for the very text it was made on."""
        fields = self.draft.fields() if self.draft else {}
        return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    @property
    def rules(self) -> list[str]:
        return sorted({f.rule_id for f in self.draft.findings}) if self.draft else []


# ---- reading results --------------------------------------------------------------------------------


def recheck(items: list[Item], brand: Brand, brief: Brief | None = None, claims: list[dict] | None = None) -> list[Item]:
    """Each draft with the findings, measurements and status of a fresh check of its text, as `copygen check`
    gives them; where the file recorded another status (the text was edited, or the rules changed), `stored`
    keeps it."""
    from .api import check_draft

    for item in items:
        if item.draft is None:
            continue
        report = check_draft(item.draft, brand=brand, brief=item.brief or brief, claims=claims)
        if report.status != item.draft.status:
            item.stored = item.draft.status.value
        item.draft = item.draft.model_copy(update={"status": report.status, "findings": report.findings,
                                                   "measurements": report.measurements})
    return items


def load_results(path: Path, brand: Brand | None = None) -> tuple[list[Item], str, bool]:
    """Items from `copygen batch` JSONL, `copygen draft --format json`, or JSONL of drafts; a title; and whether
    the drafts were re-checked: always for draft JSON (it records its brand, `brand` overrides it), for batch
    output only with `brand` (a re-check without the brand the drafts were made with would mislead)."""
    if path.suffix.lower() in (".xlsx", ".xls", ".csv"):
        raise InputError(f"`copygen report` reads JSON results, not a spreadsheet ({path.name}): give it the .jsonl "
                         "that `copygen batch --out drafts.jsonl` writes or `copygen draft --format json` output, "
                         "or let batch write the page itself with --html report.html")
    text = read_text(path, "Results file")
    stripped = text.strip()
    if not stripped:
        raise InputError(f"{path.name} is empty: pass the output of `copygen batch` (JSONL) or `copygen draft --format json`")
    try:
        if stripped.startswith("{") and "\n{" not in stripped:
            data = json.loads(stripped)
            if "drafts" in data and "brief" in data:
                ds = DraftSet.model_validate(data)
                profile = brand or Brand.model_validate(ds.brand)
                return (recheck(items_from_drafts(ds.drafts, ds.brief.topic), profile, ds.brief, ds.claims),
                        ds.brief.topic, True)
            values = [data]
        else:
            values = [json.loads(line) for line in stripped.splitlines() if line.strip()]
        items = items_from_records(values)
    except (ValueError, KeyError, TypeError) as e:
        raise InputError(f"{path.name} is not copygen results (batch JSONL or draft JSON): {str(e)[:300]}") from None
    return (recheck(items, brand), path.stem, True) if brand is not None else (items, path.stem, False)


def items_from_records(records: Any) -> list[Item]:
    """Items from batch records (a row with its drafts, or its error) or bare drafts."""
    items: list[Item] = []
    for v in records:
        if "drafts" in v and "row" in v:
            values = v.get("values", {})
            topic = str(values.get("topic", ""))
            brief = _brief_of(values)
            if v.get("status") == "error" or not v["drafts"]:
                items.append(Item(key=f"r{v['row']}", topic=topic, row=v["row"], error=v.get("error") or "no drafts"))
            for d in v["drafts"]:
                items.append(Item(key=f"d{len(items)}", topic=topic, row=v["row"], draft=Draft.model_validate(d),
                                  brief=brief))
        else:
            items.append(Item(key=f"d{len(items)}", topic="", draft=Draft.model_validate(v)))
    return items


def _brief_of(values: dict[str, Any]) -> Brief | None:
    """The part of a sheet row's brief that grounds its drafts (topic, notes, audience)."""
    try:
        return Brief(topic=str(values.get("topic", "")), notes=str(values.get("notes") or ""),
                     audience=str(values.get("audience") or ""))
    except ValueError:
        return None


def items_from_drafts(drafts: list[Draft], topic: str) -> list[Item]:
    return [Item(key=f"d{i}", topic=topic, draft=d) for i, d in enumerate(drafts)]


# ---- highlighting -----------------------------------------------------------------------------------


def _title(f: Finding) -> str:
    parts = [f"{f.severity.value.upper()} {f.rule_id}: {f.message}"]
    if f.suggestion:
        parts.append(f"Fix: {f.suggestion}")
    if f.citation:
        parts.append(f"Rule: {f.citation}")
    return "\n".join(parts)


def highlight(text: str, findings: list[tuple[str, Finding]], lo: int = 0, hi: int | None = None) -> Markup:
    """`text[lo:hi]`, escaped, with each finding's span inside it wrapped in a <mark> that names the
    finding (data-f), carries the worst severity as its class and the message, fix and rule as its title."""
    hi = len(text) if hi is None else hi
    spans = [(max(f.start, lo), min(f.end, hi), fid, f) for fid, f in findings
             if f.start is not None and f.end is not None and f.start < hi and f.end > lo and f.end > f.start]
    cuts = sorted({lo, hi, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        cover = [(fid, f) for s, e, fid, f in spans if s <= a and b <= e]
        if not cover:
            out.append(str(escape(piece)))
            continue
        worst = max((f for _, f in cover), key=lambda f: f.severity.rank).severity.value
        ids = " ".join(fid for fid, _ in cover)
        title = "\n\n".join(_title(f) for _, f in cover)
        out.append(f'<mark class="sev-{worst}" data-f="{escape(ids)}" title="{escape(title)}">{escape(piece)}</mark>')
    return Markup("".join(out))


# ---- view model ---------------------------------------------------------------------------------------


def _card(item: Item) -> dict[str, Any]:
    d = item.draft
    if d is None:
        return {"item": item, "draft": None}
    ids = [(f"{item.key}-f{i}", f) for i, f in enumerate(d.findings)]
    by_field: dict[str, list[tuple[str, Finding]]] = {}
    for fid, f in ids:
        by_field.setdefault(f.field, []).append((fid, f))
    fields = d.fields()
    def hl(name: str, lo: int = 0, hi: int | None = None) -> Markup:
        return highlight(fields.get(name, ""), by_field.get(name, []), lo, hi)

    # The platform's own view of the draft, shown by its template (templates/cards/<platform>.html.j2).
    return {"item": item, "draft": d, "findings": ids, "platform": d.platform.value,
            "view": channel(d.platform).card(d, hl)}


# ---- a reviewer's decisions -------------------------------------------------------------------------

DECISIONS = ("approved", "changes_requested", "rejected")
DECISION_COLUMNS = ("id", "hash", "decision", "comment", "status", "platform", "topic")


def load_decisions(path: Path) -> dict[str, dict[str, str]]:
    """Decisions exported from a report (JSON or CSV), by draft id."""
    import csv
    import io

    text = read_text(path, "Decisions file")
    try:
        if path.suffix.lower() == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        else:
            data = json.loads(text)
            rows = data.get("decisions", []) if isinstance(data, dict) else data
        out = {}
        for r in rows:
            if r.get("decision") not in DECISIONS or not r.get("id") or not r.get("hash"):
                raise ValueError(f"each decision needs an id, a hash and one of {', '.join(DECISIONS)}: {r}")
            out[str(r["id"])] = {"hash": str(r["hash"]), "decision": r["decision"], "comment": str(r.get("comment") or "")}
    except (ValueError, TypeError, AttributeError, csv.Error) as e:
        raise InputError(f"{path.name} is not a decisions file exported from a copygen report: {str(e)[:200]}") from None
    return out


def _summary(items: list[Item]) -> dict[str, Any]:
    statuses = Counter(i.status for i in items)
    platforms = Counter(i.platform for i in items if i.draft)
    grid = Counter((i.platform, i.status) for i in items if i.draft)
    rules = Counter(f.rule_id for i in items if i.draft for f in i.draft.findings)
    top = rules.most_common(10)
    peak = max((n for _, n in top), default=1)
    return {"total": len(items), "statuses": statuses, "platforms": platforms, "grid": grid,
            "top": [(r, n, 100 * n / peak) for r, n in top], "all_rules": sorted(rules)}


@cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("copygen", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2")


def render(items: list[Item], title: str, sender: str = "", decisions: dict[str, dict[str, str]] | None = None) -> str:
    """The page. `decisions` (from `load_decisions`) are shown again on the drafts whose text they were made on;
    a decision made on another text is named on its draft, not applied."""
    from . import __version__

    decisions = decisions or {}
    current = {i.draft_id: decisions[i.draft_id] for i in items
               if i.draft_id in decisions and decisions[i.draft_id]["hash"] == i.text_hash}
    stale = {i.draft_id: decisions[i.draft_id]["decision"] for i in items
             if i.draft_id in decisions and decisions[i.draft_id]["hash"] != i.text_hash}
    return _template().render(title=title, cards=[_card(i) for i in items], summary=_summary(items),
                              sender=sender, version=__version__, decisions=current, stale=stale,
                              columns=DECISION_COLUMNS,
                              statuses=("pass", "warn", "blocked", "error"), platforms=("sms", "email", "tiktok"))


def write_report(items: list[Item], out: Path, title: str, sender: str = "",
                 decisions: dict[str, dict[str, str]] | None = None) -> None:
    """Write the page through a temporary file and a rename."""
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_text(render(items, title, sender, decisions), encoding="utf-8")
        tmp.replace(out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise InputError(f"Cannot write the report {out}: {e.strerror}") from None
