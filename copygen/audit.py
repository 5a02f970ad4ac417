"""The audit log: every generation in a local SQLite database.

One row per run (brief hash and brief, model, endpoint, rule pack versions, status, tokens, timing) and
one per draft (each model call's prompt and raw response, each round's findings and fixes, the final
draft). API keys are never written: the settings' key is not passed in, and anything shaped like a key or
bearer token is replaced before a row is written. A brief the PHI pre-flight refused never gets here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    seconds REAL NOT NULL,
    brief_hash TEXT NOT NULL,
    brief TEXT NOT NULL,
    provider TEXT, model TEXT, endpoint TEXT,
    packs TEXT, claims_library TEXT,
    status TEXT NOT NULL,          -- pass / warn / blocked (the worst draft), or error
    error TEXT,
    drafts INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL,
    copygen_version TEXT
);
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    platform TEXT NOT NULL, variant INTEGER NOT NULL, status TEXT NOT NULL,
    rendered_prompt TEXT NOT NULL,  -- the first request's messages
    calls TEXT NOT NULL,            -- every request and raw response, with tokens and seconds
    rounds TEXT NOT NULL,           -- each round's findings and fixes
    draft TEXT NOT NULL,            -- the final draft as `draft --format json` prints it
    prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL
);
"""
_SECRET = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{16,}|\bBearer\s+[A-Za-z0-9._\-]{8,}|\b(?:api[_-]?key|authorization)"
                     r"[\"']?\s*[:=]\s*[\"']?[^\s\"',}]{8,}", re.I)
_STATUS_ORDER = {"pass": 0, "warn": 1, "blocked": 2, "error": 3}


def default_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("COPYGEN_LOG_DB"):
        return Path(env["COPYGEN_LOG_DB"])
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "copygen" / "log.db"


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` with the given secrets and anything shaped like an API key or bearer token replaced."""
    for s in secrets:
        if s:
            text = text.replace(s, "[REDACTED]")
    return _SECRET.sub("[REDACTED]", text)


def _json(value: Any, secrets: tuple[str, ...]) -> str:
    return scrub(json.dumps(value, ensure_ascii=False, default=str), secrets)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=30)
        conn.executescript(_SCHEMA)
    except (OSError, sqlite3.Error) as e:
        raise InputError(f"Cannot open the audit log {path}: {e}. Set COPYGEN_LOG_DB to a writable file, "
                         "or pass --no-log.") from None
    conn.row_factory = sqlite3.Row
    return conn


def brief_hash(brief_json: str) -> str:
    return hashlib.sha256(brief_json.encode("utf-8")).hexdigest()


def record_run(path: Path, *, brief: dict[str, Any], started: datetime, seconds: float, provider: str, model: str,
               endpoint: str, packs: dict[str, int], claims_library: str | None, drafts: list[dict[str, Any]],
               traces: list[Any], error: str | None = None, secrets: tuple[str, ...] = ()) -> int:
    """Write one generation; returns its id. `drafts` are the final drafts as JSON-ready dicts, in the
    order of `traces`."""
    from . import __version__

    brief_json = json.dumps(brief, sort_keys=True, ensure_ascii=False)
    statuses = [d["status"] for d in drafts] + (["error"] if error else [])
    status = max(statuses, key=_STATUS_ORDER.__getitem__) if statuses else "error"
    p_tok = sum(d["usage"]["prompt_tokens"] for d in drafts)
    c_tok = sum(d["usage"]["completion_tokens"] for d in drafts)
    with closing(_connect(path)) as conn, conn:
        cur = conn.execute(
            "INSERT INTO runs (started, seconds, brief_hash, brief, provider, model, endpoint, packs, claims_library,"
            " status, error, drafts, prompt_tokens, completion_tokens, copygen_version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (started.isoformat(timespec="seconds"), round(seconds, 3), brief_hash(brief_json),
             scrub(brief_json, secrets), provider, model, scrub(endpoint, secrets), json.dumps(packs), claims_library,
             status, scrub(error, secrets) if error else None, len(drafts), p_tok, c_tok, __version__))
        run_id = int(cur.lastrowid or 0)
        for d, trace in zip(drafts, traces):
            first = trace.calls[0]["messages"] if trace.calls else []
            conn.execute(
                "INSERT INTO drafts (run_id, platform, variant, status, rendered_prompt, calls, rounds, draft,"
                " prompt_tokens, completion_tokens) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (run_id, d["platform"], d["variant"], d["status"], _json(first, secrets), _json(trace.calls, secrets),
                 _json(trace.rounds, secrets), _json(d, secrets), d["usage"]["prompt_tokens"],
                 d["usage"]["completion_tokens"]))
    return run_id


def now() -> datetime:
    return datetime.now(timezone.utc)


def list_runs(path: Path, limit: int = 20) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with closing(_connect(path)) as conn:
        rows = conn.execute("SELECT id, started, status, drafts, provider, model, prompt_tokens, completion_tokens,"
                            " seconds, json_extract(brief, '$.topic') AS topic FROM runs ORDER BY id DESC LIMIT ?",
                            (limit,)).fetchall()
    return [dict(r) for r in rows]


def get_run(path: Path, run_id: int) -> dict[str, Any]:
    """One run with its drafts, every JSON column parsed."""
    with closing(_connect(path)) as conn:
        row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise InputError(f"No run {run_id} in the audit log {path} (see `copygen log list`)")
        drafts = conn.execute("SELECT * FROM drafts WHERE run_id = ? ORDER BY id", (run_id,)).fetchall()
    run = dict(row)
    run["brief"] = json.loads(run["brief"])
    run["packs"] = json.loads(run["packs"] or "{}")
    run["drafts"] = [{**dict(d), **{k: json.loads(d[k]) for k in ("rendered_prompt", "calls", "rounds", "draft")}}
                     for d in drafts]
    for d in run["drafts"]:
        d.pop("run_id", None)
    return run


def iter_runs(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with closing(_connect(path)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM runs ORDER BY id")]
    for run_id in ids:
        yield get_run(path, run_id)
