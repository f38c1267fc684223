"""Numbers with what they count: "quasi 4 anni" of war, "$1.2bn" of aid, "19,000 children"."""

from __future__ import annotations

import bisect
import re

from briefing.facts.text import STOP, Article
from briefing.lexicon import en, it
from briefing.models import NumberFact

_QUALIFIER = (
    r"(?:(?:quasi|circa|oltre|almeno|appena|ben|fino\s+a|più\s+di|meno\s+di|poco\s+più\s+di|"
    r"almost|nearly|about|around|approximately|roughly|some|over|under|up\s+to|at\s+least|"
    r"more\s+than|less\s+than|fewer\s+than)\s+)?"
)
_WORD_NUMBERS = (
    "due tre quattro cinque sei sette otto nove dieci undici dodici trenta quaranta "
    "cinquanta cento mille mezzo dozzina decine centinaia migliaia milioni "
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands dozen dozens millions"
).split()
_SCALE = (
    r"(?:\s?(?:bn|m|k|tn|mln|mld|mila|milioni|milione|miliardi|miliardo|million|billion|trillion))?"
)
_DIGITS = (
    r"(?:[$€£]\s?)?\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?"
    + _SCALE
    + r"(?:\s?(?:%|per\s?cent|percent|per\s+cento))?"
)
_NUMBER = re.compile(
    rf"(?<![\w\-/.,°º]){_QUALIFIER}(?:{_DIGITS}|(?:{'|'.join(_WORD_NUMBERS)})(?:-\w+)?)(?![\w\-/])",
    re.I,
)
# Units belong to the number; what follows them ("di guerra", "of aid") is what is counted.
_UNITS = set(
    "anni anno mesi mese giorni giorno ore ora settimane minuti km chilometri metri miglia kg "
    "chili tonnellate litri euro dollari sterline volte "
    "years year months month days day hours hour weeks minutes km miles metres meters kg "
    "tonnes tons litres liters dollars euros pounds times sq square km² mi".split()
)
_OF = {
    "di",
    "del",
    "della",
    "dello",
    "dei",
    "degli",
    "delle",
    "dell'",
    "dell’",
    "d'",
    "d’",
    "in",
    "of",
    "for",
    "per",
    "on",
    "worth",
}


_ARTICLES = it.ARTICLES | en.DEFINITE
_PREPOSITIONS = set(
    "a ad al alla ai agli alle da dal dalla dai su sul sulla sui tra fra con verso dopo prima contro "
    "sopra sotto entro fa between with from to at by into over after before during than since "
    "against ago within".split()
)


def find_numbers(article: Article) -> list[NumberFact]:
    taken = [(e.start, e.end) for e in article.ents if e.label in {"DATE", "TIME"}]
    stop = STOP.get(article.lang, STOP["en"])
    facts: list[NumberFact] = []
    entity_spans = {
        (e.start, e.end) for e in article.ents if e.label in {"MONEY", "PERCENT", "QUANTITY"}
    }
    for start, end in _candidate_spans(article):
        if any(start < e and s < end for s, e in taken):
            continue
        text = article.text[start:end]
        if re.fullmatch(r"(?:1[89]|20)\d\d", text):  # a bare year is a date
            continue
        words = article.words_in(end, min(len(article.text), end + 120))
        # A unit right after the number joins it: "4 anni", "701 sq km".
        unit = False
        while words and words[0].lower in _UNITS:
            end = words[0].end
            words = words[1:]
            unit = True
        what = _what(article, words, stop)
        vague = not re.search(r"\d|%|[$€£]", text) and (start, end) not in entity_spans
        bare = (start, end) not in entity_spans and not re.search(r"%|[$€£]", text)
        if what is None and not unit and (vague or bare):
            continue  # "due" or "33" alone is too vague to be worth a fact
        facts.append(NumberFact(text=article.text[start:end], what=what, start=start, end=end))
    return facts


def _candidate_spans(article: Article) -> list[tuple[int, int]]:
    amounts = sorted(
        (e.start, e.end) for e in article.ents if e.label in {"MONEY", "PERCENT", "QUANTITY"}
    )
    starts = [s for s, _ in amounts]
    spans = list(amounts)
    for m in _NUMBER.finditer(article.text):
        # Only the amounts starting before this match's end can overlap it; entity spans do
        # not overlap one another, so the last of those is the only candidate.
        i = bisect.bisect_left(starts, m.end()) - 1
        if i < 0 or amounts[i][1] <= m.start():
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _what(article: Article, words: list, stop: set[str]) -> str | None:
    """The noun phrase right after the number, or after "di"/"of" when a unit came first."""
    if not words:
        return None
    if words[0].lower in _OF:
        words = words[1:]
    articles = _ARTICLES | ({"a", "an"} if article.lang == "en" else set())
    while words and words[0].lower in articles:
        words = words[1:]
    phrase = []
    for word in words[:3]:
        low = word.lower
        if not word.text[0].isalpha() or low in stop or low in _OF or low in _PREPOSITIONS:
            break
        phrase.append(word)
    if not phrase:
        return None
    return article.text[phrase[0].start : phrase[-1].end]
