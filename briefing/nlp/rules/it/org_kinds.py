"""Organisations named after a word that says what they are: "la compagnia Costa Crociere".

News introduces a company, a newspaper or a team by its kind, then its name ("l'agenzia di
stampa Jiji", "il quotidiano Le Monde", "la società Idc", "del partito Baath"). A model that
has never seen the name guesses from its shape, often a person or a place. Where a lowercase
cue word (optionally one lowercase adjective and a comma) is followed by capitalised words,
those words are an organisation, whatever the model said; the cue stays outside the name.
A capitalised cue ("Fondazione Mansi") is part of a name and is left to the model.
The kind may follow the name too: "Velatech, la squadra svizzera", "Velatech è stata la prima
squadra", "Fotonix (azienda software)"; and a field may sit between kind and name ("il colosso
dello streaming Filmora"). Weaker cues name a company by what is done to it or by its people
("gestita da Ferrolux", "l'amministratore delegato di Ferrolux", "un impiegato di Datalux"):
there a full name the model called a person stays a person ("gestito da Mario Rossi").
Once a cue has made a name an organisation, its other mentions in the article are that
organisation too: a person or place reading of exactly the name is relabelled, a mention the
model missed is added (never inside a longer name, so "Anna Rossi" stays whole).
Teams in a match are organisations too, even when named after their town or country: in
"la partita Ecuador - Polonia" or "Juventus - Milan 2-1" both sides are ORG.
Patterns are JSONL, {"cue": "compagnia", "lang": "it"}; a cue may have several words
("agenzia di stampa", "casa editrice"); {"cue": "partita", "frame": "match", "lang": "it"}
names a match; {"cue": "gestita", "frame": "by"} is a weak cue before "da"/"dal"/"dalla"...,
{"cue": "amministratore delegato", "frame": "of"} one before "di"/"del"/"dell'"....
{"cue": "federazioni", "frame": "list"} is a plural kind whose list names organisations
("le federazioni: X, Y e Z", "società come X e Y", "squadre tra cui il X").
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.nlp.labels import ORGS, PEOPLE, TERRITORIES
from briefing.nlp.rules.shared.regex_rules import SavesPatterns
from briefing.nlp.spans import (
    FILL,
    OVERRIDE,
    Candidate,
    Found,
    doc_text,
    entities,
    inside_longer_name,
    merge,
    opens_sentence,
    set_entities,
    to_spans,
)

_MAX_WORDS = 4
_SPREAD_OVER = PEOPLE | TERRITORIES

_NAMES = PEOPLE | TERRITORIES | ORGS
_KIND = "KIND"
_WEAK = "WEAK"
_LIST = "LIST"
_LIST_OPENERS = frozenset({":", "come", "ossia", "cioè", "quali"})
_AMONG = frozenset({"tra", "fra"})
_AND = frozenset({"e", "ed"})
_LIST_ARTICLES = frozenset({"il", "lo", "la", "l'", "l’", "i", "gli", "le"})
_OF = ("di", "del", "della", "dello", "dell'", "dell’", "dei", "degli", "delle")
_BY = ("da", "dal", "dalla", "dallo", "dall'", "dall’", "dai", "dagli", "dalle")
_PREPOSITIONS = {"of": _OF, "by": _BY}
_ARTICLES = frozenset({"il", "lo", "la", "l'", "l’", "un", "uno", "una", "un'", "un’"})
_IS = frozenset({"è", "era", "fu", "sarà"})
_WAS = frozenset({"stata", "stato"})
# "la società di consulenza X", but not "in compagnia della moglie X", "la casa di via X"
_NOT_FIELDS = frozenset(
    {"moglie", "marito", "figlio", "figlia", "madre", "padre", "fratello", "sorella", "amico"}
    | {"amica", "compagno", "compagna", "fidanzato", "fidanzata", "via", "viale", "piazza"}
    | {"corso", "largo", "riposo", "cura", "presidente", "capo", "leader", "segretario"}
    | {"premio", "campionato", "torneo", "festival", "gruppo", "comune", "regione"}
)
# Between the cue and the name: no preposition or article ("l'azienda di Meg Whitman" is
# the company of a person; "la società e il Comune" joins two things).
_NOT_ADJECTIVES = frozenset(
    {"di", "del", "della", "dello", "dei", "degli", "delle", "da", "dal", "dalla", "a", "al"}
    | {"alla", "in", "nel", "nella", "con", "su", "per", "tra", "fra", "e", "ed", "o", "che"}
    | {"il", "lo", "la", "i", "gli", "le", "un", "una", "uno", "of", "the", "and", "is"}
    | {"sul", "sulla", "sullo", "sui", "sugli", "sulle", "nello", "nei", "negli", "nelle"}
    | {"allo", "ai", "agli", "alle", "dallo", "dai", "dagli", "dalle", "dello", "dei"}
    | {"degli", "delle", "col", "coi", "per", "come", "dove", "quando", "non", "si"}
)


# Words inside longer names: "Save the Children", "Autostrade per l'Italia", "Diva e Donna".
_LINKS = frozenset(
    {"di", "del", "della", "dei", "degli", "delle", "d'", "dell'", "d’", "dell’", "per", "e"}
    | {"ed", "of", "the", "and", "on", "for", "du", "de", "des", "la", "le", "l'", "l’"}
)


# "Ecuador - Polonia", "Juventus – Milan": two names of one to three capitalised words
_SIDE = r"[A-ZÀ-Ý][\w'’]*(?: [A-ZÀ-Ý][\w'’]*){0,2}"
_PAIR = rf"({_SIDE}) ?[-–] ?({_SIDE})"
_SCORED_PAIR = re.compile(rf"(?<![\w-]){_PAIR}(?= ?\(?\d{{1,3}} ?[-–] ?\d{{1,3}}\b)")


def _capitalised(doc: Doc, i: int) -> bool:
    """A capital first and a letter somewhere: "Eni", "A2A", "Mps"."""
    token = doc[i]
    return token.text[0].isupper() and (token.is_alpha or any(c.isalpha() for c in token.text))


class OrgKinds(SavesPatterns):
    """Capitalised words right after a lowercase organisation cue are an organisation."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        self.add_patterns([])  # every attribute set, even when no file is named
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        cues = [p["cue"] for p in self.patterns if p.get("frame") is None]
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        if cues:  # lowercase only: "Fondazione Mansi" is a name, not a cue and a name
            self.matcher.add(_KIND, list(self.nlp.tokenizer.pipe(cues)))
        # "gestita da X", "l'amministratore delegato di X": the cue with each form of its
        # preposition ("dalla", "dell'")
        weak = [
            f"{p['cue']} {prep}"
            for p in self.patterns
            if p.get("frame") in _PREPOSITIONS
            for prep in _PREPOSITIONS[p["frame"]]
        ]
        if weak:
            self.matcher.add(_WEAK, list(self.nlp.tokenizer.pipe(weak)))
        plural = [p["cue"] for p in self.patterns if p.get("frame") == "list"]
        if plural:
            self.matcher.add(_LIST, list(self.nlp.tokenizer.pipe(plural)))
        self.list_key = self.nlp.vocab.strings[_LIST]
        self.kind_key = self.nlp.vocab.strings[_KIND]
        matches = [re.escape(p["cue"]) for p in self.patterns if p.get("frame") == "match"]
        # "la partita X - Y": the cue right before the pair; otherwise a score right after
        self.after_cue = re.compile(rf"\b(?i:{'|'.join(matches)}) {_PAIR}\b") if matches else None

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        self.set_teams(doc, self.match_teams(doc))
        return doc

    def match_teams(self, doc: Doc) -> list[Found]:
        """The two sides of a match: after a match word, or before a score."""
        if self.after_cue is None:
            return []
        text = doc_text(doc)
        found = []
        for m in self.after_cue.finditer(text):
            found += [Found(*m.span(1), "ORG"), Found(*m.span(2), "ORG")]
        for m in _SCORED_PAIR.finditer(text):
            found += [Found(*m.span(1), "ORG"), Found(*m.span(2), "ORG")]
        return found

    def set_teams(self, doc: Doc, found: list[Found]) -> None:
        # the side's exact extent, or nothing: "Napoli - Inter" never widens to a token
        spans = [c for c in to_spans(doc, found, "rule") if c.chars is None]
        merge(doc, spans, OVERRIDE)

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        matches = self.matcher(doc)
        if not matches:
            return found
        ents = entities(doc)
        by_end = {e.end: e for e in ents}
        by_start = {e.start: e for e in ents}
        for key, start, end in matches:
            if key == self.list_key:
                found += self._names_listed(doc, end, by_start)
                continue
            if key == self.kind_key:
                before = self._name_before(doc, start, by_end)
                if before:
                    found.append(before)
            name = self._name_after(doc, end, by_start, weak=key != self.kind_key)
            if name:
                found.append(name)
        return found

    def _name_after(
        self, doc: Doc, end: int, by_start: dict[int, Span], *, weak: bool, listed: bool = False
    ) -> tuple[int, int] | None:
        n = len(doc)
        j = end
        if not weak:
            if (
                j + 2 < n
                and doc[j].lower_ in _OF
                and doc[j + 1].is_lower
                and doc[j + 1].is_alpha
                and doc[j + 1].lower_ not in _NOT_FIELDS
            ):
                j += 2  # "il colosso dello streaming Filmora"
            elif (
                j < n
                and doc[j].is_lower
                and doc[j].is_alpha
                and doc[j].lower_ not in _NOT_ADJECTIVES
            ):
                j += 1  # "la compagnia genovese Costa Crociere"
            if j < n and doc[j].text == ",":
                j += 1
        if j >= n or not _capitalised(doc, j):
            return None
        k = j
        while k < n and k - j < _MAX_WORDS and _capitalised(doc, k):
            k += 1
        if k < n and _capitalised(doc, k):
            return None  # longer than a name: a title or a headline
        # the model's own longer reading of the name wins: "Save the Children"
        model = by_start.get(j)
        if model is not None and model.end > k:
            k = model.end
        elif (
            k + 1 < n
            and doc[k].lower_ in _LINKS
            and _capitalised(doc, k + 1)
            and not (listed and doc[k].lower_ in _AND)
        ):
            return None  # a longer name the model did not find: leave it alone
        else:
            # the model's names inside the run are names of their own: "di Ferrolux Mario Rossi"
            k = next((t for t in range(j + 1, k) if t in by_start), k)
        # people run companies too: "gestita da Mario Rossi" is the person
        if weak and not listed and k - j > 1 and (model is None or model.label_ in PEOPLE):
            return None
        return j, k

    def _names_listed(self, doc: Doc, end: int, by_start: dict[int, Span]) -> list[tuple[int, int]]:
        """ "società come X e Y", "le federazioni: X, Y e Z", "squadre tra cui il X": each
        name of the list after a plural kind."""
        n = len(doc)
        i = end
        if i < n and doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in _NOT_ADJECTIVES:
            i += 1  # "aziende americane come"
        if i < n and doc[i].text == ",":
            i += 1
        if i < n and doc[i].lower_ in _LIST_OPENERS:
            i += 1
        elif i + 1 < n and doc[i].lower_ in _AMONG and doc[i + 1].lower_ == "cui":
            i += 2
        else:
            return []
        found = []
        while i < n:
            if doc[i].lower_ in _LIST_ARTICLES:
                i += 1
            name = self._name_after(doc, i, by_start, weak=True, listed=True)
            if name is None:
                break
            found.append(name)
            i = name[1]
            if i < n and doc[i].text == ",":
                i += 1
            elif i < n and doc[i].lower_ in _AND:
                i += 1
            else:
                break
        return found

    def _name_before(self, doc: Doc, start: int, by_end: dict[int, Span]) -> tuple[int, int] | None:
        """ "Velatech, la squadra svizzera", "Velatech è stata la prima squadra",
        "Fotonix (azienda software)": the name right before an article and a kind, or a bracket."""
        i = start - 1
        if i >= 0 and doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in _NOT_ADJECTIVES:
            i -= 1  # "la prima squadra"
        if i >= 0 and doc[i].text == "(":
            i -= 1
        else:
            if i < 0 or doc[i].lower_ not in _ARTICLES:
                return None
            i -= 1
            if i >= 1 and doc[i].lower_ in _WAS and doc[i - 1].lower_ in _IS:
                i -= 1  # "è stata"
            if i < 0 or doc[i].text != "," and doc[i].lower_ not in _IS:
                return None
            i -= 1
        if i < 0 or not _capitalised(doc, i):
            return None
        model = by_end.get(i + 1)
        if model is not None:
            return (model.start, model.end) if model.label_ in _NAMES else None
        j = i
        while j > 0 and i - j < _MAX_WORDS - 1 and _capitalised(doc, j - 1):
            j -= 1
        if j == 0 or _capitalised(doc, j - 1) or opens_sentence(doc, j):
            return None  # a sentence's first word is capitalised anyway
        return j, i + 1

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        if not matches:
            return
        spans = [Candidate(Span(doc, s, e, label="ORG"), "rule") for s, e in matches]
        merge(doc, spans, OVERRIDE)
        text = doc_text(doc)
        self.spread(doc, {text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1])] for s, e in matches})

    def spread(self, doc: Doc, names: set[str]) -> None:
        """The other mentions of a name a cue made an organisation are that organisation
        too: a person or place reading of exactly the name is relabelled, a mention the model
        left out is added (not inside a longer name)."""
        ents = list(entities(doc))
        text = doc_text(doc)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ in _SPREAD_OVER and text[ent.start_char : ent.end_char] in names:
                ents[i] = Span(doc, ent.start, ent.end, label="ORG")
                ents[i]._.ent_source = "rule"
                changed = True
        if changed:
            set_entities(doc, ents)
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        found = []
        for m in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), label="ORG")
            if span is not None and not inside_longer_name(doc, span.start, span.end, known=True):
                found.append(Candidate(span, "rule"))
        merge(doc, found, FILL)


@Language.factory("briefing_org_kinds", default_config={"patterns": "org_kinds_it.jsonl"})
def make_org_kinds(nlp: Language, name: str, patterns: str | None) -> OrgKinds:
    """ "la compagnia X", "il quotidiano X", "l'agenzia di stampa X": X is an organisation."""
    return OrgKinds(nlp, name, patterns)
