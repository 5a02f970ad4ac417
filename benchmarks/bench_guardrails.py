"""Guardrails throughput: check N realistic drafts (all packs on) on one core; print drafts/s and peak memory.

    python benchmarks/bench_guardrails.py [--drafts 10000] [--disable phi]
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from copygen.api import engine
from copygen.brand import Brand
from copygen.guardrails.engine import Context
from copygen.models import Jurisdiction, Platform

BRAND = Brand(practice_name="Riverside Health Clinic", sender_id="RiversideHC", postal_address="4 Mill Lane, Bristol BS1 4DJ")
SENTENCES = [
    "Flu clinics run every Saturday in November.", "Walk in between 9am and 12pm, no appointment needed.",
    "Our physiotherapists can assess your back pain and talk you through options.",
    "Ask about our payment plans for orthodontic treatment.", "New patients are welcome at both surgeries.",
    "Our specialist team is here to help.", "Guaranteed results in just one visit!", "Completely painless treatment.",
    "Clinically proven to whiten teeth – book now.", "Bristol's leading dental practice.", "Hurry, offer ends Friday!",
    "Boost your immune system with our winter drip.", "Botox consultations now open.",
    "There is no cure for the common cold, but rest helps.", "Speak to your GP about your options.",
]


# The three campaign platforms, in the mix every figure in the README was measured on.
PLATFORMS = (Platform.SMS, Platform.EMAIL, Platform.TIKTOK)


def make_draft(rng: random.Random) -> tuple[dict[str, str], Platform]:
    platform = rng.choice(PLATFORMS)
    body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
    if platform is Platform.SMS:
        return {"text": f"RiversideHC: {body} Reply STOP to opt out"}, platform
    if platform is Platform.EMAIL:
        return {"subject": "Saturday flu clinics in November", "preheader": "Walk in any Saturday morning, no booking",
                "body": body + "\n\nTo stop receiving these emails, reply UNSUBSCRIBE.\nRiverside Health Clinic, "
                "4 Mill Lane, Bristol BS1 4DJ"}, platform
    return {"caption": body[:140] + " #flu #bristol", "script": body, "on_screen": "Saturdays\nWalk in"}, platform


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=10_000)
    ap.add_argument("--disable", action="append", default=[], help="a pack or rule to leave out, e.g. phi")
    args = ap.parse_args()
    rng = random.Random(1)
    drafts = [make_draft(rng) for _ in range(args.drafts)]
    eng = engine(disable=args.disable)
    contexts = {(p, j): Context(platform=p, jurisdiction=j, brand=BRAND) for p in PLATFORMS for j in Jurisdiction}
    start = time.perf_counter()
    findings = 0
    for i, (fields, platform) in enumerate(drafts):
        findings += len(eng.check(fields, contexts[(platform, Jurisdiction.UK if i % 2 else Jurisdiction.US)]).findings)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"drafts: {args.drafts}  rules: {len(eng.rules)}  findings: {findings}")
    print(f"time: {elapsed:.2f} s  throughput: {args.drafts / elapsed:,.0f} drafts/s (one core)  peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
