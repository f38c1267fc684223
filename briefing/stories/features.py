"""What grouping compares an article by: its identities, its day and its distinctive words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.entities.named_places import countries_named
from briefing.models import Article, ArticleSummary
from briefing.query.normalize import words
from briefing.stories.ages import ages_of

# Words shorter than this are mostly function words in Italian and English; the rest are
# weighed by rarity, so no stop list is needed.
MIN_WORD = 4
# The lead carries what the story is about; the tail adds noise and reading time.
LEAD_CHARS = 1500
# What the kept rows were made by: rows of another version are made again from the bodies
# (2: undated articles take their dateline's day; titles' years kept; 3: titles' countries,
# people's ages).
VERSION = 3
# Words are cut to their first letters: a light stem for both languages ("scossa", "scosse";
# "negotiators", "negotiations"), measured better than whole words on the labelled set.
STEM = 5
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class ArticleFeatures:
    id: str
    day: int | None  # proleptic ordinal of the publication day
    identities: frozenset[str]  # entity identity ids: these carry across languages
    words: frozenset[str]  # folded title and lead words: these do not
    lang: str | None = None
    source: str | None = None
    # years the title names ("Pro Recco campione d'Europa 2010"): an edition of a recurring
    # subject, the only time two undated articles give
    years: frozenset[int] = frozenset()
    # countries the title names ("Terremoto in Giappone"): where an undated report happened
    title_countries: frozenset[str] = frozenset()
    # (person identity, age) the title and lead give: a person's age dates an undated article
    ages: frozenset[tuple[str, int]] = frozenset()

    def to_row(self) -> dict:
        """As the store keeps it: the words as one string, which parses far faster than a list
        of 150 (the rows load with the lazy snapshot)."""
        return {
            "id": self.id,
            "day": self.day,
            "identities": sorted(self.identities),
            "words": " ".join(sorted(self.words)),
            "lang": self.lang,
            "source": self.source,
            "years": sorted(self.years),
            "title_countries": sorted(self.title_countries),
            "ages": sorted(self.ages),
            "version": VERSION,
        }

    @classmethod
    def from_row(cls, row: dict) -> ArticleFeatures:
        return cls(
            row["id"],
            row.get("day"),
            frozenset(row.get("identities") or ()),
            frozenset((row.get("words") or "").split()),
            row.get("lang"),
            row.get("source"),
            frozenset(row.get("years") or ()),
            frozenset(row.get("title_countries") or ()),
            frozenset((person, age) for person, age in row.get("ages") or ()),
        )


def day_number(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def identities_of(summary: ArticleSummary | None) -> frozenset[str]:
    return frozenset(row[1] for row in (summary.identities if summary else ()) if row[1])


def features_of(
    article: Article, summary: ArticleSummary | None, body: str | None = None
) -> ArticleFeatures:
    """An article's features from its metadata, its analysis summary and (optional) its body."""
    identities = identities_of(summary)
    text = article.title or ""
    if body:
        text = f"{text}\n{body[:LEAD_CHARS]}"
    found = frozenset(w[:STEM] for w in words(text) if len(w) >= MIN_WORD and not w.isdigit())
    day = day_number(article.published)
    if day is None and body:
        # an undated article matches any day; its text's dateline, when it has one, dates it
        # (stores hold articles imported before the importer read datelines); imported here:
        # the importers' package costs 50 ms to load, and only undated articles need it
        from briefing.ingest.datelines import HEAD_LINES, head_date

        day = day_number(head_date(body.split("\n", HEAD_LINES * 2)[: HEAD_LINES * 2]))
    return ArticleFeatures(
        article.id,
        day,
        identities,
        found,
        article.lang,
        article.source,
        years_of(article.title),
        countries_named(article.title or "", identities),
        ages_of(text, article.lang, _people_named(summary)),
    )


def _people_named(summary: ArticleSummary | None) -> list[tuple[str, str]]:
    rows = summary.identities if summary else ()
    return [(row[1], row[2]) for row in rows if row[0] == "people" and row[1] and row[2:]]


def years_of(title: str | None) -> frozenset[int]:
    """The years a title names (1900-2099)."""
    return frozenset(int(y) for y in _YEAR.findall(title or ""))
