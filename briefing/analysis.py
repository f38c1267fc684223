"""Analyse article text: entities from the pipeline, facts from them, cached in the store."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing import text as text_module
from briefing.entities import edits as identity_edits
from briefing.entities import link_analysis, links_version
from briefing.entities.scan import add_listed
from briefing.models import Analysis, Article, Correction, Entity, Facts
from briefing.nlp.labels import to_display

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefing.store import Store

DEFAULT_LANG = "en"  # when detection has nothing to go on (empty text)
BATCH_SIZE = 64
# Appended to the pipeline version of an analysis made without the rules and facts after they
# failed on its text: such an analysis is never fresh, so a later version tries again.
PARTIAL = "+partial"
# Longer texts go through the pipeline in pieces of at most this many characters, cut at a
# paragraph, line, sentence or space, and are joined again before the facts: the model costs
# ~3.5 KB of memory per character it sees at once (a 400 KB text took 2.2 GB in one piece).
CHUNK_CHARS = 20_000
_CUTS = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'”’»)]*\s"),
    re.compile(r"\s"),
)

log = logging.getLogger(__name__)


@dataclass
class TextItem:
    """One text to analyse in a batch, with what the analysis needs to know about it."""

    text: str
    lang: str | None = None
    published: str | None = None
    article_id: str = ""
    author: str | None = None  # the byline: its people join the facts' people


def body_hash(text: str) -> str:
    """What an analysis remembers of the body it analysed, to notice when the body changes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text` by py3langid (a few MB, offline), or DEFAULT_LANG."""
    return text_module.detect_language(text) or DEFAULT_LANG


def normalise_lang(code: str) -> str:
    """ "it-IT", "IT", "en_GB" -> "it", "en": pipelines are chosen by the bare language."""
    return code.replace("_", "-").split("-")[0].strip().lower() or DEFAULT_LANG


def entities_of(doc: Doc) -> list[Entity]:
    """The Doc's entities in the display scheme, with char offsets, source and value."""
    from briefing.nlp.spans import char_offsets, doc_text

    entities = []
    text = doc_text(doc)
    for span in doc.ents:
        label = to_display(span.label_)
        if label is None:
            continue
        source = span._.ent_source if span.has_extension("ent_source") else None
        value = span._.value if span.has_extension("value") else None
        start, end = char_offsets(span)
        entities.append(
            Entity(
                start=start,
                end=end,
                label=label,
                text=text[start:end],
                source=source or "model",
                value=value,
            )
        )
    return entities


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text` in order, each at most `limit` characters.

    Each cut is the last paragraph break in the second half of the piece, else the last line
    break, sentence end or space there; a run with none of them is cut at the limit.
    """
    bounds = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = high
        for pattern in _CUTS:
            last = None
            for last in pattern.finditer(text, low, high):  # noqa: B007 - the last one wins
                pass
            if last is not None:
                cut = last.end()
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _analyse_in_chunks(
    nlp: Any, item: TextItem, extract: Callable[[Doc, str, str | None], Facts] | None
) -> tuple[list[Entity], Facts | None]:
    """A long text through the pipeline and the facts piece by piece: entities and facts.

    Only one piece is analysed at a time (memory stays that of one piece); offsets are moved
    into the whole text. The same name in two pieces is one person (place, organisation)
    with the mentions of both; merging a short name into a fuller one ("Putin", "Vladimir
    Putin") and rules that look across an article (one label per name) see one piece.
    """
    from briefing.nlp import pipeline

    lang = item.lang or DEFAULT_LANG
    entities: list[Entity] = []
    facts = Facts() if extract else None
    for start, end in chunk_bounds(item.text):
        doc = nlp(pipeline.make_doc(nlp, item.text[start:end], item.published))
        entities += [replace(e, start=e.start + start, end=e.end + start) for e in entities_of(doc)]
        if extract and facts is not None:
            _merge_facts(facts, extract(doc, lang, item.published), start)
    return entities, facts


def _merge_facts(into: Facts, piece: Facts, offset: int) -> None:
    """Add a piece's facts to the text's, their offsets moved by `offset`."""
    for kind in ("people", "organizations", "places"):
        groups = {group.name: group for group in getattr(into, kind)}
        for found in getattr(piece, kind):
            spans = [[start + offset, end + offset] for start, end in found.spans]
            group = groups.get(found.name)
            if group is None:
                group = groups[found.name] = replace(found, roles=[], mentions=0, spans=[])
                getattr(into, kind).append(group)
            group.roles += [role for role in found.roles if role not in group.roles]
            group.spans += spans
            group.mentions += found.mentions
    for kind in ("dates", "quotes", "attributions", "numbers"):
        getattr(into, kind).extend(
            replace(fact, start=fact.start + offset, end=fact.end + offset)
            for fact in getattr(piece, kind)
        )


def analyse_texts(
    items: Iterable[TextItem],
    *,
    corrections: Sequence[Correction] = (),
    rules: bool = True,
    facts: bool = True,
    batch_size: int = BATCH_SIZE,
    edits: identity_edits.Edits | None = None,
) -> Iterator[Analysis]:
    """Analyse many texts, in input order, batching each language through nlp.pipe.

    Texts are analysed exactly as given: entity offsets index into each item's text.
    """
    from briefing.facts import extract_facts  # imports spaCy's parse helpers: not at startup
    from briefing.nlp import pipeline

    extract = extract_facts if facts else None
    chunk: list[TextItem] = []

    def analysed(
        index: int, doc: Doc, name: str, version: str, *, with_facts: bool = True
    ) -> Analysis:
        item = chunk[index]
        result = Analysis(
            article_id=item.article_id,
            lang=item.lang or DEFAULT_LANG,
            pipeline=name,
            pipeline_version=version,
            entities=entities_of(doc),
            facts=_facts(extract, doc, item) if extract and with_facts else Facts(),
            body_hash=body_hash(item.text),
            analysed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        if name == pipeline.rules_name(result.lang):  # no trained model: the lists help
            add_listed(result, item.text)
        link_analysis(result, edits=edits, text=item.text)  # identities: after the facts
        return result

    def alone(index: int) -> Analysis:
        """One text whose batch failed: the full pipeline, else the model without rules or
        facts, marked partial so that it is tried again. One odd text never stops the rest."""
        item = chunk[index]
        lang = item.lang or DEFAULT_LANG
        nlp, name, version = pipeline.load(lang, rules=rules)
        try:
            return analysed(index, run(nlp, item), name, version)
        except Exception:
            log.exception(
                "analysis failed for %r; keeping the model's entities alone", item.article_id
            )
        bare, name, version = pipeline.load(lang, rules=False)
        return analysed(index, run(bare, item), name, version + PARTIAL, with_facts=False)

    def run(nlp: Any, item: TextItem) -> Doc:
        return nlp(pipeline.make_doc(nlp, item.text, item.published))

    def in_chunks(index: int) -> Analysis:
        """A text over CHUNK_CHARS, with the same fallback as alone()."""
        item = chunk[index]
        lang = item.lang or DEFAULT_LANG
        nlp, name, version = pipeline.load(lang, rules=rules)
        partial = ""
        try:
            entities, found = _analyse_in_chunks(nlp, item, extract)
        except Exception:
            log.exception(
                "analysis failed for %r; keeping the model's entities alone", item.article_id
            )
            nlp, name, version = pipeline.load(lang, rules=False)
            entities, found = _analyse_in_chunks(nlp, item, None)
            partial = PARTIAL
        facts = found or Facts()
        if found is not None:
            from briefing.facts.bylines import add_authors

            add_authors(facts, item.author, lang)
        return Analysis(
            article_id=item.article_id,
            lang=lang,
            pipeline=name,
            pipeline_version=version + partial,
            entities=entities,
            facts=facts,
            body_hash=body_hash(item.text),
            analysed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )

    def flush() -> Iterator[Analysis]:
        results: dict[int, Analysis] = {}
        by_lang: dict[str, list[int]] = {}
        for index, item in enumerate(chunk):
            item.lang = normalise_lang(item.lang or detect_language(item.text))
            if not isinstance(item.published, str):  # 20251218 from JSON is no ISO date
                item.published = None
            by_lang.setdefault(item.lang, []).append(index)
        for lang, every in by_lang.items():
            nlp, name, version = pipeline.load(lang, rules=rules)
            pipeline.set_corrections(nlp, corrections)
            # Long texts one by one, in pieces; the rest batched through nlp.pipe.
            for index in [i for i in every if len(chunk[i].text) > CHUNK_CHARS]:
                results[index] = in_chunks(index)
            indexes = [i for i in every if len(chunk[i].text) <= CHUNK_CHARS]
            docs = (pipeline.make_doc(nlp, chunk[i].text, chunk[i].published) for i in indexes)
            done = 0
            try:
                for index, doc in zip(indexes, nlp.pipe(docs, batch_size=batch_size), strict=True):
                    results[index] = analysed(index, doc, name, version)
                    done += 1
            except Exception:  # texts are analysed in order: redo the rest one at a time
                log.exception("a batch of %s analyses failed; analysing its texts one by one", lang)
                for index in indexes[done:]:
                    results[index] = alone(index)
        for index in range(len(chunk)):
            yield results[index]

    for item in items:
        chunk.append(item)
        if len(chunk) >= batch_size * 4:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


def _facts(extract: Callable[[Doc, str, str | None], Facts], doc: Doc, item: TextItem) -> Facts:
    from briefing.facts.bylines import add_authors

    facts = extract(doc, item.lang or DEFAULT_LANG, item.published)
    add_authors(facts, item.author, item.lang or DEFAULT_LANG)
    return facts


def analyse_text(
    text: str,
    lang: str | None = None,
    published: str | None = None,
    corrections: Sequence[Correction] = (),
    *,
    article_id: str = "",
    rules: bool = True,
    author: str | None = None,
) -> Analysis:
    """Analyse one text; `lang` None means detect it. Offsets index into `text`."""
    item = TextItem(text, lang, published, article_id, author)
    return next(analyse_texts([item], corrections=corrections, rules=rules))


def is_fresh(
    analysis: Analysis, text_hash: str, corrections_version: int, pipe: Any = None
) -> bool:
    """True when a cached analysis still describes this body, corrections and pipeline: the one
    staleness rule. `pipe` (name, version) None leaves the pipeline out: the reader asks that
    off its event loop, since knowing the installed pipeline may need spaCy. An analysis with
    no body hash predates them; its pipeline version tells."""
    if analysis.body_hash not in (None, text_hash):
        return False
    if analysis.corrections_version != corrections_version:
        return False
    if pipe is None:
        return True
    name, version = pipe
    return analysis.pipeline == name and analysis.pipeline_version == version


def is_current(store: Store, article_id: str, cached: Analysis) -> bool:
    """Whether analyse_many would hand back `cached` as it is: fresh for the article's body,
    the corrections and the installed pipeline, and linked by the current lists. Asked without
    loading spaCy (the pipeline's identity comes from its meta files), so the reader checks
    the open article without 70 MB of imports."""
    from briefing.nlp import pipeline

    body = store.body(article_id)
    lang = _article_lang(store.get(article_id), body)
    pipe = pipeline.identity(lang)
    if not is_fresh(cached, body_hash(body), store.corrections_version(), pipe):
        return False
    linked = cached.links_version == links_version(identity_edits.load(store))
    return linked or getattr(store, "readonly", False)  # read-only: nothing to relink into


def _article_lang(article: Article | None, body: str) -> str:
    return normalise_lang(article.lang if article and article.lang else detect_language(body))


def analyse_article(store: Store, article_id: str, *, force: bool = False) -> Analysis:
    """The article's analysis: the cached one when fresh, else a new one, stored."""
    return analyse_many(store, [article_id], force=force)[0]


def analyse_many(
    store: Store,
    ids: Sequence[str],
    progress: Callable[[int, int], None] | None = None,
    *,
    force: bool = False,
) -> list[Analysis]:
    """Analyses for `ids` in order, re-analysing only stale ones; progress(done, total) as it goes.

    Fresh means: same body hash, same corrections version, same pipeline name and version.
    """
    from briefing.nlp import pipeline

    total = len(ids)
    version = store.corrections_version()
    results: dict[str, Analysis] = {}
    stale: list[TextItem] = []
    relinked: list[Analysis] = []  # stored together: one write for the lot, not one each
    edits = identity_edits.load(store)
    linked_by = links_version(edits)
    done = 0
    try:
        for article_id in ids:
            body = store.body(article_id)
            article = store.get(article_id)
            lang = _article_lang(article, body)
            cached = None if force else store.get_analysis(article_id)
            if cached and is_fresh(cached, body_hash(body), version, pipeline.identity(lang)):
                if cached.links_version != linked_by and not getattr(store, "readonly", False):
                    link_analysis(cached, edits=edits, text=body)  # new lists or edits: no pipeline
                    relinked.append(cached)
                results[article_id] = cached
                done += 1
                if progress:
                    progress(done, total)
                continue
            published = article.published if article else None
            author = article.author if article else None
            stale.append(TextItem(body, lang, published, article_id, author))
    finally:  # also when progress stops the work: what was linked is kept
        if relinked:
            store.put_analyses(relinked)
    if stale:  # the corrections are read only when something needs analysis
        for analysis in analyse_texts(stale, corrections=store.corrections(), edits=edits):
            analysis.corrections_version = version
            store.put_analysis(analysis)
            results[analysis.article_id] = analysis
            done += 1
            if progress:
                progress(done, total)
    return [results[article_id] for article_id in ids]
