"""The filter language shared by `briefing list` and the reader: parse once, evaluate many.

    query = parse('person:"Steve Witkoff" tag:ucraina date:2025-12 -is:read')
    index = ArticleIndex.from_store(store)
    ids = index.search(query)

Free text: words (the last may be a word's start) and "exact phrases"; fields tag:, person:,
org:, place:, entity:, lang:, source: (name or web site), quote: (speaker), anonymous:yes|no,
is:unread|read|starred|annotated, date:2025-12-01..2025-12-31 (also 2025, 2025-12, 2025-12-18,
..B, A..), after: and before: (excluding the day or period named); AND by juxtaposition,
OR, NOT or a leading '-', parentheses. Case and accents never matter.
"""

from briefing.query.index import ArticleIndex
from briefing.query.nodes import Query
from briefing.query.normalize import fold, words
from briefing.query.parser import FIELDS, QueryError, parse

__all__ = ["FIELDS", "ArticleIndex", "Query", "QueryError", "fold", "parse", "words"]
