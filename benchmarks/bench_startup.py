"""Start-up: wall time of `copygen --help` and of `copygen check` on one SMS in a fresh process, with copygen's
cache warm and with it off (COPYGEN_NO_CACHE=1); and of one `copygen check` of a folder of 1,000 SMS files.
Best of N runs each.

copygen's bytecode is compiled first, as installing a wheel does (an editable install writes it on the first
run, unless PYTHONDONTWRITEBYTECODE is set, and then compiles copygen's modules from source on every run).

    python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def best(cmd: list[str], env: dict[str, str], runs: int, stdin: str | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, input=stdin, text=True, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    copygen = [sys.executable, "-m", "copygen"]
    import copygen as package

    compileall.compile_dir(Path(package.__file__).parent, quiet=1)
    sms = "RiversideHC: Flu clinics every Saturday in November. Reply STOP to opt out"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COPYGEN_CACHE_DIR": cache}
        env.pop("COPYGEN_NO_CACHE", None)
        print(f"copygen --help:                 {best([*copygen, '--help'], env, args.runs):.2f} s")
        check = [*copygen, "check", "-", "--platform", "sms"]
        subprocess.run(check, env=env, input=sms, text=True, capture_output=True, check=False)  # warm the cache
        print(f"copygen check, one SMS, warm:   {best(check, env, args.runs, sms):.2f} s")
        cold = {**env, "COPYGEN_NO_CACHE": "1"}
        print(f"copygen check, one SMS, cold:   {best(check, cold, args.runs, sms):.2f} s")
        with tempfile.TemporaryDirectory() as folder:
            lines = ["Flu clinics run every Saturday in November.", "Walk in between 9am and 12pm.",
                     "Our team is here to help.", "Guaranteed results!", "Speak to your GP about your options."]
            for i in range(1000):
                body = " ".join(lines[(i + k) % len(lines)] for k in range(3))
                Path(folder, f"{i:04d}.sms").write_text(f"RiversideHC: {body} Reply STOP to opt out", encoding="utf-8")
            whole = [*copygen, "check", folder, "--format", "json"]
            print(f"copygen check, 1,000 SMS files: {best(whole, env, args.runs):.2f} s (one process, warm)")
    print(f"(Python {sys.version.split()[0]}, {Path(sys.executable).name})")


if __name__ == "__main__":
    main()
