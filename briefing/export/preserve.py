"""The marked sections of an exported file that the user edits and every re-export keeps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass

from briefing.export.frontmatter import read_front_matter

# A keep section is the lines between a start marker and the end marker of the same name
# (no name in the single section of an article file; article ids in a briefing file).
_MARKER = re.compile(r"<!--\s*(/?)briefing:keep(?:\s+([A-Za-z0-9_.-]+))?\s*-->")
EXPLANATION = (
    "<!-- briefing: what you write between a briefing:keep line and its /briefing:keep line "
    "survives re-export; the rest of this file is regenerated -->"
)
ORPHANS_NOTE = (
    "<!-- briefing: sections kept from an earlier export whose article is no longer in it -->"
)


class PreserveError(ValueError):
    """An exported file's keep section cannot be read safely (e.g. its end marker is gone)."""


@dataclass(frozen=True)
class Section:
    name: str  # "" for the unnamed section
    start: int  # index of the start marker line
    end: int  # index of the end marker line


def start_marker(name: str = "") -> str:
    return f"<!-- briefing:keep {name} -->" if name else "<!-- briefing:keep -->"


def end_marker(name: str = "") -> str:
    return f"<!-- /briefing:keep {name} -->" if name else "<!-- /briefing:keep -->"


def keep_block(name: str = "", explain: bool = True) -> str:
    """What a template writes for an empty keep section (the `keep()` template function)."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)  # only names the markers can carry
    lines = [EXPLANATION] if explain else []
    return "\n".join([*lines, start_marker(name), "", end_marker(name)])


def _lines(text: str) -> list[str]:
    # Only \n ends a line: str.splitlines would also split on \x0c, \u2028 and others
    # that the user may have typed, and the kept text must come back byte for byte.
    return text.split("\n")


def _marker(line: str) -> tuple[bool, str] | None:
    """(is_end, name) when the line is a keep marker and nothing else."""
    match = _MARKER.fullmatch(line.strip())
    if not match:
        return None
    return match.group(1) == "/", match.group(2) or ""


def find_sections(text: str, expected: Collection[str] | None = None) -> list[Section]:
    """Every keep section in reading order.

    `expected` names the sections the file was written with (default: expected_sections).
    The user may type marker lines inside their section, so a section ends at the LAST end
    marker of its name before the next expected section begins (the first start marker of
    an expected name not seen yet, after the section's first end). A file with one section
    therefore keeps whatever its user typed. Raises PreserveError for an unclosed section,
    or when a section holds marker lines of another expected section: then the file is
    ambiguous and a re-export must not guess.
    """
    lines = _lines(text)
    markers = [_marker(line) for line in lines]
    ends: dict[str, list[int]] = {}
    starts: list[int] = []
    for j, found in enumerate(markers):
        if found is not None:
            if found[0]:
                ends.setdefault(found[1], []).append(j)
            else:
                starts.append(j)
    if expected is None:
        expected = expected_sections(text)
    seen: set[str] = set()
    sections = []
    i = 0
    while i < len(lines):
        found = markers[i]
        if found is None or found[0]:
            i += 1
            continue
        name = found[1]
        own = ends.get(name, [])
        first = bisect.bisect_right(own, i)
        if first == len(own):
            raise PreserveError(
                f"the keep section{_label(name)} has no end line {end_marker(name)!r}"
            )
        seen.add(name)
        bound = len(lines)
        for p in starts[bisect.bisect_right(starts, own[first]) :]:
            other = markers[p][1]
            if other in expected and other not in seen and ends.get(other, [-1])[-1] > p:
                bound = p
                break
        end = own[bisect.bisect_left(own, bound) - 1]
        for found in markers[i + 1 : end]:
            if found is not None and found[1] != name and found[1] in expected:
                raise PreserveError(
                    f"the keep section{_label(name)} contains a marker line of the keep "
                    f"section{_label(found[1]) or ' at the top'}; remove that line"
                )
        sections.append(Section(name, i, end))
        i = end + 1
    return sections


def expected_sections(text: str) -> set[str]:
    """The sections the export that wrote this file made: the top one and, in a briefing,
    one per article listed in its front matter (a file without front matter: every name)."""
    meta = read_front_matter(text)
    if meta is None:
        return {found[1] for found in map(_marker, _lines(text)) if found is not None}
    articles = meta.get("articles")
    ids = [str(a) for a in articles] if isinstance(articles, list) else []
    return {""} | set(ids)


def _label(name: str) -> str:
    return f" {name!r}" if name else ""


def preserved_sections(text: str, expected: Collection[str] | None = None) -> dict[str, str]:
    """name -> the text between the markers, exactly as written (see find_sections)."""
    lines = _lines(text)
    kept: dict[str, str] = {}
    for section in find_sections(text, expected):
        kept[section.name] = "".join(line + "\n" for line in lines[section.start + 1 : section.end])
    return kept


def merge_preserved(new_text: str, old_text: str | None) -> str:
    """The freshly rendered file with the keep sections of the previous export put back.

    Sections of the old file that the new one lacks (an article left the briefing) are
    appended at the end rather than dropped.
    """
    if not old_text:
        return new_text
    lines = _lines(new_text)
    sections = find_sections(new_text)
    names = [s.name for s in sections]
    if len(set(names)) != len(names):
        raise PreserveError("the template writes two keep sections with the same name")
    # The old file's own sections bound each other (so an article note, with one section,
    # keeps whatever its user typed, marker lines included); a section that comes back
    # after being kept as an orphan is one too.
    old = preserved_sections(old_text, expected=expected_sections(old_text) | set(names))
    if not old:
        return new_text
    out: list[str] = []
    cursor = 0
    for section in sections:
        out.extend(lines[cursor : section.start + 1])
        if section.name in old:
            # The kept text ends with "\n", which _lines turns into a trailing "".
            out.extend(_lines(old[section.name])[:-1])
        else:
            out.extend(lines[section.start + 1 : section.end])
        cursor = section.end
    out.extend(lines[cursor:])
    merged = "\n".join(out)
    orphans = [name for name in old if name not in names]
    if orphans:
        blocks = [start_marker(name) + "\n" + old[name] + end_marker(name) for name in orphans]
        merged = merged.rstrip("\n") + "\n\n" + ORPHANS_NOTE + "\n" + "\n".join(blocks) + "\n"
    return merged
