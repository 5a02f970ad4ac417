"""Write the further first names the PHI name detector reads: given names from many countries (gender-guesser's
packaged name dictionary, about 45,000 names in use in Europe, the Americas, South and East Asia, the Arab world
and Africa) that are not English dictionary words (english-words' GCIDE list; Webster's 2nd also holds "liang" and "mildred"), not places
and not names of months, days or seasons, nor their abbreviations ("Thu"). "Tariq", "Liang", "Anand", "Horace", "Mildred" and "Oisín" are on it;
"Will", "Mark", "Grace" and "Austin" are not (the detector reads those only where a person stands).

    pip install -e ".[train]" && python scripts/build_first_names.py

Build time only: copygen reads the written file, guardrails/terms/first_names.txt.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from english_words import get_english_words_set

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "guardrails" / "terms" / "first_names.txt"
# The dictionary's names that are also English words ("Jonah", "Precious", "Will"): read only before a surname
# that is no word and a verb or an aside ("Jonah Kabua needs...", "Jonah Kabua (interpreter needed)").
OUT_WORDS = ROOT / "guardrails" / "terms" / "first_names_words.txt"
CALENDAR = {w.lower() for w in "January February March April May June July August September October November "
            "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter "
            "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split()}


def dictionary_names() -> set[str]:
    """Every first name in gender-guesser's dictionary, as written there."""
    text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("=") or len(line) < 30:
            continue
        if line[29:30] == "+":  # a duplicate spelling with its umlauts expanded, kept for another program's search
            continue
        parts = line[:29].split()
        if len(parts) >= 2:
            names.add(parts[1])
    return names


def main() -> None:
    words = get_english_words_set(["gcide"], lower=True)
    places = set((ROOT / "guardrails" / "terms" / "places.txt").read_text(encoding="utf-8").splitlines())
    keep = sorted(n for n in dictionary_names()
                  if n[:1].isupper() and len(n) > 2 and all(ch.isalpha() or ch in "-'" for ch in n)
                  and n.lower() not in words and n.lower() not in CALENDAR and n not in places)
    OUT.write_text("# First names (scripts/build_first_names.py, from gender-guesser's name dictionary, English words"
                   " and places left out); do not edit by hand.\n" + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(keep)} names")
    also_words = sorted(n for n in dictionary_names()
                        if n[:1].isupper() and len(n) > 2 and n.isalpha() and n.lower() in words
                        and n.lower() not in CALENDAR and n not in places)
    OUT_WORDS.write_text("# First names that are also English words (scripts/build_first_names.py, from gender-guesser's"
                         " name dictionary and english-words' GCIDE list, places left out); do not edit by hand.\n"
                         + "\n".join(also_words) + "\n", encoding="utf-8")
    print(f"{OUT_WORDS.name}: {len(also_words)} names")


if __name__ == "__main__":
    main()
