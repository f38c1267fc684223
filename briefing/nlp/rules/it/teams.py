"""Teams named after their town or country: "il terzino del Lecce", "l'Olanda pareggia".

Italian news names a club by its town and a national team by its country, and annotates it
as an organisation (KIND); a model sees a place. Italian gives the club away by grammar: a
town takes no article ("a Lecce", "di Bari"), so a listed town right after an article or an
articulated preposition ("il Bari", "nella Lazio", "al Siviglia") is mostly its club. A
country takes an article anyway, so there only the article's subject says it. In an article
that uses at least two different sports words (partita, campionato, allenatore...; KIND
train: a listed town after an article there is ORG 69 times, LOC once, and that a continent),
this component relabels ORG a place the model found when it is
  - a listed town (towns.jsonl, or a large city of gazetteer.jsonl) after an article, with
    no capitalised word after it ("il Merano WineFestival" is something else); never a US
    state or a continent ("nella Florida", "dall'Africa"), which take articles too;
  - a country (gazetteer.jsonl, kind country) after an article, where the article uses six
    sports words or more (train: ORG 50, LOC 3; with two to five ORG 14, LOC 10);
  - a town or country after a word for an opponent ("contro l'Olanda", "battendo il Bari");
  - a town or country in a list of names with a team ("Atalanta, Bari e Lecce": one member
    a team, the others are teams too), unless a bare preposition opens the list ("il
    torneo di Bari, Lecce e Taranto" names places);
  - two capitalised words, one a town or country, after an article ("lo Spartak Mosca";
    train: 28 of 28 ORG), unless the other word makes a place ("Stadium", "Est").
In any article, a town or country with a word for a club ("Rugby", "Calcio", "Dinamo") is
a club, the word joining the name: "la Lecce Calcio" (train: 25 of 25 ORG).
Patterns are JSONL: {"sport": "campionato", "lang": "it"} a sports word (a whole word,
lowercase), {"cue": "contro", "frame": "opponent", "lang": "it"} a word before an opponent,
{"region": "Florida"} a name that is never a club, {"place_word": "Stadium"} a word that
makes a two-word name a place, {"club_word": "Calcio"} a word that makes a town a club.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.labels import ORGS, TERRITORIES
from briefing.nlp.rules.shared.regex_rules import SavesPatterns, listed_places
from briefing.nlp.spans import OVERRIDE, Candidate, doc_text, entities, merge

# An article or an articulated preposition: a town after one is a club
_ARTICLES = frozenset(
    {"il", "lo", "la", "l'", "l’", "del", "dello", "della", "dell'", "dell’", "al", "allo"}
    | {"alla", "all'", "all’", "nel", "nello", "nella", "nell'", "nell’", "dal", "dallo"}
    | {"dalla", "dall'", "dall’", "sul", "sullo", "sulla", "sull'", "sull’", "col"}
)
_LIST_LINKS = frozenset({",", "e", "ed"})
_PLACES = TERRITORIES
_WORD = re.compile(r"\w+")
_NAMES = TERRITORIES | ORGS  # what a list of teams holds
# a list right after one of these names places: "competizione di X, Y e Z"
_PLACE_PREPOSITIONS = frozenset({"di", "a", "ad", "in"})


class TeamsIt(SavesPatterns):
    """Towns and countries that are teams in a sports article become organisations."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        patterns: str | None,
        town_sport_words: int,
        country_sport_words: int,
    ) -> None:
        self._begin(nlp, name)
        # how many different sports words make an article about sport, for a town after an
        # article and for a country (which takes an article anyway)
        self.town_sport_words = town_sport_words
        self.country_sport_words = country_sport_words
        # countries and large cities (the gazetteer knows "Roma", "Napoli"), then every town
        # over 15,000 people under its own name (towns.jsonl knows "Catania", "Rovigo")
        self.listed_towns, self.countries = listed_places(self.lang)
        self.towns: set[str] = set()
        self.known: set[str] = set()  # towns and countries
        self.regions: set[str] = set()  # never a club: "nella Florida", "l'Africa"
        self.sport: frozenset[str] = frozenset()
        self.opponent_cues: set[str] = set()
        self.club_words: set[str] = set()  # "Rugby", "Calcio": a club named after a town
        self.place_words: set[str] = set()  # "Stadium", "Est": a place named after a town
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        self.sport = frozenset(p["sport"] for p in self.patterns if "sport" in p)
        self.opponent_cues = {
            p["cue"] for p in self.patterns if p.get("frame") == "opponent" and "cue" in p
        }
        self.regions = {p["region"] for p in self.patterns if "region" in p}
        self.place_words = {p["place_word"] for p in self.patterns if "place_word" in p}
        self.club_words = {p["club_word"] for p in self.patterns if "club_word" in p}
        self.towns = self.listed_towns - self.countries - self.regions
        self.known = self.towns | self.countries

    def __call__(self, doc: Doc) -> Doc:
        if not self.sport:
            return doc
        self._set_named_clubs(doc)
        ents = entities(doc)
        places = [i for i, e in enumerate(ents) if e.label_ in _PLACES and e.text in self.known]
        clubs = [i for i, e in enumerate(ents) if e.label_ in _PLACES and self._club_name(e)]
        # the sports words are counted only where a frame could apply
        if not any(self._framed(doc, ents[i]) for i in places + clubs):
            return doc
        score = len(self.sport.intersection(_WORD.findall(doc_text(doc).lower())))
        if score < self.town_sport_words:
            return doc
        teams = {i for i in places if self._is_team(doc, ents[i], score)}
        teams |= {i for i in clubs if self._after_article(doc, ents[i])}
        teams |= self._listed_with_teams(doc, set(places), teams)
        spans = [Span(doc, ents[i].start, ents[i].end, "ORG") for i in sorted(teams)]
        merge(doc, [Candidate(span, "rule") for span in spans], OVERRIDE)
        return doc

    def _set_named_clubs(self, doc: Doc) -> None:
        """A town or country with a word for a club, in any article: "Rugby Roma", "Lecce
        Calcio" (KIND train: 25 such names, all ORG); the word joins the name."""
        if not self.club_words:
            return
        found = []
        for ent in entities(doc):
            if ent.label_ not in _PLACES:
                continue
            start, end = ent.start, ent.end
            if ent.text in self.known:
                if start > 0 and doc[start - 1].text in self.club_words:
                    start -= 1
                elif end < len(doc) and doc[end].text in self.club_words:
                    end += 1
            elif not (
                len(ent) > 1
                and (
                    ent[0].text in self.club_words
                    and ent[1:].text in self.known
                    or ent[-1].text in self.club_words
                    and ent[:-1].text in self.known
                )
            ):
                continue
            if (start, end) != (ent.start, ent.end) or ent.text not in self.known:
                found.append(Candidate(Span(doc, start, end, "ORG"), "rule"))
        merge(doc, found, OVERRIDE)

    def _framed(self, doc: Doc, ent: Span) -> bool:
        """An article, an opponent word or a list link next to `ent`."""
        before = doc[ent.start - 1].lower_ if ent.start else ""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return (
            before in _ARTICLES
            or before in self.opponent_cues
            or before in _LIST_LINKS
            or after in _LIST_LINKS
        )

    def _is_team(self, doc: Doc, ent: Span, score: int) -> bool:
        if ent.start == 0:
            return False
        before = doc[ent.start - 1].lower_
        i = ent.start - 1
        if before in _ARTICLES and i > 0:
            i -= 1
        if doc[i].lower_ in self.opponent_cues:
            return True  # "contro l'Australia", "battendo il Parma"
        if before not in _ARTICLES:
            return False
        if ent.end < len(doc) and doc[ent.end].text[:1].isupper():
            return False  # "il Merano WineFestival": a longer name
        if ent.text in self.countries:
            return score >= self.country_sport_words
        return True

    def _club_name(self, ent: Span) -> bool:
        """Two capitalised words, one a town or country: "Spartak Mosca", "Calcio Lecce";
        not a venue or a part of a country ("Yoyogi Stadium", "Germania Est")."""
        if len(ent) != 2 or not all(t.is_alpha and t.text[0].isupper() for t in ent):
            return False
        first, second = ent[0].text, ent[1].text
        if first in self.place_words or second in self.place_words:
            return False
        return (first in self.known) != (second in self.known)

    def _after_article(self, doc: Doc, ent: Span) -> bool:
        """An article before `ent`, no capitalised word after it."""
        if ent.start == 0 or doc[ent.start - 1].lower_ not in _ARTICLES:
            return False
        return ent.end == len(doc) or not doc[ent.end].text[:1].isupper()

    def _listed_with_teams(self, doc: Doc, places: set[int], teams: set[int]) -> set[int]:
        """Places in a list of names ("X, Y e Z") with a team, found or relabelled, are
        teams; not after a bare preposition ("competizione di X, Y e Z" names places), nor
        a place the model cut from a longer name ("Rugby Roma e L'Aquila")."""
        ents = entities(doc)
        found: set[int] = set()
        chain: list[int] = []
        for i in range(len(ents) + 1):
            if (
                chain
                and i < len(ents)
                and ents[i].label_ in _NAMES
                and ents[i].start - ents[chain[-1]].end == 1
                and doc[ents[i].start - 1].lower_ in _LIST_LINKS
            ):
                chain.append(i)
                continue
            if len(chain) > 1 and any(ents[j].label_ == "ORG" or j in teams for j in chain):
                first = ents[chain[0]].start
                if first == 0 or doc[first - 1].lower_ not in _PLACE_PREPOSITIONS:
                    found.update(
                        j
                        for j in chain
                        if j in places and j not in teams and not _after_name(doc, ents[j])
                    )
            chain = [i] if i < len(ents) and ents[i].label_ in _NAMES else []
        return found


def _after_name(doc: Doc, ent: Span) -> bool:
    """A capitalised word right before `ent`, not opening a sentence: part of a name."""
    if ent.start < 2:
        return False
    word = doc[ent.start - 1]
    return word.is_alpha and word.text[0].isupper() and not doc[ent.start - 2].is_punct


@Language.factory(
    "briefing_teams",
    default_config={
        "patterns": "teams_it.jsonl",
        "town_sport_words": 2,
        "country_sport_words": 6,
    },
)
def make_teams(
    nlp: Language,
    name: str,
    patterns: str | None,
    town_sport_words: int,
    country_sport_words: int,
) -> TeamsIt:
    """ "il Parma", "l'Italia" in a sports article: the team, an organisation."""
    return TeamsIt(nlp, name, patterns, town_sport_words, country_sport_words)
