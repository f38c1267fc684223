"""Reporting frames from the dependency parse: a cue (a reporting verb, "secondo", "according
to"), the source it names (its subject, an inverted subject, a passive agent, the noun after
"secondo") and the content it reports (its complement clause, or the clause "secondo X" hangs on).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.facts import cue_model
from briefing.facts.syntax import PUNCT, Parse, Token
from briefing.facts.text import (
    anonymous_nouns,
    outlet_words,
    person_nouns,
    role_words,
    speech_nouns,
)
from briefing.facts.verbs import LEARNED, SPEECH, reporting_verbs
from briefing.lexicon import BEFORE_NAMES, en, it

_VERBAL = {"VERB", "AUX"}
# Relations from a reporting verb to what it reports.
_CONTENT = ("ccomp", "xcomp", "parataxis")
# A complement starts with its marker, left out of the content: "che", "di", "that", "to".
_MARKERS = {"che", "di", "that", "to", "if", "whether", "se"}
_THAT = it.THAT | en.THAT
# An adverbial clause with one of these reports, as a complement would: "accusato di mentire".
_INFINITIVE_MARKERS = {"di"}
# "secondo X", "stando a X", "according to X", "a detta di X": the cue word and how X hangs on it.
_ACCORDING = {"it": {"secondo", "stando", "per"}, "en": {"according"}}
# Of those, a cue only opening its sentence with someone who can speak and a comma: "Per il
# ministro, la riforma è necessaria" (not "per la prima volta", "per Roma").
_OPENING_ONLY = {"per"}
_OPINION = {"it": {"detta", "parere", "avviso", "giudizio"}}
_RELATIVES = {"cui", "quali", "quale", "whom", "which"}
_AGENT_CASE = it.BY | en.BY
_SPEAKING_NAMES = ("PER", "ORG")  # a person's name before a body's
_HAVE = it.HAVE | en.HAVE
# A reporting verb that heads another verb's subject inherits it: "ha detto e ha aggiunto",
# "ha parlato aggiungendo", "said, adding that".
_SHARES_SUBJECT = {"conj", "advcl", "xcomp"}
# What hangs on a source noun without naming it: clauses about it, "secondo", punctuation.
_NOT_SOURCE = {"acl", "advcl", "parataxis", "punct", "case", "cc", "conj"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "X", "ADJ"}
_WHAT = {"quanto", "what"}
# Words that open a sentence presenting what came before: "È quanto ...", "Questo è quanto".
# English "That's what ..." far more often announces what follows.
_PRESENTING = {"it": {"è", "questo", "questa", "ciò"}}
_QUOTE_MARKS = frozenset('«»“”„"') | {"''"}
# "come ha detto il ministro", "as the minister said": the clause's marker stands for the content.
_AS = {"come", "as"}
_REPORT = "report"
_WHEN = {"DATE", "TIME"}
_TIME_NOUNS = it.TIME_NOUNS | en.TIME_NOUNS


@dataclass
class Frame:
    cue: tuple[int, int]  # characters of the cue word(s)
    kind: str  # speech, report, thought, plan or according
    source: tuple[int, int] | None  # characters of the source phrase, None when left unsaid
    source_head: int | None  # token index of the source phrase's head
    content: tuple[int, int] | None
    verb: int  # token index of the cue
    plural: bool = False  # the verb is plural ("hanno detto"): no one person spoke
    inserted: bool = False  # set off by dashes inside the quote it frames
    how: str = "subject"  # subject, inverted, agent, shared, dropped, according, hearsay

    @property
    def start(self) -> int:
        return min(self.cue[0], self.source[0]) if self.source else self.cue[0]

    @property
    def end(self) -> int:
        return max(self.cue[1], self.source[1]) if self.source else self.cue[1]


def _phrase(parse: Parse, head: int, origin: bool = False) -> tuple[int, int] | None:
    """A source phrase: the noun and its modifiers, without clauses hanging on it ("X, che
    ..."); with `origin`, a subject's clause that says where a document comes from stays."""
    left_out = frozenset(
        c
        for c in parse.children[head]
        if parse.tokens[c].dep.split(":")[0] in _NOT_SOURCE
        and not _apposition(parse, c)
        and not (origin and _names_origin(parse, head, c))
        or _preposition_before(parse, head, c)
    )
    indices = parse.subtree(head, without=left_out)
    # Nothing before a comma that comes before the head: "celebrity Barbra Streisand, Clinton"
    # is a misparse's subtree, not one phrase.
    commas = [k for k in range(indices[0], head) if parse.tokens[k].text == ","]
    if commas:
        indices = [k for k in indices if k > commas[-1]]
    return parse.span(indices)


def _preposition_before(parse: Parse, head: int, child: int) -> bool:
    """ "e su Belsito gli inquirenti scrivono": a phrase with its preposition before the
    article of the noun it hangs on is the clause's, not the source's."""
    if child > head or parse.tokens[child].dep.split(":")[0] not in {"nmod", "obl"}:
        return False
    if not any(c.i < child and c.pos == "ADP" for c in parse.deps(child, "case")):
        return False
    return any(child < d.i for d in parse.deps(head, "det"))


def _apposition(parse: Parse, child: int) -> bool:
    """ "A lawyer for the outlets, David Schulz, said": a name after a comma, parsed as a
    conjunct with no "and", is the noun's apposition."""
    token = parse.tokens[child]
    return (
        token.dep == "conj"
        and token.pos == "PROPN"
        and not parse.deps(child, "cc")
        and child > 0
        and parse.tokens[child - 1].text == ","
    )


def _names_origin(parse: Parse, head: int, child: int) -> bool:
    """ "A 2014 study that appeared in the British Medical Journal found", "research conducted
    by the Center for Media": a document's clause that names where it comes from."""
    if parse.tokens[head].pos != "NOUN" or not parse.tokens[child].dep.startswith("acl"):
        return False
    own = parse.subtree(head, without=frozenset([child]))
    if any(parse.tokens[k].pos == "PROPN" for k in own):
        return False
    return any(parse.tokens[k].pos == "PROPN" for k in parse.subtree(child))


def _content(parse: Parse, verb: int) -> tuple[int, int] | None:
    noun = _verb_as_noun(parse, parse.tokens[verb])
    for child in parse.deps(verb, *_CONTENT, "advcl", *(("acl",) if noun else ())):
        if child.dep.startswith("advcl") and not _marked_by(parse, child.i, _INFINITIVE_MARKERS):
            continue  # "accusarono i macedoni di essersi appropriati": only a "di" clause
        if child.i < verb and child.dep.startswith("parataxis"):
            continue  # a parataxis before the verb is the quote it frames, found by its marks
        if _relative_clause(parse, child):
            continue  # "..., ha affermato X, che ha partecipato": says who X is, not what
        misattached = _misattached_clause(parse, child)
        if misattached is None and child.ent in _WHEN:
            continue  # "officials said late Thursday": the day it was said, not what was said
        if misattached is None and _listener_before_clause(parse, verb, child):
            continue  # "told POLITICO they planned ...": the one told, then what was told
        indices = misattached or parse.subtree(child.i)
        if child.i == verb + 1 and child.lower in _KNOWN:
            indices = [k for k in indices if k != child.i]  # "reso noto che ...": "noto" is cue
        tokens = [parse.tokens[k] for k in indices]
        while tokens and (tokens[0].pos == "PUNCT" or tokens[0].lower in _MARKERS):
            tokens.pop(0)
        span = parse.span([t.i for t in tokens])
        if span:
            return span
    return None


def _listener_before_clause(parse: Parse, verb: int, child: Token) -> bool:
    """A lone name (or a word in capitals the tagger took for a verb) the parse made a
    complement, with another complement after it: the listener, not what was said."""
    named = child.pos == "PROPN" or (len(child.text) > 1 and child.text.isupper())
    alone = not any(parse.tokens[k].pos in _VERBAL for k in parse.subtree(child.i) if k != child.i)
    return named and alone and any(other.i > child.i for other in parse.deps(verb, *_CONTENT))


def _misattached_clause(parse: Parse, child: Token) -> list[int] | None:
    """ "said late Wednesday that he would go", "told POLITICO that the race was over": the
    parse made the day or the listener the complement and hung the "that" clause under it;
    the clause is what was said. Only a name or a day (or a word in capitals the tagger took
    for a verb) is such a misattached complement: a noun's "that" clause is its own ("the
    accusation that ..."), and a clause is left whole."""
    nominal = child.pos == "PROPN" or child.ent in _WHEN
    if not (nominal or (len(child.text) > 1 and child.text.isupper())):
        return None
    for k in parse.subtree(child.i):
        marker = parse.tokens[k]
        if k > child.i and marker.dep == "mark" and marker.lower in _THAT:
            if marker.head != child.i:
                return [i for i in parse.subtree(marker.head) if i >= k]
            return None
    return None


def _time_noun(token: Token) -> bool:
    return token.pos == "NOUN" and token.lower in _TIME_NOUNS


def _subject(
    parse: Parse, verb: int, quoted: list[tuple[int, int]], lang: str, seen: int = 0
) -> tuple[Token | None, str]:
    inside = _in_quote(parse.tokens[verb].start, quoted)
    outside = not inside or _between_dashes(parse, verb)
    # '«due grandi presidenti - ha dichiarato Betori - che ...»': a frame set off by dashes
    # inside a quote says its speaker within the dashes, never before the quote
    insert = _dash_insert(parse, verb) if inside else None
    # A subject inside a quote is the quote's own: '«Un'emozione che ...», ha detto X'.
    # A passive's subject is what was said, never who said it ("The holiday is observed").
    # A date is never who spoke: '«...», Rep. Moore said Friday', "Friday" misread as subject.
    subjects = [
        t
        for t in parse.deps(verb, "nsubj")
        if not (outside and _in_quote(t.start, quoted))
        and t.dep != "nsubj:pass"
        and t.ent not in _WHEN
        and not _time_noun(t)  # "un giorno gli disse"
        and t.lower not in _WHAT  # "È quanto ha dichiarato X": what was said, not who
        and (insert is None or insert[0] < t.i < insert[1])
    ]
    bracketed = _name_before_parenthesis(parse, verb)
    if bracketed is not None and (not subjects or bracketed[1] < subjects[0].i < verb):
        # "Alvarez (soprannominato Canelo, una rarità per un messicano) ha dichiarato": a
        # word inside an aside is never the subject of the verb after it
        return bracketed[0], "subject"
    if subjects:
        # "Il 61enne Beppe Marotta si dice", "L'agenzia di stampa Cihan ha detto": of two
        # subjects the parse gives, the person's or the body's name; but "l'amministrazione
        # Bush" speaks for Bush
        subject = subjects[0]
        # "Il Sig. Mario Rossi": a title the parse made a subject of its own is not the name
        if (subject.pos != "PROPN" or _title(subject)) and subject.lower not in it.BODIES:
            named = [t for label in _SPEAKING_NAMES for t in subjects if t.ent == label]
            subject = named[0] if named else subject
        subject = _name_before_apposition(parse, subject) or subject
        return subject, "inverted" if subject.i > verb else "subject"
    if parse.tokens[verb].dep == "acl:relcl" and any(
        _time_noun(t) for t in parse.deps(verb, "nsubj")
    ):
        # "il calciatore, che un giorno gli disse": the parse made the time the subject and
        # the relative a mark
        relative = [t for t in parse.deps(verb, "mark") if t.lower in _THAT and t.i < verb]
        if relative:
            return relative[0], "subject"
    aside = _name_before_relative_aside(parse, verb)
    if aside is not None:
        return aside, "subject"
    misread = (
        _misread_subject(parse, verb, quoted)
        or _named_after_quote(parse, verb, quoted)
        or _put_it_subject(parse, verb)
    )
    if misread is not None:
        return misread, "subject"
    familiar = _small_clause_subject(parse, verb)
    if familiar is not None:
        return familiar, "inverted"
    participle = parse.tokens[verb].feature("VerbForm") == "Part"
    # "ha detto dalla sua casa", "has said from home": a perfect with "avere"/"have" is active
    perfect = any(aux.lower in _HAVE for aux in parse.deps(verb, "aux"))
    passive = parse.deps(verb, "aux:pass") or (
        not perfect and (participle or parse.deps(verb, "aux"))
    )
    for oblique in parse.deps(verb, "obl"):
        cases = parse.deps(oblique.i, "case")
        # An agent has its "by"/"da": 'chanted "What curfew?"' misread "curfew" as one.
        if (oblique.dep == "obl:agent" or passive) and any(c.lower in _AGENT_CASE for c in cases):
            return oblique, "agent"
    token = parse.tokens[verb]
    # '«...», ha detto Rossi': an inverted subject after a quote is often parsed as an object.
    nominal = [
        o
        for o in parse.deps(verb, "obj", "nsubj")
        if o.i > verb
        and o.pos in {"PROPN", "NOUN", "PRON", "NUM"}
        and o.ent not in _WHEN
        and (not outside or not _in_quote(o.start, quoted) or _between_dashes(parse, verb))
    ]
    # A content clause before the verb leaves the noun right after it nothing to be but the
    # subject: "Clevelanders get nervous, said Christine Link" (the parse made "Link" an object).
    # "..., ha affermato il parlamentare X, che ha partecipato": a relative clause the parse
    # hung on the verb is no content
    contents = [c for c in parse.deps(verb, *_CONTENT) if not _relative_clause(parse, c)]
    said_after = (
        bool(contents)
        # '«...», ha affermato il Presidente, che ... perché «...»': a quote closed right
        # before the verb is what was said, whatever clause the parse hung after it
        and (all(c.i < verb for c in contents) or _after_closed_quote(parse, verb, quoted))
        and bool(nominal)
        and parse.subtree(nominal[0].i)[0] == verb + 1
        and can_speak(parse, nominal[0], lang)  # not "avevano espresso i propri dubbi"
    )
    if (
        nominal
        and (not contents or said_after or _between_dashes(parse, verb))
        and not _finite_on_noun(parse, token)
    ):
        before = parse.tokens[verb - 1] if verb else None
        while before is not None and before.dep.startswith("aux") and before.i > 0:
            before = parse.tokens[before.i - 1]
        if (
            before is not None
            and (
                before.text in _DASHES
                or _closes_quote(before, quoted)
                # "Nel suo discorso, ha evidenziato la vicinanza": after a comma that closes
                # no quote, only a noun that can speak is the subject put after the verb
                or (
                    before.text == ","
                    and (
                        (before.i > 0 and _closes_quote(parse.tokens[before.i - 1], quoted))
                        or can_speak(parse, nominal[0], lang)
                    )
                )
            )
            # ", assicurando così la protezione", ", telling the crowd": a gerund's or a
            # present participle's noun is its object
            and token.feature("VerbForm") != "Ger"
            and not (token.feature("VerbForm") == "Part" and token.feature("Tense") == "Pres")
            and not token.dep.startswith("acl")  # "the centre, called the X Society": its name
        ):
            return nominal[0], "inverted"
        if _clitic_object(parse, verb):
            return nominal[0], "inverted"  # "Lo ha confermato il ministro": one object is enough
    spoken_first = _inverted_before_colon(parse, verb, lang)
    if spoken_first is not None:
        return spoken_first, "inverted"
    after_quote = _after_quote(parse, verb)
    if after_quote is not None:
        return after_quote, "inverted"
    if nominal and _marked_by(parse, verb, _AS):
        return nominal[0], "inverted"  # "come aveva chiesto l'ex raìs": "come" is what was said
    named = _person_after_verb_after_quote(parse, verb, quoted)
    if named is not None:
        return named, "inverted"
    if lang == "en" and _back_from_reported_past(parse, token):
        # 'Rubio said the US had "made progress", but refused to ...': a past verb joined to a
        # pluperfect clause someone reports goes on with the one reporting, not the clause's
        # subject; left unsaid, the speaker is the one who spoke last
        return None, "dropped"
    stranded = _stranded_auxiliary(parse, token)
    if stranded is not None and seen < 2:
        # "il questore ha, infatti, affermato": the parse made "ha" a verb of its own, with
        # the subject, and the participle a verb sharing another's
        found, _ = _subject(parse, stranded.i, quoted, lang, seen + 1)
        if found is not None:
            return found, "subject"
    if seen < 2 and _shares_subject(parse, token):
        found, _ = _subject(parse, token.head, quoted, lang, seen + 1)
        # '«C'è un solo ministro ...», per poi ribadire': a verb outside the quote the parse
        # joined to one inside it does not take the quote's subject
        if found is not None and not (outside and _in_quote(found.start, quoted)):
            return found, "shared"
        # "Protesters marching through the streets chanted": the verb hung on a participle
        # that describes its subject.
        head = parse.tokens[token.head]
        if head.dep.startswith("acl") and head.feature("VerbForm") in {"Ger", "Part"}:
            noun = parse.tokens[head.head]
            if noun.pos in {"NOUN", "PROPN"} and noun.i < head.i:
                return noun, "shared"
        # "Il ministro dell'interno, comunicando la notizia, ha rassicurato": a gerund the
        # parse hung on the noun before it is that noun's doing
        if (
            token.feature("VerbForm") == "Ger"
            and head.pos in {"NOUN", "PROPN"}
            and head.i < verb
            and head.dep in {"ROOT", "nsubj"}
            and parse.tokens[verb - 1].text == ","
            and _words_end_before(parse, head.i, verb - 1)
        ):
            return head, "shared"
    if parse.deps(verb, "aux:pass") or any(
        t.dep == "nsubj:pass" for t in parse.deps(verb, "nsubj")
    ):
        return None, "passive"  # "is expected", "was announced": no one is named
    return None, "dropped"


def _name_before_relative_aside(parse: Parse, verb: int) -> Token | None:
    """ "Richard Viguerie, who masterminded the use of direct mail, called her": a name, then a
    relative clause set off by commas, then the verb with no subject the parse gave it; the
    name is its subject, not the noun after the verb."""
    tokens = parse.tokens
    k = verb - 1
    while k >= 0 and tokens[k].dep.startswith("aux"):
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    j = k - 1
    while j > 1 and tokens[j].lower not in _RELATIVE_SUBJECTS and tokens[j].text not in _STOPS:
        j -= 1
    if j <= 1 or tokens[j].lower not in _RELATIVE_SUBJECTS or tokens[j - 1].text != ",":
        return None
    name = tokens[j - 2]
    if name.dep.startswith("flat"):
        name = tokens[name.head]
    return name if name.ent == "PER" else None


def _stranded_auxiliary(parse: Parse, token: Token) -> Token | None:
    """A perfect's "ha" cut off from its participle by words set off by commas, which the
    parse read as a verb of its own: "ha, infatti, affermato"."""
    if token.feature("VerbForm") != "Part" or parse.deps(token.i, "aux", "aux:pass"):
        return None
    k = token.i - 1
    while (
        k >= 0
        and parse.tokens[k].pos in {"ADV", "PUNCT"}
        and parse.tokens[k].text not in _QUOTE_MARKS
    ):
        k -= 1
    if k < 0 or "," not in {t.text for t in parse.tokens[k + 1 : token.i]}:
        return None
    auxiliary = parse.tokens[k]
    if auxiliary.lower in _HAVE and auxiliary.pos in {"VERB", "AUX"} and auxiliary.dep != "aux":
        return auxiliary
    return None


def _relative_clause(parse: Parse, clause: Token) -> bool:
    """A clause opened by its relative subject after a noun or a comma: "Luxuria, che ha
    partecipato", "the aide who joined" (not "dicono che è necessaria", misread)."""
    first = parse.tokens[parse.subtree(clause.i)[0]]
    before = parse.tokens[first.i - 1] if first.i else None
    return (
        first.dep == "nsubj"
        and first.head == clause.i
        and first.lower in _RELATIVE_SUBJECTS
        and before is not None
        and (before.text == "," or before.pos in {"NOUN", "PROPN"})
    )


def _inverted_before_colon(parse: Parse, verb: int, lang: str) -> Token | None:
    """ "Ha continuato il sindaco: «...»", "Aggiunge il ministro: «...»": a finite verb
    opening its sentence, then a noun that can speak, then the colon opening the quote."""
    tokens = parse.tokens
    first = parse.sentence(verb)[0]
    if any(t.pos not in {"AUX", "ADV"} for t in tokens[first:verb]):
        return None
    if not _finite(parse, tokens[verb]):
        return None  # "Boasting 108,000 residents, ...": a participle's noun is its object
    after = [t for t in parse.deps(verb, "obj", "nsubj") if t.i > verb]
    if not after or not can_speak(parse, after[0], lang) or after[0].lower in _WHAT:
        return None
    end = parse.subtree(after[0].i)[-1] + 1
    if end >= len(tokens) or tokens[end].text != ":":
        return None
    return after[0]


def _what_came_before(parse: Parse, verb: Token, lang: str) -> tuple[int, int] | None:
    """ "È quanto ha dichiarato X", "Questo è quanto ha detto X": a verb whose object is
    "quanto" after a copula opening its sentence presents the sentence before; its span."""
    first, _ = parse.sentence(verb.i)
    opening = [t for t in parse.tokens[first : verb.i] if t.pos != "PUNCT"]
    if first == 0 or not opening:
        return None
    if not _with_these_words(parse, verb) and (
        opening[0].lower not in _PRESENTING.get(lang, ())
        or not any(t.lower in _WHAT for t in opening[:3])
    ):
        return None
    before_first, before_last = parse.sentence(first - 1)
    return parse.span(list(range(before_first, before_last + 1)))


def _with_these_words(parse: Parse, verb: Token) -> bool:
    """ "«...». Con queste parole si è dimesso il presidente": a verb done "with these words"
    opening its sentence presents the words before."""
    if verb.pos != "VERB":
        return False
    first, _ = parse.sentence(verb.i)
    for oblique in parse.deps(verb.i, "obl"):
        if oblique.lower not in _WORDS or oblique.i > verb.i or oblique.i - first > 2:
            continue
        cases = {c.lower for c in parse.deps(oblique.i, "case")}
        if cases & _WITH and any(d.lower in _THESE for d in parse.deps(oblique.i, "det")):
            return True
    return False


def _named_after_verb(parse: Parse, verb: Token) -> Token | None:
    """The first person named after the verb in its sentence, however the parse hung them."""
    _, last = parse.sentence(verb.i)
    for token in parse.tokens[verb.i + 1 : last + 1]:
        if token.ent == "PER" and not parse.deps(token.i, "case"):
            return token
    return None


def _name_before_apposition(parse: Parse, subject: Token) -> Token | None:
    """'Lo stesso Gilbert, delusissimo ma grande protagonista ..., ha affermato', 'Óscar Freire,
    uno dei favoriti, ammette': the parse made the words set off after the name the subject
    (with the name as their own subject, or left apart); the name is who speaks."""
    if subject.pos == "PROPN" and not subject.ent:
        # "Sen. Marco Rubio, R-Fla., said" with "Fla." the head: the person's name in it
        named = [parse.tokens[k] for k in parse.subtree(subject.i) if k < subject.i]
        named = [t for t in named if t.ent == "PER" and not t.dep.startswith("flat")]
        return named[0] if named else None
    if subject.ent or subject.lower in _RELATIVE_SUBJECTS:
        return None  # "Zawahiri, che aggiunge": a relative clause is the name's already
    if parse.deps(subject.i, "cop"):
        return None  # "Barack Obama non è stato l'unico": a clause, not words set off
    for name in parse.deps(subject.i, "nsubj"):
        if name.i < subject.i and name.ent == "PER" and _comma_between(parse, name.i, subject.i):
            return name
    # over "flat:name" only, as this rule always has: walking bare "flat" too moved two
    # PolNeAR train speakers, both to a wrong name
    name = _name_before_break(parse, subject, {","}, flat="flat:name")
    if (
        name is not None
        and name.ent == "PER"
        and name.pos == "PROPN"
        and name.dep.split(":")[0] in {"nsubj", "appos", "ROOT"}
        and not parse.deps(name.i, "case")
    ):
        return name
    return None


def _in_claim_of(parse: Parse, i: int, verb: int) -> bool:
    """Whether token i lies in what `verb` reports (its complement clauses)."""
    return any(i in parse.subtree(c.i) for c in parse.deps(verb, *_CONTENT))


def _words_end_before(parse: Parse, head: int, k: int) -> bool:
    """Whether the words of `head`, short of its clauses, end right before token k."""
    own = [i for i in parse.subtree(head) if i < k and parse.tokens[i].pos not in _VERBAL]
    return bool(own) and max(own) == k - 1


def _comma_between(parse: Parse, start: int, end: int) -> bool:
    return any(t.text == "," for t in parse.tokens[start + 1 : end])


def _back_from_reported_past(parse: Parse, token: Token) -> bool:
    """A simple past joined to a reported clause in the pluperfect: the tense of the reporting
    verb, not of what it reports (the sequence of tenses)."""
    head = parse.tokens[token.head]
    if token.dep != "conj" or head.dep != "ccomp" or parse.deps(token.i, "aux"):
        return False
    reporter = parse.tokens[head.head]
    return (
        token.feature("Tense") == "Past"
        and token.feature("VerbForm") == "Fin"
        and reporter.feature("Tense") == "Past"
        and any(aux.lower in en.PLUPERFECT for aux in parse.deps(head.i, "aux"))
    )


def _with_title_subject(
    parse: Parse, verb: int, subject: Token, source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """ "il segretario generale dell'Onu Ban Ki-moon ha detto": the parse made both the title
    and the name subjects; the source is the two together, as written, so the name is read
    whole and the role stays with it. Only side by side: "These employees, Stumpf explained"
    are two phrases."""
    if source is None:
        return None
    for other in parse.deps(verb, "nsubj"):
        if other.i >= subject.i:
            break
        before = _phrase(parse, other.i)
        if before is None or before[1] > source[0]:
            continue
        if all(t.text == "-" for t in parse.within(before[1], source[0])):
            return (before[0], source[1])
    return source


def _clitic_object(parse: Parse, verb: int) -> bool:
    """ "Lo ha confermato", "lo rende noto": the verb's object is a clitic before it, so a noun
    after it that the parse also made its object is its inverted subject."""
    return any(
        o.i < verb and o.pos == "PRON" and o.feature("Clitic") == "Yes"
        for o in parse.deps(verb, "obj")
    )


def _after_quote(parse: Parse, verb: int) -> Token | None:
    """'«...», said Sanders, whose ...': right after a quote and its comma, the name after the
    verb is its speaker however the parse hung it (here on the next clause's verb)."""
    tokens = parse.tokens
    if verb < 2 or verb + 1 >= len(tokens):
        return None
    if tokens[verb - 1].text != "," and tokens[verb - 1].text not in _QUOTE_MARKS:
        return None
    if not any(t.text in _QUOTE_MARKS for t in tokens[verb - 2 : verb]):
        return None
    name = tokens[verb + 1]
    if name.pos != "PROPN" or name.ent not in {"", "PER", "PERSON"}:
        return None
    end = name.i
    while end + 1 < len(tokens) and tokens[end + 1].pos == "PROPN":
        end += 1
    if _qualifies_the_next(tokens, end):
        return None
    # '”, said Mr. Burman': the title stands before the name it titles.
    if _title(name) and name.head > name.i and tokens[name.head].pos == "PROPN":
        name = tokens[name.head]
    while name.dep.startswith("flat") and name.head > verb:  # to the first word of the name
        name = tokens[name.head]
    return name


def _title(token: Token) -> bool:
    return token.lower.rstrip(".") in BEFORE_NAMES


def _small_clause_subject(parse: Parse, verb: int) -> Token | None:
    """'"...," said one Democrat familiar with the talks': the parse made the noun after the
    verb the subject of a clause of its adjective ("Democrat familiar"); with no verb or
    copula in that clause, the noun is who spoke."""
    before = parse.tokens[verb - 1] if verb else None
    if before is None or not (before.text == "," or before.text in _QUOTE_MARKS):
        return None  # the frame after its quote: '"...," said'
    for clause in parse.deps(verb, "ccomp", "xcomp"):
        if clause.i < verb or clause.pos != "ADJ" or parse.deps(clause.i, "cop", "aux"):
            continue
        for noun in parse.deps(clause.i, "nsubj"):
            words = parse.subtree(noun.i)
            if (
                noun.pos in {"NOUN", "PROPN", "PRON"}
                and words[0] == verb + 1
                and words[-1] + 1 == clause.i  # "Democrat familiar", nothing between
            ):
                return noun
    return None


def _misread_subject(parse: Parse, verb: int, quoted: list[tuple[int, int]]) -> Token | None:
    """ "PolitiFact announced", "O'Neill said": a name before the verb the parse hung on it
    with a relation no name can have (adverb, auxiliary, marker), or on another word, is its
    subject."""
    for token in parse.deps(verb, *_NO_NAME_RELATIONS):
        if (
            token.i < verb
            and token.pos == "PROPN"
            and token.ent not in _WHEN
            and not _title(token)
            and not _in_quote(token.start, quoted)
        ):
            return token
    # "At a gig with Streisand, Clinton called ...": a name right before a finite verb with
    # no subject, hung on a phrase before it, is the verb's subject.
    k = verb - 1
    while k >= 0 and parse.tokens[k].pos in {"ADV", "AUX"}:
        k -= 1
    if k < 0 or parse.tokens[verb].feature("VerbForm") != "Fin":
        return None
    k = _before_apposition(parse, k)
    name = parse.tokens[k]
    while (
        name.dep.startswith(("flat", "compound"))
        and name.head < name.i
        and parse.tokens[name.head].pos == "PROPN"
    ):
        name = parse.tokens[name.head]  # "Suu Kyi": the name's first word heads it
    if (
        name.pos == "PROPN"
        and not name.text.isspace()  # a paragraph break the tagger took for a name
        and name.head < name.i
        and name.ent not in _WHEN
        and not _in_quote(name.start, quoted)
        and not parse.deps(verb, "expl")
    ):
        return name
    return None


def _before_apposition(parse: Parse, k: int) -> int:
    """ "..., Suu Kyi, 70, said": the word before an apposition set off by commas that ends
    right before the verb, else `k` itself. An apposition holds no verb and no name of a person
    or place ("the primary, Gov. John Kasich, said": the name between the commas speaks;
    "of Sumter, South Carolina, says": a place is no speaker), and the word before is no place.
    """
    if parse.tokens[k].text != ",":
        return k
    for j in range(k - 1, max(-1, k - _APPOSITION_REACH), -1):
        token = parse.tokens[j]
        end = j  # the name's last word, then the word after it
        while token.ent and end + 1 < k and parse.tokens[end + 1].ent == token.ent:
            end += 1
        owner = end + 1 < k and parse.tokens[end + 1].lower in en.POSSESSIVE
        if token.pos in _VERBAL or token.text in _SENTENCE_ENDS:
            return k
        if token.ent in _NAMED and not owner:  # "Donald Trump's campaign manager" is a role
            return k
        if token.text == ",":
            if 0 < j < k - 1 and parse.tokens[j - 1].ent not in _PLACES:
                return j - 1
            return k
    return k


_APPOSITION_REACH = 12
_NAMED = {"PER", "LOC"}
_PLACES = {"LOC"}
_NO_NAME_RELATIONS = ("advmod", "aux", "expl", "mark", "cop", "discourse", "compound")
_CLAUSE_END = {"ADP", "SCONJ"}  # where the words after a verb stop being its subject
_NAME_REACH = 12  # tokens from a closing quote mark to the verb after the name
_SENTENCE_ENDS = {".", "!", "?", ";"}


def _name_set_beside(parse: Parse, noun: Token) -> Token | None:
    """The person's or body's name right before a comma or dash that opens `noun`'s phrase:
    "Ansar Eddine – l'organizzazione islamica"."""
    if noun.pos != "NOUN":
        return None
    name = _name_before_break(parse, noun, _CLAUSE_BREAKS)
    if name is None or name.pos != "PROPN" or name.ent not in _SPEAKING_NAMES:
        return None
    if parse.deps(name.i, "case"):
        return None  # "la mamma di Anna, la fidanzata di Morosini, che": Anna is the mother's
    return name


def _name_before_break(
    parse: Parse, token: Token, breaks: set[str], flat: str = "flat"
) -> Token | None:
    """The word before the comma or dash that opens `token`'s phrase, the head of its name
    when it ends one ("Óscar Freire, uno dei favoriti": "Óscar"), over relations starting
    with `flat`."""
    start = parse.subtree(token.i)[0]
    if start < 2 or parse.tokens[start - 1].text not in breaks:
        return None
    name = parse.tokens[start - 2]
    while name.dep.startswith(flat) and name.head < name.i:
        name = parse.tokens[name.head]
    return name


def _name_set_off_after(parse: Parse, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The first and last token of a person's name between commas right after `span`."""
    if span is None:
        return None
    after = [t for t in parse.tokens if t.start >= span[1]][:1]
    if not after or after[0].text != ",":
        return None
    first = after[0].i + 1
    if first >= len(parse.tokens) or parse.tokens[first].ent != "PER":
        return None
    last = first
    while last + 1 < len(parse.tokens) and parse.tokens[last + 1].ent == "PER":
        last += 1
    if last + 1 >= len(parse.tokens) or parse.tokens[last + 1].text != ",":
        return None
    return first, last


def _after_closed_quote(parse: Parse, verb: int, quoted: list[tuple[int, int]]) -> bool:
    """'«...», ha affermato': the verb (with its auxiliaries) right after a quote's end and
    a comma."""
    k = verb - 1
    while k > 0 and parse.tokens[k].dep.startswith("aux"):
        k -= 1
    if k < 1 or parse.tokens[k].text != ",":
        return False
    return _closes_quote(parse.tokens[k - 1], quoted)


def _closes_quote(mark: Token, quoted: list[tuple[int, int]]) -> bool:
    """A quote mark that ends a quote: '«...», ha detto Rossi', not the opening one of 'had
    "made some progress"', whose noun is the quote's own."""
    return mark.text in _QUOTE_MARKS and any(end == mark.end for _, end in quoted)


def _named_after_quote(parse: Parse, verb: int, quoted: list[tuple[int, int]]) -> Token | None:
    """'"...," Rep. Elijah E. Cummings (D-Md.) said': between a closing quote mark and its
    verb, words with no verb among them are the verb's subject, however the parse hung them.
    The name is the last proper noun before any parenthesis or comma."""
    tokens = parse.tokens
    if tokens[verb].feature("VerbForm") == "Ger":
        return None  # '«...» una vita, affermando': a gerund's words before it are no subject
    k = verb - 1
    while k >= 0 and verb - k <= _NAME_REACH and tokens[k].text not in _QUOTE_MARKS:
        k -= 1
    if k < 0 or tokens[k].text not in _QUOTE_MARKS:
        return None
    if not any(end == tokens[k].end for _, end in quoted):
        return None  # an opening mark: the words are the quote's own
    between = tokens[k + 1 : verb]
    if any(t.text in _SENTENCE_ENDS or "\n" in t.text for t in between):
        return None  # '«...». Mancino, già Presidente, ha espresso': a sentence of its own
    while between and (between[-1].pos in {"AUX", "ADV"} or between[-1].text == ","):
        between.pop()  # '"...," Smith has repeatedly said'
    if not between or any(t.pos in _VERBAL for t in between):
        return None
    name = None
    for token in between:
        if token.text in {"(", ","} or token.pos == "ADP":
            break  # '" a narrator in the Clinton ad asks': the phrase's head is before "in"
        if token.pos == "PROPN" and not _title(token) and token.ent not in _WHEN:
            name = token
        elif token.pos == "NOUN" and token.ent not in _WHEN:
            name = token  # '" a senior official said': a head noun after any name before it
    return name


def _person_after_verb_after_quote(
    parse: Parse, verb: int, quoted: list[tuple[int, int]]
) -> Token | None:
    """'"...," said Virginia delegate Beau Correll.': a verb right after a closing quote mark
    with a person named after it, before the clause ends, has that person for its subject,
    however the parse read the words between ("delegate" as a verb); in English, after a
    comma too ("The group is $9 million short, said former governor Ed Rendell")."""
    tokens = parse.tokens
    k = verb - 1
    while k >= 0 and (tokens[k].pos == "AUX" or tokens[k].text == ","):
        k -= 1
    said_after_clause = (
        tokens[verb].lower in en.SAID_BEFORE_SUBJECT and verb > 0 and tokens[verb - 1].text == ","
    )
    after_quote = k >= 0 and _closes_quote(tokens[k], quoted)
    if not (after_quote or said_after_clause):
        return None
    last = min(len(tokens), verb + 1 + _NAME_REACH)
    i = verb + 1
    while i < last:
        token = tokens[i]
        if token.text in _SENTENCE_ENDS | {",", "(", *_QUOTE_MARKS} or token.pos in _CLAUSE_END:
            return None
        if token.feature("VerbForm") == "Ger":
            return None  # "ha spiegato un poliziotto aggiungendo che Kim": another clause
        if not after_quote and token.pos in {"PRON", "VERB", "AUX"}:
            return None  # "..., said he would welcome Cruz": what was said goes on
        end = i
        while token.ent == "PER" and end + 1 < last and tokens[end + 1].ent == "PER":
            end += 1
        if token.ent == "PER" and not _qualifies_the_next(tokens, end):
            following = tokens[end + 1] if end + 1 < len(tokens) else None
            if not after_quote and following is not None and following.text not in _NAME_ENDS:
                return None  # "Dean Johnson, a salesman, says Cruz will": what he says
            return parse.head_of(token.start, tokens[end].end)
        i = end + 1
    return None


_NAME_ENDS = {",", ".", ";", "(", "-", "–", "—", ":"}  # what may follow a subject put last


def _qualifies_the_next(tokens: list[Token], end: int) -> bool:
    """ "said Rubio spokesman Alex Conant", "wrote one Sanders supporter", "said Rubio's
    deputy": a name ending at `end` before a noun or a possessive qualifies someone else."""
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    return following is not None and (following.lower in en.POSSESSIVE or following.pos == "NOUN")


def _verb_after_quote(parse: Parse, token: Token, quoted: list[tuple[int, int]]) -> bool:
    """'“...?” a narrator in the Clinton ad asks.': a verb ending its sentence after a quote
    and its speaker, which the tagger took for a plural noun."""
    after = parse.tokens[token.i + 1] if token.i + 1 < len(parse.tokens) else None
    return (
        token.pos == "NOUN"
        and token.lower.endswith("s")
        and after is not None
        and after.text in _SENTENCE_ENDS | {","}
        and _named_after_quote(parse, token.i, quoted) is not None
    )


def _predicate(parse: Parse, token: Token) -> bool:
    """A verb, or a word the tagger took for an adjective that still governs a subject with no
    copula ("All Africa riporta notizie"): adjectives take a subject only through "è"."""
    if token.pos in _VERBAL:
        return True
    if _verb_as_noun(parse, token) or _gerund_as_noun(parse, token):
        return True
    return (
        token.pos == "ADJ" and bool(parse.deps(token.i, "nsubj")) and not parse.deps(token.i, "cop")
    )


def _attributive(parse: Parse, token: Token) -> bool:
    """ "a majority of pledged delegates", "the pledged delegates", "300 pledged delegates": an
    English verb form between an article, a preposition, a possessive or a number and a noun is
    an adjective, whatever the tagger made of it; a verb never follows an article or a
    preposition."""
    if token.i == 0 or token.i + 1 >= len(parse.tokens):
        return False
    before, after = parse.tokens[token.i - 1], parse.tokens[token.i + 1]
    # after a number only a participle: "above 50 indicates growth" is a verb
    participle = token.lower.endswith(("ed", "en"))
    number = before.pos == "NUM" and before.text[:1].isdigit() and participle
    opens_noun_phrase = (
        before.lower in en.ARTICLES
        or before.lower in en.OF
        # "her lead in pledged delegates"; not the "to" of an infinitive, whatever its tag
        or (before.pos == "ADP" and before.dep != "mark")
        or before.feature("Poss") == "Yes"  # "her pledged delegates"
        or number
    )
    return opens_noun_phrase and after.pos == "NOUN" and not parse.deps(token.i, "ccomp")


def _makes_known(parse: Parse, token: Token, lang: str) -> bool:
    """ "ha reso noto che", "lo rende noto la questura", "ha fatto presente come": one
    reporting verb written in two words."""
    after = parse.tokens[token.i + 1] if token.i + 1 < len(parse.tokens) else None
    return after is not None and any(
        token.lower in forms and after.lower in known for forms, known in _MAKE_KNOWN.get(lang, ())
    )


_MAKE_KNOWN = {
    "it": (
        (
            set(
                "rende rendono reso resa resi rese rendeva rendevano rendendo renderà renderanno "
                "rendesse".split()
            ),
            {"noto", "nota", "noti", "note"},
        ),
        (
            set(
                "fa fanno fatto fatta fatti fatte fece fecero faceva facevano facendo farà "
                "faranno".split()
            ),
            {"presente"},  # "ha fatto presente come": pointed out
        ),
    )
}
_NOT = {"non", "not", "never", "mai"}
# "c'è qualche notizia di ...", "there are reports of ...": news that exists, not news saying
_THERE = {"ci", "c'", "c’", "there"}
# Particles that turn a reporting verb into another verb: "called up a squad", "told off".
_OTHER_SENSE = {"up", "off", "in", "down"}
# A verb and the preposition that make it another verb when nothing is reported: English "add
# to", to increase. Italian "aggiungere a" reports ("aggiunge ai giornalisti che").
_INCREASE = {"en": ({"add", "adds", "added", "adding"}, {"to"})}
_KNOWN = {word for pairs in _MAKE_KNOWN.values() for _, known in pairs for word in known}
# "ha riportato gravi ferite", "aveva riportato due vittorie": "riportare" a harm or a result
# is suffering or winning it, not reporting
_BEFORE_NOUN = {"DET", "ADJ", "NUM", "ADV"}
_OBTAIN = {"it": ("riport", it.SUFFERED_OR_WON)}


def _reflexive(token: Token) -> bool:
    return token.feature("Reflex") == "Yes" or token.lower.endswith(("self", "selves"))


def _increases(parse: Parse, token: Token, lang: str, quoted: list[tuple[int, int]]) -> bool:
    forms, prepositions = _INCREASE.get(lang, ((), ()))
    if token.lower not in forms or _content(parse, token.i):
        return False
    return any(
        case.lower in prepositions and not _in_quote(case.start, quoted)
        for oblique in parse.deps(token.i, "obl")
        for case in parse.deps(oblique.i, "case")
    )


def _obtains(parse: Parse, token: Token, lang: str) -> bool:
    stem, objects = _OBTAIN.get(lang, ("", frozenset()))
    if not stem or not token.lower.startswith(stem):
        return False
    if any(o.lower in objects for o in parse.deps(token.i, "obj", "nsubj:pass")):
        return True
    # the parse may take "ferite" for a verb: the first word after that is not a determiner,
    # an adjective or a number
    for after in parse.tokens[token.i + 1 : token.i + 5]:
        if after.pos not in _BEFORE_NOUN:
            return after.lower in objects
    return False


def _spoken_of(parse: Parse, token: Token, lang: str) -> tuple[int, int] | None:
    """ "Fonti locali parlano di venti vittime", "il premier parla di svolta": in Italian news,
    someone who speaks of something reports it; what they speak of is the content."""
    if token.lower not in _SPEAK_OF.get(lang, ()) or token.pos not in _VERBAL:
        return None
    subjects = parse.deps(token.i, "nsubj")
    if not subjects or not can_speak(parse, subjects[0], lang):
        return None  # "se ne parla da anni": no one in particular
    for oblique in parse.deps(token.i, "obl"):
        cases = parse.deps(oblique.i, "case")
        if oblique.i > token.i and any(c.lower in it.OF for c in cases):
            drop = frozenset(c.i for c in cases)
            return parse.span(parse.subtree(oblique.i, without=drop))
    return None


_SPEAK_OF = {
    "it": set("parla parlano parlava parlavano parlato parlò parlarono parlerà parleranno".split())
}


def _verb_as_noun(parse: Parse, token: Token) -> bool:
    """ "The New York Post reports that ...": a third person verb the tagger took for a plural
    noun, still heading its "that" clause."""
    return (
        token.pos == "NOUN"
        and token.lower.endswith("s")
        and any(_marked_by(parse, c.i, {"that"}) for c in parse.deps(token.i, "acl", "ccomp"))
    )


def _as_put_it(parse: Parse, token: Token) -> bool:
    """ "..., as a Homeland Security memo put it": the idiom says who said the words before."""
    return (
        token.lower in {"put", "puts"}
        and any(o.lower == "it" for o in parse.deps(token.i, "obj"))
        and _put_it_subject(parse, token.i) is not None
    )


def _put_it_subject(parse: Parse, verb: int) -> Token | None:
    """The noun between "as" and "put it", however the parse hung it; never across a comma or
    a dash ("such as Nato membership - a move long opposed by Russia")."""
    tokens = parse.tokens
    start = next(
        (k for k in range(verb - 1, max(-1, verb - _NAME_REACH), -1) if tokens[k].lower in _AS),
        None,
    )
    if start is None or any(
        t.pos in _VERBAL or t.text in _CLAUSE_BREAKS for t in tokens[start + 1 : verb]
    ):
        return None
    nouns = [t for t in tokens[start + 1 : verb] if t.pos in {"NOUN", "PROPN", "PRON"}]
    return nouns[-1] if nouns else None


def _gerund_as_noun(parse: Parse, token: Token) -> bool:
    """ "..., tweeting, “Notice Trump sniffing”", "walked onto the stage, chanting “U-S-A!”": a
    gerund after a comma the tagger took for a noun."""
    return (
        token.pos == "NOUN"
        and token.lower.endswith("ing")
        and token.i > 0
        and parse.tokens[token.i - 1].text == ","
    )


def _clause_subject(parse: Parse, i: int, quoted: list[tuple[int, int]]) -> Token | None:
    """The subject of the clause a participle hangs in: the first one up its heads, or a name
    the parse left heading the sentence ("Dean, a former chairman, poked at ..."); never one
    inside a quote."""
    for _ in range(_CLAUSE_REACH):
        token = parse.tokens[i]
        subjects = [
            t
            for t in parse.deps(i, "nsubj")
            if t.dep != "nsubj:pass" and not _in_quote(t.start, quoted)
        ]
        if subjects:
            return subjects[0]
        head = parse.tokens[token.head]
        if token.head == i or _in_quote(head.start, quoted):
            return token if token.pos == "PROPN" else None
        i = token.head
    return None


_CLAUSE_REACH = 6


def _finite_on_noun(parse: Parse, token: Token) -> bool:
    """ "testimoni riferiscono di ...": a finite verb parsed as a modifier of the noun before it
    is that noun's predicate; a modifier is never finite."""
    head = parse.tokens[token.head]
    # "Ban Ki-moon, the secretary general, vowed": a verb joined to a noun that heads the
    # sentence or a subject; a verb coordinates with verbs, never with nouns.
    joined = token.dep == "conj" and (head.dep == "ROOT" or head.dep.startswith("nsubj"))
    return (
        (token.dep.startswith(("amod", "acl")) or joined)
        and token.feature("VerbForm") == "Fin"
        and head.i < token.i
        and head.pos in {"NOUN", "PROPN"}
        and not parse.deps(token.i, "nsubj")
    )


def _sibling_content(parse: Parse, verb: Token) -> tuple[int, int] | None:
    """The complement clause the same mis-parse hung on the noun beside the verb."""
    for child in parse.children[verb.head]:
        token = parse.tokens[child]
        if child > verb.i and token.pos in _VERBAL and _marked_by(parse, child, _MARKERS):
            indices = [k for k in parse.subtree(child) if parse.tokens[k].lower not in _MARKERS]
            return parse.span(indices)
    return None


def _marked_by(parse: Parse, i: int, markers: set[str]) -> bool:
    return any(m.lower in markers for m in parse.deps(i, "mark"))


def _marked_content(parse: Parse, verb: int) -> bool:
    """A complement clause opened by "di" or "che": words reported, not a participle's object."""
    return any(
        _marked_by(parse, child.i, _MARKERS) for child in parse.deps(verb, *_CONTENT, "advcl")
    )


def _shares_subject(parse: Parse, token: Token) -> bool:
    if token.head == token.i:
        return False
    if token.dep.split(":")[0] in _SHARES_SUBJECT:
        return True
    # "Il macchinista rimasto illeso ha dichiarato": a participle with no auxiliary taken for
    # the main verb leaves the real one as its complement; the subject is still theirs.
    head = parse.tokens[token.head]
    return (
        token.dep == "ccomp"
        and head.feature("VerbForm") == "Part"
        and not parse.deps(head.i, "aux")
        and bool(parse.deps(token.i, "aux"))
    )


_DASHES = {"-", "–", "—"}
_PURPOSE = {"per"}
_CLAUSE_BREAKS = {","} | _DASHES
_DASH_REACH = 12  # tokens from a dash to the verb it sets off


def _between_dashes(parse: Parse, i: int) -> bool:
    """'"Stiamo facendo il possibile - ha dichiarato un addetto - non ci aspettavamo..."':
    a frame set off by dashes inside the quotation marks."""
    return _dash_insert(parse, i) is not None


def _name_before_parenthesis(parse: Parse, verb: int) -> tuple[Token, int] | None:
    """ "Alvarez (...) ha dichiarato": the name right before a parenthesis closed right
    before the verb, with where the parenthesis opens."""
    tokens = parse.tokens
    auxiliaries = parse.deps(verb, "aux")
    finite = [t for t in [tokens[verb], *auxiliaries] if t.feature("VerbForm") == "Fin"]
    if not finite or parse.deps(verb, "aux:pass", "nsubj:pass"):
        return None  # "(...) è stato annunciato", "(PD) sostenuto da": no one speaks
    k = verb - 1
    while k >= 0 and tokens[k].pos in {"ADV", "AUX"}:
        k -= 1
    if k < 1 or tokens[k].text != ")":
        return None
    opening = next((j for j in range(k - 1, -1, -1) if tokens[j].text in "()"), None)
    if opening is None or tokens[opening].text != "(" or opening == 0:
        return None
    name = tokens[opening - 1]
    while name.dep.startswith("flat") and name.head < name.i:
        name = tokens[name.head]
    if name.pos != "PROPN" or name.ent not in _SPEAKING_NAMES:
        return None
    return name, opening


def _dash_insert(parse: Parse, i: int) -> tuple[int, int] | None:
    """The nearest dashes either side of token `i` (their indexes), when both are near."""
    tokens = parse.tokens
    left = next(
        (k for k in range(i - 1, max(-1, i - 1 - _DASH_REACH), -1) if tokens[k].text in _DASHES),
        None,
    )
    right = next(
        (
            k
            for k in range(i + 1, min(len(tokens), i + 1 + _DASH_REACH))
            if tokens[k].text in _DASHES
        ),
        None,
    )
    return None if left is None or right is None else (left, right)


def _person(parse: Parse, token: Token | None) -> bool:
    """A proper name ("definita «folle» da Berlusconi"), not a body or a thing."""
    if token is None:
        return False
    return any(parse.tokens[k].pos == "PROPN" for k in parse.subtree(token.i))


def _in_quote(offset: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in quoted)


def _verb_frames(parse: Parse, lang: str, quoted: list[tuple[int, int]]) -> list[Frame]:
    verbs = reporting_verbs(lang)
    frames = []
    for token in parse.tokens:
        made_known = _makes_known(parse, token, lang)
        kind = verbs.get(token.lower) or (
            SPEECH if _as_put_it(parse, token) or made_known else None
        )
        if kind is None and _opens_quote(parse, token, quoted, lang):
            kind = SPEECH  # 'Hillary shot back, “I suppose ...”': whatever the verb, it speaks
        spoken_of = _spoken_of(parse, token, lang) if kind is None else None
        if spoken_of is not None:
            kind = SPEECH
        written_in = _read_in(parse, token, lang)
        if kind is None and written_in is not None:
            kind = SPEECH  # "nella sentenza si legge: «...»": the document says it
        if kind is None and _with_the_words(parse, token, quoted):
            kind = SPEECH  # "ha esordito con la frase «...»": whatever the verb, it speaks
        if kind is None and _with_these_words(parse, token):
            first = parse.sentence(token.i)[0]
            before = parse.sentence(first - 1) if first else None
            if before is not None and any(
                parse.tokens[before[0]].start <= q0 and q1 <= parse.tokens[before[1]].end
                for q0, q1 in quoted
            ):
                kind = SPEECH  # "«...». Con queste parole si è dimesso X": X said it
        judged = kind is None and cue_model.is_cue(parse, token, lang)
        if judged:
            kind = LEARNED  # "Sanders backed the plan": a stance no list names, judged in context
        if kind is None or token.dep.startswith(("aux", "cop")):
            continue
        if any(p.lower in _OTHER_SENSE for p in parse.deps(token.i, "compound:prt")):
            continue  # "called up a squad": another verb
        if _increases(parse, token, lang, quoted):
            continue  # "adding to her lead", "adds to the drama": another verb
        if _obtains(parse, token, lang):
            continue  # "ha riportato gravi ferite": suffered, not reported
        if kind == _REPORT and any(_reflexive(o) for o in parse.deps(token.i, "obj")):
            continue  # "he found himself embroiled", "she showed herself ready": no finding
        if lang == "en" and _attributive(parse, token):
            continue  # "300 pledged delegates": a participle describing the noun after it
        if not (
            _predicate(parse, token)
            or _verb_after_quote(parse, token, quoted)
            or written_in is not None  # "Si legge nella nota": "legge" tagged a noun
        ):
            continue
        inserted = _in_quote(token.start, quoted) and _between_dashes(parse, token.i)
        # "vogliono affermare", words inside a quote: not the article's frames. An English
        # "infinitive" with a subject of its own speaks: a present the tagger misread
        # ("sources close to her campaign say") or a speech verb after a modal or "did"
        # ("Cook did not say", "he will tell").
        # An Italian infinitive of purpose whose words are a quote speaks ("per ribadire «»").
        infinitive = token.feature("VerbForm") == "Inf" and (
            not _quoted_purpose(parse, token, quoted)
            if lang != "en"
            else (
                not parse.active_subject(token.i)
                or parse.deps(token.i, "mark")
                or (kind != SPEECH and parse.deps(token.i, "aux"))
            )
        )
        if infinitive or (_in_quote(token.start, quoted) and not inserted):
            continue
        content = _content(parse, token.i) or spoken_of
        subject, how = _subject(parse, token.i, quoted, lang)
        if written_in is not None:
            subject, how = written_in, "subject"
        presented = _what_came_before(parse, token, lang)
        if presented is not None:
            # "«...». È quanto ha dichiarato il portavoce Navarro-Valls": the sentence before
            # is what was said, and the name after the verb said it
            content = presented
            subject, how = _named_after_verb(parse, token) or subject, "inverted"
        source = None
        if subject is None and _gerund_as_noun(parse, token):
            subject = _clause_subject(parse, token.head, quoted)
            how = "subject" if subject is not None else how
        if subject is None and _finite_on_noun(parse, token):
            # "testimoni riferiscono di aver visto": a finite verb the parse hung on its subject.
            subject, how = parse.tokens[token.head], "subject"
            content = content or _sibling_content(parse, token)
            phrase = _phrase(parse, subject.i)
            words = [t.i for t in parse.within(*phrase) if t.i < token.i] if phrase else []
            source = parse.span(words)
        if content is None and how == "agent" and token.dep.startswith("acl"):
            if subject is not None and subject.lower in outlet_words(lang):
                content = _phrase(parse, token.head)  # "la frase riportata dal quotidiano"
        if content is None:
            content = _after_colon(parse, token.i)
        if content is None and kind == _REPORT:
            # "The video shows an officer aiming a gun": what a finding shows is its object.
            shown = parse.deps(token.i, "obj")
            content = parse.span(parse.subtree(shown[0].i)) if shown else None
        if content is None and kind == _REPORT:
            content = _clause_reported(parse, token)
        if kind not in {SPEECH, LEARNED} and content is None:
            continue  # "the team found the ball", "vuole bene": no reported content
        if made_known and not _clitic_object(parse, token.i):
            if any(t.lower in _NOT for t in parse.deps(token.i, "advmod")):
                continue  # "non sono state rese note le generalità": nothing was made known
            # "rende nota la loro intenzione di ...": the noun after is what is made known,
            # whatever the parse made it, never who made it known
            nouns_after = [t for t in parse.deps(token.i, "nsubj", "obj") if t.i > token.i + 1]
            if subject is not None and subject.i > token.i and how != "agent":
                subject, how = None, "dropped"
            if content is None and nouns_after:
                content = _phrase(parse, nouns_after[0].i)
            if content is None:
                continue  # "le cui tempistiche non sono state rese note": nothing is reported
        if how in {"shared", "dropped"} and token.feature("VerbForm") == "Ger":
            # "ha ribadito che X ..., aggiungendo che": the gerund often hangs inside the first
            # claim; its speaker is the reporting verb's above it, not the claim's subject.
            above = _reporting_ancestor(parse, token.i, verbs)
            if above is not None:
                found, _ = _subject(parse, above, quoted, lang)
                if found is not None:
                    subject, how = found, "shared"
                elif subject is not None and _in_claim_of(parse, subject.i, above):
                    # "Ha ammesso che la strada migliore sia ..., sottolineando che": with no
                    # subject above either, the one who spoke before, never the claim's own
                    subject, how = None, "dropped"
        if kind == LEARNED and (
            subject is None or subject.dep.endswith(":pass") or parse.deps(token.i, "aux:pass")
        ):
            continue  # "has never been charged", "she appeared": no one says anything
        if judged and not can_speak(parse, subject, lang):
            continue  # "a cheering section backed the team": the judge's stances are someone's
        if token.dep.startswith(("acl", "amod")):
            if how in {"subject", "inverted"} and subject.lower in _RELATIVE_SUBJECTS:
                noun = title_of(parse, parse.tokens[token.head], lang)
                # "Ansar Eddine – l'organizzazione islamica che dice": the name the noun is
                # set beside is who speaks
                noun = _name_set_beside(parse, noun) or noun
                if not can_speak(parse, noun, lang):
                    # "il ritorno di Celentano, che ha esordito": the parse hung the clause on
                    # another noun than the name right before it
                    before = antecedent(parse, subject.i)
                    noun = parse.tokens[before] if before is not None else noun
                    if noun.dep.startswith("flat"):
                        noun = parse.tokens[noun.head]  # "Adriano Celentano": the whole name
                    plural = parse.number(token.i) == "Plur"
                    if (
                        noun.pos != "PROPN"
                        # "la fidanzata di Morosini, che": hers; "un volto storico della
                        # televisione, Pippo Baudo, che": the name set beside the noun is it
                        or (noun.head == token.head and noun.dep != "appos")
                        or (plural and noun.feature("Number") != "Plur")
                    ):
                        # "un'immagine che ricorda", "a measure that backs": no one speaks; "la
                        # fidanzata di Morosini, che ha concluso" is hers, whoever she is
                        continue
                if kind == LEARNED and noun.i != token.head:
                    continue  # a stance judged in a clause the parse hung elsewhere
                # "Smith, who said ...", "Rossi, che ha detto ...": the noun the clause is on,
                # in its own words, without the clause ("la donna iraniana che aveva chiesto")
                relative = subject
                subject, how = noun, "subject"
                source = _phrase(parse, noun.i)
                if source is not None and source[0] < relative.start < source[1]:
                    # a title's phrase holds the clause on its complement: up to the relative
                    words = parse.within(source[0], relative.start)
                    source = parse.span([t.i for t in words if t.pos != "PUNCT"]) or source
            elif how in {"subject", "inverted"}:
                pass  # "The museum, Mr. Bush said, celebrated ...": a parenthetical, misattached
            elif how != "agent" or not (
                _agent_speaks(parse, subject, lang) or _marked_content(parse, token.i)
            ):
                # "il piano sostenuto dal governo": a participle describing a noun; "accusato
                # dalla clientela di non sapere" reports what the agent said.
                continue
        if content is None and how in {"subject", "inverted"}:
            content = _parenthetical_content(parse, token.i, subject, quoted)
        if source is None and subject is not None:
            source = _phrase(parse, subject.i, origin=how == "subject")
            source = _with_title_subject(parse, token.i, subject, source)
        if source is not None and subject.i < token.i and token.start < source[1]:
            # the parse hung the verb on its subject: the source stops before its own cue
            source = (source[0], parse.tokens[token.i - 1].end)
        cue_end = parse.tokens[token.i + 1].end if made_known else token.end
        frames.append(
            Frame(
                cue=(token.start, cue_end),
                kind=kind,
                source=source,
                source_head=subject.i if subject is not None else None,
                content=content,
                verb=token.i,
                plural=parse.number(token.i) == "Plur",
                how=how,
                inserted=inserted,
            )
        )
    return frames


def antecedent(parse: Parse, relative: int) -> int | None:
    """The noun a relative pronoun follows: "dei cittadini greci, che accusarono"."""
    tokens = parse.tokens
    if relative < 2 or tokens[relative - 1].text != ",":
        return None
    noun = tokens[relative - 2]
    if noun.dep.startswith("flat") or (noun.pos == "ADJ" and noun.dep.startswith("amod")):
        noun = tokens[noun.head]  # "papa Paolo VI, che": the name; "cittadini greci": the noun
    return noun.i if noun.pos in {"NOUN", "PROPN"} else None


def title_of(parse: Parse, noun: Token, lang: str) -> Token:
    """The title a relative clause's noun completes, else the noun: "il Capo dello Stato, che
    ha proseguito" is said by the head of state, not the state."""
    title = parse.tokens[noun.head]
    if (
        noun.dep == "nmod"
        and noun.ent != "PER"
        and parse.deps(noun.i, "case")  # "papa Paolo VI" is the name, whatever its label
        and title.lower in role_words(lang)
    ):
        return title
    return noun


_RELATIVE_SUBJECTS = {"who", "che", "il quale", "la quale", "i quali", "le quali", "quale"}
_STOPS = {",", ":"} | _SENTENCE_ENDS | _QUOTE_MARKS  # what a relative clause set off stops at


def can_speak(parse: Parse, noun: Token, lang: str) -> bool:
    """A noun that can say something: a name, a pronoun, a role, a source noun, an outlet."""
    if noun.pos in {"PROPN", "PRON"}:
        return True
    # "il macchinista Mario Rossi, che ha detto": a name right after the noun is its own.
    after = parse.tokens[noun.i + 1] if noun.i + 1 < len(parse.tokens) else None
    if after is not None and after.head == noun.i and after.pos == "PROPN":
        return True
    word = noun.lower
    return (
        word in role_words(lang)
        or word in anonymous_nouns(lang)
        or word in outlet_words(lang)
        or word in person_nouns(lang)
    )


def _can_be_cited(parse: Parse, noun: Token, lang: str) -> bool:
    """ "according to officials", "secondo il rapporto", "secondo me": someone or something that
    holds a view, not "according to new developments" (a source the old word window refused)."""
    if can_speak(parse, noun, lang) or noun.lower in speech_nouns(lang):
        return True
    # A determiner or a name in the phrase makes it a particular thing that says: "the plan".
    phrase = parse.subtree(noun.i)
    return any(parse.tokens[k].pos in {"DET", "PROPN", "NUM"} for k in phrase)


def _agent_speaks(parse: Parse, agent: Token | None, lang: str) -> bool:
    """ "definita «folle» da Berlusconi", "riportata dal quotidiano": a name or an outlet,
    not "sostenuto dalle donazioni"."""
    if agent is None:
        return False
    return _person(parse, agent) or agent.lower in outlet_words(lang)


def _clause_reported(parse: Parse, verb: Token) -> tuple[int, int] | None:
    """ "..., KING-TV reported", "As The Hill reported, ...": a report hung on the clause it
    reports, after it or marked by "as"; that clause, without the frame, is the content."""
    if verb.head == verb.i or parse.active_subject(verb.i) is None:
        return None  # "il nome dovrà essere riportato, in quanto ...": nobody reports
    after = verb.dep == "parataxis" and verb.i > verb.head
    if not (after or (verb.dep == "advcl" and _marked_by(parse, verb.i, _AS))):
        return None
    return parse.span(parse.subtree(verb.head, without=frozenset({verb.i})))


_PARTICLES = {"ADP", "ADV"}
_THUS = {"così", "thus"}  # "ha reagito così:", "responded thus:": the words that follow


_READ = {"it": {"legge", "leggono", "leggeva", "leggevano", "lesse"}}


def _read_in(parse: Parse, token: Token, lang: str) -> Token | None:
    """ "Nella sentenza si legge: «...»", "si legge nella nota del ministero che ...": an
    impersonal "si legge" reports what the document it is read in says; the document."""
    if token.lower not in _READ.get(lang, ()) or token.pos not in {"VERB", "NOUN"}:
        return None
    before = parse.tokens[token.i - 1] if token.i else None
    if not (
        any(c.lower == "si" for c in parse.deps(token.i, "expl"))
        or (before is not None and before.lower == "si")
    ):
        return None
    for oblique in parse.deps(token.i, "obl"):
        if any(c.lower in it.IN or c.lower in it.ON for c in parse.deps(oblique.i, "case")):
            if oblique.lower in _WORDS:
                # "come si legge nelle parole del presidente": the words are his
                whose = [
                    n
                    for n in parse.deps(oblique.i, "nmod")
                    if n.pos in {"NOUN", "PROPN"}
                    and {c.lower for c in parse.deps(n.i, "case")} & _OF
                ]
                return whose[0] if whose else oblique
            return oblique
    return None


_WORDS = {"parole", "parola", "frase", "words", "phrase"}
_THESE = {"queste", "questa", "tali", "these", "those"}
_WITH = {"con", "with"}


def _with_the_words(parse: Parse, verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """ "che ha esordito con la frase «...»", "closed with the words “...”": the verb whose
    words are the quote right after them."""
    if verb.pos != "VERB" or _in_quote(verb.start, quoted):
        return False
    for oblique in parse.deps(verb.i, "obl"):
        if oblique.lower not in _WORDS or oblique.i < verb.i:
            continue
        if not any(c.lower in _WITH for c in parse.deps(oblique.i, "case")):
            continue
        k = oblique.i + 1
        if k < len(parse.tokens) and parse.tokens[k].text == ":":
            k += 1
        if k < len(parse.tokens) and any(s == parse.tokens[k].start for s, _ in quoted):
            return True
    return False


def _opens_quote(parse: Parse, verb: Token, quoted: list[tuple[int, int]], lang: str) -> bool:
    """A verb with its subject whose words end at a comma or a colon opening a quote: 'Hillary
    shot back, “...”', 'Trump chimed in: “...”', "Jovanotti ha reagito così: «...»"; a subject
    that can speak ("le condizioni della salma erano impressionanti: «...»" frame nothing)."""
    if verb.pos != "VERB" or not _finite(parse, verb) or _in_quote(verb.start, quoted):
        return False
    subjects = [t for t in parse.deps(verb.i, "nsubj") if t.i < verb.i]
    inverted = _inverted_before_colon(parse, verb.i, lang) if not subjects else None
    if inverted is not None:
        k = parse.subtree(inverted.i)[-1] + 1  # "Ha continuato il sindaco: «...»"
        return k + 1 < len(parse.tokens) and any(
            start == parse.tokens[k + 1].start for start, _ in quoted
        )
    if not subjects or not can_speak(parse, subjects[0], lang):
        return False
    k = verb.i + 1
    if any(a.lower in _THUS for a in parse.deps(verb.i, "advmod")):
        # "Jovanotti ha reagito così alla notizia: «...»": past the verb's own words
        k = _after_own_words(parse, verb)
    while k < len(parse.tokens) and parse.tokens[k].head == verb.i:
        if parse.tokens[k].pos not in _PARTICLES:
            break
        k += 1  # "chimed in", "went on", "wrote recently"
    if k + 1 >= len(parse.tokens) or parse.tokens[k].text not in {",", ":"}:
        return False
    opening = parse.tokens[k + 1].start
    return any(start == opening for start, _ in quoted)


def _quoted_purpose(parse: Parse, verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """ "ha contattato Aso per riaffermare «...»": an infinitive of purpose whose words are a
    quote speaks for the clause it serves (a bare "vuole affermare" frames nothing)."""
    if not any(m.lower in _PURPOSE for m in parse.deps(verb.i, "mark")):
        return False
    if parse.tokens[verb.head].pos != "VERB" or verb.i + 1 >= len(parse.tokens):
        return False
    opening = parse.tokens[verb.i + 1].start
    return any(start == opening for start, _ in quoted)


def _parenthetical_content(
    parse: Parse, verb: int, subject: Token | None, quoted: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "The museum, Mr. Bush said, celebrated ...": a frame set off by commas inside the
    sentence it reports; the content is that sentence (one with a quote reports the quote)."""
    if subject is None:
        return None
    tokens = parse.tokens
    first, last = parse.sentence(verb)
    if any(tokens[first].start < end and start < tokens[last].end for start, end in quoted):
        return None
    left = min(subject.i, verb) - 1
    while left >= first and tokens[left].pos in {"DET", "PROPN", "NOUN", "ADJ"}:
        left -= 1  # back over the subject's own words ("Mr.")
    right = max(subject.i, verb) + 1
    if not (first < left and right < last):
        return None
    if tokens[left].text != "," or tokens[right].text != ",":
        return None
    return parse.span(list(range(first, last + 1)))


def _reporting_ancestor(parse: Parse, i: int, verbs: dict[str, str]) -> int | None:
    tokens = parse.tokens
    j = tokens[i].head
    for _ in range(4):
        if j == tokens[j].head:
            return j if tokens[j].lower in verbs else None
        if tokens[j].lower in verbs:
            return j
        j = tokens[j].head
    return None


def _clause_without(parse: Parse, clause: int, cue: int) -> tuple[int, int] | None:
    """The clause a cue hangs on, less the cue's own words and the clause's punctuation."""
    without = frozenset({cue}) | frozenset(
        c for c in parse.children[clause] if parse.tokens[c].dep == "punct"
    )
    return parse.span(parse.subtree(clause, without=without))


def _according_frames(parse: Parse, lang: str) -> list[Frame]:
    frames = []
    for token in parse.tokens:
        source_head = _according_source(parse, token, lang)
        if source_head is None:
            continue
        if token.lower in _ACCORDING.get(lang, set()) and not _can_be_cited(
            parse, parse.tokens[source_head], lang
        ):
            continue  # "a detta dei conoscenti" always names people; "according to" may not
        # The clause the cue's phrase hangs on is what the source says.
        phrase = token.head if token.lower in _ACCORDING.get(lang, set()) else token.i
        over = parse.tokens[parse.tokens[phrase].head]
        under = [c for c in parse.children[phrase] if parse.tokens[c].pos == "VERB"]
        if parse.tokens[phrase].lower in _WHAT and over.pos == "VERB" and not under:
            # "secondo quanto ha riferito X, la situazione è gravissima": the verb's clause
            # is the cue's phrase, and what it hangs on is what X says
            phrase = over.i
            if parse.tokens[over.head].pos == "NOUN" and over.dep.startswith("acl"):
                phrase = over.head  # the parse hung the verb on the clause's subject
        clause = parse.tokens[phrase].head
        content = None
        if clause != phrase:
            content = _clause_without(parse, clause, phrase)
        source = _phrase(parse, source_head)
        if source_head < token.i and parse.tokens[phrase].head == source_head:
            # "le indiscrezioni secondo le quali con il raìs sono stati ...", the relative clause
            # lost by the parse: the noun's words before the cue say it, the rest is said.
            source = parse.span([k for k in parse.subtree(source_head) if k < token.i])
            last = parse.sentence(token.i)[1]
            content = parse.span(
                [k for k in range(phrase + 1, last + 1) if parse.tokens[k].pos != "PUNCT"]
            )
        elif source is not None and source[0] < token.start:  # "Tra queste, secondo X": from X on
            after = [t for t in parse.within(token.end, source[1]) if t.pos != "PUNCT"]
            source = (after[0].start, source[1]) if after else source
        source, content = _opening_cue(parse, token, source, content)
        named = _name_set_off_after(parse, source)
        if named is not None:
            # "Secondo il capo della Farnesina, Massimo D'Alema, l'attentato ...": the name
            # between commas is the source's, whatever the parse made of it
            source, source_head = (source[0], parse.tokens[named[1]].end), named[0]
            if content is not None and content[0] < source[1] < content[1] - 1:
                content = (parse.tokens[named[1] + 2].start, content[1])
        frames.append(
            Frame(
                cue=(token.start, token.end),
                kind="according",
                source=source,
                source_head=source_head,
                content=content,
                verb=token.i,
                how="according",
            )
        )
    return frames


# Adverbs that say a clause is reported by someone left unnamed: "he reportedly met Putin".
_HEARSAY = {"en": {"reportedly"}}


def _hearsay_frames(parse: Parse, lang: str, quoted: list[tuple[int, int]]) -> list[Frame]:
    frames = []
    for token in parse.tokens:
        if token.lower not in _HEARSAY.get(lang, ()) or _in_quote(token.start, quoted):
            continue
        clause = token.head
        if clause == token.i:
            continue
        frames.append(
            Frame(
                cue=(token.start, token.end),
                kind=_REPORT,
                source=None,
                source_head=None,
                content=_clause_without(parse, clause, token.i),
                verb=token.i,
                how="hearsay",
            )
        )
    return frames


_COLON_REACH = 12  # tokens from a reporting verb to the colon that opens what it reports


def _after_colon(parse: Parse, verb: int) -> tuple[int, int] | None:
    """ "All Africa riporta notizie terribili: alcune sarebbero state ...", "she said the
    following: ...": the clause after a colon close behind the verb is what it reports."""
    tokens = parse.tokens
    _, last = parse.sentence(verb)
    for k in range(verb + 1, min(last, verb + _COLON_REACH) + 1):
        if tokens[k].text == ":":
            span = parse.span(list(range(k + 1, last + 1)))
            if span and any(t.pos in _VERBAL for t in parse.within(*span)):
                return span
            return None
        if tokens[k].text in {";", "."}:
            return None
    return None


# What may come before a cue that opens its sentence: "Ma secondo X", "Sempre secondo X".
_OPENING = {"CCONJ", "ADV", "PUNCT"}
# What a source's name is made of between its head and the comma: "host Rush Limbaugh".
_NAME_PARTS = {"PROPN", "NOUN", "ADJ", "DET", "ADP", "NUM"}


def _opening_cue(
    parse: Parse,
    cue: Token,
    source: tuple[int, int] | None,
    content: tuple[int, int] | None,
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """ "Secondo il settimanale Le Journal du Dimanche, il test valutava ...", "According to
    talk radio host Rush Limbaugh, the move ...": a cue that opens its sentence names its source
    up to the comma and reports what follows. The commas decide when the parse of a long name
    went astray: a content without a verb, or one that starts inside the source's phrase."""
    first, last = parse.sentence(cue.i)
    tokens = parse.tokens
    if source is None or any(t.pos not in _OPENING for t in tokens[first : cue.i]):
        return source, content
    comma = next((t for t in tokens[cue.i + 1 : last + 1] if t.text == ","), None)
    if comma is None or not source[1] <= comma.start:
        return source, content
    between = [t for t in parse.within(source[1], comma.start) if t.text != "."]
    if all(t.pos in _NAME_PARTS for t in between) and between:
        source = (source[0], between[-1].end)
    has_verb = content is not None and any(
        t.pos in _VERBAL for t in parse.within(content[0], content[1])
    )
    if has_verb and content[0] > comma.start:
        return source, content
    after = parse.span(list(range(comma.i + 1, last + 1)))
    if after is None or not any(t.pos in _VERBAL for t in parse.within(*after)):
        return source, content
    return source, after


def _according_source(parse: Parse, token: Token, lang: str) -> int | None:
    """The head of X in "secondo X", "according to X", "a detta di X", or None."""
    if token.lower in _OPINION.get(lang, set()):
        # "a detta dei conoscenti", "a parere del premier": X hangs on the noun.
        if not any(c.lower in {"a", "ad", "al"} for c in parse.deps(token.i, "case")):
            return None
        owners = parse.deps(token.i, "nmod")
        return owners[0].i if owners else None
    if token.lower not in _ACCORDING.get(lang, set()) or not token.dep.startswith(("case", "mark")):
        return None  # "il secondo trimestre": an ordinal
    noun = token.head
    if noun == token.i or parse.tokens[noun].pos not in _NOMINAL:
        return None
    if token.lower in _OPENING_ONLY and not _opens_with_someone(parse, token, lang):
        return None
    lower = parse.tokens[noun].lower
    if lower in _RELATIVES:
        # "le indiscrezioni secondo cui/le quali ...": the noun the relative clause is about.
        verb = parse.tokens[parse.tokens[noun].head]
        if verb.dep.startswith("acl") and verb.head != verb.i:
            return verb.head
        before = parse.tokens[token.i - 1] if token.i else None
        if before is not None and before.pos in {"NOUN", "PROPN"}:
            return before.i  # the relative clause lost by the parse still follows its noun
        return None
    if lower in _WHAT:
        # "secondo quanto comunicato dal ministro": the agent of the verb under "quanto";
        # "secondo quanto ha riferito Padre Cervellera": the subject after the verb over it
        what = parse.tokens[noun]
        verbs = [c for c in parse.children[noun] if parse.tokens[c].pos == "VERB"]
        if not verbs and what.head != noun and parse.tokens[what.head].pos == "VERB":
            verbs = [what.head]
        for verb in verbs:
            for oblique in parse.deps(verb, "obl"):
                if any(c.lower in _AGENT_CASE for c in parse.deps(oblique.i, "case")):
                    return oblique.i
            for subject in parse.deps(verb, "nsubj"):
                if subject.i > verb and subject.pos in _NOMINAL:
                    return subject.i
            # the parse hung the inverted subject elsewhere: the name right after the verb
            after = parse.tokens[verb + 1] if verb + 1 < len(parse.tokens) else None
            if after is not None and after.pos == "PROPN" and parse.tokens[verb].pos == "VERB":
                return after.i
        return None
    return noun


def _opens_with_someone(parse: Parse, token: Token, lang: str) -> bool:
    """ "Per Beppe Grillo, «...»", "Per il ministro della Difesa, Arturo Parisi, ...": the cue
    opens its sentence, names a person (a role only with the name beside it), and a comma
    closes the phrase (not "Per gli amici a quattro zampe,"; nor "Per il premier,", whom the
    role alone would have to find)."""
    noun = parse.tokens[token.head]
    if parse.sentence(token.i)[0] != token.i:
        return False
    words = [k for k in parse.subtree(noun.i) if parse.tokens[k].pos != "PUNCT"]
    named = any(parse.tokens[k].ent == "PER" for k in words)
    if not (noun.ent == "PER" or (noun.lower in role_words(lang) and named)):
        return False
    after = words[-1] + 1
    return after < len(parse.tokens) and parse.tokens[after].text == ","


# Verbs that only carry a speech noun: "lanciato un appello", "issued a statement".
_LIGHT_VERBS = {
    "it": set(
        "dare dato data dà danno diede fare fatto fatta fa fanno fece lanciare lanciato lanciata "
        "lancia lanciano lanciò rilasciare rilasciato rilasciata rilascia rilasciò diffondere "
        "diffuso diffusa diffonde diffondono pubblicare pubblicato pubblicata pubblica pubblicò "
        "emettere emesso emessa emette rivolgere rivolto rivolta rivolge".split()
    ),
    "en": set(
        "issue issued issues make made makes release released releases give gave given gives "
        "deliver delivered delivers publish published publishes".split()
    ),
}
_POSSESSOR = {"nmod", "nmod:poss", "det:poss"}
_OF = it.OF | en.OF


def _noun_frames(
    parse: Parse, lang: str, quoted: list[tuple[int, int]], taken: set[int]
) -> list[Frame]:
    """Speech carried by a noun: "sono le parole di Berlusconi", "sono le sue parole" (whose:
    coreference), "Profumo ha lanciato un appello", and rumours that stand for their own
    unnamed source: "si erano rincorse voci", "reports say"."""
    nouns = speech_nouns(lang)
    verbs = reporting_verbs(lang)
    light = _LIGHT_VERBS.get(lang, set())
    frames = []
    for token in parse.tokens:
        entry = nouns.get(token.lower)
        if entry is None or token.pos != "NOUN" or _in_quote(token.start, quoted):
            continue
        head = parse.tokens[token.head]
        relation = token.dep.split(":")[0]
        if (
            entry.get("rumour")
            and relation == "nsubj"
            and head.pos in _VERBAL
            and not any(e.lower in _THERE for e in parse.deps(head.i, "expl"))
        ):
            if head.i in taken or head.lower in verbs:
                continue  # a reporting verb's own frame already names it
            frames.append(
                Frame(
                    cue=(head.start, head.end), kind="report", source=_phrase(parse, token.i),
                    source_head=token.i, content=None, verb=head.i, how="subject",
                )
            )  # fmt: skip
            continue
        if relation == "obj" and head.lower in light and head.i not in taken:
            subject, how = _subject(parse, head.i, quoted, lang)
            owner = _owner(parse, token)
            if owner is not None and owner.ent == "PER":
                # "The Daily Telegraph pubblica una dichiarazione della Sharapova": hers
                subject, how = owner, "possessor"
            frames.append(
                Frame(
                    cue=(head.start, token.end), kind="speech",
                    source=_phrase(parse, subject.i) if subject is not None else None,
                    source_head=subject.i if subject is not None else None,
                    content=None, verb=head.i, plural=parse.number(head.i) == "Plur", how=how,
                )
            )  # fmt: skip
            continue
        owner = _owner(parse, token)
        if owner is None or not _frames_words(parse, token):
            continue
        pronoun = owner.pos in {"PRON", "DET"}
        frames.append(
            Frame(
                cue=(token.start, token.end), kind="speech",
                source=None if pronoun else _phrase(parse, owner.i),
                source_head=None if pronoun else owner.i,
                content=_presented(parse, token), verb=token.i,
                plural=owner.lower in {"loro", "their"},
                how="dropped" if pronoun else "possessor",
            )
        )  # fmt: skip
    return frames


def _frames_words(parse: Parse, noun: Token) -> bool:
    """A speech noun that presents words, not one that is talked about ("Trump's comments
    drew fire"): the predicate of a copula ("sono le sue parole"), or before a colon, a
    quote or a "that" clause."""
    if parse.deps(noun.i, "cop"):
        return True
    if any(
        parse.tokens[c].pos in _VERBAL and parse.deps(c, "mark") for c in parse.children[noun.i]
    ):
        return True
    after = _after_own_words(parse, noun)
    return after < len(parse.tokens) and parse.tokens[after].text in {":", *_QUOTE_MARKS}


def _after_own_words(parse: Parse, head: Token) -> int:
    """The token after a word's own words, up to the first punctuation ("le parole del
    presidente Chávez" before ":", "reagito così alla notizia" before ":")."""
    own = set(parse.subtree(head.i))
    after = head.i + 1
    while after < len(parse.tokens) and after in own and parse.tokens[after].pos != "PUNCT":
        after += 1
    return after


def _presented(parse: Parse, noun: Token) -> tuple[int, int] | None:
    """ "Il voto è una farsa, sono le parole di Rossi", "Di fronte a ciò, sono sempre le parole
    di Rossi, serve un'azione": the words a copular speech noun presents are the rest of its
    sentence."""
    if not parse.deps(noun.i, "cop"):
        return None
    first, last = parse.sentence(noun.i)
    if (
        first > 0
        and any(s.lower in _THESE for s in parse.deps(noun.i, "nsubj"))
        and not _opens_colon(parse, _after_own_words(parse, noun))
    ):
        # "«...». Queste sono le parole del WWF": the words are the sentence before (not
        # those a colon opens: "queste sono state le sue parole: «...»")
        before, _ = parse.sentence(first - 1)
        return parse.span(list(range(before, first)))
    own = set(parse.subtree(noun.i))
    rest = [k for k in range(first, last + 1) if k not in own]
    while rest and parse.tokens[rest[0]].pos == "PUNCT":
        rest.pop(0)
    while rest and parse.tokens[rest[-1]].pos == "PUNCT":
        rest.pop()
    if not any(parse.tokens[k].pos in _VERBAL for k in rest):
        return None
    return parse.span(rest)


def _opens_colon(parse: Parse, i: int) -> bool:
    return i < len(parse.tokens) and parse.tokens[i].text == ":"


_THESE = {"queste", "questo", "questa", "these", "this", "those"}


def _owner(parse: Parse, noun: Token) -> Token | None:
    """Whose words a speech noun carries: "di X" with a name in it, or a possessive; of the
    words the parse made possessors ("Mr.", "Trump", "'s"), the person's name."""
    found = []
    for child in parse.children[noun.i]:
        token = parse.tokens[child]
        if token.dep not in _POSSESSOR and token.dep.split(":")[0] != "nmod":
            continue
        if token.pos in {"PRON", "DET"} and token.dep in {"det:poss", "nmod:poss"}:
            found.append(token)  # "le sue parole", "his remarks"
        elif token.dep == "nmod:poss" and _person(parse, token):
            found.append(token)  # "Trump's remarks"
        elif {c.lower for c in parse.deps(token.i, "case")} & _OF and _person(parse, token):
            found.append(token)  # "le parole di Berlusconi"
    return next((t for t in found if t.ent == "PER"), found[0] if found else None)


def _mixed_quote_frames(
    parse: Parse, lang: str, quoted: list[tuple[int, int]], taken: set[int]
) -> list[Frame]:
    """'Beck called Palin a “clown”', 'Ramos believes in journalism that “takes sides.”': a
    few words quoted inside a person's clause are that person's own. English news marks a
    speaker's exact words so; Italian quotes many words of its own, so it is left out."""
    if lang != "en":
        return []
    frames = []
    for start, end in quoted:
        words = [t for t in parse.within(start, end) if t.pos != PUNCT]
        if not words or len(words) > _MIXED_MAX_WORDS:
            continue
        if all(t.text[0].isupper() for t in words if t.text[0].isalpha()):
            continue  # 'the “Perception” syllabus', '"Air Force One"': a name, not words said
        verb = _verb_above(parse, words[0], start, end)
        if verb is None or verb.i in taken or not _finite(parse, verb):
            continue
        subject = parse.active_subject(verb.i)
        if subject is None or subject.i > verb.i or _in_quote(subject.start, quoted):
            continue
        if subject.ent != "PER" and subject.lower not in en.ONE_PERSON_PRONOUNS:
            continue
        taken.add(verb.i)
        after = [k for k in parse.subtree(verb.i) if k > verb.i]
        frames.append(
            Frame(
                cue=(verb.start, verb.end),
                kind=SPEECH,
                source=_phrase(parse, subject.i),
                source_head=subject.i,
                content=parse.span(after),
                verb=verb.i,
            )
        )
    return frames


def _finite(parse: Parse, verb: Token) -> bool:
    """A finite verb, or one made finite by its auxiliary ("is labeling", "has called")."""
    return verb.feature("VerbForm") == "Fin" or any(
        aux.feature("VerbForm") == "Fin" for aux in parse.deps(verb.i, "aux")
    )


def _verb_above(parse: Parse, token: Token, start: int, end: int) -> Token | None:
    """The nearest verb above `token` outside the quote [start, end)."""
    for _ in range(_MIXED_REACH):
        if token.head == token.i:
            return None
        token = parse.tokens[token.head]
        if token.pos == "VERB" and not start <= token.start < end:
            return token
    return None


_MIXED_MAX_WORDS = 8  # longer quotes are speech found by their own marks and frames
_MIXED_REACH = 4  # steps from the quoted words up to their verb


def find_frames(parse: Parse, lang: str, quoted: list[tuple[int, int]]) -> list[Frame]:
    """Every reporting frame of an article, in text order; `quoted` are the spans inside
    quotation marks, whose words never frame what is outside them."""
    frames = _verb_frames(parse, lang, quoted) + _according_frames(parse, lang)
    frames += _hearsay_frames(parse, lang, quoted)
    frames += _noun_frames(parse, lang, quoted, {f.verb for f in frames})
    frames += _mixed_quote_frames(parse, lang, quoted, {f.verb for f in frames})
    frames.sort(key=lambda f: f.cue[0])
    return frames
