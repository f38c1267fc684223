"""A story's timeline: its articles' dated facts in order, and where sources give other numbers."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from briefing.models import Analysis, Article
from briefing.query.normalize import fold, words
from briefing.text import split_sentences

# What a number counts, said in either language, as one key: "morti" and "dead" disagree.
SAME_THING = {
    "morti": "dead", "morto": "dead", "vittime": "dead", "uccisi": "dead", "killed": "dead",
    "deaths": "dead", "died": "dead", "feriti": "injured", "ferito": "injured",
    "wounded": "injured", "injuries": "injured", "dispersi": "missing", "arrestati": "arrested",
    "arrests": "arrested", "evacuati": "evacuated", "sfollati": "displaced",
}  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Event:
    iso: str  # the day, month, year or range the fact names
    when: str  # the words that said it
    sentence: str
    article_id: str
    source: str | None
    start: int  # offsets of the sentence in the article text
    end: int


@dataclass
class Disagreement:
    what: str
    # (the number as written, article id, source), one per distinct value
    versions: list[tuple[str, str, str | None]] = field(default_factory=list)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for a, b in split_sentences(text):
        if a <= start < b or (a < end <= b):
            return a, b
    return start, end


def timeline(items: list[tuple[Article, Analysis | None]]) -> list[Event]:
    """Dated facts of every article, in the order of the dates they name (times left out)."""
    seen: set[tuple[str, str]] = set()
    events = []
    for article, analysis in items:
        if analysis is None:
            continue
        body = article.body or ""
        for date in analysis.facts.dates:
            if not date.iso or ":" in date.iso[:5]:  # "15:30" places nothing on a timeline
                continue
            a, b = sentence_around(body, date.start, date.end)
            sentence = " ".join(body[a:b].split())
            key = (date.iso, " ".join(words(sentence)))
            if key in seen:  # the same sentence in two copies of one wire story
                continue
            seen.add(key)
            events.append(Event(date.iso, date.text, sentence, article.id, article.source, a, b))
    events.sort(key=lambda e: (e.iso, e.article_id, e.start))
    return events


def _value(text: str) -> str | None:
    found = _NUMBER.search(text)
    return re.sub(r"[.,]", "", found.group()) if found else None


def disagreements(items: list[tuple[Article, Analysis | None]]) -> list[Disagreement]:
    """Things counted with different numbers by different articles (dead, injured, amounts)."""
    by_thing: dict[str, dict[str, tuple[str, str, str | None]]] = defaultdict(dict)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for article, analysis in items:
        if analysis is None:
            continue
        for number in analysis.facts.numbers:
            value = _value(number.text)
            if not number.what or value is None:
                continue
            what = fold(number.what).strip()
            what = SAME_THING.get(what, what)
            by_thing[what].setdefault(value, (number.text, article.id, article.source))
            articles_of[what].add(article.id)
    return [
        Disagreement(what, list(values.values()))
        for what, values in sorted(by_thing.items())
        if len(values) > 1 and len(articles_of[what]) > 1
    ]
