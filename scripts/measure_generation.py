"""Run briefs x 3 platforms through the full pipeline and print pass rates, repair rounds, model calls and
tokens. The embedded model is used unless an endpoint is configured (OPENAI_BASE_URL / COPYGEN_*).

    python scripts/measure_generation.py [--briefs data/briefs/briefs.jsonl] [--limit 30] [--brand examples/brand.yaml]
                                          [--claims FILE] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from copygen.api import claims_library, engine
from copygen.brand import load_brand
from copygen.config import resolve_settings
from copygen.errors import CopygenError, PartialGenerationError
from copygen.models import Brief, Status
from copygen.pipeline import RepairOptions, Trace, generate_drafts
from copygen.providers import build_provider

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--briefs", default=str(ROOT / "data" / "briefs" / "briefs.jsonl"))
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--brand", default=str(ROOT / "examples" / "brand.yaml"))
    ap.add_argument("--claims", default=None)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--jsonl", default=None, help="also write every draft here")
    args = ap.parse_args()

    settings = resolve_settings()
    brand = load_brand(args.brand)
    provider = build_provider(settings)
    eng = engine()
    library = claims_library(args.claims, settings)
    options = RepairOptions(rounds=args.rounds)
    briefs = [Brief(**json.loads(line)) for line in Path(args.briefs).read_text(encoding="utf-8").splitlines()
              if line.strip()][: args.limit]
    drafts, traces, errors = [], [], 0
    out = open(args.jsonl, "w", encoding="utf-8") if args.jsonl else None
    start = time.perf_counter()
    for i, brief in enumerate(briefs, 1):
        t: list[Trace] = []
        try:
            got = generate_drafts(brief, brand, provider, eng, claims=library, options=options, traces=t)
        except PartialGenerationError as e:  # the drafts that were made still count
            errors += len(e.failures)
            got = e.drafts
            print(f"[{i}/{len(briefs)}] {e}", flush=True)
        except CopygenError as e:
            errors += len(brief.platforms) * brief.variants
            print(f"[{i}/{len(briefs)}] error: {e}", flush=True)
            continue
        drafts += got
        traces += t
        for d in got:
            if out:
                out.write(d.model_dump_json() + "\n")
        print(f"[{i}/{len(briefs)}] {brief.topic[:50]:50}  " + " ".join(f"{d.platform.value}:{d.status.value}" for d in got),
              flush=True)
    elapsed = time.perf_counter() - start
    n = len(drafts)
    first = [tr.rounds[0]["status"] for tr in traces]
    final = [d.status for d in drafts]
    passing = [d for d in drafts if d.status is Status.PASS]
    print(f"\nmodel: {provider.name}:{provider.model}  briefs: {len(briefs)}  drafts: {n}  drafts that failed: {errors}  "
          f"repair rounds allowed: {args.rounds}  claims library: {library.source or 'none'}")
    print(f"first-pass pass rate: {first.count('pass') / n:.3f}  (pass or warn: {(n - first.count('blocked')) / n:.3f})")
    print(f"final pass rate:      {final.count(Status.PASS) / n:.3f}  (pass or warn: {(n - final.count(Status.BLOCKED)) / n:.3f})")
    print(f"mean repair rounds:   {sum(d.repair_rounds for d in drafts) / n:.2f}   "
          f"sentence drops: {sum(any(f.how == 'removed' for f in d.fixes) for d in drafts)}   "
          f"deterministic fixes: {sum(f.how == 'deterministic' for d in drafts for f in d.fixes)}")
    if passing:
        calls = sum(d.model_calls for d in drafts) / len(passing)
        tokens = sum(d.usage.prompt_tokens + d.usage.completion_tokens for d in drafts) / len(passing)
        print(f"per passing draft:    {calls:.2f} model calls, {tokens:,.0f} tokens (all calls / passing drafts)")
    blocked_rules: dict[str, int] = {}
    for d in drafts:
        for f in d.findings:
            if f.severity.value == "block":
                blocked_rules[f.rule_id] = blocked_rules.get(f.rule_id, 0) + 1
    print("still blocking:       " + ", ".join(f"{k} {v}" for k, v in sorted(blocked_rules.items(), key=lambda x: -x[1])))
    # Drafts whose first reply had each kind of garbage, and drafts that still have it (each of those blocked).
    kinds = {"invented detail": "grounding.invented_detail", "instructions echoed": "quality.instructions_echo",
             "off topic": "grounding.off_topic", "wrong language": "grounding.wrong_language"}
    for platform in sorted({d.platform for d in drafts}, key=lambda p: p.value):
        pairs = [(d, tr) for d, tr in zip(drafts, traces) if d.platform is platform]
        parts = []
        for label, rule in kinds.items():
            first_n = sum(any(f["rule_id"] == rule for f in tr.rounds[0]["findings"]) for _, tr in pairs)
            final_n = sum(any(f.rule_id == rule for f in d.findings) for d, _ in pairs)
            parts.append(f"{label} {first_n}->{final_n}")
        print(f"{platform.value:6} (of {len(pairs)}): " + ", ".join(parts) + "  (first reply -> final; final ones are blocked)")
    candidates = sum(len(tr.rounds[0].get("candidates", [])) or 1 for tr in traces)
    print(f"candidates sampled:   {candidates} ({candidates / max(n, 1):.1f} per draft)")
    print(f"time: {elapsed:.0f} s ({elapsed / max(n, 1):.1f} s per draft)")


if __name__ == "__main__":
    main()
