"""Text from articles made safe for Markdown, YAML values and file names."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

from briefing.text import one_line as text_one_line

# Terminal escape sequences: CSI (colours, cursor), OSC (hyperlinks, clipboard, window
# titles, ended by BEL or ST), and the two-byte ESC forms. Removed whole, not just the ESC.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides and
# isolates that can make text read differently from what it is ("trojan source").
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")

# Characters that mean something to CommonMark, GFM tables or Obsidian wherever they sit:
# emphasis, code, links, HTML, tables, strikethrough, Obsidian tags, math and block ids.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~$^])")
# Entity references ("&amp;") would be decoded: escape the ampersand that starts one.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Obsidian highlights (==x==) and comments (%%x%%).
_DOUBLED = re.compile(r"(==|%%)")
# At the start of a line: list bullets, setext underlines, thematic breaks, ordered lists.
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def clean(text: str | None) -> str:
    """Strip terminal escapes and control characters; normalise line breaks to \\n."""
    if not text:
        return ""
    text = _NEWLINES.sub("\n", text)
    text = _ANSI.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(text: str | None) -> str:
    """Clean text collapsed to one line with single spaces (titles, names, cells)."""
    return text_one_line(clean(text))


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _DOUBLED.sub(lambda m: "\\" + m.group(1)[0] + "\\" + m.group(1)[1], line)
    match = _LINE_START.match(line)
    if match:
        if match.group(1).isdigit():
            # "1." starts an ordered list: escape the punctuation after the number.
            end = match.end()
            line = line[:end] + "\\" + line[end:]
        else:
            line = "\\" + line
    return line


def md(text: str | None) -> str:
    """Inline Markdown text: one line, every character that could be read as syntax escaped."""
    return _escape_line(one_line(text))


def md_block(text: str | None) -> str:
    """Paragraphs of text: line breaks kept, each line escaped, no indented-code lines."""
    paragraphs = re.split(r"\n\s*\n", clean(text).strip())
    out = []
    for para in paragraphs:
        lines = [" ".join(line.split()) for line in para.split("\n")]
        lines = [_escape_line(line) for line in lines if line]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def blockquote(text: str | None) -> str:
    """Text as a Markdown blockquote, paragraph breaks kept."""
    block = md_block(text)
    if not block:
        return ">"
    return "\n".join(f"> {line}" if line else ">" for line in block.split("\n"))


def cell(text: str | None) -> str:
    """A table cell: inline text (pipes are already escaped by md)."""
    return md(text)


_SAFE_SCHEMES = {"http", "https"}


def safe_url(url: str | None) -> str | None:
    """The URL percent-encoded for a Markdown link destination, or None if it is not http(s)."""
    url = one_line(url)
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in _SAFE_SCHEMES:
        return None
    # Parentheses, spaces, angle brackets and backslashes would end or bend the destination.
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def link(label: str | None, url: str | None) -> str:
    """A Markdown link, or the escaped label (or URL text) when the URL is not http(s)."""
    target = safe_url(url)
    text = md(label) or md(url)
    if target is None:
        return text
    return f"[{text or md(target)}]({target})"


# Obsidian refuses these in note names and links.
_WIKILINK_BAD = re.compile(r"[\[\]#^|\\/:*?\"<>]+")


def wikilink(name: str | None) -> str:
    """An Obsidian [[wikilink]] to a note named after the entity."""
    target = " ".join(_WIKILINK_BAD.sub(" ", one_line(name)).split())
    return f"[[{target}]]" if target else ""


def hashtag(tag: str | None) -> str:
    """An Obsidian tag: letters, digits, _, - and / only, never all digits."""
    body = re.sub(r"[^\w/-]+", "-", one_line(tag)).strip("-/")
    if not body:
        return ""
    if body.isdigit():
        body = f"_{body}"  # Obsidian ignores purely numeric tags
    return f"#{body}"


def block_id(highlight_id: str) -> str:
    """An Obsidian block id (letters, digits and dashes) for a highlight."""
    return "hl-" + (re.sub(r"[^A-Za-z0-9-]+", "-", highlight_id).strip("-").lower() or "x")


_RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED_NAMES |= {f"lpt{i}" for i in range(10)}


def slugify(text: str | None, max_bytes: int = 60) -> str:
    """Lower-case words joined by dashes: no separators, dots or controls, at most max_bytes."""
    text = unicodedata.normalize("NFKD", one_line(text))
    # Drop the accents Latin letters decompose into; other scripts keep their letters.
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[^\W_]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate.encode("utf-8")) > max_bytes:
            if not slug:  # one very long word: cut it at a character boundary
                slug = word.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
            break
        slug = candidate
    return slug


def file_stem(published: str | None, source: str | None, title: str | None, fallback: str) -> str:
    """date-source-title, safe on every file system, never empty."""
    date = re.match(r"\d{4}-\d{2}-\d{2}", one_line(published))
    parts = [date.group(0) if date else "", slugify(source, 30), slugify(title, 80)]
    stem = "-".join(p for p in parts if p) or slugify(fallback) or "article"
    if stem in _RESERVED_NAMES:
        stem = f"{stem}-{slugify(fallback) or 'article'}"
    return stem
