"""What every fact extractor reads: the article's words, entities, sentences and lexicons."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.lexicon import en, it
from briefing.text import fold as text_fold

if TYPE_CHECKING:
    from briefing.facts.syntax import Parse

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Ent:
    """An entity of the analysed Doc, in character offsets."""

    start: int
    end: int
    label: str
    text: str
    value: str | None = None


class Word(NamedTuple):
    """A word or punctuation mark in character offsets. A named tuple: an article makes
    thousands, and a frozen dataclass is several times slower to build."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Article:
    """The parts of a Doc the extractors need, free of spaCy so they are easy to reason about.

    Entities never overlap (as in doc.ents); words, entities and sentences are kept sorted and
    looked up by bisection, so long articles cost n log n, not n squared.
    """

    text: str
    lang: str
    ents: list[Ent]
    sents: list[tuple[int, int]]
    words: list[Word] = field(default_factory=list)
    parse: Parse | None = None  # the dependency parse, when the pipeline has a parser

    def __post_init__(self) -> None:
        if not self.words:
            self.words = tokenize(self.text, self.lang)
        self._word_starts = [w.start for w in self.words]
        self.sents = sorted(self.sents) or [(0, len(self.text))]
        self._sent_starts = [s for s, _ in self.sents]
        self.set_ents(self.ents)

    def set_ents(self, ents: list[Ent]) -> None:
        self.ents = sorted(ents, key=lambda e: (e.start, e.end))
        self._ent_starts = [e.start for e in self.ents]
        self.memo: dict[str, object] = {}  # what the extractors worked out from these entities

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset` (or the one before, when it falls between two)."""
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return self.sents[max(i, 0)]

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        start, _ = self.sentence_of(offset)
        i = bisect.bisect_left(self._sent_starts, start) - 1
        return self.sents[i] if i >= 0 else None

    def words_in(self, start: int, end: int) -> list[Word]:
        # Walk by index: slicing from the start point would copy the rest of the list on
        # every call, quadratic over a long article.
        found = []
        for i in range(bisect.bisect_left(self._word_starts, start), len(self.words)):
            word = self.words[i]
            if word.start >= end:
                break
            if word.end <= end:
                found.append(word)
        return found

    def ents_in(self, start: int, end: int, labels: set[str] | None = None) -> list[Ent]:
        found = []
        for i in range(bisect.bisect_left(self._ent_starts, start), len(self.ents)):
            ent = self.ents[i]
            if ent.start >= end:
                break
            if ent.end <= end and (labels is None or ent.label in labels):
                found.append(ent)
        return found

    def ent_at(self, start: int, end: int, labels: set[str] | None = None) -> Ent | None:
        """The first entity overlapping [start, end)."""
        # Entities do not overlap, so only the one starting before `start` can reach into it.
        ents = self.ents
        for i in range(max(bisect.bisect_right(self._ent_starts, start) - 1, 0), len(ents)):
            ent = ents[i]  # by index: a slice would copy the rest of the list on every call
            if ent.start >= end:
                break
            if start < ent.end and (labels is None or ent.label in labels):
                return ent
        return None


# Italian elisions ("l'inviato", "dell'Ucraina") split after the apostrophe; English possessives
# ("Trump's") split before it, so names and role words stand alone.
_WORDS = {
    "it": re.compile(r"\w+['’](?=\w)|\w+(?:[-.]\w+)*|[^\w\s]"),
    "en": re.compile(r"\w+(?:[-.]\w+)*(?=['’]s\b)|['’]s\b|\w+(?:[-.'’]\w+)*|[^\w\s]"),
}


def tokenize(text: str, lang: str) -> list[Word]:
    pattern = _WORDS.get(lang, _WORDS["en"])
    return [Word(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def fold(text: str) -> str:
    """A name's key: briefing.text.fold with one apostrophe and single spaces ("Mosca" ==
    "mosca", "Zelenskyj" keeps its letters)."""
    return " ".join(_APOSTROPHE.sub("'", text_fold(text)).split())


ARTICLES = {"it": it.ARTICLES, "en": en.ARTICLES}


# Compiled once: names are folded and cleaned tens of thousands of times per batch.
_APOSTROPHE = re.compile(r"[’']")
_LEADING_ARTICLE = re.compile(
    r"^(?:(?:il|lo|la|i|gli|le|the|a|an|un|uno|una)\s+|(?:l|un)['’]\s*)", re.I
)
_POSSESSIVE_END = re.compile(r"['’]s$")


def strip_article(text: str) -> str:
    """ "l'amministrazione Trump" -> "amministrazione Trump"; "the Kremlin" -> "Kremlin"."""
    return _LEADING_ARTICLE.sub("", text)


def clean_name(text: str) -> str:
    """An entity's text as a name: no possessive, no surrounding punctuation or article."""
    text = _POSSESSIVE_END.sub("", text.strip())
    text = text.strip(" \t\n,;:.\"'“”«»()[]")
    return strip_article(text)


@cache
def _lexicon(name: str) -> dict[str, dict[str, dict]]:
    by_lang: dict[str, dict[str, dict]] = {}
    with (DATA / name).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                entry = json.loads(line)
                by_lang.setdefault(entry["lang"], {})[entry["word"].lower()] = entry
    return by_lang


def lexicon(name: str, lang: str) -> dict[str, dict]:
    """Entries of a data file for one language; unknown languages get every language's entries."""
    table = _lexicon(name)
    if lang in table:
        return table[lang]
    merged: dict[str, dict] = {}
    for entries in table.values():
        merged.update(entries)
    return merged


def role_words(lang: str) -> dict[str, dict]:
    return lexicon("roles.jsonl", lang)


@cache
def role_other_names(lang: str) -> dict[str, set[str]]:
    """Each other name a title goes by, lower case -> the titles: "presidente del consiglio" ->
    {"premier"} (the "same" field of roles.jsonl)."""
    names: dict[str, set[str]] = {}
    for title, entry in role_words(lang).items():
        for phrase in entry.get("same", ()):
            names.setdefault(phrase, set()).add(title)
    return names


def speech_verbs(lang: str) -> dict[str, dict]:
    return lexicon("speech_verbs.jsonl", lang)


def anonymous_nouns(lang: str) -> dict[str, dict]:
    return lexicon("anonymous_sources.jsonl", lang)


def speech_nouns(lang: str) -> dict[str, dict]:
    """Nouns that carry someone's words: "le parole di X", "lanciato un appello", "voci";
    entries with "rumour" stand for an unnamed source themselves."""
    return lexicon("speech_nouns.jsonl", lang)


def outlet_words(lang: str) -> dict[str, dict]:
    """Nouns for news outlets and documents, which report without being a person: "il
    quotidiano", "the paper", "il rapporto", "the survey"."""
    return lexicon("outlets.jsonl", lang)


def person_nouns(lang: str) -> dict[str, dict]:
    """Common nouns for people who may speak without a role or a name: "la donna", "i due
    giovani", "un passeggero"."""
    return lexicon("person_nouns.jsonl", lang)


def written_media(lang: str) -> dict[str, dict]:
    """Things that carry words without a speaker: banners, signs, chants, graffiti."""
    return lexicon("written_media.jsonl", lang)


# Words that end a role phrase or a subject: conjunctions, relative pronouns, auxiliaries.
STOP = {
    "it": set(
        "e ed o oppure ma però che chi cui quale quali ha hanno aveva avevano è sono era erano "
        "sarà saranno sia siano stato stata stati state viene vengono non si come mentre quando "
        "dove se anche già poi tra fra con".split()
    ),
    "en": set(
        "and or but that who whom which whose has have had is are was were be been being will "
        "would can could should may might not as while when where if also then with by".split()
    ),
}

PERSON = {"PER"}
NAMED = {"PER", "ORG", "LOC", "MISC"}
