"""Shared by the rule components: span extensions and how rule spans merge with the model's.

Imported only from inside spaCy components and the pipeline loader, so spaCy is loaded lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from briefing.lexicon import en, it
from briefing.nlp.labels import NUMERIC

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# How a rule component's spans meet the entities already on the Doc.
FILL = "fill"  # only where nothing was found (gazetteers)
NUMERIC_ONLY = "numeric"  # may replace numeric/time spans, never names (dates, amounts)
OVERRIDE = "override"  # wins over anything it overlaps (handles, URLs, user corrections)
MODES = (FILL, NUMERIC_ONLY, OVERRIDE)

# doc.user_data keys shared by the components and fact extraction.
TEXT_KEY = "briefing_text"
TEMPORAL_KEY = "briefing_temporal"
ENTS_KEY = "briefing_ents"


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy joins every token anew on each access, and the
    components and facts each need the whole text (a Doc's text never changes)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def entities(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once between two writes.

    Reading doc.ents builds a Span for every entity (about 28 µs on a 650-token article) and
    the rule components read it some thirty times an article. Once the model has run, only
    set_entities writes entities, and it drops this copy; the last component drops it too.
    """
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = doc.ents
    return ents


def forget_entities(doc: Doc) -> None:
    """Drop the copy entities() keeps, so nothing outside the pipeline reads a stale one."""
    doc.user_data.pop(ENTS_KEY, None)


@dataclass(frozen=True)
class Found:
    """A match in character offsets, before it is aligned to tokens."""

    start: int
    end: int
    label: str
    value: str | None = None
    replaces_names: bool = False


def ensure_extensions() -> None:
    """Register the span attributes briefing reads: `value`, `ent_source` and `chars`."""
    from spacy.tokens import Span

    # Span extensions with a default live in doc.user_data keyed by character offsets, so
    # they survive re-assigning doc.ents.
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
    if not Span.has_extension("ent_source"):
        Span.set_extension("ent_source", default=None)
    # The exact (start_char, end_char) of a match that does not fall on token boundaries
    # ("$5m" inside the tokens "$", "5", "m."): the span covers whole tokens, the entity not.
    if not Span.has_extension("chars"):
        Span.set_extension("chars", default=None)


@dataclass
class Candidate:
    """A rule's span and the attributes it gets if it is accepted into doc.ents."""

    span: Span
    source: str
    value: str | None = None
    chars: tuple[int, int] | None = None
    # May take the place of a model's name of exactly its extent: "Ieri" read as a person.
    # Months may not: "April" and "May" are names too.
    replaces_names: bool = False


def to_spans(doc: Doc, found: Iterable[Found], source: str) -> list[Candidate]:
    """Align character matches to token spans (widened to whole tokens where needed)."""
    candidates = []
    for match in found:
        span = doc.char_span(match.start, match.end, label=match.label)
        chars = None
        if span is None:
            span = doc.char_span(match.start, match.end, label=match.label, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            chars = (match.start, match.end)
        candidates.append(Candidate(span, source, match.value, chars, match.replaces_names))
    return candidates


def _replaceable(old: Span, new: Candidate, mode: str) -> bool:
    if mode == OVERRIDE:
        return True
    if mode == FILL:
        return False
    span = new.span
    if old.label_ not in NUMERIC:
        # A name the model found inside a longer date or amount is the model misreading it
        # ("Dicembre" as MISC in "18 Dicembre"); a longer name stays ("May Johnson").
        inside = span.start <= old.start and old.end <= span.end
        same = span.start == old.start and span.end == old.end
        return inside and (not same or new.replaces_names)
    # A rule never shortens another rule's span: "quasi 4 anni" stays whole.
    from_rule = old._.ent_source is not None
    return not from_rule or len(span.text) > len(old.text)


def merge(doc: Doc, candidates: list[Candidate], mode: str) -> None:
    """Add candidates to doc.ents, resolving overlaps by `mode` (longest first).

    Attributes are set only on accepted spans: span extensions are stored per character
    extent, so setting them on a rejected span would relabel the model's span there.
    """
    if not candidates:
        return
    from spacy.util import filter_spans

    by_span = {(c.span.start, c.span.end): c for c in candidates}
    ents: list[Span | None] = list(entities(doc))
    # token index -> index in `ents`, so each candidate finds what it overlaps at once
    # (articles can hold thousands of entities).
    owner = {t: i for i, e in enumerate(ents) for t in range(e.start, e.end)}
    for span in filter_spans([c.span for c in candidates]):
        chosen = by_span[(span.start, span.end)]
        hit = sorted({owner[t] for t in range(span.start, span.end) if t in owner})
        if any(not _replaceable(ents[i], chosen, mode) for i in hit):
            continue
        for i in hit:
            for t in range(ents[i].start, ents[i].end):
                owner.pop(t, None)
            ents[i] = None
        span._.ent_source = chosen.source
        span._.value = chosen.value
        span._.chars = chosen.chars
        ents.append(span)
        owner.update((t, len(ents) - 1) for t in range(span.start, span.end))
    set_entities(doc, [e for e in ents if e is not None])


def relabel(doc: Doc, indices: Iterable[int], label: str) -> None:
    """Give the entities at these positions of entities(doc) a rule's label, same extent."""
    from spacy.tokens import Span

    ents = list(entities(doc))
    for i in indices:
        old = ents[i]
        ents[i] = Span(doc, old.start, old.end, label=label)
        ents[i]._.ent_source = "rule"
    set_entities(doc, ents)


def relabel_names(doc: Doc, labels: dict[str, str]) -> None:
    """Give every model entity whose text is a key of `labels` that label, same extent; the
    rules' own entities keep theirs."""
    positions = {}
    for i, ent in enumerate(entities(doc)):
        label = labels.get(ent.text)
        if label and ent.label_ != label and ent._.ent_source is None:
            positions.setdefault(label, []).append(i)
    for label, indices in positions.items():
        relabel(doc, indices, label)


def remove(doc: Doc, should_go: Iterable[tuple[int, int]]) -> None:
    """Drop the entities whose exact token extent is listed."""
    gone = set(should_go)
    if gone:
        set_entities(doc, [e for e in entities(doc) if (e.start, e.end) not in gone])


def set_entities(doc: Doc, ents: Sequence[Span]) -> None:
    """`doc.ents = ents`, writing only the entities that come or go.

    Assigning doc.ents builds every span again and rewrites every token, about 0.15 µs a token
    each time, and the rule components assign about eight times an article; spaCy's set_ents
    with default="unmodified" touches only the tokens of what changed.
    """
    if not doc.has_annotation("ENT_IOB"):  # nothing set yet (a rules-only pipeline)
        forget_entities(doc)
        doc.ents = ents
        return
    ordered = sorted(ents, key=lambda e: e.start)
    for before, after in pairwise(ordered):
        if after.start < before.end:  # what doc.ents refuses, refused here too
            raise ValueError(f"overlapping entities: {before!r} and {after!r}")
    old = {(e.start, e.end, e.label): e for e in entities(doc)}
    new = {(e.start, e.end, e.label) for e in ordered}
    added = [e for e in ordered if (e.start, e.end, e.label) not in old]
    covered = {t for e in added for t in range(e.start, e.end)}
    outside = []  # the tokens of each entity that goes, where no new entity takes them
    for key, ent in old.items():
        if key in new:
            continue
        run = None
        for t in range(ent.start, ent.end + 1):
            if t < ent.end and t not in covered:
                run = t if run is None else run
            elif run is not None:
                outside.append(doc[run:t])
                run = None
    if added or outside:
        forget_entities(doc)
        doc.set_ents(added, outside=outside, default="unmodified")


def char_offsets(span: Span) -> tuple[int, int]:
    """The entity's exact character offsets (a rule match may be narrower than its tokens)."""
    chars = span._.chars if span.has_extension("chars") else None
    return chars if chars is not None else (span.start_char, span.end_char)


# A capitalised word opening a sentence is capitalised for that reason alone.
# What ends the token before a sentence's first word: a full stop, a colon, an opening quote,
# a table's bar, a line break.
_SENTENCE_OPENERS = frozenset('.!?:;"“«|\n')
# "Council of Europe", "Banca d'Italia": a place name after one of these and a capitalised
# word is part of an organisation's or event's name.
_LINKS = it.OF | en.OF


def opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token i is the first word of a sentence, a headline or a quoted clause."""
    if i == 0:
        return True
    before = doc[i - 1].text
    return before[-1] in _SENTENCE_OPENERS or "\n" in before


def _capitalised_word(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].text[0].isupper()


def inside_longer_name(doc: Doc, start: int, end: int, *, known: bool = False) -> bool:
    """True when the match is only part of a longer capitalised name the model left out.

    Gap fillers use it: a gap inside "Sala Stampa Vaticana" or "Rugby Roma" is not a place,
    and a lone capitalised word opening a sentence proves nothing, unless the name is `known`
    to be one (the model labelled it elsewhere in the article).
    """
    if not known and end - start == 1 and opens_sentence(doc, start):
        return True
    if _capitalised_word(doc, end):
        return True
    # "Rugby Roma" yes, but "A Roma", "In Italy" open sentences with a capitalised stop word.
    if _capitalised_word(doc, start - 1) and not doc[start - 1].is_stop:
        return True
    if start >= 2 and doc[start - 1].lower_ in _LINKS and _capitalised_word(doc, start - 2):
        return True
    # "Palma di Majorca", "Bank of England"
    if end + 1 < len(doc) and doc[end].lower_ in _LINKS and _capitalised_word(doc, end + 1):
        return True
    return False
