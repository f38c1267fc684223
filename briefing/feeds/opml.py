"""OPML subscription lists in and out: folders and `category` become tags, and back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from briefing.models import Feed


class OpmlError(Exception):
    """The file is not OPML briefing can read; the message says why in one line."""


@dataclass
class Outline:
    """One subscription as an OPML file lists it."""

    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


def _categories(value: str | None) -> list[str]:
    # OPML 2.0: comma-separated, slash-delimited paths ("/news/italy"): each part is a tag
    parts = (p.strip() for item in (value or "").split(",") for p in item.split("/"))
    return [p for p in parts if p]


def read_opml(data: bytes) -> list[Outline]:
    """Every feed outline (an xmlUrl) in document order; folders it sits in become its tags."""
    import defusedxml.ElementTree as DefusedET
    from defusedxml import DefusedXmlException

    try:
        root = DefusedET.fromstring(data)
    except DefusedXmlException as error:
        raise OpmlError(f"refused by the XML safety check: {error}") from None
    except ET.ParseError as error:
        raise OpmlError(f"not well-formed XML ({error})") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not OPML (the root element is <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise OpmlError("OPML without a <body>")
    found: list[Outline] = []

    def walk(element: ET.Element, folders: list[str]) -> None:
        for outline in element.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            name = (outline.get("title") or outline.get("text") or "").strip()
            if url:
                tags = [*folders, *_categories(outline.get("category"))]
                found.append(Outline(url, name or None, list(dict.fromkeys(tags))))
            walk(outline, [*folders, name] if not url and name else folders)

    walk(body, [])
    return found


def write_opml(feeds: list[Feed], *, now: datetime | None = None) -> str:
    """An OPML 2.0 document of the subscriptions; tags go in each outline's `category`."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "briefing subscriptions"
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.name, "xmlUrl": feed.url}
        if feed.title:
            attributes["title"] = feed.title
        if feed.tags:
            attributes["category"] = ",".join(f"/{tag}" for tag in feed.tags)
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
