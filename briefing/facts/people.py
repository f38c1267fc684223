"""People, organisations and places: mentions merged under one name, people with their roles."""

from __future__ import annotations

import re

from briefing.facts.roles import roles_from_parse
from briefing.facts.text import STOP, Article, Ent, Word, clean_name, fold, role_words
from briefing.lexicon import PREPOSITIONS, en, it
from briefing.models import NamedThing

# Words that may stand before a role head and belong to it ("US Special Envoy", "ex premier").
_MODIFIERS = {
    "it": set("ex vice alto alta primo prima neo neoeletto neoeletta attuale".split()),
    "en": set(
        "special deputy vice former senior national security foreign defence defense prime chief "
        "top acting interim general state lead military presidential executive economic trade "
        "finance interior health justice energy intelligence sovereign wealth fund first "
        "then longtime long-time veteran new outgoing incoming".split()
    ),
}
# "Ukrainian", "Chinese", "Israeli", "Republican", "French": adjectives of origin that open titles.
_DEMONYM = re.compile(
    r"(?:ian|ean|ese|ish|an|i|ic)$|^(?:French|Dutch|Greek|Swiss|Thai|Czech|Welsh)$"
)
# Forms of address: stripped from a name, never a role.
_HONORIFICS = set(it.HONORIFICS) | set(en.HONORIFICS)
# "uno" stays out: "uno degli organizzatori" is a role, not a determiner before one.
_DETERMINERS = (it.ARTICLES - {"uno", "un'", "un’"}) | en.ARTICLES
_BOUNDARY = set(',;:()[]—–«»“”"!?.')


class Group:
    """Mentions that name the same thing, under the fullest form seen."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tokens = fold(name).split()
        self.spans: list[list[int]] = []
        self.roles: list[str] = []

    def add_role(self, role: str) -> None:
        role = role.strip(" ,;:")
        key = fold(role)
        if not key:
            return
        # "capo del fondo sovrano" and "capo del fondo sovrano di Mosca" are one role: keep the fuller.
        for i, known in enumerate(self.roles):
            if fold(known).startswith(key):
                return
            if key.startswith(fold(known)):
                self.roles[i] = role
                return
        self.roles.append(role)

    def to_fact(self) -> NamedThing:
        spans = sorted(self.spans)
        return NamedThing(name=self.name, roles=list(self.roles), mentions=len(spans), spans=spans)


def group_mentions(mentions: list[Ent], merge_parts: bool) -> tuple[list[Group], dict[Ent, Group]]:
    """Merge mentions by folded name; with merge_parts, "Putin" joins "Vladimir Putin"."""
    groups: dict[str, Group] = {}
    owner: dict[Ent, Group] = {}
    # Longest names first, so a surname meets its full name before it could stand alone.
    # A capitalised form names the group before a lower-case one from a tag line ("witkoff").
    ordered = sorted(
        mentions,
        key=lambda e: (-len(clean_name(e.text).split()), not e.text[:1].isupper(), e.start),
    )
    for ent in ordered:
        name = clean_name(ent.text)
        key = fold(name)
        if not key or not re.search(r"\w", key):
            continue
        group = groups.get(key)
        if group is None and merge_parts:
            parts = key.split()
            wider = [
                g
                for g in groups.values()
                if len(g.tokens) > len(parts) and _contains(g.tokens, parts)
            ]
            if len({g.name for g in wider}) == 1:
                group = wider[0]
        if group is None:
            group = groups[key] = Group(name)
        groups.setdefault(key, group)
        group.spans.append([ent.start, ent.end])
        owner[ent] = group
    unique = list({id(g): g for g in groups.values()}.values())
    unique.sort(key=lambda g: min(s[0] for s in g.spans))
    return unique, owner


def _contains(tokens: list[str], parts: list[str]) -> bool:
    # "Putin" in "Vladimir Putin", "Donald Trump" in "Donald J. Trump": parts appear in order.
    it = iter(tokens)
    return all(any(p == t for t in it) for p in parts)


def _without_title(article: Article, ent: Ent) -> Ent:
    """The name inside a person span that took its title along ("Envoy Steve Witkoff")."""
    heads = role_words(article.lang)
    modifiers = _MODIFIERS.get(article.lang, set())
    words = article.words_in(ent.start, ent.end)
    skip = 0
    # Keep at least one word: a span that is all title is left as the recogniser gave it.
    while skip < len(words) - 1 and (
        _is_head(words[skip], heads)
        or words[skip].lower in modifiers
        or words[skip].lower.rstrip(".") in _HONORIFICS
    ):
        skip += 1
    if skip == 0:
        return ent
    start = words[skip].start
    return Ent(start, ent.end, ent.label, article.text[start : ent.end], ent.value)


def titled_person(article: Article, ent: Ent) -> Ent:
    """An organisation or place span that is a title and a full name ("Brig Gen Andriy Hnatov")
    is a person the recogniser mislabelled."""
    if ent.label not in {"ORG", "LOC", "MISC"}:
        return ent
    name = _without_title(article, ent)
    words = name.text.split()
    if name is ent or len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ent
    return Ent(ent.start, ent.end, "PER", ent.text, ent.value)


def with_given_names(article: Article, ent: Ent) -> Ent:
    """ "President Volodymyr Zelensky" where the recogniser found only "Zelensky": up to two
    capitalised words between a title and a person's name are the rest of the name."""
    if ent.label != "PER":
        return ent
    sent_start, _ = article.sentence_of(ent.start)
    words = article.words_in(sent_start, ent.start)
    heads = role_words(article.lang)
    i, taken = len(words) - 1, 0
    while i >= 0 and taken < 2:
        word = words[i]
        if (
            not word.text.isalpha()
            or not word.text[0].isupper()
            or word.text.isupper()
            or _is_head(word, heads)
            or word.lower in _HONORIFICS
            or _DEMONYM.search(word.text)
            or article.ent_at(word.start, word.end) is not None
        ):
            break
        taken, i = taken + 1, i - 1
    if not taken or i < 0 or not _is_head(words[i], heads):
        return ent
    first = words[i + 1]
    if "\n" in article.text[first.start : ent.start]:
        return ent  # a line break inside: a heading, not one name
    return Ent(first.start, ent.end, ent.label, article.text[first.start : ent.end], ent.value)


def extract_named(
    article: Article,
) -> tuple[list[NamedThing], list[NamedThing], list[NamedThing], dict[Ent, str]]:
    """People (with roles), organisations and places; plus each person mention's full name."""
    mentions = {
        e: _without_title(article, e)
        for e in article.ents
        if e.label == "PER"
        and not (
            _in_section_title(article, e)
            or _epithet(article, e)
            or _eponym(article, e)
            or _deity(e)
            or _saint(article, e)
            or _body(article, e)
        )
    }
    people, owner = group_mentions(list(mentions.values()), merge_parts=True)
    originals = {name: ent for ent, name in mentions.items()}
    for ent, group in sorted(owner.items(), key=lambda item: item[0].start):  # roles in text order
        found = roles_from_parse(article, article.parse, ent) if article.parse else []
        for role in found or roles_of(article, ent, originals.get(ent)):
            group.add_role(role)
    orgs, _ = group_mentions([e for e in article.ents if e.label == "ORG"], merge_parts=False)
    places, _ = group_mentions([e for e in article.ents if e.label == "LOC"], merge_parts=False)
    # Quotes and sources meet the spans as the Doc has them, title and all.
    full_names = {ent: owner[name].name for ent, name in mentions.items() if name in owner}
    return (
        [g.to_fact() for g in people],
        [g.to_fact() for g in orgs],
        [g.to_fact() for g in places],
        full_names,
    )


_TITLE_MAX_WORDS = 6
_RELATIVES = {"che", "cui", "quale", "quali", "who", "whom", "whose", "which", "that"}


def _epithet(article: Article, ent: Ent) -> bool:
    """ "il Cavaliere", "del Professore": one capitalised word after a masculine article is a
    nickname for someone, not a name of its own."""
    if article.lang != "it" or len(article.words_in(ent.start, ent.end)) != 1:
        return False
    before = article.words_in(max(0, ent.start - 8), ent.start)
    return bool(before) and before[-1].lower in it.MASCULINE_DEFINITE


_ORGANISATION_WORDS = it.ORGANISATION_WORDS | en.ORGANISATION_WORDS
_DEITIES = {fold(name) for name in it.DEITIES | en.DEITIES}
_TERM_WORDS = 3  # a quoted term's name and the nouns after it: «Monti bond»


def _eponym(article: Article, ent: Ent) -> bool:
    """ "la riforma Castelli", «Monti bond»: a name that names an act or a thing after a
    person, who is not thereby in the story."""
    before = article.words_in(max(0, ent.start - 20), ent.start)
    if article.lang == "it" and before and before[-1].lower in it.EPONYMOUS_ACTS:
        return True
    # a short quoted term, the name followed by a common noun: «Monti bond»
    if not before or before[-1].text not in _OPENING_QUOTES:
        return False
    after = article.words_in(ent.end, ent.end + 40)[:_TERM_WORDS]
    closing = next((i for i, w in enumerate(after) if w.text in _CLOSING_QUOTES), None)
    if not closing or not after[0].text[:1].islower() or article.parse is None:
        return False
    return all(t.pos == "NOUN" for t in article.parse.within(after[0].start, after[closing].start))


_OPENING_QUOTES = set("«“\"'‘")
_CLOSING_QUOTES = set("»”\"'’")


def _deity(ent: Ent) -> bool:
    return fold(clean_name(ent.text)) in _DEITIES


def _body(article: Article, ent: Ent) -> bool:
    """ "Cogent Communications", "Stormo Diavoli Rossi": a name with an organisation's word in
    it (either language: names cross borders) is a body, whatever the recogniser said."""
    words = article.words_in(ent.start, ent.end)
    return len(words) > 1 and any(w.lower in _ORGANISATION_WORDS for w in words)


def _saint(article: Article, ent: Ent) -> bool:
    """ "la festa di San Giacomo": a saint named for a feast, a church or a place."""
    words = article.words_in(ent.start, ent.end)
    return article.lang == "it" and len(words) > 1 and words[0].lower in it.SAINTS


def _in_section_title(article: Article, ent: Ent) -> bool:
    """ "Montepaschi di Siena:", "Hooverphonic:" ending a line: a section's title, whose names
    are what it is about, not people who act in the article (the recogniser often reads an
    unknown name there as a person)."""
    text = article.text
    line_start = text.rfind("\n", 0, ent.start) + 1
    line_end = text.find("\n", ent.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, article.sentence_of(ent.start)[0])
    title = text[start:line_end].strip()
    if not title.endswith(":"):
        return False
    words = article.words_in(start, line_end)
    verbs = article.parse.within(start, line_end) if article.parse else []
    return len(words) <= _TITLE_MAX_WORDS and not any(t.pos in {"VERB", "AUX"} for t in verbs)


# --- roles ----------------------------------------------------------------------------------


def _is_head(word: Word, heads: dict[str, dict]) -> bool:
    text = word.lower.rstrip(".")
    return text in heads


def roles_of(article: Article, ent: Ent, own: Ent | None = None) -> list[str]:
    """Roles written next to one person mention: a title before it, an apposition after it."""
    heads = role_words(article.lang)
    sent_start, sent_end = article.sentence_of(ent.start)
    before = article.words_in(sent_start, ent.start)
    after = article.words_in(ent.end, sent_end)
    roles = []
    for role in (
        _title_before(article, before, heads, own),
        _apposition_after(article, after, heads),
        _apposition_before(article, before, heads),
    ):
        if role:
            roles.append(role)
    return roles


def _span_text(article: Article, words: list[Word]) -> str:
    return article.text[words[0].start : words[-1].end]


def _title_before(
    article: Article, before: list[Word], heads: dict[str, dict], own: Ent | None = None
) -> str | None:
    """ "l'inviato speciale Steve Witkoff", "Ukrainian President Volodymyr Zelensky".

    `own` is the person span the words lead into, which may hold the title itself."""
    lang = article.lang if article.lang in STOP else "en"
    stop = STOP[lang]
    before = _abbreviations_joined(before, heads)
    if before and before[-1].lower in PREPOSITIONS and not _is_head(before[-1], heads):
        return None  # "il portavoce di Gheddafi", "a spokesman for Trump": the owner, not the role
    # The nearest role head within a few words, with nothing clause-like in between.
    head_at = None
    for back, word in enumerate(reversed(before[-7:])):
        if (
            word.text in _BOUNDARY
            or word.lower in stop
            or article.ent_at(word.start, word.end, {"PER"}) not in (None, own)
            or _verb(article, word)  # "the senator called on ... to unendorse Trump"
        ):
            break
        if _is_head(word, heads):
            head_at = len(before) - 1 - back
            break
    if head_at is None:
        return None
    start = head_at
    # Extend left over modifiers: "US Special Envoy", "Brig Gen", "ex premier", "Ukraine's".
    modifiers = _MODIFIERS.get(lang, set())
    while start > 0 and head_at - start < 4:
        word = before[start - 1]
        low = word.lower
        if word.text in _BOUNDARY or low in stop or low in _DETERMINERS:
            break
        ent = article.ent_at(word.start, word.end)
        if ent is not None and ent.label not in {"PER", "ORG", "LOC", "MISC"}:
            break  # "Yesterday President ...", "On Friday Gen ...": a date is no part of a title
        # A capitalised word belongs to an English title when it is a name ("US", "Ukraine's")
        # or stands inside the sentence; a sentence's first word may be any word.
        first_in_sentence = start - 1 == 0 and (
            not before or article.sentence_of(word.start)[0] == word.start
        )
        capitalised = word.text[:1].isupper() and (
            ent is not None or not first_in_sentence or _DEMONYM.search(word.text) is not None
        )
        is_name_part = lang == "en" and (capitalised or low in {"'s", "’s"})
        if low in modifiers or _is_head(word, heads) or is_name_part:
            start -= 1
            continue
        break
    words = before[start:]
    if words and words[0].lower in {"'s", "’s"}:
        return None
    if all(w.lower.rstrip(".") in _HONORIFICS for w in words):
        return None  # "Mr Obama": a form of address, not a role
    return _span_text(article, words)


def _verb(article: Article, word: Word) -> bool:
    tokens = article.parse.within(word.start, word.end) if article.parse else []
    return any(t.pos in {"VERB", "AUX"} for t in tokens)


def _abbreviations_joined(words: list[Word], heads: dict[str, dict]) -> list[Word]:
    """ "Sen." and "Gov." are one word, not a title and a sentence's full stop."""
    joined: list[Word] = []
    for word in words:
        previous = joined[-1] if joined else None
        if (
            word.text == "."
            and previous
            and previous.end == word.start
            and _is_head(previous, heads)
        ):
            joined[-1] = Word(previous.start, word.end, previous.text + ".")
        else:
            joined.append(word)
    return joined


def _apposition_after(article: Article, after: list[Word], heads: dict[str, dict]) -> str | None:
    """ "Kirill Dmitriev, capo del fondo sovrano di Mosca", "Rustem Umerov, the ... adviser"."""
    if len(after) < 2 or after[0].text != ",":
        return None
    phrase: list[Word] = []
    for word in after[1:]:
        if word.text in _BOUNDARY and word.text not in {"'"}:
            break
        if word.lower in _RELATIVES and any(_is_head(w, heads) for w in phrase):
            break  # the role is read up to its relative clause, however long that runs
        phrase.append(word)
        if len(phrase) > 16:
            return None
    if not phrase:
        return None
    # Another person or a verb-led clause ("parlando a ...") is not a role.
    first = phrase[0]
    if article.ent_at(first.start, first.end, {"PER"}) and not any(
        _is_head(w, heads) for w in phrase[:2]
    ):
        return None
    content = [w for w in phrase if w.lower not in _DETERMINERS]
    described = _described(article, phrase)
    if described:
        heads = {**heads, described.lower: {}}
    if not content or not any(_is_head(w, heads) for w in content[:6]):
        return None
    lang = article.lang if article.lang in STOP else "en"
    # The head must come before any clause word: "X, che ha detto al presidente" is no role.
    at = next(k for k, word in enumerate(phrase) if _is_head(word, heads))
    if any(word.lower in STOP[lang] for word in phrase[:at]):
        return None
    # A relative clause after the head says what the person did, not what they are: "il leader
    # dell'opposizione che due giorni fa è stato assassinato".
    relative = next((k for k in range(at + 1, len(phrase)) if phrase[k].lower in _RELATIVES), None)
    if relative is not None:
        while relative > at + 1 and phrase[relative - 1].lower in PREPOSITIONS:
            relative -= 1  # "al quale", "for whom"
        phrase = phrase[:relative]
    if phrase[0].lower in _DETERMINERS and phrase[0].lower in {"the", "il", "lo", "la", "l'", "l’"}:
        phrase = phrase[1:]
    elif phrase[0].lower in _INDEFINITE.get(article.lang, ()):
        phrase = phrase[1:]  # "a campaign spokeswoman", "un riservista": the role alone
    return _span_text(article, phrase) if phrase else None


# By language: Italian "a" is "to"; "uno degli organizzatori" is a role, not an article before one.
_INDEFINITE = {"it": it.INDEFINITE - {"uno"}, "en": en.INDEFINITE}


def _described(article: Article, phrase: list[Word]) -> Word | None:
    """ "Fredrick Mbuya, un riservista della polizia": a common noun after an indefinite article
    set off by a comma describes the person, listed as a role word or not."""
    indefinite = _INDEFINITE.get(article.lang, set())
    if len(phrase) < 2 or phrase[0].lower not in indefinite or article.parse is None:
        return None
    noun = article.parse.within(phrase[1].start, phrase[1].end)
    return phrase[1] if noun and noun[0].pos == "NOUN" and phrase[1].text.islower() else None


def _apposition_before(article: Article, before: list[Word], heads: dict[str, dict]) -> str | None:
    """ "il consigliere per la sicurezza nazionale ucraino, Rustem Umerov"."""
    if len(before) < 3 or before[-1].text != ",":
        return None
    phrase: list[Word] = []
    for word in reversed(before[:-1]):
        if word.text in _BOUNDARY:
            break
        phrase.insert(0, word)
        if len(phrase) >= 10:  # a role phrase is short: look no further back
            break
    # English puts the head last: "Ukraine's national security secretary, Rustem Umerov".
    if phrase and _is_head(phrase[-1], heads) and article.lang == "en":
        return _title_before(article, phrase, heads)
    # Find "article + role head" and keep from the head: "il consigliere ...", "the adviser ...".
    for i in range(len(phrase) - 2, -1, -1):
        if phrase[i].lower in _DETERMINERS and _is_head(phrase[i + 1], heads):
            rest = phrase[i + 1 :]
            lang = article.lang if article.lang in STOP else "en"
            if any(w.lower in STOP[lang] and w.lower not in {"per", "for", "of"} for w in rest):
                return None
            return _span_text(article, rest)
    return None
