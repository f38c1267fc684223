"""RSS and Atom feeds via feedparser: each entry an article, refused outright if it declares XML entities."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

from briefing.ingest import metadata
from briefing.ingest.base import ImportFailure, Refused, Result, build_article, one_line
from briefing.ingest.html import fragment_to_text

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_HINT = re.compile(
    r"<(?:p|div|br|img|a|span|blockquote|h[1-6]|ul|li|figure|strong|em)\b", re.I
)


def refuse_entities(data: bytes) -> None:
    """Refuse any feed that declares entities: "billion laughs" and external-entity attacks.

    A news feed has no use for its own DTD entities, so refusing them all is cheaper and
    safer than expanding them with limits. defusedxml double-checks the well-formed case.
    """
    prolog = data[:65536]
    root = re.search(rb"<(?:rss|feed|rdf:RDF|channel)\b", prolog, re.IGNORECASE)
    if _ENTITY_DECLARATION.search(prolog[: root.start()] if root else prolog):
        raise Refused("feed declares XML entities (possible entity-expansion attack); refused")
    import defusedxml.ElementTree as DefusedET
    from defusedxml import DefusedXmlException

    try:
        DefusedET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise Refused(f"feed refused by the XML safety check: {one_line(error)}") from None
    except Exception:
        pass  # not well-formed: feedparser's lenient parser gets its chance below


def _date(entry) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            # RFC 822 dates keep their own offset this way (feedparser converts to UTC)
            return parsedate_to_datetime(raw).isoformat(timespec="seconds")
        except (TypeError, ValueError, IndexError):
            pass
        parsed = metadata.parse_date(raw)  # ISO (Atom) or day/month names in other languages
        if parsed:
            return parsed
    return None


def _body(entry) -> tuple[str, str | None]:
    """The fullest text the entry carries: content:encoded, else summary/description."""
    contents = [c.get("value", "") or "" for c in entry.get("content", []) or []]
    summary = entry.get("summary", "") or ""
    best = max([*contents, summary], key=len, default="")
    if _HTML_HINT.search(best):
        text, credit = fragment_to_text(best)
    else:
        text, credit = best, None
    lines, credits = metadata.strip_lines(text.split("\n"))
    if credit:
        credits.insert(0, credit)
    return metadata.tidy_body(lines), "; ".join(credits) or None


def _entry_result(entry, name: str, source: str | None) -> Result:
    body, credit = _body(entry)
    title = metadata.clean_line(entry.get("title", ""))
    if not body:
        body = title  # a headline-only item is still news worth listing
    try:
        return build_article(
            body,
            title=title,
            origin=name,
            published=_date(entry),
            source=source,
            author=entry.get("author"),
            url=entry.get("link") or None,
            credit=credit,
        )
    except Refused:
        return ImportFailure(name, "entry has neither a title nor any text")
    except Exception as error:  # one odd entry must not cost the feed its other entries
        return ImportFailure(name, f"unexpected error: {type(error).__name__}: {one_line(error)}")


class FeedEntry:
    """One entry as the feed gave it: its identity (guid, link) and, when first asked, what it
    imports as (building an Article is most of the cost, and a refresh needs only new ones)."""

    def __init__(self, entry, name: str, source: str | None) -> None:
        self._entry, self._name, self._source = entry, name, source
        self._result: Result | None = None
        self.guid: str | None = metadata.clean_line(entry.get("id", "") or "") or None
        self.link: str | None = entry.get("link") or None
        # the text comes from full content (content:encoded), not a summary
        self.full = any((c.get("value") or "").strip() for c in entry.get("content", []) or [])

    @property
    def result(self) -> Result:
        if self._result is None:
            self._result = _entry_result(self._entry, self._name, self._source)
        return self._result

    @result.setter
    def result(self, value: Result) -> None:
        self._result = value


@dataclass
class ParsedFeed:
    """A feed's channel, its entries in feed order, and why it is malformed, if it is."""

    title: str | None
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str | None = None  # one line; the entries before the break were still read


def read_feed(data: bytes, *, origin: str) -> ParsedFeed:
    """Every entry of a feed with its guid and link; raises Refused when nothing is readable."""
    import feedparser

    refuse_entities(data)
    # No sanitising: the HTML is only ever turned into plain text here, and the sanitiser
    # would drop attributes we read (data-credit).
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # A wrong or missing charset declaration is recovered by feedparser itself.
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if isinstance(problem, harmless):
        problem = None
    if not parsed.entries:
        reason = f"not a readable feed ({one_line(problem)})" if problem else "feed has no entries"
        raise Refused(reason)
    channel = parsed.feed
    source = metadata.clean_line(channel.get("title", "")) or None
    feed = ParsedFeed(title=source, link=channel.get("link") or None)
    feed.problem = one_line(problem) if problem else None
    for number, entry in enumerate(parsed.entries, start=1):
        feed.entries.append(FeedEntry(entry, f"{origin}#{number}", source))
    return feed


def parse(data: bytes, *, origin: str) -> list[Result]:
    """Every entry of a feed, each an Article or an ImportFailure named "origin#N"."""
    feed = read_feed(data, origin=origin)
    results = [entry.result for entry in feed.entries]
    if feed.problem:
        # feedparser kept what it could read; the feed itself gets one line saying where it broke
        imported = sum(1 for r in results if not isinstance(r, ImportFailure))
        reason = f"feed is malformed ({feed.problem}); imported {imported} entries before the error"
        results.append(ImportFailure(origin, reason))
    return results
