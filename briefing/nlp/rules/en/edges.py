"""Where a name starts and ends: the English entity-edges component.

A model trained on sentences reads past a name's edges in ways general enough to undo by rule:
a headline's section label ("SOCCER - ROMANIA"), a place and its region in one span
("MILWAUKEE, Wisconsin"), a possessive ("Bosnia's"), a title or a nationality before a person
("King Sihanouk", "American Tyson"), a common noun before or after a place or organisation
("eastern Nigeria", "Jiangsu province", "Belgian club Standard Liege"). This component trims
such spans to the name, or splits them into the names they hold; a person's name it cut short
at a middle initial or a hyphen ("Jacob J." Lew, "Carlos Lopez"-Cantera) goes on to its end.
Lowercase name particles
("Gulf of Mexico", "Ibn al-Khattab", "Organisation for Security and Cooperation in Europe")
are part of the name and stay.
Patterns are JSONL in nlp/rules/en/patterns/edges_en.jsonl, one object a line:
  {"kind": "title", "word": "King"}     a word before a person's name that is not part of it
  {"kind": "particle", "word": "of"}    a lowercase word that can sit inside a name
  {"kind": "nationality", "word": "French"}  a nationality no country's name begins, or a faith
  {"kind": "event", "word": "Open"}     the last word of an event named like a place
  {"kind": "honorific", "word": "President"}  a word right before a person's name
  {"kind": "country", "word": "U.S."}   a country as news names it that gazetteer.jsonl lacks
  {"kind": "label", "word": "Attendance"}  a result line's label, never a name
Other nationalities are recognised from the countries in gazetteer.jsonl ("Belgian"). A lone
nationality the model read as a place or person, and an event ("Hong Kong Open"), become MISC.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from briefing.lexicon import en
from briefing.nlp.labels import NAMES, PEOPLE, PLACES
from briefing.nlp.rules.shared.regex_rules import SavesPatterns, pattern_path, read_jsonl
from briefing.nlp.spans import (
    FILL,
    OVERRIDE,
    Candidate,
    doc_text,
    ensure_extensions,
    entities,
    merge,
    set_entities,
)

_POSSESSIVE = en.POSSESSIVE | {"'S", "’S"}  # and in a headline's capitals
_DASHES = frozenset({"-", "–", "—"})
_COMPASS = frozenset({"North", "South", "East", "West"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_NATIONALITY = re.compile(r"(?:an|ian|ean|ese|ish|i|ic)$")


_DATE = re.compile(
    r"^(?:19|20)\d\d(?:-\d\d-\d\d)?$|^\d{1,2}/\d{1,2}/\d{2,4}$"
    r"|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$"
)
_DATELINE_LINES = 6  # a dateline comes within the first lines of a story
_HEADLINE_TOKENS = 30


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """ "Yugoslavia" in "Federal Republic of Yugoslavia" belongs to the longer name."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text[:1].isupper():
        return True
    return end < len(doc) and doc[end].is_title and doc[end].is_alpha


def word_ids(nlp: Language, words: Iterable[str]) -> frozenset[int]:
    """The vocabulary's ids of `words`, for `positions`."""
    return frozenset(nlp.vocab.strings.add(w) for w in words)


def positions(doc: Doc, attr: int, ids: frozenset[int]) -> list[int]:
    """Indexes of the tokens whose `attr` (ORTH, LOWER) is one of `ids`: one array from
    spaCy and integer lookups, so rule components look at a few tokens, not at every one."""
    if not ids:
        return []
    return [i for i, x in enumerate(doc.to_array(attr).tolist()) if x in ids]


# Cricket scorecards: caught (c), bowled (b), stumped (st) by; the bowling figures' line.
_SCORECARD = frozenset({"c", "b", "st", "Bowling"})


_BOWLING_REACH = 80  # tokens of a bowling-figures line


def _name_before(
    doc: Doc, start: int, taken: set[int], *, figures: bool, fielder: bool = False
) -> Iterable[Candidate]:
    """The name starting at `start` when what follows it is what a scorecard puts there:
    "b" after a `fielder` (caught or stumped by), runs after a bowler, "8-0-39-3" after a
    name in the bowling figures."""
    n = len(doc)
    end = start
    while end < n and end - start < 3 and (_person_word(doc[end]) or _initial(doc[end])):
        end += 1
    if end == start or end >= n or not _person_word(doc[end - 1]):
        return
    after = doc[end].text
    if figures:
        fits = after.isdigit() and end + 1 < n and doc[end + 1].text == "-"
    else:
        fits = after == "b" if fielder else after.isdigit()
    if fits and not any(t in taken for t in range(start, end)):
        yield Candidate(Span(doc, start, end, label="PER"), "rule")


def _initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _person_word(token: Token) -> bool:
    """ "Suharto", "O'Brien", "Ata-ur-Rehman"; not "SHEARER" (a headline's capitals)."""
    text = token.text
    return text[:1].isupper() and not text.isupper() and text.replace("'", "").isalpha()


def _starts_like_a_name(token: Token) -> bool:
    """A capital or a digit first: "Smith", "3M"."""
    return token.text[:1].isupper() or token.text[:1].isdigit()


class Edges(SavesPatterns):
    """Trims names to their edges and splits spans that hold two names."""

    def __init__(
        self, nlp: Language, name: str, patterns: str | None, countries: str | None
    ) -> None:
        ensure_extensions()
        self.name = name
        self.lang = nlp.lang
        self.patterns: list[dict[str, Any]] = []
        self.titles: set[str] = set()
        self.particles: set[str] = set()
        self.nationalities: set[str] = set()
        self.events: set[str] = set()
        self.country_stems: set[str] = set()
        self.places: set[str] = set()  # "Japan", "Jordan": names, whatever their ending
        self.countries: set[str] = set()
        self.honorifics: set[str] = set()
        self.labels: set[str] = set()  # "Attendance": a result line's words, never a name
        self.nlp = nlp
        self.country_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        if patterns:
            self.add_patterns(read_jsonl(pattern_path(patterns)))
        if countries and self.patterns:  # other languages have no patterns: skip the list
            for row in read_jsonl(pattern_path(countries)):
                if row.get("lang") not in (None, self.lang):
                    continue
                place = row["pattern"]
                self.places.add(place)
                if row.get("kind") == "country":
                    self.countries.add(place)
                    # "South Korea" gives "Korean" its stem too
                    for name in {place, place.split()[-1]}:
                        self.country_stems.add(name[: max(4, len(name) - 3)])

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        kinds = {
            "title": self.titles,
            "particle": self.particles,
            "nationality": self.nationalities,
            "event": self.events,
            "honorific": self.honorifics,
            "country": self.countries,
            "label": self.labels,
        }
        for row in mine:
            kinds[row["kind"]].add(row["word"])
        self._people_ids = word_ids(self.nlp, self.honorifics | _SCORECARD | {"("})
        listed = [row["word"] for row in mine if row["kind"] == "country"]
        if listed:
            self.country_matcher.add("LOC", list(self.nlp.tokenizer.pipe(listed)))

    def __call__(self, doc: Doc) -> Doc:
        if self.patterns and entities(doc):
            self.set_annotations(doc, self.match(doc))
        if self.patterns:
            merge(doc, list(self.missed_people(doc)), FILL)
            merge(doc, list(self.missed_places(doc)), FILL)
        merge(doc, list(self.cut_short_people(doc)), OVERRIDE)
        return doc

    @staticmethod
    def cut_short_people(doc: Doc) -> Iterable[Candidate]:
        """People's names the model cut at a middle initial ("Jacob J." Lew) or at the hyphen
        of a double surname ("Carlos Lopez"-Cantera): a name never ends on an initial, and a
        hyphen with no space around it joins the words of one name."""
        ents = entities(doc)
        owner = {t: e for e in ents for t in range(e.start, e.end)}
        n = len(doc)
        for ent in ents:
            if ent.label_ not in PEOPLE:
                continue
            end = ent.end
            while end < n:
                if _initial(doc[end - 1]) and _person_word(doc[end]):
                    joined = end
                elif (
                    end + 1 < n
                    and doc[end].text == "-"
                    and not doc[end - 1].whitespace_
                    and not doc[end].whitespace_
                    and _person_word(doc[end + 1])
                ):
                    joined = end + 1
                else:
                    break
                other = owner.get(joined)
                if other is not None and other.label_ not in PEOPLE:
                    break  # "John F. Kennedy Airport" is a place: leave it
                end = other.end if other is not None else joined + 1
            if end > ent.end:
                yield Candidate(Span(doc, ent.start, end, label=ent.label_), "rule")

    def missed_places(self, doc: Doc) -> Iterable[Candidate]:
        """Places the model left out: a dateline's city and region ("SARAJEVO 1996-08-30",
        "TOFTIR, Faroe Islands 1996-08-31", "LONDON (Reuters) -"), a country in a headline's
        capitals ("SRI LANKA BEAT AUSTRALIA"), a country news still names that the gazetteer
        lacks ("Yugoslavia")."""
        taken = {t for e in entities(doc) for t in range(e.start, e.end)}
        for start, end in self._dateline(doc):
            if not any(t in taken for t in range(start, end)):
                yield Candidate(Span(doc, start, end, label="LOC"), "rule")
        for _, start, end in self.country_matcher(doc):
            if any(t in taken for t in range(start, end)) or _inside_name(doc, start, end):
                continue
            yield Candidate(Span(doc, start, end, label="LOC"), "rule")

    def _dateline(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """The first lines' datelines and headline countries (line breaks found at once)."""
        breaks = np.flatnonzero(doc.to_array(IS_SPACE)).tolist()[:_DATELINE_LINES]
        start = 0
        for end in [*breaks, len(doc)][:_DATELINE_LINES]:
            if start < end:
                yield from self._dateline_parts(doc, start, end)
                if end - start <= _HEADLINE_TOKENS:
                    yield from self._headline_countries(doc, start, end)
            start = end + 1

    def _dateline_parts(self, doc: Doc, start: int, end: int) -> Iterable[tuple[int, int]]:
        j = start
        # "URUS-MARTAN", "ST. LOUIS": hyphens and full stops inside the name only
        while j < end and (
            doc[j].is_upper
            and doc[j].is_alpha
            or doc[j].text == "-"
            and not doc[j].whitespace_
            or doc[j].text == "."
        ):
            j += 1
        if j == start or j >= end or not doc[j - 1].is_alpha:
            return
        if doc[j].text == ",":  # "NICE, France 1996-08-30"
            k = j + 1
            while k < end and doc[k].is_title:
                k += 1
            if k < end and k > j + 1 and _DATE.match(doc[k].text):
                yield start, j
                yield j + 1, k
        elif _DATE.match(doc[j].text) or doc[j].text == "(":
            yield start, j

    def _headline_countries(self, doc: Doc, start: int, end: int) -> Iterable[tuple[int, int]]:
        """Countries in a line written in capitals, looked up in title case."""
        if end - start < 2 or not doc[start:end].text.isupper():
            return
        words = [t.text.title() for t in doc[start:end]]
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                if i + size <= len(words) and " ".join(words[i : i + size]) in self.countries:
                    yield start + i, start + i + size
                    i += size
                    break
            else:
                i += 1

    def missed_people(self, doc: Doc) -> Iterable[Candidate]:
        """People the model left out where their edges show: after an honorific ("President
        Suharto", "Prime Minister Viktor Chernomyrdin"), or a two- or three-word name before
        a country in brackets ("Petr Korda (Czech Republic) beat ...")."""
        taken = {t for e in entities(doc) for t in range(e.start, e.end)}
        n = len(doc)
        for i in positions(doc, ORTH, self._people_ids):
            token = doc[i]
            if token.text in self.honorifics and i + 1 < n:
                end = i + 1
                while end < n and end - i <= 3 and _person_word(doc[end]) and end not in taken:
                    end += 1
                if i + 1 < end and (end == n or not _person_word(doc[end])):
                    yield Candidate(Span(doc, i + 1, end, label="PER"), "rule")
            elif token.text in _SCORECARD:
                yield from self._scorecard_name(doc, i, taken)
            elif token.text == "(" and i >= 2 and self._bracketed_country(doc, i):
                start = i
                while start > 0 and i - start < 3 and _person_word(doc[start - 1]):
                    start -= 1
                    if start in taken:
                        break
                else:
                    if 2 <= i - start and (start == 0 or not _person_word(doc[start - 1])):
                        yield Candidate(Span(doc, start, i, label="PER"), "rule")

    @staticmethod
    def _scorecard_name(doc: Doc, i: int, taken: set[int]) -> Iterable[Candidate]:
        """A cricket scorecard's fielder and bowler: "S. Waugh c Healy b Fleming 44",
        "lbw b Mullally 0", "st Moin Khan b Saqlain Mushtaq 113", "Bowling: Gough 8-0-39-3"."""
        n = len(doc)
        if doc[i].text == "Bowling":
            if i + 1 < n and doc[i + 1].text == ":":
                for j in range(i + 2, min(i + _BOWLING_REACH, n)):
                    if doc[j - 1].text in (":", ",") or doc[j - 1].is_space:
                        yield from _name_before(doc, j, taken, figures=True)
            return
        yield from _name_before(doc, i + 1, taken, figures=False, fielder=doc[i].text != "b")

    def _bracketed_country(self, doc: Doc, i: int) -> bool:
        for end in range(i + 2, min(i + 5, len(doc))):
            if doc[end].text == ")":
                return doc[i + 1 : end].text in self.countries
        return False

    def match(self, doc: Doc) -> list[tuple[int, list[tuple[int, int, str]]]]:
        """(index in doc.ents, the spans that replace it) for each span to change."""
        changes = []
        for k, ent in enumerate(entities(doc)):
            if ent.label_ not in NAMES or ent._.ent_source is not None:
                continue
            parts = [] if self._no_name(doc, ent) else self._parts(doc, ent)
            labels = [self._label(doc, s, e, ent.label_) for s, e in parts]
            if parts != [(ent.start, ent.end)] or labels != [ent.label_]:
                changes.append(
                    (k, [(s, e, lab) for (s, e), lab in zip(parts, labels, strict=True)])
                )
        return changes

    def _no_name(self, doc: Doc, ent: Span) -> bool:
        """A result line's label ("Attendance: 2,000"), an ordinal ("ranked 65th"), or a
        headline's section in capitals ("TENNIS - RESULTS FROM ..."): no name at all."""
        text = doc_text(doc)[ent.start_char : ent.end_char]  # no Token objects built
        if text in self.labels or _ORDINAL.match(text):
            return True
        end = ent.end
        return (
            len(ent) == 1
            and text.isupper()
            and text.title() not in self.places  # "JAPAN - Yield for ..." is a country
            and end + 1 < len(doc)
            and doc[end].text in _DASHES
            and bool(doc[end].whitespace_)
            and (ent.start == 0 or doc[ent.start - 1].is_space)
        )

    def _label(self, doc: Doc, start: int, end: int, label: str) -> str:
        """MISC for a nationality or faith ("Israeli", "Moslem", "South Korean") and for an
        event named like a place ("Hong Kong Open"); else the label it had."""
        last = doc[end - 1]
        if end - start == 1 or end - start == 2 and doc[start].text in _COMPASS:
            if self._nationality(last):
                return "MISC"
        if end - start > 1 and last.text in self.events and label not in PEOPLE:
            return "MISC"
        span = doc[start:end]
        words = doc_text(doc)[span.start_char : span.end_char]
        if end - start > 1 and words.isupper() and label not in PEOPLE:
            # a headline's "WORLD CUP QUALIFIER", "GREATER MILWAUKEE OPEN"
            if any(t.text.title() in self.events for t in doc[start:end]):
                return "MISC"
        return label

    def _parts(self, doc: Doc, ent: Span) -> list[tuple[int, int]]:
        start, end = ent.start, ent.end
        if end - start == 1 and doc[start].is_alpha and not doc[start].is_lower:
            return [(start, end)]  # most names: one capitalised word, nothing to trim
        # "SOCCER - ROMANIA": a headline's section label, then a spaced dash; the name is
        # after it, unless only the words before it are in capitals ("JAPAN - Yield ...")
        for i in range(end - 1, start, -1):
            if doc[i].text in _DASHES and doc[i].whitespace_ and doc[i - 1].whitespace_:
                if doc[start:i].text.isupper() and not doc[i + 1 : end].text.isupper():
                    end = i
                else:
                    start = i + 1
                break
        start, end = self._trim(doc, start, end, ent.label_)
        if start >= end:
            return []
        if ent.label_ in PLACES:  # "MILWAUKEE, Wisconsin": a place, then its region
            commas = [i for i in range(start + 1, end - 1) if doc[i].text == ","]
            if commas:
                bounds = [start, *commas, end]
                pairs = zip(bounds, bounds[1:], strict=False)
                parts = [(a if a == start else a + 1, b) for a, b in pairs]
                return [(a, b) for a, b in parts if a < b]
        return [(start, end)]

    def _content_word(self, doc: Doc, i: int) -> bool:
        """A lowercase word that is not a name particle: "eastern", "province", "club"; not
        one inside a hyphenated name ("Ata-ur-Rehman")."""
        token = doc[i]
        if not (token.is_alpha and token.is_lower) or token.text in self.particles:
            return False
        return not (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_)

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        # trailing: possessive, dashes, lowercase words ("Jiangsu province", "Minsk Group of
        # countries"), and the particles they leave ("of")
        while end > start and (
            doc[end - 1].text in _POSSESSIVE
            or doc[end - 1].text in _DASHES
            or self._content_word(doc, end - 1)
            or doc[end - 1].lower_ in self.particles
            and doc[end - 1].is_lower
        ):
            end -= 1
        # a common noun inside: the name is what follows it ("Belgian club Standard Liege",
        # "Kurdish city of Arbil", "eastern Nigeria")
        inner = [i for i in range(start, end) if self._content_word(doc, i)]
        if inner:
            start = inner[-1] + 1
            while start < end and doc[start].is_lower:
                start += 1
        if label in PEOPLE:
            # "King Sihanouk", "American Tyson", "Neither Lebed": not the person's name
            while end - start > 1 and (
                doc[start].text in self.titles or self._nationality(doc[start])
            ):
                start += 1
        while start < end and not _starts_like_a_name(doc[start]) and not doc[start].is_lower:
            start += 1  # a leading quote or dash
        return start, end

    def _nationality(self, token: Token) -> bool:
        """ "American", "Belgian", "Chinese": a country's name less at most three letters,
        then a nationality ending."""
        text = token.text
        if not (token.is_alpha and token.is_title):
            return False
        if text in self.nationalities:
            return True
        if text in self.places or text.title() in self.places:
            return False
        return bool(_NATIONALITY.search(text)) and any(
            text[:n] in self.country_stems for n in range(4, len(text))
        )

    def set_annotations(
        self, doc: Doc, changes: list[tuple[int, list[tuple[int, int, str]]]]
    ) -> None:
        if not changes:
            return
        ents: list[Span] = list(entities(doc))
        replaced = dict(changes)
        out = []
        for k, ent in enumerate(ents):
            if k not in replaced:
                out.append(ent)
                continue
            # still the model's names, only trimmed: later components treat them as such
            out.extend(Span(doc, s, e, label=label) for s, e, label in replaced[k])
        set_entities(doc, out)

    def clear_patterns(self) -> None:
        self.patterns = []
        self.titles, self.particles, self.nationalities, self.events = set(), set(), set(), set()
        self.honorifics, self.labels = set(), set()  # countries stay: gazetteer.jsonl's
        self.country_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")


@Language.factory(
    "briefing_edges",
    default_config={"patterns": "edges_en.jsonl", "countries": "gazetteer.jsonl"},
)
def make_edges(nlp: Language, name: str, patterns: str | None, countries: str | None) -> Edges:
    """English names trimmed to their edges: section labels, titles, possessives, common nouns."""
    return Edges(nlp, name, patterns, countries)
