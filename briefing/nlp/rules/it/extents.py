"""Where an Italian name begins and ends, as KIND annotates it: "provincia di Siena", "governo greco".

A model reads the capitalised words and stops there, while Italian names of places and bodies
often open with a lowercase head word or close with a lowercase adjective. KIND's training
data puts some heads inside the span and others outside, word by word ("provincia di X" 65
times in, once out; "stazione di X" 3 in, 14 out), so only heads it puts inside in most cases
are taken in, and only for the labels it gives them ("via" makes a street, never "via
Twitter"). An adjective of nationality right after an organisation ("il parlamento greco") or
a relational adjective after an organisation or place ("Commissione tributaria", "Asia
centrale", by ending: -ale, -ile, -ense, -ese, -aria) is inside too (train 147 in, 12 out);
after a place a nationality stays out ("Kurdistan iracheno"). A name never ends on a
preposition or article ("Ufficio di presidenza di").
KIND tags no events, awards or competitions ("Coppa X", "X Awards", "MotoGP": train 44 of 52
untagged) and no common acronyms ("URL", "LSD"): the first become MISC (shown, not scored),
the second are dropped. So do genera: a capitalised word before a Latin species name ("Homo
habilis") or after "batterio", "specie", "genere" is MISC wherever the article names it.
Patterns are JSONL: {"head": "provincia", "linked": true, "labels": ["LOC", "ORG"]},
{"nationality": "greco", "forms": [...]}, {"ending": "ale"}, {"not_adjective": [...]},
{"not_a_name": ["URL", ...]}, {"event_first": ["Coppa", ...]}, {"event_last": ["Awards", ...]},
{"event_name": ["MotoGP", ...]}.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.lexicon import it
from briefing.nlp.rules.shared.regex_rules import SavesPatterns
from briefing.nlp.spans import entities, set_entities

SCORED = frozenset({"PER", "ORG", "LOC"})
# between a head word and the name: "provincia di Siena", "regione del Caucaso"
_LINKS = it.OF
# a name never ends on one of these
_DANGLING = _LINKS | frozenset(
    {"a", "al", "alla", "da", "dal", "dalla", "in", "nel", "nella", "con", "per", "su", "sul"}
    | {"e", "ed", "o", "il", "lo", "la", "le", "i", "gli", "l'", "l’", "un", "una", "senza"}
)
_MAX_ADJECTIVES = 2
# "Homo habilis", "il batterio Helicobacter": a genus and its species, never a name in KIND
_EPITHET_ENDINGS = ("us", "um", "is", "ae", "ii")
_LATIN_LOANS = frozenset(
    {"virus", "bonus", "bus", "autobus", "airbus", "campus", "corpus", "status", "forum"}
    | {"album", "referendum", "quorum", "tennis", "gratis", "bis", "plus", "minus", "rebus"}
    | {"lapis", "iris", "humus", "focus", "summit", "curriculum", "premium", "memorandum"}
)
_TAXON_CUES = frozenset({"batterio", "batteri", "specie", "genere", "ceppo", "parassita"})


def _lower_word(token: Any) -> bool:
    return token.is_alpha and token.is_lower


class Extents(SavesPatterns):
    """Widens or trims the model's names to the extent KIND's annotation gives them."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        # (head word, whether a link word follows it) -> the labels KIND gives such names
        self.heads: dict[tuple[str, bool], frozenset[str]] = {}
        self.nationalities: set[str] = set()
        self.endings: tuple[str, ...] = ()
        self.not_adjectives: set[str] = set()
        self.not_names: set[str] = set()
        self.events: set[str] = set()
        self.event_first: tuple[str, ...] = ()
        self.event_last: tuple[str, ...] = ()
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        endings = set(self.endings)
        for p in mine:
            if "head" in p:
                key = (p["head"], bool(p.get("linked")))
                self.heads[key] = frozenset(p.get("labels") or SCORED)
            elif "nationality" in p:
                self.nationalities.update(p.get("forms") or [p["nationality"]])
            elif "ending" in p:
                endings.add(p["ending"])
            elif "not_adjective" in p:
                self.not_adjectives.update(p["not_adjective"])
            elif "not_a_name" in p:
                self.not_names.update(p["not_a_name"])
            elif "event_name" in p:
                self.events.update(p["event_name"])
            elif "event_first" in p:
                self.event_first += tuple(f"{w} " for w in p["event_first"])
            elif "event_last" in p:
                self.event_last += tuple(f" {w}" for w in p["event_last"])
        self.endings = tuple(sorted(endings))

    def clear_patterns(self) -> None:
        self.patterns = []
        self.heads = {}
        self.nationalities = set()
        self.endings = ()
        self.not_adjectives = set()
        self.not_names = set()
        self.events = set()
        self.event_first = ()
        self.event_last = ()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, str]]:
        """(index in doc.ents, start, end, label) of every name whose extent changes."""
        if not self.patterns:
            return []
        ents = entities(doc)
        taken = {t for e in ents for t in range(e.start, e.end)}
        genera = self._genera(doc, ents)
        changes = []
        for k, ent in enumerate(ents):
            if ent.label_ not in SCORED:
                continue
            label = "MISC" if doc[ent.start].text in genera else self._kind(ent)
            if label is None:
                changes.append((k, ent.start, ent.start, ent.label_))
                continue
            if label != ent.label_:
                changes.append((k, ent.start, ent.end, label))
                continue
            start, end = self._trim(doc, ent.start, ent.end, label)
            start = self._head(doc, start, label, taken)
            end = self._adjectives(doc, end, label, taken)
            if (start, end) != (ent.start, ent.end):
                changes.append((k, start, end, label))
        return changes

    def _genera(self, doc: Doc, ents: tuple[Span, ...]) -> set[str]:
        """Capitalised words the article uses as a genus: before a Latin species name
        ("Homo habilis") or after a word for a kind of organism ("il batterio Helicobacter")."""
        found = set()
        n = len(doc)
        for ent in ents:
            first = ent.start
            after = first + 1
            epithet = after < n and doc[after].is_lower and doc[after].is_alpha
            if epithet:
                word = doc[after].text
                epithet = word.endswith(_EPITHET_ENDINGS) and word not in _LATIN_LOANS
            cue = first > 0 and doc[first - 1].lower_ in _TAXON_CUES
            if (epithet or cue) and doc[first].is_title:
                found.add(doc[first].text)
        return found

    def _kind(self, ent: Span) -> str | None:
        """The entity's label, MISC for an event or award, None for a word that names nothing."""
        text = ent.text
        if len(ent) == 1 and text in self.not_names:
            return None
        if (
            text in self.events
            or text.startswith(self.event_first)
            or text.endswith(self.event_last)
        ):
            return "MISC"
        if len(ent) == 1 and f"{text} ".startswith(self.event_first):
            return "MISC"  # "uno Slam"
        return ent.label_

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        # "Ufficio di presidenza di": a name never ends on a preposition ("Jong-un" does)
        while end - start > 1 and doc[end - 1].text in _DANGLING and doc[end - 2].whitespace_:
            end -= 1
        # "ospedale di [Tora]": KIND keeps a place's head outside unless it is a kept one
        if (
            label == "LOC"
            and end - start > 2
            and doc[start].is_lower
            and doc[start + 1].lower_ in _LINKS
            and (doc[start].text, True) not in self.heads
            and doc[start + 2].text[:1].isupper()
        ):
            start += 2
        return start, end

    def _head(self, doc: Doc, start: int, label: str, taken: set[int]) -> int:
        """The start of "provincia di [Siena]": the head word, if KIND keeps it inside."""
        i = start - 1
        linked = i >= 0 and doc[i].lower_ in _LINKS
        if linked:
            i -= 1
        if i < 0 or not doc[i].is_lower or any(t in taken for t in range(i, start)):
            return start
        labels = self.heads.get((doc[i].text, linked))
        if labels is None or label not in labels:
            return start
        return i

    def _adjectives(self, doc: Doc, end: int, label: str, taken: set[int]) -> int:
        """The end of "[il parlamento] greco", "[Asia] centrale": adjectives KIND keeps in."""
        if label == "PER":
            return end
        n = len(doc)
        j = end
        while j < n and j - end < _MAX_ADJECTIVES and j not in taken and _lower_word(doc[j]):
            if not self._adjective(doc[j].text, label):
                break
            j += 1
        return j

    def _adjective(self, word: str, label: str) -> bool:
        if word in self.not_adjectives or len(word) < 5:
            return False
        if word.endswith(self.endings):
            return True
        # "Kurdistan iracheno": a nationality after a place is not part of it
        return label == "ORG" and word in self.nationalities

    def set_annotations(self, doc: Doc, changes: list[tuple[int, int, int, str]]) -> None:
        if not changes:
            return
        replaced = {k: (s, e, label) for k, s, e, label in changes}
        out = []
        for k, ent in enumerate(entities(doc)):
            if k not in replaced:
                out.append(ent)
                continue
            s, e, label = replaced[k]
            if s < e:
                out.append(Span(doc, s, e, label=label))
        set_entities(doc, out)


@Language.factory("briefing_extents", default_config={"patterns": "extents_it.jsonl"})
def make_extents(nlp: Language, name: str, patterns: str | None) -> Extents:
    """Italian names widened to a lowercase head or adjective KIND keeps inside them."""
    return Extents(nlp, name, patterns)
