"""Roles of a person from the parse: a title the name hangs on ("il ministro della difesa Igor
Konashenkov"), an apposition ("Mancino, già presidente del Senato,") and a predicate ("Mancino
è il nuovo vicepresidente del Csm"). Each role is one phrase of the name's own clause: clauses
hanging on it, and anything past a comma, stay out."""

from __future__ import annotations

from briefing.facts.syntax import Parse, Token
from briefing.facts.text import Article, Ent, role_words, strip_article
from briefing.lexicon import it

_NOT_ROLE = {"acl", "advcl", "parataxis", "punct", "cc", "conj", "case", "mark", "cop", "nsubj"}
_LEADING = {"DET", "PUNCT", "CCONJ", "ADP"}
_MAX_WORDS = 10
_WHEN = {"DATE", "TIME"}
_NAME_ON_TITLE = {"appos", "nmod", "flat", "compound"}


# Heads that name a body, an event or a thing after a person, never the person's role:
# "l'amministrazione Trump", "la riforma Castelli", "the Trump campaign".
_NOT_TITLES = {
    "it": set(
        "amministrazione governo esecutivo ministero partito esercito squadra fondazione riforma "
        "legge decreto caso processo inchiesta era famiglia clan gruppo staff giunta gabinetto "
        "piano dottrina metodo sistema modello effetto premio coppa stadio via piazza".split()
    ),
    "en": set(
        "administration government campaign party team foundation reform law act case trial era "
        "family clan group staff cabinet plan doctrine method system model effect prize cup "
        "stadium street square".split()
    ),
}


# Prepositions of place and time before a noun: its phrase says where or when ("nelle
# abitazioni", "in mattinata", "sul palco"), never a title of the name after it.
_WHERE_OR_WHEN = it.IN | it.ON


_PLURAL_ARTICLES = set("i gli le dei degli delle dai dagli dalle ai agli alle coi".split())


def _plural(parse: Parse, title: Token) -> bool:
    """ "i premier Zaev e Tsipras": a title shared by names in a row is plural."""
    if title.feature("Number") == "Plur":
        return True
    return any(c.lower in _PLURAL_ARTICLES for c in parse.deps(title.i, "det", "case"))


def _may_be_title(parse: Parse, title: Token, name: Token, lang: str) -> bool:
    """A listed role word; or a lower-case noun right before the name ("il fratellastro X",
    "suo amico X"), adjectives allowed between: a noun further off is another phrase's
    ("gli sforzi dell'amministrazione Trump")."""
    if title.lower in role_words(lang):
        return True
    if not title.text.islower() or title.lower in _NOT_TITLES.get(lang, set()):
        return False
    if title.dep.split(":")[0] == "nmod":  # "capo del fondo sovrano X": X is the capo
        return False
    if any(c.lower in _WHERE_OR_WHEN for c in parse.deps(title.i, "case")):
        return False  # "nel secolo X", "sul palco X": where or when, not who
    between = parse.tokens[title.i + 1 : name.i]
    return all(t.pos == "ADJ" and t.head == title.i for t in between)


def _phrase(article: Article, parse: Parse, head: int, without: set[int]) -> str | None:
    """The role phrase headed by `head`, leaving out the name and what is no part of a role."""
    drop = frozenset(without) | frozenset(
        c for c in parse.children[head] if parse.tokens[c].dep.split(":")[0] in _NOT_ROLE
    )
    kept = set(parse.subtree(head, without=drop))
    # The unbroken run of kept tokens around the head: the left-out name ends it.
    first = last = head
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    run = parse.tokens[first : last + 1]
    run = list(run)

    def loose(token: Token) -> bool:  # "Mercoledì il presidente": a date is no part of a role
        return token.pos in _LEADING or article.ent_at(token.start, token.end, _WHEN) is not None

    while run and loose(run[0]):
        run.pop(0)
    while run and loose(run[-1]):
        run.pop()
    if not run or len(run) > _MAX_WORDS:
        return None
    return strip_article(article.text[run[0].start : run[-1].end]) or None


def roles_from_parse(article: Article, parse: Parse, ent: Ent) -> list[str]:
    """Roles written around one person mention, by how the name attaches in its clause."""
    name = parse.head_of(ent.start, ent.end)
    if name is None:
        return []
    tokens = parse.tokens
    name_tokens = set(parse.subtree(name.i))
    roles = []
    # A title the name hangs on: "il premier Alexis Tsipras", "President Zelensky"; names in a
    # row share it ("i premier Zaev e Tsipras").
    first = name
    while first.dep.startswith("conj") and first.head != first.i:
        first = tokens[first.head]
    title = tokens[first.head]
    if first is not name and not _plural(parse, title):
        first, title = name, tokens[name.head]  # "l'inviato X e Y, genero di Z": X's title
    if (
        first.dep.split(":")[0] in _NAME_ON_TITLE
        and title.i < first.i
        and title.pos == "NOUN"
        and _may_be_title(parse, title, first, article.lang)
        and not parse.deps(first.i, "case")  # "i parenti di X": X's relatives, not X's title
        and not article.ent_at(title.start, title.end, {"PER"})
    ):
        role = _phrase(article, parse, title.i, set(parse.subtree(first.i)))
        if role:
            roles.append(role)
    # Appositions after the name: "Mancino, già presidente del Senato,".
    for apposition in parse.deps(name.i, "appos"):
        if apposition.pos == "NOUN" and apposition.i > name.i:
            role = _phrase(article, parse, apposition.i, set())
            if role:
                roles.append(role)
    # A predicate: "Mancino è il nuovo vicepresidente"; "was in attendance" is where, not what.
    if (
        name.dep.startswith("nsubj")
        and title.pos == "NOUN"
        and parse.deps(title.i, "cop")
        and not parse.deps(title.i, "case")
    ):
        role = _phrase(article, parse, title.i, name_tokens)
        if role:
            roles.append(role)
    return roles
