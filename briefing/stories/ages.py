"""The ages an article gives its people ("Ciampi compie oggi 90 anni", "Rossi, 49 anni,", "the
29-year-old"): the one clock an undated article carries, since a person's age moves on by a
year each year while every report of one event gives the same."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.text import sentences

# An age said of someone, by language; each pattern's one filled group is the age. Durations
# ("per 14 anni", "da 20 anni", "for 14 years") are not ages and are not matched.
_AGES = {
    "it": re.compile(
        r"\b(?:ha|aveva|avrebbe|compie|compiuto|compiuti|compirà|età\s+di)"
        r"\s+(?:(?:oggi|ieri|appena|solo|soltanto|ormai|già|quasi)\s+)?(\d{1,3})\s+anni\b"
        r"|,\s*(\d{1,3})\s+anni\s*[,.;:)]"
        r"|\b(\d{1,3})enne\b"
    ),
    "en": re.compile(
        r"\b(\d{1,3})-year-old\b"
        r"|\baged\s+(\d{1,3})\b"
        r"|\b(?:is|was|turns|turned)\s+(\d{1,3})(?:\s+years\s+old)?\s*[,.;]"
    ),
}
OLDEST = 120
_WORD = re.compile(r"\w+")


def ages_of(text: str, lang: str | None, people: Iterable[tuple[str, str]]) -> frozenset:
    """(person id, age) for each sentence of `text` that names one person of `people` (id,
    name as the article writes it) and says one age: whose age it is, without a parse."""
    pattern = _AGES.get(lang or "")
    if pattern is None or not pattern.search(text):
        return frozenset()  # most articles give no age: one scan, no sentences
    # a person is found by the last word of their name: "Ciampi" after "Carlo Azeglio Ciampi"
    by_word: dict[str, set[str]] = {}
    for person, name in people:
        words = _WORD.findall(name)
        if words and len(words[-1]) > 2:
            by_word.setdefault(words[-1], set()).add(person)
    found = set()
    for start, end in sentences(text):
        sentence = text[start:end]
        ages = [int(next(g for g in m.groups() if g)) for m in pattern.finditer(sentence)]
        if len(ages) != 1 or not 0 < ages[0] <= OLDEST:
            continue
        who = {p for word in _WORD.findall(sentence) for p in by_word.get(word, ())}
        if len(who) == 1:
            found.add((who.pop(), ages[0]))
    return frozenset(found)


def different_ages(one: frozenset, two: frozenset) -> bool:
    """Someone both articles give an age to is two years older or younger in one of them: the
    articles are a year or more apart (a birthday may fall between two reports of one event)."""
    if not one or not two:
        return False
    theirs: dict[str, set[int]] = {}
    for person, age in two:
        theirs.setdefault(person, set()).add(age)
    return any(
        person in theirs and all(abs(age - other) >= 2 for other in theirs[person])
        for person, age in one
    )
