"""Split the real-ad corpus into dev and test by source: every line of one ruling, letter or campaign page
goes the same way, so the test split holds wording from sources the rules were never tuned on.

    python scripts/split_real_claims.py data/claims/real/corpus.jsonl

Writes dev.jsonl and test.jsonl next to the corpus. A source goes to test when the first byte of the
SHA-256 of its URL (fragment removed) is even; the split is the same on every machine.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def source_key(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/").lower()


def goes_to_test(url: str) -> bool:
    return hashlib.sha256(source_key(url).encode()).digest()[0] % 2 == 0


def main() -> int:
    corpus = Path(sys.argv[1])
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    split: dict[str, list[dict]] = {"dev": [], "test": []}
    for row in rows:
        split["test" if goes_to_test(row["source_url"]) else "dev"].append(row)
    for name, part in split.items():
        (corpus.parent / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
        labels = {lab: sum(r["label"] == lab for r in part) for lab in ("violation", "compliant")}
        print(f"{name}: {len(part)} lines from {len({source_key(r['source_url']) for r in part})} sources {labels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
