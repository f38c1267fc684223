"""The publication date a text's first lines give: a date line ("18 Dicembre 2025") or a news
dateline, a place then the date ("Roma, 29 settembre 2010.", "NEW YORK 1996-08-31")."""

from __future__ import annotations

import re

from briefing.ingest import metadata

# A dateline sits under the title and a byline at most; deeper down a date is the story's.
HEAD_LINES = 6
# A place is a few capitalised words ("BOGOTA, Colombia", "ROCHESTER, N.H."); lowercase words
# make it a headline that names a date ("Strage di Bologna 2 agosto 1980").
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w'’.\-]*(?:,?\s+[^\W\d_][\w'’.\-]*){0,3}),?\s+(?P<date>\d.*?)\.?"
)
_PLACE_MAX = 40


def dateline_date(line: str) -> str | None:
    """The ISO date of one dateline, or None when the line is anything else."""
    line = line.strip()
    if metadata.looks_like_date_line(line):
        return metadata.parse_date(line)
    found = _DATELINE.fullmatch(line)
    if found is None or len(found["place"]) > _PLACE_MAX or len(line) > 70:
        return None
    if not all(word[0].isupper() for word in found["place"].replace(",", " ").split()):
        return None
    date = found["date"]
    # a year is needed: "Roma, 29 settembre" names no day that can be placed
    if not re.search(r"\b\d{4}\b", date) or not metadata.looks_like_date_line(date):
        return None
    return metadata.parse_date(date)


def head_date(lines: list[str]) -> str | None:
    """The first date line or dateline among a text's first non-empty lines."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        if (found := dateline_date(line)) is not None:
            return found
        seen += 1
        if seen >= HEAD_LINES:
            break
    return None
