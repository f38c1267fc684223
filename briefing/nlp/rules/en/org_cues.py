"""Teams and companies named after places: the English organisation-cues component.

News calls a club by its city ("Leicester beat Chelsea", "Surrey captain Chris Lewis") and a
firm by a bare word ("Shares of Magna rose"); a model trained on general text reads these as
places or people. This component relabels a name ORG where the sentence says it acts as a team
or company (a cue before or after it, a score right after it at the start of a result line),
then gives the same label to the name's other mentions in the article (never to a dateline).
Countries and home nations are left alone: national sides are places in the label scheme.
It also adds the organisations the model missed when the name itself says so: capitalised
words closed by a company or body suffix ("Bre-X Minerals Ltd", "Reform Party"), names joined
by "&" ("Douglas & Lomason"), and a short list of well-known organisations.
Patterns are JSONL in nlp/rules/en/patterns/org_cues_en.jsonl, one object a line:
  {"kind": "suffix", "word": "Ltd", "min_words": 1, "legal": true}  a word that closes an
      organisation name (legal: a company form, never followed by "of" in the name)
  {"kind": "before", "words": "beat", "frame": "team"}   words right before a team or company
  {"kind": "after", "words": "captain", "frame": "team"} words right after it (or after its 's)
  {"kind": "nation", "pattern": "England"}               a national side: a place, no team
  {"kind": "nationality", "pattern": "Dutch"}             no team either
  {"kind": "org", "pattern": "Reuters"}                  a well-known organisation
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from briefing.lexicon import en
from briefing.nlp.labels import PEOPLE, PLACES
from briefing.nlp.rules.en.edges import positions, word_ids
from briefing.nlp.rules.shared.regex_rules import SavesPatterns, pattern_path, read_jsonl
from briefing.nlp.spans import (
    FILL,
    OVERRIDE,
    Candidate,
    doc_text,
    ensure_extensions,
    entities,
    inside_longer_name,
    merge,
    set_entities,
)

_RELABEL = PLACES | PEOPLE
_POSSESSIVE = en.POSSESSIVE
# A result line: the name opens the line or follows one of these, and a score follows it.
_LINE_OPENERS = frozenset({":", ",", ";", "-", "(", "and"})
_AFTER_SCORE = frozenset({"and", "-", ",", "(", "points", "."})
# A result line's own words before a score: "Halftime 1-0", "Attendance 35,000".
_RESULT_WORDS = frozenset({"Halftime", "Half-time", "Attendance", "Total", "Extras", "Score"})
_YEAR = re.compile(r"^(?:19|20)\d\d")
_SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_MAX_NAME = 6  # words before a suffix
_ADJECTIVE = ("ish", "ese", "ic", "ian", "an", "al")
_ARTICLES = frozenset({"The", "A", "An"})
# "In Seattle, ...": after these a team's city is the city.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "from"})
# Words that open a run of capitals without being part of the name after them.
_LEADERS = _ARTICLES | frozenset(
    {"January", "February", "March", "April", "June", "July", "August", "September"}
    | {"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday"}
    | {"Friday", "Saturday", "Sunday"}
)


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_space or "\n" in doc[i - 1].text


def _text(doc: Doc, span: Span) -> str:
    """span.text without building its tokens (spaCy makes a Token object for each)."""
    return doc_text(doc)[span.start_char : span.end_char]


def _opens_line_or_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or _line_start(doc, i) or doc[i - 1].text in '.!?"“:;('


def _ends_result(token: Token) -> bool:
    """What follows a team in a result line: a time or score, "same time", a comma, a line end."""
    return token.text[:1].isdigit() or token.is_space or token.text in (",", "same", "+")


def _org_name_word(token: Token) -> bool:
    """A word that can be part of an organisation's name: "Lomason", "A.G.", "KeyCorp", "NBD";
    not a long word in capitals (a headline's), not a number."""
    text = token.text
    if not text[0].isupper():
        return False
    if token.is_alpha:
        return not token.is_upper or len(text) <= 4
    return bool(_INITIALS.fullmatch(text))


class OrgCues(SavesPatterns):
    """Relabels places and people acting as teams or companies ORG; adds missed companies."""

    def __init__(self, nlp: Language, name: str, patterns: str | None, places: str | None) -> None:
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.countries: set[str] = set()
        self.place_names: set[str] = set()
        self.clear_patterns()
        if patterns:
            self.add_patterns(read_jsonl(pattern_path(patterns)))
        if places and self.active:  # other languages have no patterns: skip the big list
            for file_name in places.split():  # several files: "a.jsonl b.jsonl"
                self._read_places(pattern_path(file_name))

    def clear_patterns(self) -> None:
        self.patterns: list[dict[str, Any]] = []
        self.suffixes: dict[str, int] = {}
        self.legal_forms: set[str] = set()  # "Inc", "Ltd": never followed by "of" in a name
        # last (before) or first (after) word -> [(words, frame)]
        self.before: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.after: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.nations: set[str] = set()
        self.nationalities: set[str] = set()
        self.orgs = PhraseMatcher(self.nlp.vocab, attr="ORTH")

    def _read_places(self, path: Path) -> None:
        for row in read_jsonl(path):
            if row.get("lang") not in (None, self.lang):
                continue
            self.place_names.add(row["pattern"])
            if row.get("kind") == "country":
                self.countries.add(row["pattern"])

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        orgs = []
        for row in mine:
            kind = row["kind"]
            if kind == "suffix":
                self.suffixes[row["word"]] = row.get("min_words", 1)
                if row.get("legal"):
                    self.legal_forms.add(row["word"])
            elif kind in ("before", "after"):
                words = tuple(row["words"].lower().split())
                table = self.before if kind == "before" else self.after
                key = words[-1] if kind == "before" else words[0]
                table.setdefault(key, []).append((words, row.get("frame", "team")))
            elif kind == "nation":
                self.nations.add(row["pattern"])
            elif kind == "nationality":
                self.nationalities.add(row["pattern"])
            elif kind == "org":
                orgs.append(row["pattern"])
        if orgs:
            self.orgs.add("ORG", list(self.nlp.tokenizer.pipe(orgs)))
        self._before_ids = word_ids(self.nlp, self.before)
        self._suffix_ids = word_ids(self.nlp, set(self.suffixes) | {"&"})
        self._close_ids = word_ids(self.nlp, [")"])
        self._after_ids = word_ids(self.nlp, self.after)
        self._result_ids = word_ids(self.nlp, [":", ",", "\n"])

    @property
    def active(self) -> bool:
        return bool(self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        if self.active and len(doc):
            self.set_annotations(doc, self.match(doc))
        return doc

    # -- finding -------------------------------------------------------------------------

    def _is_nation(self, text: str) -> bool:
        title = text.title() if text.isupper() else text
        return (
            title in self.countries
            or title in self.nations
            or title in self.nationalities
            or self._demonym(title)
        )

    def _cue_before(self, doc: Doc, start: int) -> str | None:
        """The frame ("team", "company") of the cue right before the name, if any."""
        if start == 0:
            return None
        for words, frame in self.before.get(doc[start - 1].lower_, ()):
            n = len(words)
            if start >= n and all(doc[start - n + k].lower_ == w for k, w in enumerate(words)):
                return frame
        return None

    def _cue_after(self, doc: Doc, end: int) -> str | None:
        """The frame of the cue right after the name (or after its 's), if any."""
        if end < len(doc) and doc[end].text in _POSSESSIVE:
            end += 1
        if end >= len(doc):
            return None
        for words, frame in self.after.get(doc[end].lower_, ()):
            n = len(words)
            if end + n <= len(doc) and all(doc[end + k].lower_ == w for k, w in enumerate(words)):
                return frame
        return None

    def _demonym(self, text: str) -> bool:
        """ "Australian", "Chinese", "Danish": a nationality word, read as a place."""
        if not text.isalpha() or not text.endswith(("n", "ese", "ish", "i")):
            return False
        stem = text[: max(4, len(text) - 3)]
        return any(c.startswith(stem) for c in self.countries if c[:1] == text[:1])

    def _score_follows(self, doc: Doc, start: int, end: int) -> bool:
        """ "Somerset 83 and 174", "Kent 108-3", "Middlesex 20 points" opening a result line."""
        if end >= len(doc) or not _SCORE.match(doc[end].text) or _YEAR.match(doc[end].text):
            return False
        if _text(doc, doc[start:end]).isupper():  # "LONDON 1996-08-30" is a dateline
            return False
        return _line_start(doc, start) or doc[start - 1].lower_ in _LINE_OPENERS

    def _is_dateline(self, doc: Doc, start: int, end: int) -> bool:
        """ "NICE, France 1996-08-30", "ARLINGTON, Texas 1996-08-31": where a story was filed."""
        if end >= len(doc):
            return False
        after = doc[end].text
        return bool(_YEAR.match(after)) or after == "," and _line_start(doc, start)

    def match(self, doc: Doc) -> dict[str, Any]:
        """What to change: entities to relabel, the names they carry, spans to add."""
        ents = entities(doc)
        placey = {_text(doc, e) for e in ents if e.label_ in PLACES}
        relabel: set[int] = set()
        for i, ent in enumerate(ents):
            if ent.label_ not in _RELABEL or ent._.ent_source not in (None, "rule"):
                continue
            text = _text(doc, ent)
            if self._is_nation(text):
                continue
            person = ent.label_ in PEOPLE
            if person and text not in placey and text not in self.place_names:
                continue
            frame = self._cue_before(doc, ent.start) or self._cue_after(doc, ent.end)
            if frame is None and not person and self._score_follows(doc, ent.start, ent.end):
                frame = "team"
            # a company is rarely named after a known place: "Tokyo shares" are a market
            if frame == "team" or frame == "company" and text not in self.place_names:
                relabel.add(i)
        return {
            "relabel": relabel,
            "names": {_text(doc, ents[i]) for i in relabel},
            "unlabelled": list(self._unlabelled_after_cues(doc, ents)),
            "suffixed": list(self._suffixed(doc)),
            "known": [(s, e) for _, s, e in self.orgs(doc)],
        }

    def _unlabelled_scores(self, doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
        """Names the model left out opening a result line with a score: "Chesterfield:
        Worcestershire 238 and 133-5, Derbyshire 471 (J. Adams 123)"."""
        n = len(doc)
        for i in positions(doc, ORTH, self._result_ids):
            start = end = i + 1
            while end < n and end - start < 3 and end not in taken and _org_name_word(doc[end]):
                end += 1
            if end == start or end + 1 >= n or not doc[end].text.isdigit():
                continue
            follow = doc[end + 1]
            if not (follow.is_space or follow.text in _AFTER_SCORE):
                continue
            text = doc[start:end].text
            if text.isupper() or doc[start].text in _LEADERS or doc[start].is_stop:
                continue
            if doc[start].text in _RESULT_WORDS or self._is_nation(text):
                continue
            yield start, end

    def _unlabelled_before_cues(self, doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
        """Names the model left out right before a company cue: "CFDT spokesman", "PAP news
        agency", "Cofinec CEO" (capitals, or a name not opening its sentence)."""
        for i in positions(doc, LOWER, self._after_ids):
            if i == 0 or i - 1 in taken or self._cue_after(doc, i) != "company":
                continue
            start = i
            while start > 0 and i - start < 4 and start - 1 not in taken:
                before = doc[start - 1]
                if before.text == "-" and not before.whitespace_ and start - 1 > 0:
                    start -= 1  # "Itar-Tass"
                    continue
                if not _org_name_word(before):
                    break
                start -= 1
            if doc[i - 1].text.isupper() and doc[i - 1].is_alpha:
                start = max(start, i - 1)  # "pro-Socialist CFDT union": the capitals alone
            if start == i or not _org_name_word(doc[start]):
                continue
            text = doc[start:i].text
            acronym = text.isupper() and text.isalpha()
            if not acronym and (_opens_line_or_sentence(doc, start) or doc[start].is_stop):
                continue
            if doc[start].text in _LEADERS or self._is_nation(text) or text in self.place_names:
                continue
            yield start, i

    def _unlabelled_after_cues(self, doc: Doc, ents: Iterable[Span]) -> Iterable[tuple[int, int]]:
        """Names the model left out right after a cue: "played for Nice", "beat Dinamo"."""
        taken = {t for e in ents for t in range(e.start, e.end)}
        yield from self._unlabelled_scores(doc, taken)
        yield from self._unlabelled_before_cues(doc, taken)
        n = len(doc)
        for i in positions(doc, LOWER, self._before_ids):
            if i + 1 >= n:
                continue
            frame = self._cue_before(doc, i + 1)
            end = i + 1
            while end < n and end - i <= 4 and end not in taken and _org_name_word(doc[end]):
                end += 1
            if frame is None or end == i + 1 or (end < n and doc[end].text[:1].isupper()):
                continue
            text = doc[i + 1 : end].text
            if doc[i + 1].is_stop or self._is_nation(text):
                continue
            if frame == "team" or text not in self.place_names:
                yield i + 1, end

    def _suffixed(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """Capitalised words closed by a suffix ("Barnett Banks Inc."), or joined by "&"."""
        n = len(doc)
        for i in positions(doc, ORTH, self._suffix_ids):
            text = doc[i].text
            if text == "&":
                span = self._around_ampersand(doc, i)
                if span:
                    yield span
                continue
            min_words = self.suffixes.get(text)
            if min_words is None or i == 0:
                continue
            # the name goes on: the last suffix ("Industries Inc") or the next word decides,
            # or "of" and a name ("Bank of England", "News Agency of Nigeria")
            if i + 1 < n and (doc[i + 1].text in self.suffixes or _org_name_word(doc[i + 1])):
                continue
            end = i + 1
            # "Party of Democratic Action", "National Bank of Romania"; a company's legal
            # form is not followed by more of its name ("Kia Motor Corp of South Korea")
            of_name = i + 2 < n and doc[i + 1].text == "of" and _org_name_word(doc[i + 2])
            if of_name and text not in self.legal_forms:
                end = i + 2
                while end < n and end - i <= 5 and _org_name_word(doc[end]):
                    end += 1
                if end < n and (_org_name_word(doc[end]) or doc[end].text == "of"):
                    continue
                start = self._walk_left(doc, i)
                if start is None:
                    start = i
                if doc[start:end].text in self.place_names:
                    continue
                yield start, end
                continue
            start = self._walk_left(doc, i)
            if start is None:
                continue
            words = sum(1 for t in doc[start:i] if _org_name_word(t))
            if words < min_words:
                continue
            if doc[start : i + 1].text in self.place_names:  # "West Bank" is a place
                continue
            yield start, i + 1

    def _walk_left(self, doc: Doc, i: int) -> int | None:
        start = i
        j = i - 1
        while j >= 0 and i - j <= _MAX_NAME:
            token = doc[j]
            if _org_name_word(token):
                start = j
                if _opens_line_or_sentence(doc, j):
                    break
            elif token.text == "-":  # "Bre-X": a hyphen inside a word only
                if token.whitespace_ or doc[j - 1].whitespace_:
                    break
            elif token.text == "of":
                # "Gold Fields of South Africa Ltd"; not "Shares of X Co", "Lynn Reaser of X Inc"
                if j < 2 or not _org_name_word(doc[j - 1]) or _opens_line_or_sentence(doc, j - 1):
                    break
                if doc[j - 1].ent_type_ in PEOPLE:
                    break
            elif token.text not in ("&",) and not (
                token.text in _POSSESSIVE and j > 0 and _org_name_word(doc[j - 1])
            ):
                break
            j -= 1
        while start < i and doc[start].text in _LEADERS:
            start += 1
        if start >= i or not _org_name_word(doc[start]) or doc[start].is_stop:
            return None
        return start

    def _around_ampersand(self, doc: Doc, i: int) -> tuple[int, int] | None:
        if i == 0 or i + 1 >= len(doc) or not _org_name_word(doc[i - 1]):
            return None
        if not _org_name_word(doc[i + 1]):
            return None
        start = i - 1
        while start > 0 and i - start < _MAX_NAME and _org_name_word(doc[start - 1]):
            if _line_start(doc, start):
                break
            start -= 1
        while start < i and (doc[start].text in _LEADERS or doc[start].is_stop):
            start += 1
        end = i + 2
        while end < len(doc) and end - i < 4:
            if not (_org_name_word(doc[end]) or doc[end].text in self.suffixes):
                break
            end += 1
        return (start, end) if start < i else None

    # -- applying ------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, found: dict[str, Any]) -> None:
        # doc.ents is rebuilt on every read: each step reads it once, and only if it has work
        names: set[str] = found["names"] | {doc[s:e].text for s, e in found["unlabelled"]}
        self._relabel(doc, found["relabel"], names, countries=True)
        if found["unlabelled"]:
            spans = [
                Candidate(Span(doc, s, e, label="ORG"), "rule") for s, e in found["unlabelled"]
            ]
            merge(doc, spans, FILL)
        if names:
            merge(doc, list(self._unlabelled_mentions(doc, names)), FILL)
        merge(doc, list(self._suffixed_candidates(doc, found["suffixed"])), OVERRIDE)
        merge(doc, list(self._sponsors(doc)), OVERRIDE)
        self._known(doc, found["known"])
        ents = entities(doc)
        acronyms = self._acronyms(doc, ents)
        if acronyms:
            self._relabel(doc, set(), acronyms)
            merge(doc, list(self._unlabelled_mentions(doc, acronyms)), FILL)
            ents = entities(doc)
        short = self._short_forms(ents)
        if short:
            self._relabel(doc, set(), short, people=False)
            merge(doc, list(self._unlabelled_mentions(doc, short)), FILL)

    def _relabel(
        self,
        doc: Doc,
        chosen: set[int],
        names: set[str],
        *,
        people: bool = True,
        countries: bool = False,
    ) -> None:
        """ORG for the chosen entities and for the other mentions of `names` (not in a
        dateline, not after "in": "In Seattle, ..." is the city; not people unless `people`)."""
        ents = list(entities(doc))
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ == "ORG":
                # `countries`: a country the model called an organisation is a place; a
                # national side and a government are named by their country ("England's
                # opening qualifier", "Ghana")
                if countries and ent._.ent_source is None and self._country(_text(doc, ent)):
                    ents[i] = Span(doc, ent.start, ent.end, label="LOC")
                    ents[i]._.ent_source = "rule"
                    changed = True
                continue
            propagate = (
                _text(doc, ent) in names
                and (ent.label_ in PLACES or people and ent.label_ in PEOPLE)
                and ent._.ent_source in (None, "rule")
                and not self._is_dateline(doc, ent.start, ent.end)
                and not (ent.start and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS)
            )
            if i in chosen or propagate:
                ents[i] = Span(doc, ent.start, ent.end, label="ORG")
                ents[i]._.ent_source = "rule"
                changed = True
        if changed:
            set_entities(doc, ents)

    def _sponsors(self, doc: Doc) -> Iterable[Candidate]:
        """A result line's team after a rider's or driver's country: "Lance Armstrong (U.S.)
        Motorola 2 seconds behind", "Al Unser Jr (U.S.), Penske Mercedes-Benz, 54.683"."""
        n = len(doc)
        closing = positions(doc, ORTH, self._close_ids)
        owner = {t: e for e in entities(doc) for t in range(e.start, e.end)} if closing else {}
        for i in closing:
            opening = next((j for j in range(i - 1, max(i - 5, 0), -1) if doc[j].text == "("), None)
            if opening is None or opening == 0 or not _org_name_word(doc[opening - 1]):
                continue
            country = doc[opening + 1 : i].text
            if country not in self.countries and country not in self.nations:
                continue
            start = i + 1 + (i + 1 < n and doc[i + 1].text == ",")
            end = start
            while (
                end < n
                and end - start < 5
                and (_org_name_word(doc[end]) or doc[end].text == "-" and not doc[end].whitespace_)
            ):
                end += 1
            if (
                end == start
                or not _org_name_word(doc[end - 1])
                or end < n
                and not _ends_result(doc[end])
            ):
                continue
            overlapping = {owner[t] for t in range(start, end) if t in owner}
            if any(e.start < start or e.end > end or e.label_ == "ORG" for e in overlapping):
                continue
            if self._is_nation(doc[start:end].text):
                continue
            yield Candidate(Span(doc, start, end, label="ORG"), "rule")

    def _short_forms(self, ents: Iterable[Span]) -> set[str]:
        """ "Magna International Inc" is "Magna" and "Magna International" further on; a
        company's first word is not a person's name though ("Johnson Controls Inc")."""
        found = set()
        for ent in ents:
            if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].text not in self.suffixes:
                continue
            end = len(ent)
            while end > 0 and (ent[end - 1].text in self.suffixes or ent[end - 1].text == "&"):
                end -= 1
            first = ent[0].text
            forms = {ent[:end].text} if end else set()
            # not an adjective ("Scottish", "Islamic") or a suffix ("Company")
            if end > 1 and not first.endswith(_ADJECTIVE) and first not in self.suffixes:
                forms.add(first)
            for form in forms:
                if _org_name_word(ent[0]) and form not in self.place_names:
                    if not self._is_nation(form) and not ent[0].is_stop:
                        found.add(form)
        return found

    def _country(self, text: str) -> bool:
        text = text.title() if text.isupper() else text
        return text in self.countries or text in self.nations

    @staticmethod
    def _acronyms(doc: Doc, ents: Iterable[Span]) -> set[str]:
        """ "Party of Democratic Action (SDA)", "the FOMC (Federal Open Market Committee)":
        capitals in brackets after an organisation, or before it, name it; the article then
        uses them alone."""
        found = set()
        n = len(doc)
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start, ent.end
            if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")":
                short = doc[e + 1].text
            elif s >= 2 and e < n and doc[s - 1].text == "(" and doc[e].text == ")":
                short = doc[s - 2].text
            else:
                continue
            if 2 <= len(short) <= 6 and short.isupper() and short.replace(".", "").isalpha():
                found.add(short)
        return found

    def _suffixed_candidates(self, doc: Doc, spans: list[tuple[int, int]]) -> Iterable[Candidate]:
        if not spans:
            return
        ents = list(entities(doc))
        wider = {}
        for k, ent in enumerate(ents):
            if ent.label_ not in PEOPLE:
                wider.update(((t, ent.end), k) for t in range(ent.start, ent.end))
        relabelled = False
        for s, e in spans:
            # The model's longer name ending where this one ends stands, as an organisation:
            # "State Law and Order Restoration Council", "Bodman, Longely & Dahling".
            k = wider.get((s, e))
            if k is not None and ents[k].start < s:
                if ents[k].label_ != "ORG":
                    ents[k] = Span(doc, ents[k].start, e, label="ORG")
                    ents[k]._.ent_source = "rule"
                    relabelled = True
                continue
            span = Span(doc, s, e, label="ORG")
            chars = None
            # "Lear Corp." ending a line: the full stop closes the sentence, not the name
            if doc[e - 1].text.endswith(".") and (e == len(doc) or doc[e].is_space):
                chars = (span.start_char, span.end_char - 1)
            yield Candidate(span, "rule", chars=chars)
        if relabelled:
            set_entities(doc, ents)

    def _unlabelled_mentions(self, doc: Doc, names: set[str]) -> Iterable[Candidate]:
        forms = {}
        for name in names:
            forms[name] = name
            forms[name.upper()] = name  # headlines in capitals
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for m in re.finditer(r"(?<!\w)(?:" + alternatives + r")(?!\w)", doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="ORG")
            if span is None or self._is_dateline(doc, span.start, span.end):
                continue
            if not inside_longer_name(doc, span.start, span.end, known=True):
                yield Candidate(span, "rule")

    def _known(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        if not matches:
            return
        ents = list(entities(doc))
        by_extent = {(e.start, e.end): k for k, e in enumerate(ents)}
        changed = False
        fill = []
        for s, e in matches:
            k = by_extent.get((s, e))
            if k is None:
                if not inside_longer_name(doc, s, e, known=True):
                    fill.append(Candidate(Span(doc, s, e, label="ORG"), "rule"))
            elif ents[k].label_ in PLACES or ents[k].label_ == "MISC":
                ents[k] = Span(doc, s, e, label="ORG")
                ents[k]._.ent_source = "rule"
                changed = True
        if changed:
            set_entities(doc, ents)
        merge(doc, fill, FILL)


@Language.factory(
    "briefing_org_cues",
    default_config={"patterns": "org_cues_en.jsonl", "places": "gazetteer.jsonl regions.jsonl"},
)
def make_org_cues(nlp: Language, name: str, patterns: str | None, places: str | None) -> OrgCues:
    """English teams and companies named after places, or missed: relabelled or added as ORG."""
    return OrgCues(nlp, name, patterns, places)
