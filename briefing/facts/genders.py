"""The grammatical gender a person is referred to with, so that "lei", "she" or "è stata" go
to a woman named before and "lui", "he" to a man: from the first name (Faker's male and female
lists, MIT; names on both lists say nothing) and from honorifics ("Mrs", "la signora").

`data/first_name_genders.jsonl` is built by `python -m briefing.facts.genders --build` (Faker is
needed only to build it)."""

from __future__ import annotations

import argparse
import json
from functools import cache

from briefing.facts.text import DATA
from briefing.lexicon import en, it

_FILE = "first_name_genders.jsonl"
_LOCALES = (
    "it_IT", "en_US", "en_GB", "en_IE", "fr_FR", "de_DE", "es_ES", "pt_PT", "pt_BR", "nl_NL",
    "pl_PL", "ro_RO", "ru_RU", "uk_UA",
)  # fmt: skip
_HONORIFICS = {**it.HONORIFICS, **en.HONORIFICS}
_FEMININE_ARTICLES = {"la", "della", "alla", "dalla", "sulla", "nella", "colla"}
# Pronouns and their gender, in both languages.
PRONOUNS = {
    "lui": "Masc", "egli": "Masc", "esso": "Masc", "he": "Masc", "him": "Masc",
    "lei": "Fem", "ella": "Fem", "essa": "Fem", "she": "Fem", "her": "Fem",
}  # fmt: skip


# Italian men's names ending in -a, which other languages give to women.
_ITALIAN_MEN_IN_A = {"Andrea", "Luca", "Nicola", "Mattia", "Elia", "Enea", "Gianluca", "Battista"}


@cache
def _first_names() -> dict[tuple[str, str], str]:
    """(language or "*", first name) -> gender."""
    path = DATA / _FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = map(json.loads, filter(str.strip, handle))
        return {(row["lang"], row["name"]): row["gender"] for row in rows}


def gender_of(name: str, lang: str, before: str = "") -> str | None:
    """ "Masc", "Fem" or None for a person's name; `before` is the word written before it."""
    said = _HONORIFICS.get(before.lower().rstrip("."))
    if said:
        return said
    words = name.split()
    if len(words) == 1 and lang == "it" and before.lower() in _FEMININE_ARTICLES:
        return "Fem"  # "la Merkel", "della Meloni": Italian puts an article before her surname
    if words and _HONORIFICS.get(words[0].lower().rstrip(".")):
        return _HONORIFICS[words[0].lower().rstrip(".")]
    if len(words) < 2:
        return None
    names = _first_names()
    return names.get((lang, words[0])) or names.get(("*", words[0]))


def _lists(locales: tuple[str, ...]) -> tuple[set[str], set[str]]:
    import importlib

    male: set[str] = set()
    female: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        male.update(n for n in getattr(provider, "first_names_male", ()) if n.isalpha())
        female.update(n for n in getattr(provider, "first_names_female", ()) if n.isalpha())
    return male, female


def build() -> list[dict[str, str]]:
    """Names on one list only; Italian ones from it_IT (and the men's names in -a) first."""
    rows = []
    for lang, (male, female) in (
        ("it", _lists(("it_IT",))),
        ("*", _lists(tuple(loc for loc in _LOCALES if loc != "it_IT"))),
    ):
        if lang == "it":
            male |= _ITALIAN_MEN_IN_A
        rows += [{"name": n, "gender": "Masc", "lang": lang} for n in male - female]
        rows += [{"name": n, "gender": "Fem", "lang": lang} for n in female - male]
    return sorted(rows, key=lambda r: (r["lang"], r["name"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, allow_abbrev=False)
    parser.add_argument("--build", action="store_true", help=f"write data/{_FILE} from Faker")
    args = parser.parse_args(argv)
    if args.build:
        rows = build()
        with (DATA / _FILE).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} first names written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
