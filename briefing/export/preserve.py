"""The marked sections of an exported file that the user edits and every re-export keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def find_sections(text: str) -> list[Section]:
    """Every keep section in reading order.

    A section ends at the LAST end marker of its name, so marker lines the user typed
    inside their own section stay part of it. Raises PreserveError for an unclosed section.
    """
    lines = _lines(text)
    markers = [_marker(line) for line in lines]
    last_end: dict[str, int] = {}
    for j, found in enumerate(markers):
        if found is not None and found[0]:
            last_end[found[1]] = j
    sections = []
    i = 0
    while i < len(lines):
        found = markers[i]
        if found is None or found[0]:
            i += 1
            continue
        name = found[1]
        end = last_end.get(name, -1)
        if end < i:
            label = f" {name!r}" if name else ""
            raise PreserveError(f"the keep section{label} has no end line {end_marker(name)!r}")
        sections.append(Section(name, i, end))
        i = end + 1
    return sections


def preserved_sections(text: str) -> dict[str, str]:
    """name -> the text between the markers, exactly as written."""
    lines = _lines(text)
    kept: dict[str, str] = {}
    for section in find_sections(text):
        kept[section.name] = "".join(line + "\n" for line in lines[section.start + 1 : section.end])
    return kept


def merge_preserved(new_text: str, old_text: str | None) -> str:
    """The freshly rendered file with the keep sections of the previous export put back.

    Sections of the old file that the new one lacks (an article left the briefing) are
    appended at the end rather than dropped.
    """
    if not old_text:
        return new_text
    old = preserved_sections(old_text)
    if not old:
        return new_text
    lines = _lines(new_text)
    sections = find_sections(new_text)
    names = [s.name for s in sections]
    if len(set(names)) != len(names):
        raise PreserveError("the template writes two keep sections with the same name")
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
