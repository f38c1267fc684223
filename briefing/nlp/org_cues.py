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
Patterns are JSONL in nlp/patterns/org_cues_en.jsonl, one object a line:
  {"kind": "suffix", "word": "Ltd", "min_words": 1}   a word that closes an organisation name
  {"kind": "before", "words": "beat", "frame": "team"}   words right before a team or company
  {"kind": "after", "words": "captain", "frame": "team"} words right after it (or after its 's)
  {"kind": "nation", "pattern": "England"}               a national side: stays a place
  {"kind": "org", "pattern": "Reuters"}                  a well-known organisation
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from briefing.nlp.regex_rules import PATTERNS_DIR, PATTERNS_FILE, read_jsonl, write_jsonl
from briefing.nlp.spans import (
    FILL,
    OVERRIDE,
    Candidate,
    ensure_extensions,
    inside_longer_name,
    merge,
)

PLACES = frozenset({"LOC", "GPE", "FAC"})
PEOPLE = frozenset({"PER", "PERSON"})
_RELABEL = PLACES | PEOPLE
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# A result line: the name opens the line or follows one of these, and a score follows it.
_LINE_OPENERS = frozenset({":", ",", ";", "-", "(", "and"})
_YEAR = re.compile(r"^(?:19|20)\d\d")
_SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_MAX_NAME = 6  # words before a suffix
_ARTICLES = frozenset({"The", "A", "An"})


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_space or "\n" in doc[i - 1].text


def _name_word(token: Token) -> bool:
    """A word that can be part of an organisation's name: "Lomason", "A.G.", "KeyCorp", "NBD";
    not a long word in capitals (a headline's), not a number."""
    text = token.text
    if not text[0].isupper():
        return False
    if token.is_alpha:
        return not token.is_upper or len(text) <= 4
    return bool(_INITIALS.fullmatch(text))


class OrgCues:
    """Relabels places and people acting as teams or companies ORG; adds missed companies."""

    def __init__(self, nlp: Language, name: str, patterns: str | None, places: str | None) -> None:
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.countries: set[str] = set()
        self.place_names: set[str] = set()
        self._reset()
        if patterns:
            self.add_patterns(read_jsonl(PATTERNS_DIR / patterns))
        if places and self.active:  # other languages have no patterns: skip the big list
            self._read_places(PATTERNS_DIR / places)

    def _reset(self) -> None:
        self.patterns: list[dict[str, Any]] = []
        self.suffixes: dict[str, int] = {}
        self.before: dict[str, list[tuple[str, ...]]] = {}
        self.after: dict[str, list[tuple[str, ...]]] = {}
        self.nations: set[str] = set()
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
            elif kind in ("before", "after"):
                words = tuple(row["words"].lower().split())
                table = self.before if kind == "before" else self.after
                key = words[-1] if kind == "before" else words[0]
                table.setdefault(key, []).append(words)
            elif kind == "nation":
                self.nations.add(row["pattern"])
            elif kind == "org":
                orgs.append(row["pattern"])
        if orgs:
            self.orgs.add("ORG", list(self.nlp.tokenizer.pipe(orgs)))

    @property
    def active(self) -> bool:
        return bool(self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        if self.active and len(doc):
            self.set_annotations(doc, self.match(doc))
        return doc

    # -- finding -------------------------------------------------------------------------

    def _is_nation(self, text: str) -> bool:
        return text in self.countries or text in self.nations or text.title() in self.nations

    def _cue_before(self, doc: Doc, start: int) -> bool:
        if start == 0:
            return False
        for words in self.before.get(doc[start - 1].lower_, ()):
            n = len(words)
            if start >= n and tuple(t.lower_ for t in doc[start - n : start]) == words:
                return True
        return False

    def _cue_after(self, doc: Doc, end: int) -> bool:
        if end < len(doc) and doc[end].text in _POSSESSIVE:
            end += 1
        if end >= len(doc):
            return False
        for words in self.after.get(doc[end].lower_, ()):
            n = len(words)
            if tuple(t.lower_ for t in doc[end : end + n]) == words:
                return True
        return False

    def _score_follows(self, doc: Doc, start: int, end: int) -> bool:
        """ "Somerset 83 and 174", "Kent 108-3", "Middlesex 20 points" opening a result line."""
        if end >= len(doc) or not _SCORE.match(doc[end].text) or _YEAR.match(doc[end].text):
            return False
        if doc[start:end].text.isupper():  # "LONDON 1996-08-30" is a dateline
            return False
        return _line_start(doc, start) or doc[start - 1].lower_ in _LINE_OPENERS

    def _is_dateline(self, doc: Doc, start: int, end: int) -> bool:
        if not _line_start(doc, start) or end >= len(doc):
            return False
        after = doc[end].text
        return after == "," or bool(_YEAR.match(after))

    def match(self, doc: Doc) -> dict[str, Any]:
        """What to change: entities to relabel, the names they carry, spans to add."""
        ents = doc.ents
        placey = {e.text for e in ents if e.label_ in PLACES}
        relabel: set[int] = set()
        for i, ent in enumerate(ents):
            if ent.label_ not in _RELABEL or ent._.ent_source not in (None, "rule"):
                continue
            text = ent.text
            if self._is_nation(text):
                continue
            if ent.label_ in PEOPLE and text not in placey and text not in self.place_names:
                continue
            if (
                self._cue_before(doc, ent.start)
                or self._cue_after(doc, ent.end)
                or self._score_follows(doc, ent.start, ent.end)
            ):
                relabel.add(i)
        return {
            "relabel": relabel,
            "names": {ents[i].text for i in relabel},
            "suffixed": list(self._suffixed(doc)),
            "known": [(s, e) for _, s, e in self.orgs(doc)],
        }

    def _suffixed(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """Capitalised words closed by a suffix ("Barnett Banks Inc."), or joined by "&"."""
        n = len(doc)
        for i, token in enumerate(doc):
            text = token.text
            if text == "&":
                span = self._around_ampersand(doc, i)
                if span:
                    yield span
                continue
            min_words = self.suffixes.get(text)
            if min_words is None or i == 0:
                continue
            # the name goes on: the last suffix ("Industries Inc") or the next word decides
            if i + 1 < n and (doc[i + 1].text in self.suffixes or _name_word(doc[i + 1])):
                continue
            start = self._walk_left(doc, i)
            if start is None:
                continue
            words = sum(1 for t in doc[start:i] if _name_word(t))
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
            if _name_word(token):
                start = j
                if j == 0 or _line_start(doc, j) or doc[j - 1].text in '.!?"“:;(':
                    break
            elif token.text == "-":  # "Bre-X": a hyphen inside a word only
                if token.whitespace_ or doc[j - 1].whitespace_:
                    break
            elif token.text not in ("&",) and not (
                token.text in _POSSESSIVE and j > 0 and _name_word(doc[j - 1])
            ):
                break
            j -= 1
        if start < i and doc[start].text in _ARTICLES:
            start += 1
        if start >= i or not _name_word(doc[start]) or doc[start].is_stop:
            return None
        return start

    def _around_ampersand(self, doc: Doc, i: int) -> tuple[int, int] | None:
        if i == 0 or i + 1 >= len(doc) or not _name_word(doc[i - 1]):
            return None
        if not _name_word(doc[i + 1]):
            return None
        start = i - 1
        while start > 0 and i - start < _MAX_NAME and _name_word(doc[start - 1]):
            if _line_start(doc, start):
                break
            start -= 1
        if doc[start].text in _ARTICLES or doc[start].is_stop:
            start += 1
        end = i + 2
        while end < len(doc) and end - i < 4:
            if not (_name_word(doc[end]) or doc[end].text in self.suffixes):
                break
            end += 1
        return (start, end) if start < i else None

    # -- applying ------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, found: dict[str, Any]) -> None:
        ents = list(doc.ents)
        names: set[str] = found["names"]
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ == "ORG":
                continue
            propagate = (
                ent.text in names
                and ent.label_ in _RELABEL
                and ent._.ent_source in (None, "rule")
                and not self._is_dateline(doc, ent.start, ent.end)
            )
            if i in found["relabel"] or propagate:
                ents[i] = Span(doc, ent.start, ent.end, label="ORG")
                ents[i]._.ent_source = "rule"
                changed = True
        if changed:
            doc.ents = ents
        if names:
            merge(doc, list(self._unlabelled_mentions(doc, names)), FILL)
        suffixed = [Candidate(Span(doc, s, e, label="ORG"), "rule") for s, e in found["suffixed"]]
        merge(doc, suffixed, OVERRIDE)
        self._known(doc, found["known"])

    def _unlabelled_mentions(self, doc: Doc, names: set[str]) -> Iterable[Candidate]:
        forms = {}
        for name in names:
            forms[name] = name
            forms[name.upper()] = name  # headlines in capitals
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for m in re.finditer(r"(?<!\w)(?:" + alternatives + r")(?!\w)", doc.text):
            span = doc.char_span(m.start(), m.end(), label="ORG")
            if span is None or self._is_dateline(doc, span.start, span.end):
                continue
            if not inside_longer_name(doc, span.start, span.end, known=True):
                yield Candidate(span, "rule")

    def _known(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        if not matches:
            return
        ents = list(doc.ents)
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
            doc.ents = ents
        merge(doc, fill, FILL)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> OrgCues:
        self._reset()
        self.add_patterns(read_jsonl(Path(path) / PATTERNS_FILE))
        return self


@Language.factory(
    "briefing_org_cues",
    default_config={"patterns": "org_cues_en.jsonl", "places": "gazetteer.jsonl"},
)
def make_org_cues(nlp: Language, name: str, patterns: str | None, places: str | None) -> OrgCues:
    """English teams and companies named after places, or missed: relabelled or added as ORG."""
    return OrgCues(nlp, name, patterns, places)
