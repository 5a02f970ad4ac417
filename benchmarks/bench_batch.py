"""Batch throughput against an OpenAI-compatible stub with a fixed latency: wall time against the ideal
(rows x latency / concurrency), and peak memory as the number of rows grows.

    python benchmarks/bench_batch.py [--rows 250 500 1000] [--latency 0.25] [--concurrency 32]

Each size runs `copygen batch` in a fresh process (SMS only, audit log off) against the stub, which runs
in its own process, so neither competes with the other for the interpreter lock.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one(rows: int, concurrency: int, url: str, work: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one batch of `rows` rows, run in this process."""
    from typer.testing import CliRunner

    from copygen.cli import app

    sheet = work / f"topics-{rows}.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["topic", "platforms", "notes"])  # the notes hold what the stub's reply states, so it passes
        w.writerows([f"Saturday clinic topic {i}", "sms", "Every Saturday in November, walk in 9am to 12pm"]
                    for i in range(rows))
    os.environ.update(OPENAI_BASE_URL=url, COPYGEN_MODEL="stub")
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["batch", str(sheet), "--out", str(work / f"out-{rows}.jsonl"),
                                      "--concurrency", str(concurrency), "--no-log",
                                      "--brand", str(ROOT / "examples" / "brand.yaml")])
    elapsed = time.perf_counter() - start
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[250, 500, 1000])
    ap.add_argument("--latency", type=float, default=0.25)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as d:
            elapsed, mb = one(args.one, args.concurrency, args.url, Path(d))
        print(f"{elapsed} {mb}")
        return
    port = 8790
    stub = subprocess.Popen([sys.executable, str(ROOT / "tests" / "openai_stub.py"), "--port", str(port),
                             "--latency", str(args.latency)], stdout=subprocess.PIPE, text=True)
    url = stub.stdout.readline().strip() if stub.stdout else ""
    try:
        print(f"stub latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}")
        for rows in args.rows:
            out = subprocess.run([sys.executable, __file__, "--one", str(rows), "--url", url, "--concurrency",
                                  str(args.concurrency)], capture_output=True, text=True, check=True)
            elapsed, mb = map(float, out.stdout.split()[-2:])
            ideal = rows * args.latency / args.concurrency
            print(f"rows {rows:>5}: {elapsed:6.2f} s, ideal {ideal:5.2f} s, ratio {elapsed / ideal:4.2f}x, "
                  f"peak RSS {mb:.0f} MB")
    finally:
        stub.terminate()


if __name__ == "__main__":
    main()
