"""The `copygen` command: parse flags, call the API, print, choose the exit code. Nothing else."""

from __future__ import annotations

import gc
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .errors import CopygenError
from .kinds import Jurisdiction, Platform

app = typer.Typer(
    help="Compliance-first copy for healthcare marketing: draft TikTok, SMS and email copy and check it "
         "against deterministic guardrails (CAP Code, MHRA, FTC, FDA, PECR, TCPA/CTIA, CAN-SPAM, HIPAA).",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


BrandOpt = Annotated[Path | None, typer.Option("--brand", help="Brand profile YAML (practice name, sender, address...).")]
JurOpt = Annotated[Jurisdiction | None, typer.Option("--jurisdiction", "-j", help="uk or us; default: the brand's, else uk.")]
PackOpt = Annotated[list[Path] | None, typer.Option("--pack", help="Extra rule pack YAML file (repeatable).")]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML review page here.")]
ClaimsOpt = Annotated[Path | None, typer.Option("--claims", help="Claims library (YAML or CSV): approved claims with references that substantiate factual claims.")]
DisableOpt = Annotated[list[str] | None, typer.Option("--disable", help="Rule id to switch off, e.g. claims.superiority (repeatable).")]


@app.command()
def draft(
    topic: Annotated[str, typer.Argument(help="What the copy is about, e.g. 'Flu jabs available this Saturday'.")],
    platform: Annotated[list[Platform] | None, typer.Option("--platform", "-p", help="sms, email, tiktok, social (Instagram or Facebook), search_ad (Google) or review (a reply to the review given as the topic); repeatable; default sms, email and tiktok.")] = None,
    variants: Annotated[int, typer.Option("--variants", "-n", min=1, max=10, help="Drafts per platform.")] = 1,
    brand: BrandOpt = None,
    jurisdiction: JurOpt = None,
    audience: Annotated[str, typer.Option(help="Who the copy is for.")] = "",
    tone: Annotated[str, typer.Option(help="Tone words, e.g. 'warm, plain'.")] = "",
    notes: Annotated[str, typer.Option(help="Anything else the writer should know.")] = "",
    sponsored: Annotated[bool, typer.Option("--sponsored", help="Paid, sponsored or influencer post (adds the ad label).", metavar="")] = False,
    duration: Annotated[int, typer.Option(help="TikTok video length: 15, 30 or 60 seconds.")] = 30,
    max_segments: Annotated[int, typer.Option(min=1, max=10, help="SMS segment budget.")] = 1,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="text, json or markdown.")] = OutputFormat.text,
    model: Annotated[str | None, typer.Option(help="Model name on the endpoint (COPYGEN_MODEL).")] = None,
    model_path: Annotated[Path | None, typer.Option(help="A GGUF model file for the embedded provider.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint (OPENAI_BASE_URL).")] = None,
    pack: PackOpt = None,
    disable: DisableOpt = None,
    redact: Annotated[bool, typer.Option("--redact", help="Replace patient identifiers in the brief with placeholders instead of refusing.", metavar="")] = False,
    claims: ClaimsOpt = None,
    repair_rounds: Annotated[int | None, typer.Option("--repair-rounds", min=0, max=5, help="Model repair rounds per draft (default 2).")] = None,
    candidates: Annotated[int | None, typer.Option("--candidates", min=1, max=8, help="First replies sampled per draft, the best kept (default 4 with the embedded model, 1 on an endpoint).")] = None,
    no_log: Annotated[bool, typer.Option("--no-log", help="Do not record this run in the audit log.", metavar="")] = False,
    html: HtmlOpt = None,
) -> None:
    """Draft copy for a topic, check every draft, repair what can be repaired, and show the evidence.
    A brief with patient identifiers is refused before any request."""
    from pydantic import ValidationError

    from .api import claims_library, generate
    from .brand import load_brand
    from .config import resolve_settings
    from .drafts import DraftSet
    from .errors import PartialGenerationError
    from .models import Brief

    try:
        partial = None
        settings = resolve_settings({"model": model, "model_path": str(model_path) if model_path else None,
                                     "base_url": base_url, "brand": str(brand) if brand else None,
                                     "packs": [str(p) for p in pack or []], "disable": disable or [],
                                     "claims": str(claims) if claims else None, "repair_rounds": repair_rounds,
                                     "candidates": candidates,
                                     "log": False if no_log else None})
        try:
            brief = Brief(topic=topic, **({"platforms": platform} if platform else {}), variants=variants,
                          jurisdiction=jurisdiction, audience=audience, tone=tone, notes=notes,
                          sponsored=sponsored, duration=duration, max_segments=max_segments)
        except ValidationError as e:
            raise _fail("; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()), 2) from None
        brand_profile = load_brand(settings.brand)
        library = claims_library(None, settings)
        _loaded()
        try:
            drafts = generate(brief, brand=brand_profile, settings=settings, redact=redact, claims=library,
                              progress=_progress_line(len(brief.platforms) * brief.variants))
        except PartialGenerationError as e:  # show what was made, then say what was not
            drafts, partial = e.drafts, e
        if html is not None:
            from .report import items_from_drafts, write_report

            write_report(items_from_drafts(drafts, brief.topic), html, brief.topic, brand_profile.practice_name or "")
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    if output is OutputFormat.json:
        typer.echo(DraftSet(brief=brief, brand=brand_profile.model_dump(exclude_defaults=True),
                            claims=[c.model_dump(mode="json") for c in library.claims], drafts=drafts)
                   .model_dump_json(indent=2))
    elif output is OutputFormat.markdown:
        from .render import drafts_markdown

        typer.echo(drafts_markdown(drafts))
    else:
        from .render import print_drafts

        print_drafts(drafts)
    if partial is not None:
        raise _fail(str(partial), partial.exit_code)


@app.command()
def check(
    sources: Annotated[list[str], typer.Argument(help="Files or folders with the copy, or - for standard input. JSON from `draft --format json` works too.", metavar="SOURCE...")],
    platform: Annotated[Platform | None, typer.Option("--platform", "-p", help="sms, email, tiktok, social, search_ad or review (not needed for draft JSON, or for a file that names its platform in a first line 'platform: sms' or its extension: .sms, .email, .tiktok, .social, .search_ad, .review).")] = None,
    jurisdiction: JurOpt = None,
    brand: BrandOpt = None,
    sponsored: Annotated[bool, typer.Option("--sponsored", help="The post is paid, sponsored or by an influencer.", metavar="")] = False,
    duration: Annotated[int, typer.Option(help="TikTok video length the script must fit.")] = 30,
    max_segments: Annotated[int, typer.Option(min=1, max=10, help="SMS segment budget.")] = 1,
    output: Annotated[CheckFormat, typer.Option("--format", "-f", help="text, json, or sarif (SARIF 2.1.0, for code-review tools).")] = CheckFormat.text,
    pack: PackOpt = None,
    disable: DisableOpt = None,
    redact: Annotated[bool, typer.Option("--redact", help="Print the copy with patient identifiers replaced by placeholders, instead of a report.", metavar="")] = False,
    claims: ClaimsOpt = None,
    topic: Annotated[str | None, typer.Option("--topic", help="The brief's topic: turns on the check for invented prices, dates, offers and contact details.")] = None,
    notes: Annotated[str, typer.Option("--notes", help="The brief's notes (with --topic): details the copy may state.")] = "",
    brief_file: Annotated[Path | None, typer.Option("--brief", help="A YAML or JSON brief (topic, notes, audience) for the invented-details check.")] = None,
) -> None:
    """Check copy against the guardrails: one file, several, or every copy file in a folder, in one process.
    Exit 0 when nothing blocks, 1 when something does, 2 for bad input (every other file is still checked)."""
    import json

    from .api import check as check_copy
    from .api import claims_library
    from .brand import Brand, load_brand
    from .config import resolve_settings
    from .intake import copy_files, load_brief, parse_drafts, parse_fields, platform_of, read_source

    try:
        settings = resolve_settings({"brand": str(brand) if brand else None,
                                     "packs": [str(p) for p in pack or []], "disable": disable or []})
        files = copy_files(sources)
        brief = load_brief(str(brief_file)) if brief_file else _brief_from(topic, notes) if topic else None
        profile_default = load_brand(settings.brand)
        library_default = claims_library(claims or settings.claims) if (claims or settings.claims) else None
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    results: list[tuple[str, list, bool]] = []  # (file, [(fields, kw, report)], from draft JSON)
    texts: dict[str, str] = {}  # each file's text, for findings' lines and columns
    failed: list[tuple[str, str]] = []
    grounded = brief is not None
    for source in files:
        try:
            text = texts[source] = read_source(source)
            parsed = parse_drafts(text)
            jobs = []
            if parsed is not None:
                drafts, brand_data, draft_claims, draft_brief = parsed
                grounded = grounded or draft_brief is not None
                profile = profile_default if settings.brand else Brand.model_validate(brand_data)
                chosen = claims or (draft_claims if draft_claims is not None else settings.claims)
                library = claims_library(chosen) if chosen is not None else None
                for d in drafts:
                    jobs.append((d.fields(), dict(platform=d.platform, jurisdiction=d.jurisdiction, brand=profile,
                                                   sponsored=d.sponsored, duration=getattr(d.content, "duration", duration),
                                                   max_segments=d.max_segments, claims=library, brief=brief or draft_brief)))
            else:
                kind, text = platform_of(source, text, platform)
                jur = jurisdiction or profile_default.jurisdiction or Jurisdiction.UK
                jobs.append((parse_fields(text, kind), dict(platform=kind, jurisdiction=jur, brand=profile_default,
                                                             sponsored=sponsored, duration=duration,
                                                             max_segments=max_segments, claims=library_default,
                                                             brief=brief)))
            results.append((source, [(f, kw, check_copy(f, packs=settings.packs, disable=settings.disable, **kw))
                                     for f, kw in jobs], parsed is not None))
        except CopygenError as e:
            if len(files) == 1:
                raise _fail(str(e), e.exit_code) from None
            failed.append((source, str(e)))
    reports = [r for _, rs, _ in results for _, _, r in rs]
    if redact:
        from .api import redact as redact_text

        for _, rs, _ in results:
            for fields, kw, _ in rs:
                for name, value in fields.items():
                    typer.echo(f"{name}: {redact_text(value, brand=kw['brand']).text}" if len(fields) > 1
                               else redact_text(value, brand=kw["brand"]).text)
        if failed:
            raise typer.Exit(2)
        return  # the redacted copy is the output: findings do not set the exit code
    if output is CheckFormat.sarif:
        from .sarif import sarif

        log = sarif([(source, texts[source], [(f, r) for f, _, r in rs]) for source, rs, _ in results])
        typer.echo(json.dumps(log, indent=2, ensure_ascii=False))
        for source, error in failed:
            typer.echo(f"{source}: {error}", err=True)
    elif output is CheckFormat.json:
        def payload(r) -> dict:  # noqa: ANN001
            return r.model_dump(mode="json") | {"status": r.status.value, "grounding": grounded}

        if len(files) == 1:
            _, rs, from_json = results[0]
            out = [payload(r) for _, _, r in rs]
            typer.echo(json.dumps(out if from_json else out[0], indent=2, ensure_ascii=False))
        else:
            out = [payload(r) | {"file": source} for source, rs, _ in results for _, _, r in rs]
            out += [{"file": source, "error": error} for source, error in failed]
            typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        from .render import print_report

        for source, rs, _ in results:
            if len(files) > 1:
                typer.echo(f"══ {source}")
            for fields, _, r in rs:
                print_report(r, fields)
        for source, error in failed:
            typer.echo(f"══ {source}\nerror: {error}", err=True)
        if len(files) > 1:
            blocked = sum(1 for _, rs, _ in results if any(r.blocking() for _, _, r in rs))
            typer.echo(f"{len(files)} files: {blocked} blocked, {len(results) - blocked} not blocked, "
                       f"{len(failed)} could not be checked.")
        if not grounded:
            typer.echo("Invented details (prices, dates, times, offers, contact details) were not checked: "
                       "give the brief with --topic or --brief.")
    if failed:
        raise typer.Exit(2)
    if any(r.blocking() for r in reports):
        raise typer.Exit(1)


def _progress_line(total: int):  # noqa: ANN202
    """For someone watching a terminal: one line on standard error as each draft is finished (the embedded
    model takes seconds a draft). None when standard error is not a terminal, so piped output stays clean."""
    import sys
    import time

    if not sys.stderr.isatty():
        return None
    start, done = time.perf_counter(), [0]

    def show(d) -> None:  # noqa: ANN001
        done[0] += 1
        typer.echo(f"  [{done[0]}/{total}] {d.platform.value} #{d.variant}: {d.status.value} "
                   f"({time.perf_counter() - start:.0f} s so far)", err=True)

    typer.echo(f"Drafting {total} {_plural(total, 'draft')}…", err=True)
    return show


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _brief_from(topic: str, notes: str):  # noqa: ANN202
    from pydantic import ValidationError

    from .models import Brief

    try:
        return Brief(topic=topic, notes=notes)
    except ValidationError as e:
        err = e.errors()[0]
        raise _fail(f"--{err['loc'][0] if err['loc'] else 'topic'}: {err['msg']}", 2) from None


@app.command()
def rules(
    rule: Annotated[str | None, typer.Argument(help="A rule id (e.g. claims.cure), or a pack name, to show in full.")] = None,
    pack: PackOpt = None,
    long: Annotated[bool, typer.Option("--long", help="Every rule in full: scope, citation, reason and examples.", metavar="")] = False,
    output: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
) -> None:
    """List the rules: one line each (id, severity, message), or in full with --long or a rule id."""
    import json
    import re

    from .guardrails.loading import load_packs

    try:
        packs = load_packs([str(p) for p in pack or []])
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    chosen = [(p, r) for p in packs for r in p.rules
              if rule is None or rule in (f"{p.pack}.{r.id}", p.pack)]
    if not chosen:
        raise _fail(f"no rule or pack named {rule!r} (see `copygen rules`)", 2)

    def examples(items: list) -> list[str]:
        return [x if isinstance(x, str) else x.text for x in items]

    rows = [{"id": f"{p.pack}.{r.id}", "severity": r.severity.value, "kind": r.kind,
             "platforms": [x.value for x in r.platforms or []], "jurisdictions": [x.value for x in r.jurisdictions or []],
             "citation": r.citation, "message": r.message, "reason": r.reason, "suggestion": r.suggestion,
             "positive": examples(r.examples.positive), "negative": examples(r.examples.negative)} for p, r in chosen]
    if output is CheckFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if long or rule is not None:
        for row in rows:
            typer.echo(f"{row['id']}  ({row['severity']}, {row['kind']}; {'/'.join(row['platforms'])} · "
                       f"{'/'.join(row['jurisdictions'])})")
            for key in ("message", "reason", "suggestion", "citation"):
                if row[key]:
                    typer.echo(f"  {key + ':':11} {row[key]}")
            typer.echo(f"  {'fires on:':11} " + " | ".join(row["positive"][:3]))
            typer.echo(f"  {'silent on:':11} " + " | ".join(row["negative"][:3]))
            typer.echo("")
        return
    import shutil

    width = max(len(r["id"]) for r in rows)
    room = max(20, shutil.get_terminal_size().columns - width - 9)
    for row in rows:  # one line a rule: the citation and examples are one `copygen rules RULE` away
        message = re.sub(r"{\w+}", "…", row["message"])
        message = message if len(message) <= room else message[:room - 1] + "…"
        typer.echo(f"{row['id']:{width}}  {row['severity']:5}  {message}")


@app.command()
def platforms() -> None:
    """Show each platform's limits, in its own unit."""
    from rich.console import Console
    from rich.table import Table

    from .platforms import channel

    console = Console()
    for platform in Platform:
        spec = channel(platform)
        table = Table(title=f"{platform.value}  ({spec.unit})", title_justify="left", show_header=False)
        for what, limit in spec.limits:
            table.add_row(what, limit)
        console.print(table)


@app.command()
def doctor() -> None:
    """Say which model provider is active and why. Never prints a secret."""
    import os

    from .config import config_path, resolve_settings
    from .providers import choose

    try:
        choice = choose(resolve_settings())
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    typer.echo(f"provider: {choice.provider}")
    typer.echo(f"model:    {choice.model}")
    typer.echo(f"endpoint: {choice.endpoint or '(none)'}")
    typer.echo("why:")
    for reason in choice.reasons:
        typer.echo(f"  - {reason}")
    path = config_path(os.environ)
    typer.echo(f"config file: {path} ({'found' if path.exists() else 'not present'})")


@app.command()
def schema() -> None:
    """Print the JSON schema of `draft --format json` output."""
    import json

    from .drafts import DraftSet

    typer.echo(json.dumps(DraftSet.model_json_schema(), indent=2))


@app.command()
def batch(
    sheet_file: Annotated[Path, typer.Argument(metavar="SHEET", help="Topics: .xlsx or .csv with a header row (topic required).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Results: .xlsx, .csv or .jsonl.")],
    sheet: Annotated[str | None, typer.Option("--sheet", help="Worksheet name (XLSX); default the first.")] = None,
    concurrency: Annotated[int | None, typer.Option("--concurrency", "-c", min=1, max=256, help="Rows at once (default 8 for an endpoint; the embedded model runs one at a time).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted batch: run only rows without a result.", metavar="")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first row that fails.", metavar="")] = False,
    brand: BrandOpt = None,
    claims: ClaimsOpt = None,
    model: Annotated[str | None, typer.Option(help="Model name on the endpoint (COPYGEN_MODEL).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint (OPENAI_BASE_URL).")] = None,
    pack: PackOpt = None,
    disable: DisableOpt = None,
    repair_rounds: Annotated[int | None, typer.Option("--repair-rounds", min=0, max=5, help="Model repair rounds per draft (default 2).")] = None,
    candidates: Annotated[int | None, typer.Option("--candidates", min=1, max=8, help="First replies sampled per draft, the best kept (default 4 with the embedded model, 1 on an endpoint).")] = None,
    no_log: Annotated[bool, typer.Option("--no-log", help="Do not record the runs in the audit log.", metavar="")] = False,
    html: HtmlOpt = None,
) -> None:
    """Draft every row of a sheet, with the same guardrails, repair and evidence as `draft`.
    The sheet is validated before any model call; each finished row is saved at once, so an interrupted
    batch loses nothing (--resume)."""
    import os

    from .api import claims_library, engine, generate
    from .batch import Rehearsal, checkpoint_path, run_rows, write_output
    from .brand import load_brand
    from .config import resolve_settings
    from .providers import build_provider
    from .sheets import load_sheet

    if out.suffix.lower() not in (".xlsx", ".csv", ".jsonl"):
        raise _fail(f"--out must end in .xlsx, .csv or .jsonl (got {out.name})", 2)
    try:
        settings = resolve_settings({"model": model, "base_url": base_url, "brand": str(brand) if brand else None,
                                     "packs": [str(p) for p in pack or []], "disable": disable or [],
                                     "claims": str(claims) if claims else None, "repair_rounds": repair_rounds,
                                     "candidates": candidates,
                                     "log": False if no_log else None})
        rows = load_sheet(sheet_file, sheet)
        profile = load_brand(settings.brand)
        library = claims_library(None, settings)
        engine(settings.packs, settings.disable)  # rule packs load (and self-test) before any row runs
        provider = build_provider(settings)
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    _loaded()
    width = 1 if provider.in_process else (concurrency or 8)
    if provider.in_process and (concurrency or 1) > 1:
        typer.echo("note: the embedded model runs one row at a time", err=True)

    def work(row):  # noqa: ANN001, ANN202
        drafts = generate(row.brief, brand=profile, settings=settings, provider=provider, claims=library)
        return [d.model_dump(mode="json") for d in drafts]

    def rehearse(row):  # noqa: ANN001, ANN202
        return generate(row.brief, brand=profile, settings=settings, provider=Rehearsal(), claims=library, log=False)

    bar, progress = _rows_progress(len(rows))
    try:
        with bar:
            summary = run_rows(rows, out, work, concurrency=width, resume=resume, fail_fast=fail_fast, progress=progress,
                               rehearse=None if width == 1 else rehearse)
        n = write_output(rows, out)
        if html is not None:
            from .batch import records_in_order
            from .report import items_from_records, write_report

            write_report(items_from_records(records_in_order(rows, checkpoint_path(out))), html, sheet_file.stem,
                         profile.practice_name or "")
    except KeyboardInterrupt:
        bar.console.print(f"interrupted: finished rows are saved in {checkpoint_path(out).name}; run the same "
                          "command with --resume to finish")
        os._exit(130)  # rows in flight are not waited for; they run again on --resume
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    complete = summary.skipped + summary.done == summary.rows
    outcome, in_error = _batch_outcome(rows, out, summary, complete, n)
    typer.echo(outcome)
    for row_number, reason in summary.errors[:20]:
        typer.echo(f"  row {row_number}: {reason}", err=True)
    if not complete:
        typer.echo("stopped early (--fail-fast); the rest can be run with --resume", err=True)
    if in_error or not complete:
        raise typer.Exit(1)


def _rows_progress(total: int):  # noqa: ANN202
    """A progress bar on standard error for a batch's rows, and the callback that moves it."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[counts]}"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True),
                   transient=False)
    task = bar.add_task("rows", total=total, counts="")

    def progress(summary, record):  # noqa: ANN001, ANN202
        c = summary.drafts
        bar.update(task, completed=summary.skipped + summary.done,
                   counts=f"[green]pass {c['pass']}[/] [yellow]warn {c['warn']}[/] [red]blocked {c['blocked']}[/] error {c['error']}")

    return bar, progress


def _batch_outcome(rows, out: Path, summary, complete: bool, written: int) -> tuple[str, int]:  # noqa: ANN001
    """The whole sheet's outcome in words, earlier runs (--resume) included (tokens and cost are this run's),
    and how many of its rows are in error. A finished sheet's checkpoint is removed."""
    from .batch import Summary, checkpoint_path, records_in_order

    whole = Summary()
    for record in records_in_order(rows, checkpoint_path(out)):
        whole.add(record)
    if complete:
        checkpoint_path(out).unlink(missing_ok=True)
    c, now = whole.drafts, summary.drafts
    cost = f"${summary.cost_usd:.4f}" + ("" if summary.cost_known else " (some models unpriced)")
    added = (f" This run added {now['pass']} pass, {now['warn']} warn, {now['blocked']} blocked, {now['error']} "
             "in error." if summary.skipped else "")
    return (f"{summary.rows} {_plural(summary.rows, 'row')} ({summary.skipped} already done, {summary.done} run "
            f"now): {c['pass']} pass, {c['warn']} warn, {c['blocked']} blocked "
            f"{_plural(c['pass'] + c['warn'] + c['blocked'], 'draft')}; {c['error']} "
            f"{_plural(c['error'], 'row')} in error.{added} "
            f"{summary.prompt_tokens:,}+{summary.completion_tokens:,} tokens, {cost}, {summary.seconds:.1f} s. "
            f"Wrote {written} {_plural(written, 'row')} to {out}."), c["error"]


@app.command()
def report(
    results: Annotated[Path, typer.Argument(help="Output of `copygen batch` (.jsonl) or `copygen draft --format json`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    brand: BrandOpt = None,
    decisions: Annotated[Path | None, typer.Option("--decisions", help="Decisions exported from an earlier report (JSON or CSV), shown again on the drafts they were made on.")] = None,
) -> None:
    """Write a self-contained HTML review page: each draft as its platform shows it, findings highlighted
    in place, evidence notes, a summary, filters, and a reviewer's decision on each draft."""
    from .brand import load_brand
    from .report import load_decisions, load_results, write_report

    try:
        profile = load_brand(brand) if brand else None
        items, title, rechecked = load_results(results, profile)
        sender = profile.practice_name or "" if profile else ""
        earlier = load_decisions(decisions) if decisions else None
        write_report(items, out, title, sender, earlier)
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    typer.echo(f"Wrote {out} ({len(items)} item(s)).")
    changed = [i for i in items if i.stored]
    if not rechecked:
        typer.echo("Statuses are as the file recorded them: give --brand (the profile the drafts were made with) "
                   "to re-check each draft.")
    elif changed:
        typer.echo(f"{len(changed)} draft(s) re-checked to another status than the file recorded (marked in the report).")


log_app = typer.Typer(help="The audit log: every generation, its prompts, raw responses, rounds and final drafts.",
                      no_args_is_help=True)
app.add_typer(log_app, name="log")


def _log_path() -> Path:
    from .audit import default_path
    from .config import resolve_settings

    settings = resolve_settings()
    return Path(settings.log_db) if settings.log_db else default_path()


@log_app.command("list")
def log_list(limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many runs, newest first.")] = 20,
             output: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text) -> None:
    """List recent runs."""
    import json

    from .audit import list_runs

    try:
        path = _log_path()
        rows = list_runs(path, limit)
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    if output is CheckFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo(f"No runs recorded in {path}.")
        return
    for r in rows:
        typer.echo(f"{r['id']:>5}  {r['started']}  {r['status']:<8} {r['drafts']} draft(s)  {r['provider']}:{r['model']}  "
                   f"{r['prompt_tokens']}+{r['completion_tokens']} tokens  {r['seconds']:.1f}s  {r['topic']}")


@log_app.command("show")
def log_show(run_id: Annotated[int, typer.Argument(help="The run id from `copygen log list`.")]) -> None:
    """Print one run as JSON: brief, model, each draft's calls, rounds and final draft."""
    import json

    from .audit import get_run

    try:
        run = get_run(_log_path(), run_id)
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None
    typer.echo(json.dumps(run, indent=2, ensure_ascii=False))


@log_app.command("export")
def log_export(out: Annotated[Path | None, typer.Option("--out", "-o", help="Write JSON Lines here (default: standard output).")] = None) -> None:
    """Export every run as JSON Lines, one run per line."""
    import json

    from .audit import iter_runs

    try:
        lines = (json.dumps(run, ensure_ascii=False) for run in iter_runs(_log_path()))
        if out is None:
            for line in lines:
                typer.echo(line)
            return
        tmp = out.with_name(out.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
        tmp.replace(out)
    except OSError as e:
        raise _fail(f"cannot write {out}: {e.strerror}", 2) from None
    except CopygenError as e:
        raise _fail(str(e), e.exit_code) from None


def _loaded() -> None:
    """Start-up is over. Importing copygen and loading its packs, patterns and name lists makes a great many
    objects that live as long as the process, and the cycle collector's passes over them (during start-up, and
    once more on the way out) were a fifth of a one-file `copygen check`. So the collector is off until a command
    has loaded what it needs; what exists then is frozen out of its reach, and it runs as usual from there."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main() -> None:
    gc.disable()  # until `_loaded`: a long command calls it once it is ready, and every command on its way out
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    finally:
        _loaded()
