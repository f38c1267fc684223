"""Facts from an analysed Doc: people and roles, places, dates, quotes, sources and numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.dates import TemporalMatch, find_temporal, parse_anchor
from briefing.facts.attributions import find_attributions
from briefing.facts.numbers import find_numbers
from briefing.facts.people import extract_named, titled_person, with_given_names
from briefing.facts.quotes import find_quotes, quote_spans
from briefing.facts.reporting import find_frames
from briefing.facts.sourcing import source_type
from briefing.facts.speakers import Speakers
from briefing.facts.syntax import Parse
from briefing.facts.text import Article, Ent
from briefing.models import DateFact, Facts
from briefing.nlp.labels import to_display
from briefing.nlp.spans import TEMPORAL_KEY, doc_text
from briefing.text import join_abbreviations, split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_facts", "facts_from_text"]


def _value(span) -> str | None:
    # The NLP pipeline may carry an ISO value on DATE/TIME spans; it is optional here.
    underscore = getattr(span, "_", None)
    if underscore is not None and span.has_extension("value"):
        return getattr(underscore, "value", None)
    return None


def extract_facts(doc: Doc, lang: str, published: str | None) -> Facts:
    """Every fact of one analysed article, each pointing back into `doc.text`."""
    # Pipelines in other schemes (OntoNotes PERSON, GPE, NORP...) are read in the display scheme.
    ents = [
        Ent(e.start_char, e.end_char, to_display(e.label_) or e.label_, e.text, _value(e))
        for e in doc.ents
    ]
    text = doc_text(doc)
    if doc.has_annotation("SENT_START"):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
    else:  # a pipeline without sentencizer or parser: split by punctuation ourselves
        sents = split_sentences(text)
    # The dates component has already looked for the date expressions: reuse them when it
    # looked with the same language and anchor.
    temporal = doc.user_data.get(TEMPORAL_KEY)
    known = None
    if temporal is not None and temporal[:2] == ((lang or "").lower()[:2], parse_anchor(published)):
        known = temporal[2]
    return facts_from_text(
        text, lang, published, ents, sents, temporal=known, parse=Parse.from_doc(doc)
    )


def facts_from_text(
    text: str,
    lang: str,
    published: str | None,
    ents: list[Ent],
    sents: list[tuple[int, int]],
    *,
    temporal: list[TemporalMatch] | None = None,
    parse: Parse | None = None,
) -> Facts:
    """The same as extract_facts, from plain offsets (what the store keeps); with a `parse`,
    speakers and sources come from the reporting frames of the syntax."""
    article = Article(
        text=text,
        lang=(lang or "").lower()[:2],
        ents=ents,
        sents=join_abbreviations(text, sents or split_sentences(text)),
        parse=parse,
    )
    article.set_ents([with_given_names(article, titled_person(article, e)) for e in article.ents])
    people, organizations, places, full_names = extract_named(article)
    dates = _dates(article, published, temporal)
    # Dates found by the rules but missing from the Doc still must not read as counts
    # (only where no entity is: entities never overlap).
    extra = [
        Ent(d.start, d.end, "DATE", d.text) for d in dates if not article.ent_at(d.start, d.end)
    ]
    article.set_ents(article.ents + extra)
    resolved = speakers = None
    if parse is not None:
        speakers = Speakers(article, parse, full_names, people, quote_spans(article))
        resolved = [(f, speakers.of(f)) for f in find_frames(parse, article.lang, speakers.quotes)]
    attributions = find_attributions(article, full_names, resolved)
    for attribution in attributions:
        attribution.source_type = source_type(article, attribution)
    return Facts(
        people=people,
        organizations=organizations,
        places=places,
        dates=dates,
        quotes=find_quotes(article, full_names, attributions, resolved, speakers),
        attributions=attributions,
        # "secondo due persone a conoscenza": a count inside an unnamed source describes it.
        numbers=[
            n
            for n in find_numbers(article)
            if not any(a.anonymous and a.start <= n.start and n.end <= a.end for a in attributions)
        ],
    )


def _dates(
    article: Article, published: str | None, found: list[TemporalMatch] | None
) -> list[DateFact]:
    """DATE/TIME entities with their ISO value, plus expressions the Doc did not mark."""
    if found is None:
        found = find_temporal(article.text, article.lang, parse_anchor(published))
    dates: list[DateFact] = []
    for ent in article.ents:
        if ent.label not in {"DATE", "TIME"}:
            continue
        # Our own resolution of the same words knows the clause's tense; prefer it.
        match = next((m for m in found if m.start < ent.end and ent.start < m.end), None)
        iso = ent.value or (match.iso if match else None)
        relative = match.relative if match else False
        dates.append(
            DateFact(text=ent.text, iso=iso, start=ent.start, end=ent.end, relative=relative)
        )
    for m in found:
        if not any(m.start < d.end and d.start < m.end for d in dates):
            dates.append(
                DateFact(text=m.text, iso=m.iso, start=m.start, end=m.end, relative=m.relative)
            )
    dates.sort(key=lambda d: d.start)
    return dates
