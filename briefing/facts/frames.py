"""Reporting frames: who a speech verb ("ha ribadito", "said", "told") belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.facts.text import Article, Ent, Word, anonymous_nouns, clean_name, speech_verbs
from briefing.lexicon import en, it

# Words that may sit between a subject and its speech verb: auxiliaries, clitics, adverbs.
_BETWEEN = set(
    "ha hanno aveva avevano avrebbe avrebbero è sono si gli le ci ne lo la anche infatti inoltre "
    "però invece poi già ancora oggi ieri ufficialmente pubblicamente "
    "has have had also then later today yesterday publicly officially again repeatedly "
    "would will did does do on friday".split()
)
_PRONOUNS = {"he", "she", "lui", "lei", "egli", "essa", "esso"}
# Plural pronouns name no one person: they stand as subjects with no speaker.
COUNTS = {
    "two": 2, "both": 2, "three": 3, "four": 4, "five": 5,
    "due": 2, "entrambi": 2, "entrambe": 2, "tre": 3, "quattro": 4, "cinque": 5,
}  # fmt: skip
_PLURAL_PRONOUNS = {"they", "loro", "essi", "esse", "we", "noi"}
# Named groups: "the two sides", "the four", "entrambe le parti".
_GROUPS = set(
    "sides parties leaders negotiators delegations both four three two five countries "
    "governments parti delegazioni negoziatori entrambi entrambe paesi governi".split()
)
ENTITY_SOURCES = {"PER", "ORG", "LOC", "MISC"}


@dataclass
class Subject:
    """Who stands behind a speech verb: an entity, an anonymous group, or a pronoun."""

    start: int
    end: int
    ent: Ent | None = None
    anonymous: bool = False
    pronoun: bool = False
    plural: bool = False  # "they said": someone, but no one name
    count: int | None = None  # "the four": that many people, named just before


def is_speech_verb(article: Article, word: Word) -> bool:
    starts = article.memo.get("speech_verbs")
    if starts is None:  # asked about every word, twice over: found once per article
        starts = article.memo["speech_verbs"] = _speech_verb_starts(article)
    return word.start in starts


def _speech_verb_starts(article: Article) -> frozenset[int]:
    verbs = speech_verbs(article.lang)
    english = article.lang == "en"
    return frozenset(
        word.start
        for word in article.words
        if word.text.lower() in verbs
        # "United States", "Says Who": a name, not a verb.
        and not (english and word.text[:1].isupper())
        and article.ent_at(word.start, word.end, ENTITY_SOURCES) is None
    )


def _ent_of(article: Article, word: Word) -> Ent | None:
    return article.ent_at(word.start, word.end, ENTITY_SOURCES)


def _anonymous_phrase(article: Article, words: list[Word], i: int) -> Subject | None:
    """An unnamed source ending at words[i]: "fonti informate", "a senior official", "sources"."""
    nouns = anonymous_nouns(article.lang)
    for back in range(0, 4):
        j = i - back
        if j < 0 or words[j].text in {",", ".", ";", ":"}:
            return None
        if words[j].lower in nouns:
            start = j
            # Take the determiners and numbers in front: "due persone", "a senior official".
            while (
                start > 0 and words[start - 1].text.isalpha() and words[start - 1].lower in _FRONT
            ):
                start -= 1
            if any(
                _ent_of(article, w) and _ent_of(article, w).label == "PER"
                for w in words[start : i + 1]
            ):
                return None
            return Subject(words[start].start, words[i].end, anonymous=True)
    return None


_FRONT = set(
    "un una uno due tre quattro alcune alcuni diverse diversi le i gli la il l' alte alti alto "
    "a an the two three four several some many senior top other one us eu european american "
    "russian ukrainian western".split()
)


def _unlabelled_name(words: list[Word], i: int) -> Subject | None:
    """ "the Kremlin said", "il Cremlino ha detto": a capitalised name after an article, which
    the recogniser missed."""
    j = i
    while j >= 0 and words[j].text[:1].isupper() and i - j < 3:
        j -= 1
    if j == i or j < 0 or words[j].lower not in _ARTICLES:
        return None
    return Subject(words[j + 1].start, words[i].end)


def subject_before(article: Article, words: list[Word], verb: int) -> Subject | None:
    """The subject left of words[verb] in the same sentence (words are the sentence's words)."""
    i = verb - 1
    skipped = 0
    while i >= 0:
        word = words[i]
        low = word.lower
        ent = _ent_of(article, word)
        if ent is not None:
            return Subject(ent.start, ent.end, ent=ent)
        if low in _PRONOUNS:
            return Subject(word.start, word.end, pronoun=True)
        if low in _PLURAL_PRONOUNS:
            return Subject(word.start, word.end, plural=True)
        if low in _GROUPS and i > 0:
            start = i
            while start > 0 and words[start - 1].lower in _FRONT | _GROUPS:
                start -= 1
            if start < i:  # "the two sides", never a bare "two"
                count = next(
                    (COUNTS[w.lower] for w in words[start : i + 1] if w.lower in COUNTS), None
                )
                # "the two sides" are two parties, not two people: only bare counts name people.
                people = count if low in COUNTS else None
                return Subject(words[start].start, word.end, count=people)
        if word.text == ",":
            # Skip one parenthetical: "Putin, parlando a vertici militari a Mosca, ha ribadito".
            j = i - 1
            while j >= 0 and words[j].text != "," and i - j < 14:
                j -= 1
            if j >= 0 and words[j].text == ",":
                i = j - 1
                skipped += 1
                if skipped > 1:
                    return None
                continue
            return None
        if low in _BETWEEN or (i == verb - 1 and low in {"ha", "hanno", "has", "have"}):
            i -= 1
            continue
        named = _unlabelled_name(words, i)
        if named is not None:
            return named
        anonymous = _anonymous_phrase(article, words, i)
        if anonymous is not None:
            return anonymous
        return None
    return None


def subject_after(article: Article, words: list[Word], verb: int) -> Subject | None:
    """An inverted subject: '..., said Trump', '», ha detto Putin', '": said the Kremlin'."""
    k = verb - 1
    while k >= 0 and words[k].lower in {"ha", "hanno", "has", "have", "aveva"}:
        k -= 1
    # Only after a comma, a colon or a closing quote: "said Ukraine's priority is" has no subject.
    if k < 0 or words[k].text not in {",", ":", "»", "”", '"'}:
        return None
    for j in range(verb + 1, min(verb + 4, len(words))):
        ent = _ent_of(article, words[j])
        if ent is not None:
            return Subject(ent.start, ent.end, ent=ent)
        # Only an article may stand between: "ha detto il Cremlino", "said the Kremlin".
        if words[j].lower not in _ARTICLES:
            return None
    return None


_ARTICLES = it.DEFINITE | en.DEFINITE


def person_near(
    article: Article,
    offset: int,
    full_names: dict[Ent, str],
    outside: tuple[int, int] | None = None,
) -> Ent | None:
    """The nearest person before `offset` in its sentence, else the first after it, else the
    last one of the sentence before; never one named inside `outside` (the quote itself)."""

    def people(start: int, end: int) -> list[Ent]:
        return [
            e
            for e in article.ents_in(start, end, {"PER"})
            if outside is None or not (outside[0] <= e.start and e.end <= outside[1])
        ]

    start, end = article.sentence_of(offset)
    before = people(start, offset)
    if before:
        return before[-1]
    after = people(offset, end)
    if after:
        return after[0]
    previous = article.previous_sentence(offset)
    if previous:
        earlier = people(previous[0], previous[1])
        if earlier:
            return earlier[-1]
    return None


def people_before(
    article: Article, offset: int, full_names: dict[Ent, str], count: int
) -> list[str] | None:
    """ "the four said": the last `count` different people named in the sentences before."""
    start, _ = article.sentence_of(offset)
    for _ in range(3):
        previous = article.previous_sentence(start)
        if previous is None:
            break
        start = previous[0]
    names: list[str] = []
    for ent in reversed(article.ents_in(start, offset, {"PER"})):
        name = full_names.get(ent, ent.text)
        if name not in names:
            names.append(name)
    if len(names) < count:
        return None
    return list(reversed(names[:count]))


def subject_name(
    article: Article, subject: Subject | None, full_names: dict[Ent, str]
) -> str | None:
    """The name to show for a subject: a person's full name, a group's members, a phrase."""
    if subject is None or subject.plural:
        return None
    if subject.ent is not None:
        return full_names.get(subject.ent) or clean_name(subject.ent.text)
    if subject.count:
        names = people_before(article, subject.start, full_names, subject.count)
        if names:
            return ", ".join(names)
    if subject.pronoun:
        person = person_near(article, subject.start, full_names)
        return full_names.get(person) if person else None
    return clean_name(article.text[subject.start : subject.end])
