"""Terminal and Markdown renderings of drafts and reports (rich is imported only when printing)."""

from __future__ import annotations

import sys
from typing import Any

from .drafts import Draft
from .models import Finding, Measurement, Report, Severity, Status

STATUS_STYLE = {Status.PASS: "bold green", Status.WARN: "bold yellow", Status.BLOCKED: "bold red"}
SEVERITY_STYLE = {Severity.BLOCK: "red", Severity.WARN: "yellow", Severity.INFO: "cyan"}


def _measure_line(name: str, m: Measurement) -> str:
    parts = [f"{m.characters} chars", f"{m.words} words"]
    if m.encoding:
        parts.append(f"{m.encoding}, {m.units} units, {m.segments} segment{'s' if m.segments != 1 else ''}")
    if m.spoken_seconds is not None:
        parts.append(f"~{m.spoken_seconds:g} s spoken")
    return f"{name}: " + ", ".join(parts)


def content_sections(draft: Draft) -> list[tuple[str, str]]:
    from .platforms import channel

    return channel(draft.platform).sections(draft.content)


def _finding_line(f: Finding) -> str:
    where = f"{f.field}[{f.start}:{f.end}]" if f.start is not None else f.field
    quoted = f' "{f.match}"' if f.match else ""
    return f"{f.severity.value.upper():5} {f.rule_id} at {where}{quoted}: {f.message}"


def print_drafts(drafts: list[Draft], console: Any = None) -> None:
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.text import Text

    console = console or Console()
    for d in drafts:
        parts: list[Any] = []
        for title, body in content_sections(d):
            parts.append(Text(title, style="bold"))
            parts.append(Text(body + "\n"))
        parts.extend(_findings_renderables(d.findings))
        parts.extend(_evidence_renderables(d))
        meas = "; ".join(_measure_line(n, m) for n, m in d.measurements.items())
        cost = "" if d.usage.cost_usd is None else f", ${d.usage.cost_usd:.4f}"
        approx = " (approximate)" if d.usage.approximate else ""
        parts.append(Text(f"{meas}\n{d.provider}:{d.model}, {d.usage.prompt_tokens}+{d.usage.completion_tokens} "
                          f"tokens{approx}{cost}", style="dim"))
        title = Text.assemble((f"{d.platform.value.upper()} #{d.variant} ", "bold"),
                              (d.status.value.upper(), STATUS_STYLE[d.status]), f"  ({d.jurisdiction.value.upper()})")
        console.print(Panel(Group(*parts), title=title, title_align="left"))


def _finding_segments(findings: list[Finding]) -> list[Segment]:
    if not findings:
        return [("No findings.", "green")]
    out = [("Findings", "bold")]
    for f in findings:
        out.append((_finding_line(f), SEVERITY_STYLE[f.severity]))
        extra = "; ".join(p for p in (f.suggestion and f"fix: {f.suggestion}", f.citation and f"rule: {f.citation}") if p)
        if extra:
            out.append(("      " + extra, "dim"))
    return out


def _findings_renderables(findings: list[Finding]) -> list[Any]:
    from rich.text import Text

    return [Text(text, style=style) for text, style in _finding_segments(findings)]


def evidence_lines(d: Draft) -> list[tuple[str, str]]:
    """(style, line) for a draft's evidence notes and fixes, as a reviewer reads them."""
    out: list[tuple[str, str]] = []
    for n in d.evidence.claims:
        if n.status == "substantiated":
            how = f"{n.method}" + (f" {n.score:g}" if n.method == "fuzzy" else "")
            out.append(("green", f'claim "{n.text}" -> {n.claim_id} ({how}): {n.reference}'))
        elif n.status == "expired":
            out.append(("red", f'claim "{n.text}" -> {n.claim_id} EXPIRED {n.expires}: not substantiation'))
        else:
            out.append(("red", f'claim "{n.text}" ({", ".join(n.kinds)}): no approved claim matches'))
    for r in d.evidence.required:
        out.append(("dim", f'{r.rule_id}: "{r.text}" ({r.citation})'))
    for f in d.fixes:
        out.append(("cyan", f"fixed {f.rule_id} in {f.field} ({f.how}, round {f.round}): "
                            + " -> ".join(map(repr, changed_parts(f.before, f.after)))))
    p = d.evidence.provenance
    out.append(("dim", f"packs {', '.join(f'{k} v{v}' for k, v in p.packs.items())}; template {p.template} "
                       f"{p.template_hash}; claims library {p.claims_library or 'none'}; "
                       f"{d.model_calls} model call(s), {d.repair_rounds} repair round(s)"))
    return out


def changed_parts(before: str, after: str, n: int = 80, context: int = 20) -> tuple[str, str]:
    """`before` and `after` cut to at most `n` characters each around where they differ, so a change at the
    end of a long field is what the reader sees; '…' marks each cut."""
    if len(before) <= n and len(after) <= n:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    start = max(0, start - context)
    return _clip(before[start:], start, n), _clip(after[start:], start, n)


def _clip(s: str, cut: int, n: int) -> str:
    """`s`, which is its text from character `cut` on, in at most `n` characters."""
    head = "…" if cut else ""
    return head + (s if len(head) + len(s) <= n else s[: n - len(head) - 1] + "…")


def _evidence_renderables(d: Draft) -> list[Any]:
    from rich.text import Text

    return [Text("Evidence", style="bold"), *(Text(line, style=style) for style, line in evidence_lines(d))]


SHOWN = 4000  # characters of a field shown in the text report (every finding is listed in full below it)
FAR_TOO_LONG = 20_000  # longer than any platform's copy: an email body of several thousand words


Segment = tuple[str, str]  # (text, rich style; "" for none)


def _field_segments(text: str, findings: list[Finding], name: str) -> list[Segment]:
    """`text` cut where findings start and end; each piece inside a finding underlined in its severity's colour
    (the most severe where findings overlap)."""
    spans = [(f.start, min(f.end, len(text)), f.severity) for f in findings
             if f.field == name and f.start is not None and f.end is not None and f.start < len(text)]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [sev for s, e, sev in spans if s <= a and b <= e]
        worst = max(covering, key=lambda sev: sev.rank, default=None)
        out.append((text[a:b], f"underline {SEVERITY_STYLE[worst]}" if worst else ""))
    return out



def report_lines(report: Report, fields: dict[str, str]) -> list[list[Segment]]:
    """The text report, line by line: each field with its findings underlined in place, then the list of
    findings and the measurements, then the status."""
    lines: list[list[Segment]] = []
    for name, text in fields.items():
        lines.append([(f"── {name} ", "bold"), *_field_segments(text[:SHOWN], report.findings, name)])
        if len(text) > SHOWN:
            lines.append([(f"… {len(text) - SHOWN:,} more characters not shown; all {len(text):,} were checked.",
                           "dim")])
        if len(text) > FAR_TOO_LONG:
            lines.append([(f"The {name} is {len(text):,} characters, far beyond what any SMS, email or TikTok "
                           "post can carry: check that this is the copy you meant.", "yellow")])
    lines += [[segment] for segment in _finding_segments(report.findings)]
    lines += [[(_measure_line(name, m), "dim")] for name, m in report.measurements.items()]
    lines.append([("Status: ", ""), (report.status.value.upper(), STATUS_STYLE[report.status])])
    return lines


def print_report(report: Report, fields: dict[str, str], console: Any = None) -> None:
    """The text report: in colour through rich on a terminal (or the `console` given); as plain lines to a pipe
    or a file, where colour would be lost anyway, without importing rich (a tenth of a short check's start-up)."""
    lines = report_lines(report, fields)
    if console is None and not sys.stdout.isatty():
        sys.stdout.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    for line in lines:
        console.print(Text.assemble(*line))


def drafts_markdown(drafts: list[Draft]) -> str:
    out = []
    for d in drafts:
        out.append(f"## {d.platform.value.upper()} #{d.variant} — {d.status.value}\n")
        for title, body in content_sections(d):
            quoted = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
            out.append(f"**{title}**\n\n{quoted}\n")
        if d.findings:
            out.append("**Findings**\n")
            out.extend(f"- `{f.rule_id}` ({f.severity.value}) {f.message}" + (f" — {f.citation}" if f.citation else "")
                       for f in d.findings)
            out.append("")
        out.append("**Evidence**\n")
        out.extend(f"- {line}" for _, line in evidence_lines(d))
        out.append("")
    return "\n".join(out)
