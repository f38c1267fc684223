"""Build nlp/rules/it/patterns/first_names.jsonl (`briefing_people`): Faker's first names and the
first words of KIND train's full names, less words KIND writes in lowercase or that open more
places and organisations than people.

usage: python -m briefing.nlp.build.first_names --train KIND_TRAIN.jsonl

A build-time tool: Faker and the training data are needed only to run it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.nlp.rules.it.people import NAMES_FILE
from briefing.nlp.rules.shared.regex_rules import pattern_path, write_jsonl

# Faker's person providers read to build the list: the languages of the news briefing reads
# and of the people it names most.
FAKER_LOCALES = (
    "it_IT", "en_US", "en_GB", "en_IE", "fr_FR", "de_DE", "es_ES", "pt_PT", "pt_BR", "nl_NL",
    "pl_PL", "ro_RO",
)  # fmt: skip
_FIRST_NAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+$")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zà-ÿ]+")


def faker_first_names(locales: Iterable[str] = FAKER_LOCALES) -> set[str]:
    import importlib

    found = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            found.update(n for n in getattr(provider, attr, ()) if _FIRST_NAME.match(n))
    return found


def build_first_names(train: Path, locales: Iterable[str] = FAKER_LOCALES) -> list[dict[str, Any]]:
    """Faker's first names and the first words of the training set's full names, less the
    words it writes in lowercase three times or more, or opens more places and organisations
    than people with."""
    people: Counter[str] = Counter()
    things: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    with train.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            text = rec["text"]
            for start, end, label in rec["entities"]:
                words = text[start:end].split()
                if label == "PER" and len(words) >= 2:
                    people[words[0]] += 1
                elif label in ("LOC", "ORG"):
                    things[words[0]] += 1
            lower.update(m.group() for m in _LOWER_WORD.finditer(text))
    names = faker_first_names(locales) | {w for w in people if _FIRST_NAME.match(w)}
    keep = sorted(w for w in names if things[w] <= people[w] and lower[w.lower()] < 3)
    return [{"name": w} for w in keep]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=f"build nlp/rules/it/patterns/{NAMES_FILE}", allow_abbrev=False
    )
    parser.add_argument(
        "--train", type=Path, required=True, help="KIND train (kind_wn_train.jsonl) to read"
    )
    args = parser.parse_args(argv)
    rows = build_first_names(args.train)
    write_jsonl(pattern_path(NAMES_FILE), rows)
    print(f"{len(rows)} first names -> {pattern_path(NAMES_FILE)}")


if __name__ == "__main__":
    main()
