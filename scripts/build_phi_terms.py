"""Write the common English words the PHI tagger reads (a word on this list is less likely a name, unless it is
also on the name lists), from wordfreq's packaged frequency lists.

    pip install wordfreq && python scripts/build_phi_terms.py

Build time only: copygen reads the written file, copygen/guardrails/models/common_words.txt.
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

OUT = Path(__file__).resolve().parents[1] / "copygen" / "guardrails" / "models" / "common_words.txt"


def main(n: int = 30000) -> None:
    words = sorted({w for w in top_n_list("en", n) if w.isalpha() and len(w) > 1})
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(words)} words")


if __name__ == "__main__":
    main()
