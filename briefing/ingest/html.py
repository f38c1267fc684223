"""HTML pages: main text by trafilatura, metadata from JSON-LD, meta tags and, last, the text itself."""

from __future__ import annotations

import json
import re
from copy import copy
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from briefing.ingest import metadata
from briefing.ingest.base import Refused, Result, build_article

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "techarticle",
    "scholarlyarticle",
}
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "section", "article", "header", "table", "pre", "dd", "dt", "figcaption",
}  # fmt: skip
_DROP = ("script", "style", "noscript", "iframe", "form", "nav", "aside", "footer", "button", "svg")


def decode_html(data: bytes) -> str:
    """Decode a page, trusting its <meta charset> when it declares one."""
    found = _CHARSET.search(data[:4096])
    declared = found.group(1).decode("ascii", "replace") if found else None
    return metadata.decode_bytes(data, declared)


def _tree(html: str):
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html)  # lxml refuses str input that declares an encoding
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = element.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _json_ld_objects(tree) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []

    def walk(node: Any, depth: int) -> None:
        if depth > 8 or len(objects) > 200:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            objects.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if key in node:
                    walk(node[key], depth + 1)

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            walk(json.loads(script.text), 0)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the meta tags may still hold what we need
    return objects


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _name(value: Any) -> str | None:
    """A person's or organisation's name from a JSON-LD value (string, object or list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _article_ld(tree) -> dict[str, Any]:
    objects = _json_ld_objects(tree)
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    for obj in objects:
        if "headline" in obj or "datePublished" in obj:
            return obj
    return {}


_SOCIAL = re.compile(r"^(?:facebook|twitter|instagram|linkedin|youtube|tiktok|x)(?:\s*com)?$", re.I)


def _not_url(value: str | None) -> str | None:
    """An author name, or None when the value is a profile link rather than a name."""
    if not value:
        return None
    value = re.sub(r"\s*\((?:https?://|www\.)[^)]*\)", "", value).strip()
    # extractors turn "facebook.com/site" into "Facebook Com": drop such pieces of a list
    names = [n.strip() for n in value.split(";") if n.strip() and not _SOCIAL.match(n.strip())]
    value = "; ".join(names)
    if re.search(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|it|co\.uk|de|fr|es)\b", value):
        return None
    return value or None


def _page_title(tree) -> str | None:
    found = tree.find(".//title")
    return found.text_content().strip() if found is not None else None


def fragment_to_text(html: str) -> tuple[str, str | None]:
    """(plain text with one paragraph a line, photo credit or None) from an HTML fragment."""
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", metadata.clean_text(html))
    if "<" not in html:
        return html.strip(), None
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml asserts on some odd documents
        return re.sub(r"<[^>]*>", " ", html), None
    credits = []
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("data-credit"):
            credits.append(element.get("data-credit").strip())
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    credit = "; ".join(dict.fromkeys(c for c in credits if c)) or None
    return "\n".join(line for line in lines if line), credit


def _date(tree, ld: dict[str, Any], meta: dict[str, str], texts: list[str]) -> str | None:
    for value in (ld.get("datePublished"), ld.get("dateCreated")):
        if isinstance(value, str) and (parsed := metadata.parse_date(value)):
            return parsed
    for key in _DATE_META:
        if key in meta and (parsed := metadata.parse_date(meta[key])):
            return parsed
    for element in tree.xpath("//*[@itemprop='datePublished'] | //time[@pubdate]")[:3]:
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and (parsed := metadata.parse_date(value)):
            return parsed
    try:
        from htmldate import find_date

        # Only markup htmldate trusts (no guessing from stray dates in the page).
        found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a heuristic over hostile markup: never let it sink an import
        found = None
    if found:
        return found
    for text in texts:
        if text and (parsed := metadata.find_date_in_text(text)):
            return parsed
    return None


def parse(html: str, *, origin: str | None = None, url: str | None = None) -> list[Result]:
    """One article from a full HTML page."""
    import trafilatura

    html = metadata.clean_text(html)  # lxml refuses control characters; they are never text
    tree = _tree(html)
    if tree is None:
        raise Refused("empty or unreadable HTML")
    meta = _meta(tree)
    ld = _article_ld(tree)
    options = _extractor(url)
    try:
        document = trafilatura.bare_extraction(html, options=options)
    except (RecursionError, ValueError, TypeError):
        document = None  # pathological markup: fall back to the plain text of the page
    extracted = _Extracted(html, options, document)
    text = extracted.get("text") or ""
    if not text.strip():
        body_element = tree.find(".//body")
        text, _ = fragment_to_text(
            lxml_to_string(body_element if body_element is not None else tree)
        )
    if not text.strip():
        text = _strip_tags(html)  # markup nested past the parser's depth limit loses its text

    page_url = url or meta.get("og:url") or _canonical(tree)
    host = urlsplit(page_url).hostname if page_url else None
    publisher = ld.get("publisher") if isinstance(ld.get("publisher"), dict | str) else None
    source = (
        meta.get("og:site_name")
        or _name(publisher)
        or meta.get("application-name")
        or extracted.get("sitename")
        or (host.removeprefix("www.") if host else None)
    )

    def sites() -> list[str]:  # asked only of a title with parts to drop (see _Extracted)
        names = [
            s for s in (source, extracted.get("sitename"), host, meta.get("application-name")) if s
        ]
        return names + ([host.removeprefix("www.").split(".")[0]] if host else [])

    raw_title = next(
        (
            t
            for t in (
                ld.get("headline") if isinstance(ld.get("headline"), str) else None,
                meta.get("og:title"),
                meta.get("twitter:title"),
                meta.get("title"),
                _page_title(tree),
            )
            if t and t.strip()
        ),
        None,
    ) or _nonblank(extracted.get("title"))  # last: it may be an <h1> holding a section name
    title = None
    if raw_title:
        raw_title = raw_title[:1000]
        title = metadata.clean_title(raw_title, sites() if metadata.has_parts(raw_title) else ())
    lines, credits = metadata.strip_lines(text.split("\n"))
    if title:
        headings = [h.text_content() for h in tree.xpath("//h1 | //h2")[:6]]
        title = _headline_in_title(title, headings + [line for line in lines[:2] if line.strip()])

    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and title and _same_headline(lines[0], title):
        lines.pop(0)  # the extractor often repeats the headline (typos and all) as the first line
    description = meta.get("description") or meta.get("og:description") or ""
    published = _date(
        tree, ld, meta, [_page_title(tree) or "", description, "\n".join(lines[:8])]
    ) or (extracted.get("date") or None)
    author = (
        _not_url(_name(ld.get("author")))
        or _not_url(meta.get("author"))
        or _not_url(meta.get("article:author"))
        or _not_url(extracted.get("author"))
    )
    return [
        build_article(
            metadata.tidy_body(lines),
            title=title,
            origin=origin,
            published=published,
            source=source,
            author=author,
            url=page_url,
            credit="; ".join(credits) or None,
        )
    ]


@lru_cache(maxsize=1)
def _options_of_day(day: str):
    """trafilatura's settings, read once a day (its date search is bounded by today)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False, tables=False)


def _extractor(url: str | None):
    """The settings for one page: the day's, with the page's address (reading the settings
    anew for each page was a tenth of trafilatura's time)."""
    options = _options_of_day(date.today().isoformat())
    if url is None:
        return options  # shared: trafilatura copies the settings it changes (its recall retry)
    options = copy(options)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


class _Extracted:
    """What trafilatura found on a page: the text always, its metadata only when asked for.

    Its metadata (htmldate's date search, authors, categories, licence: a fifth of a page's
    import) is used only when the page's own tags lack a field; it is read from the page by
    the same call, with the same settings, that bare_extraction(with_metadata=True) makes, and
    is empty when the extraction was given up, as it was then. One difference: a page whose
    metadata alone trafilatura fails to read keeps its extracted text (that failure used to
    give up the whole extraction, and the page's plain text was taken instead).
    """

    def __init__(self, html: str, options, document) -> None:
        self._html, self._options, self._document = html, options, document
        self._metadata: dict | None = None

    def get(self, field: str):
        if self._document is None:
            return None
        if field == "text":
            return self._document.text
        if self._metadata is None:
            from trafilatura.metadata import extract_metadata

            options = self._options
            try:
                found = extract_metadata(
                    self._html,
                    options.url,
                    options.date_params,
                    options.fast,
                    options.author_blacklist,
                )
            except (RecursionError, ValueError, TypeError):
                found = None  # as bare_extraction then gave up the whole page
            self._metadata = found.as_dict() if found is not None else {}
        return self._metadata.get(field)


def _nonblank(value: str | None) -> str | None:
    return value if value and value.strip() else None


def _headline_in_title(title: str, headings: list[str]) -> str:
    """The headline alone when the title is "Headline | Whoever" and the page shows "Headline"."""
    for heading in headings:
        heading = metadata.clean_line(heading)
        if len(heading) < 10 or len(heading) >= len(title):
            continue
        rest = title[len(heading) :] if title.casefold().startswith(heading.casefold()) else None
        if rest is None and title.casefold().endswith(heading.casefold()):
            rest = title[: len(title) - len(heading)]
        if rest is not None and re.fullmatch(r"\s*[|\-–—·•»/]\s.*|.*\s[|\-–—·•»/]\s*", rest):
            return heading
    return title


_HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^<>]*>", re.I)


def _strip_tags(html: str) -> str:
    """Last resort for markup no parser can hold: drop tags, keep text, one block a line.

    Written to stay linear on hostile input (no pattern here can backtrack over the page).
    """
    from html import unescape

    lower = html.lower()
    kept: list[str] = []
    position = 0
    while (found := _HIDDEN_OPEN.search(html, position)) is not None:
        kept.append(html[position : found.start()])
        end = lower.find("</" + found.group(1).lower(), found.end())
        if end == -1:
            position = len(html)  # an unclosed <script> hides the rest of the page
            break
        close = lower.find(">", end)
        position = len(html) if close == -1 else close + 1
    kept.append(html[position:])
    text = _BLOCK_TAG.sub("\n", " ".join(kept))
    text = unescape(re.sub(r"<[^<>]*>", " ", text))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _same_headline(line: str, title: str) -> bool:
    from difflib import SequenceMatcher

    a, b = metadata.clean_line(line[: len(title) * 2]).casefold(), title.casefold()
    if a == b:
        return True
    # only lines of about the title's length can be it (and SequenceMatcher is quadratic)
    return (
        abs(len(a) - len(b)) <= max(3, len(b) // 10) and SequenceMatcher(None, a, b).ratio() > 0.9
    )


def _canonical(tree) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None


def lxml_to_string(element: Any) -> str:
    """An lxml element back to HTML text."""
    from lxml import etree

    return etree.tostring(element, encoding="unicode", method="html")
