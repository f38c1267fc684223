"""People the model read as places or organisations: "una statua di Cristoforo Colombo".

A model that meets a full name whose surname is also a town ("Colombo") or whose words look
foreign ("Samantha Stosur") often calls it a place or an organisation. A first name is the
surest sign of a person, so this component relabels PER a name of two or three capitalised
words that the model called a place or an organisation when its first word is a listed first
name, unless something says it is a thing named after a person: the whole name is a listed
place, a later word is a place's or a company's head ("Phillip Island", "Adam Air"), or the
word before it is an article or an articulated preposition ("del Maria Vittoria", "il Wanda
Metropolitano"; Italian puts none before a full name), or a word for a kind of place or
organisation ("la società Urban Screen", "lo stadio Benito Stirpe").
A name right after a word for a relative or friend is a person too ("suo fratello George",
"il mio amico Arnold"; KIND train: 31 of 32 such names are people). The first and last
words of a full name it relabels are that person alone too ("Colombo", "Irma"). A saint on
his feast day is a person, not a place named after him ("la festa di San Giacomo"; KIND
train labels "festa di San Francesco" and "giorno di Santo Stefano" people). A word the
model glued before a full name goes: a headline's verb the article writes in lowercase too
("Morta Terri Schiavo"), or the office after a role ("il procuratore della Repubblica Ilda
Boccassini"); the first name must follow it, and no particle may be it ("De Luca").
First names are JSONL, {"name": "Cristoforo"}, in first_names.jsonl, built by
`python -m briefing.nlp.build.first_names --train KIND_TRAIN.jsonl` from Faker's person providers (several European
languages; Faker is needed only to build) and the first words of full names in KIND's
training set, less words the training set writes in lowercase (ordinary words: "rosa") or
opens more places and organisations with than people. Cues are JSONL too,
{"cue": "fratello", "kind": "kin", "lang": "it"}; kind "kin" is a relative or friend,
"named" a kind of place or organisation often named after a person ("stadio", "via"),
"head" a place's or company's last word ("Island", "Air"), "saint_day" a feast ("festa").
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.labels import ORGS, PLACES
from briefing.nlp.rules.shared.regex_rules import (
    SavesPatterns,
    listed_places,
    pattern_path,
    read_jsonl,
)
from briefing.nlp.spans import doc_text, entities, relabel, set_entities

NAMES_FILE = "first_names.jsonl"
_ROLES_FILE = "roles.jsonl"
_KIND_FILES = ("org_kinds_it.jsonl", "place_cues_it.jsonl")
_THINGS = PLACES | ORGS
# An article or an articulated preposition before a full name makes it a thing named after
# a person ("il Wanda Metropolitano", "al pronto soccorso del Maria Vittoria"); so does a
# preposition of place ("ad Alice Castello", "da Cristoforo Colombo").
_NOT_BEFORE_PEOPLE = frozenset(
    {"il", "lo", "la", "l'", "l’", "i", "gli", "le", "un", "uno", "una", "the"}
    | {"del", "dello", "della", "dell'", "dell’", "dei", "degli", "delle"}
    | {"al", "allo", "alla", "all'", "all’", "ai", "agli", "alle"}
    | {"dal", "dallo", "dalla", "dall'", "dall’", "dai", "dagli", "dalle"}
    | {"nel", "nello", "nella", "nell'", "nell’", "nei", "negli", "nelle"}
    | {"sul", "sullo", "sulla", "sull'", "sull’", "sui", "sugli", "sulle"}
    | {"a", "ad", "in", "da"}
)
_OF = frozenset({"di", "d'", "d’"})
# Words before a relative that make it a relative of someone: "il fratello", "mio fratello".
_KIN_BEFORE = frozenset(
    {"il", "lo", "la", "l'", "l’", "i", "gli", "le", "mio", "mia", "miei", "mie", "tuo"}
    | {"tua", "suo", "sua", "suoi", "sue", "nostro", "nostra", "vostro", "vostra", "loro"}
    | {"del", "dello", "della", "al", "allo", "alla", "dal", "dallo", "dalla", "col"}
    | {"nel", "nella", "sul", "sulla", "e", "ed", ","}
)
_PEOPLE = frozenset({"PER", "PERSON"})
_OF_THE = frozenset({"del", "dello", "della", "dell'", "dell’", "dei", "degli", "delle"})
# Words that open surnames or come before names: "De Luca", "Don Mario Rossi".
_PARTICLES = frozenset(
    {"de", "di", "da", "del", "della", "dal", "dalla", "la", "lo", "le", "van", "von", "der"}
    | {"den", "mac", "mc", "al", "el", "abu", "bin", "ben", "ibn", "dos", "das", "du", "des"}
    | {"san", "santa", "santo", "saint", "st", "don", "padre", "papa", "suor", "fra", "mons"}
)
_SAINTS = frozenset({"san", "santo", "santa", "sant'", "sant’", "ss.", "s."})
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'’][A-ZÀ-Ýa-zà-ÿ]+)?$")


def _name_word(token: Any) -> bool:
    return bool(_NAME_WORD.match(token.text))


class People(SavesPatterns):
    """Relabels PER the full names with a first name that the model called things."""

    def __init__(self, nlp: Language, name: str, names: str | None, cues: str | None) -> None:
        self._begin(nlp, name)
        self.names: set[str] = set()
        self.kin: set[str] = set()
        self.named: set[str] = set()
        self.heads: set[str] = set()
        self.saint_days: set[str] = set()
        self.places: frozenset[str] = frozenset()
        self.roles: set[str] = set()
        self._read(names)
        self._read(cues)
        self.places, _ = listed_places(self.lang)
        self.roles = {
            row["role"].lower()
            for row in read_jsonl(pattern_path(_ROLES_FILE))
            if row.get("lang") in (None, self.lang)
        }
        # organisation kinds and place kinds are cues of things too ("la società X")
        for file_name in _KIND_FILES:
            self.named.update(
                row["cue"].lower()
                for row in read_jsonl(pattern_path(file_name))
                if row.get("lang") in (None, self.lang)
                and " " not in row["cue"]
                and row.get("frame") is None
            )

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        for row in patterns:
            if row.get("lang") not in (None, self.lang):
                continue
            self.patterns.append(row)
            if "name" in row:
                self.names.add(row["name"])
                continue
            kind, cue = row.get("kind"), row["cue"]
            if kind == "kin":
                self.kin.add(cue.lower())
            elif kind == "named":
                self.named.add(cue.lower())
            elif kind == "head":
                self.heads.add(cue)
            elif kind == "saint_day":
                self.saint_days.add(cue.lower())

    def clear_patterns(self) -> None:
        self.patterns = []
        self.names, self.kin, self.named, self.heads = set(), set(), set(), set()
        self.saint_days = set()

    def __call__(self, doc: Doc) -> Doc:
        if entities(doc):
            self.trim(doc)
            self.set_annotations(doc, self.match(doc))
        return doc

    def trim(self, doc: Doc) -> None:
        """A word glued before a full name goes: a headline's verb ("Morta Terri Schiavo",
        "morta" in lowercase elsewhere in the article) or the office a role names ("il
        procuratore della Repubblica Ettore Rossi")."""
        ents = list(entities(doc))
        changed = False
        text = None
        for i, ent in enumerate(ents):
            if (
                len(ent) < 3
                or ent._.ent_source is not None
                or ent[1].text not in self.names
                or ent[0].text in self.names
                or ent[0].lower_ in _PARTICLES
                or not all(_name_word(t) for t in ent[:3])
            ):
                continue
            if not self._after_role(doc, ent.start):
                if ent.label_ not in _PEOPLE:
                    continue
                if text is None:
                    text = doc_text(doc)
                if not re.search(rf"(?<![\w'’]){re.escape(ent[0].lower_)}(?!\w)", text):
                    continue
            ents[i] = Span(doc, ent.start + 1, ent.end, label="PER")
            ents[i]._.ent_source = "rule"
            changed = True
        if changed:
            set_entities(doc, ents)

    def _after_role(self, doc: Doc, start: int) -> bool:
        """ "il presidente della", "il procuratore generale della" right before."""
        if start < 2 or doc[start - 1].lower_ not in _OF_THE:
            return False
        return any(doc[i].lower_ in self.roles for i in range(max(0, start - 4), start - 1))

    def match(self, doc: Doc) -> list[int]:
        """Indexes in doc.ents of the model's places and organisations that are people."""
        found = []
        words: set[str] = set()  # the words of the full names found: "Colombo" alone too
        ents = entities(doc)
        for i, ent in enumerate(ents):
            if ent.label_ not in _THINGS:
                continue
            # a relative is a person whoever said otherwise (towns: "il mio amico Arnold")
            if self._after_kin(doc, ent.start) or self._saint(doc, ent):
                found.append(i)
            elif ent._.ent_source is None and self._full_name(doc, ent):
                found.append(i)
                words.update(t.text for t in (ent[0], ent[-1]) if len(t) > 3)
        if words:
            found += [
                i
                for i, ent in enumerate(ents)
                if ent.label_ in _THINGS and ent.text in words and ent._.ent_source is None
            ]
        return sorted(set(found))

    def _full_name(self, doc: Doc, ent: Span) -> bool:
        if not 2 <= len(ent) <= 3 or ent[0].text not in self.names:
            return False
        if not all(_name_word(t) for t in ent) or ent.text in self.places:
            return False
        if any(t.text in self.heads for t in ent[1:]):
            return False
        return not self._thing_before(doc, ent.start)

    def _thing_before(self, doc: Doc, start: int) -> bool:
        """An article, a preposition of place or a kind of thing right before the name:
        "il Wanda Metropolitano", "la società Urban Screen", "lo stadio di Benito Stirpe"."""
        i = start - 1
        if i < 0:
            return False
        word = doc[i].lower_
        if word in _OF:  # "lo stadio di Benito Stirpe", but "una statua di Cristoforo Colombo"
            return i > 0 and doc[i - 1].lower_ in self.named
        return word in self.named or word in _NOT_BEFORE_PEOPLE

    def _saint(self, doc: Doc, ent: Span) -> bool:
        """ "la festa di San Giacomo": the saint, not a place named after him."""
        i = ent.start - 2
        return (
            i >= 0
            and ent[0].lower_ in _SAINTS
            and doc[i + 1].lower_ == "di"
            and doc[i].lower_ in self.saint_days
        )

    def _after_kin(self, doc: Doc, start: int) -> bool:
        """ "suo fratello George", "il mio amico Arnold", "la sorellastra di Arnold"."""
        i = start - 1
        if i >= 1 and doc[i].lower_ == "di":
            i -= 1
        return i >= 1 and doc[i].lower_ in self.kin and doc[i - 1].lower_ in _KIN_BEFORE

    def set_annotations(self, doc: Doc, found: list[int]) -> None:
        if found:
            relabel(doc, found, "PER")


@Language.factory(
    "briefing_people",
    default_config={"names": NAMES_FILE, "cues": "people_cues_it.jsonl"},
)
def make_people(nlp: Language, name: str, names: str | None, cues: str | None) -> People:
    """Full names with a first name, and names after a relative, the model called places or
    organisations, become people."""
    return People(nlp, name, names, cues)
