"""Batch generation: every row of a sheet through the same pipeline as single drafts, concurrently, with
nothing lost.

Each finished row is appended to a checkpoint next to the output (one JSON line, flushed and synced) as
soon as it completes. `resume` skips the rows that already have a line; a line cut short by a kill is
ignored, so its row runs again. The output is written from the checkpoint at the end, in sheet order,
through a temporary file and a rename.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .errors import CopygenError, InputError
from .kinds import Platform
from .providers import Completion
from .sheets import SheetRow, safe_cell

ROW_STATUSES = ("pass", "warn", "blocked", "error")
_ORDER = {s: i for i, s in enumerate(ROW_STATUSES)}


def row_key(row: SheetRow) -> str:
    """Identifies a row's content: a resumed batch reuses a result only for the same row with the same cells."""
    return hashlib.sha256(json.dumps([row.number, row.values], sort_keys=True).encode("utf-8")).hexdigest()[:16]


def checkpoint_path(out: Path) -> Path:
    return out.with_name(out.name + ".checkpoint.jsonl")


@dataclass
class Summary:
    rows: int = 0  # rows in the sheet
    skipped: int = 0  # already in the checkpoint (resume)
    done: int = 0  # finished in this run
    drafts: dict[str, int] = field(default_factory=lambda: {s: 0 for s in ROW_STATUSES})
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    cost_known: bool = True
    seconds: float = 0.0
    stopped: bool = False  # --fail-fast stopped the batch
    errors: list[tuple[int, str]] = field(default_factory=list)

    def add(self, record: dict[str, Any]) -> None:
        if record["status"] == "error":
            self.drafts["error"] += 1
            self.errors.append((record["row"], record["error"]))
        for d in record["drafts"]:
            self.drafts[d["status"]] += 1
            u = d["usage"]
            self.prompt_tokens += u["prompt_tokens"]
            self.completion_tokens += u["completion_tokens"]
            if u["cost_usd"] is None:
                self.cost_known = False
            else:
                self.cost_usd += u["cost_usd"]


# ---- checkpoint ---------------------------------------------------------------------------------------


def read_checkpoint(path: Path) -> dict[str, int]:
    """Row key -> byte offset of its line, for every complete line (a torn last line is left out)."""
    out: dict[str, int] = {}
    if not path.exists():
        return out
    with path.open("rb") as fh:
        offset = 0
        for line in fh:
            if line.endswith(b"\n"):
                try:
                    out.setdefault(json.loads(line)["key"], offset)
                except (ValueError, KeyError, TypeError):
                    pass
            offset += len(line)
    return out


def _truncate_torn_tail(path: Path) -> None:
    """Drop a last line a kill cut short, so the next append starts on a line of its own."""
    if not path.exists():
        return
    with path.open("rb+") as fh:
        data_end = fh.seek(0, os.SEEK_END)
        if data_end == 0:
            return
        fh.seek(max(0, data_end - 1))
        if fh.read(1) == b"\n":
            return
        fh.seek(0)
        content = fh.read()
        fh.truncate(content.rfind(b"\n") + 1)


class Checkpoint:
    """Append-only results. Each line is handed to the operating system as soon as its row finishes, so a
    killed process loses nothing; the disk is synced at most once a second (and at the end), which bounds
    what a power cut could take."""

    SYNC_EVERY = 1.0  # seconds

    def __init__(self, path: Path):
        self.path = path
        _truncate_torn_tail(path)
        self._fh = path.open("ab")
        self._synced = time.monotonic()

    def append(self, record: dict[str, Any]) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        self._fh.flush()
        if time.monotonic() - self._synced >= self.SYNC_EVERY:
            os.fsync(self._fh.fileno())
            self._synced = time.monotonic()

    def close(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()


# ---- running --------------------------------------------------------------------------------------


def _worst(statuses: list[str]) -> str:
    return max(statuses, key=_ORDER.__getitem__) if statuses else "error"


class Rehearsal:
    """A provider that answers at once with the worked example its prompt shows (the prompt's last assistant
    turn). A row drafted with it before the workers start fills what copygen builds once (compiled patterns,
    prompt templates, name lists): started together and cold, every worker would build each of them at the same
    time, one after another under the interpreter lock, and the first wave would take several times its share."""

    name = "rehearsal"
    model = "rehearsal"
    endpoint = "worked examples"
    in_process = True

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], *, max_tokens: int,
                 seed: int | None = None) -> Completion:
        shown = [m["content"] for m in messages if m["role"] == "assistant"]
        return Completion(text=shown[-1] if shown else "{}", model=self.model)


def run_rows(rows: list[SheetRow], out: Path, work: Callable[[SheetRow], list[dict[str, Any]]], *,
             concurrency: int, resume: bool, fail_fast: bool,
             progress: Callable[[Summary, dict[str, Any] | None], None] | None = None,
             rehearse: Callable[[SheetRow], object] | None = None) -> Summary:
    """Run `work` on every row without a result, `concurrency` at a time, appending each result to the
    checkpoint as it completes. `rehearse`, given, runs first on one row, alone (see `Rehearsal`); what it
    returns or raises is of no account."""
    ckpt = checkpoint_path(out)
    if ckpt.exists() and not resume:
        raise InputError(f"{ckpt.name} holds results from an unfinished run of this batch. Pass --resume to finish "
                         "it, or delete that file to start again.")
    done = read_checkpoint(ckpt)
    todo = [r for r in rows if row_key(r) not in done]
    summary = Summary(rows=len(rows), skipped=len(rows) - len(todo))
    if progress:
        progress(summary, None)
    start = time.perf_counter()
    if rehearse is not None and todo:
        try:
            rehearse(todo[0])
        except Exception:  # noqa: BLE001 - a rehearsal only warms up; the row itself runs, and reports, below
            pass
    checkpoint = Checkpoint(ckpt)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="copygen-batch")
    try:
        asyncio.run(_drive(todo, work, checkpoint, pool, concurrency, fail_fast, summary, progress))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        checkpoint.close()
        summary.seconds = time.perf_counter() - start
    return summary


async def _drive(todo: list[SheetRow], work: Callable[[SheetRow], list[dict[str, Any]]], checkpoint: Checkpoint,
                 pool: ThreadPoolExecutor, concurrency: int, fail_fast: bool, summary: Summary,
                 progress: Callable[[Summary, dict[str, Any] | None], None] | None) -> None:
    loop = asyncio.get_running_loop()
    queue: Iterator[SheetRow] = iter(todo)

    async def worker() -> None:
        for row in queue:  # shared: each row is taken by one worker
            if summary.stopped:
                return
            record = await loop.run_in_executor(pool, _safely, work, row)
            checkpoint.append(record)
            summary.done += 1
            summary.add(record)
            if progress:
                progress(summary, record)
            if fail_fast and record["status"] == "error":
                summary.stopped = True
                return

    await asyncio.gather(*(worker() for _ in range(max(1, concurrency))))


def _safely(work: Callable[[SheetRow], list[dict[str, Any]]], row: SheetRow) -> dict[str, Any]:
    """The row's record: its drafts, or status `error` and the reason. Never raises."""
    base = {"row": row.number, "key": row_key(row), "values": row.values}
    try:
        drafts = work(row)
    except CopygenError as e:  # the drafts made before a partial failure are kept with the reason
        made = [d.model_dump(mode="json") for d in getattr(e, "drafts", [])]
        return {**base, "status": "error", "error": str(e), "drafts": made}
    except Exception as e:  # a bug must cost one row, not the batch; the reason is kept
        return {**base, "status": "error", "error": f"internal error: {type(e).__name__}: {e}", "drafts": []}
    return {**base, "status": _worst([d["status"] for d in drafts]), "error": None, "drafts": drafts}


# ---- output ---------------------------------------------------------------------------------------

# Each platform's checked fields are columns of their own, in platform order.
FIELD_COLUMNS = tuple(dict.fromkeys(name for p in Platform for name in p.fields))
OUTPUT_COLUMNS = ("row", "topic", "platform", "variant", "status", "error", *FIELD_COLUMNS, "findings", "evidence",
                  "fixes", "model", "prompt_tokens", "completion_tokens", "cost_usd")


def records_in_order(rows: list[SheetRow], ckpt: Path) -> Iterator[dict[str, Any]]:
    """Each row's record from the checkpoint, in sheet order, read one at a time."""
    offsets = read_checkpoint(ckpt)
    with ckpt.open("rb") as fh:
        for row in rows:
            offset = offsets.get(row_key(row))
            if offset is None:
                continue
            fh.seek(offset)
            yield json.loads(fh.readline())


def flat_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One output row per draft; an errored row gives one row with its reason."""
    topic = record["values"].get("topic", "")
    if not record["drafts"]:
        yield {"row": record["row"], "topic": topic, "status": record["status"], "error": record["error"]}
        return
    for d in record["drafts"]:
        fields = dict.fromkeys(FIELD_COLUMNS) | _content(d["content"]).fields()
        yield {
            "row": record["row"], "topic": topic, "platform": d["platform"], "variant": d["variant"],
            "status": d["status"], "error": None, **fields,
            "findings": "\n".join(f"{f['severity'].upper()} {f['rule_id']}: {f['message']}" for f in d["findings"]),
            "evidence": "\n".join(_evidence_line(n) for n in d["evidence"]["claims"])
            + "".join(f"\n{r['rule_id']}: {r['text']}" for r in d["evidence"]["required"]),
            "fixes": "\n".join(f"{f['rule_id']} ({f['how']}) in {f['field']}" for f in d["fixes"]),
            "model": f"{d['provider']}:{d['model']}", "prompt_tokens": d["usage"]["prompt_tokens"],
            "completion_tokens": d["usage"]["completion_tokens"], "cost_usd": d["usage"]["cost_usd"],
        }


@cache
def _content_adapter() -> TypeAdapter[Any]:
    from .drafts import Content

    return TypeAdapter(Content)


def _content(data: dict[str, Any]) -> Any:
    """A draft's content, read back from its record."""
    return _content_adapter().validate_python(data)


def _evidence_line(n: dict[str, Any]) -> str:
    if n["status"] == "substantiated":
        return f"claim {n['text']!r} -> {n['claim_id']} ({n['method']}): {n['reference']}"
    return f"claim {n['text']!r}: {n['status']}"


def write_output(rows: list[SheetRow], out: Path) -> int:
    """Write the output file from the checkpoint, atomically; returns the number of output rows."""
    ckpt = checkpoint_path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    suffix = out.suffix.lower()
    try:
        if suffix == ".jsonl":
            n = _write_jsonl(rows, ckpt, tmp)
        elif suffix == ".csv":
            n = _write_csv(rows, ckpt, tmp)
        else:
            n = _write_xlsx(rows, ckpt, tmp)
        os.replace(tmp, out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise InputError(f"Cannot write {out}: {e.strerror}. The results are safe in {ckpt.name}; fix the problem "
                         "and run again with --resume.") from None
    return n


def _write_jsonl(rows: list[SheetRow], ckpt: Path, tmp: Path) -> int:
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for record in records_in_order(rows, ckpt):
            fh.write(json.dumps({k: v for k, v in record.items() if k != "key"}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(rows: list[SheetRow], ckpt: Path, tmp: Path) -> int:
    import csv

    n = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=OUTPUT_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for record in records_in_order(rows, ckpt):
            for flat in flat_rows(record):
                w.writerow({k: safe_cell(v) for k, v in flat.items()})
                n += 1
    return n


STATUS_FILL = {"pass": "C6EFCE", "warn": "FFEB9C", "blocked": "FFC7CE", "error": "D9D9D9"}


def _write_xlsx(rows: list[SheetRow], ckpt: Path, tmp: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("drafts")
    ws.freeze_panes = "A2"
    header = []
    for name in OUTPUT_COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    n = 0
    for record in records_in_order(rows, ckpt):
        for flat in flat_rows(record):
            cells = []
            for name in OUTPUT_COLUMNS:
                value = safe_cell(flat.get(name))
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XLSX cannot hold
                if isinstance(value, str) and len(value) > 32_000:
                    value = value[:32_000] + "…"  # a cell holds at most 32,767 characters
                cell = WriteOnlyCell(ws, value=value)
                cell.alignment = wrap
                if name == "status" and value in STATUS_FILL:
                    cell.fill = PatternFill("solid", fgColor=STATUS_FILL[value])
                cells.append(cell)
            ws.append(cells)
            n += 1
    wb.save(tmp)
    return n
