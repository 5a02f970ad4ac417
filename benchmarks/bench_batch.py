"""Batch throughput against an OpenAI-compatible stub with a fixed latency: wall time against the ideal
(rows x latency / concurrency), and peak memory as the number of rows grows.

    python benchmarks/bench_batch.py [--rows 250 500 1000] [--latency 0.25] [--concurrency 32]

Each size runs `copygen batch` as its own process (SMS only, audit log off), timed from launch to exit,
against the stub, which runs in another process. A one-row run first fills copygen's cache, as any first run
after an install does.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one(rows: int, concurrency: int, url: str, work: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one `copygen batch` process over `rows` rows: what a user waits for,
    start-up included."""
    sheet = work / f"topics-{rows}.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["topic", "platforms", "notes"])  # the notes hold what the stub's reply states, so it passes
        w.writerows([f"Saturday clinic topic {i}", "sms", "Every Saturday in November, walk in 9am to 12pm"]
                    for i in range(rows))
    env = {**os.environ, "OPENAI_BASE_URL": url, "COPYGEN_MODEL": "stub"}
    cmd = [sys.executable, "-m", "copygen", "batch", str(sheet), "--out", str(work / f"out-{rows}.jsonl"),
           "--concurrency", str(concurrency), "--no-log", "--brand", str(ROOT / "examples" / "brand.yaml")]
    errors = work / "stderr.txt"
    with errors.open("w", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(errors.read_text(encoding="utf-8"))
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[250, 500, 1000])
    ap.add_argument("--latency", type=float, default=0.25)
    ap.add_argument("--concurrency", type=int, default=32)
    args = ap.parse_args()
    port = 8790
    stub = subprocess.Popen([sys.executable, str(ROOT / "tests" / "openai_stub.py"), "--port", str(port),
                             "--latency", str(args.latency)], stdout=subprocess.PIPE, text=True)
    url = stub.stdout.readline().strip() if stub.stdout else ""
    try:
        print(f"stub latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}")
        with tempfile.TemporaryDirectory() as d:  # the first run after an install or upgrade fills copygen's cache
            first, _ = one(1, args.concurrency, url, Path(d))
        print(f"first run (1 row) fills the cache: {first:.2f} s")
        for rows in args.rows:
            with tempfile.TemporaryDirectory() as d:
                elapsed, mb = one(rows, args.concurrency, url, Path(d))
            ideal = rows * args.latency / args.concurrency
            print(f"rows {rows:>5}: {elapsed:6.2f} s, ideal {ideal:5.2f} s, ratio {elapsed / ideal:4.2f}x, "
                  f"peak RSS {mb:.0f} MB")
    finally:
        stub.terminate()


if __name__ == "__main__":
    main()
