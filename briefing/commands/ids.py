"""Turning the id prefix a user typed into one article id, or saying which ids it could be."""

from __future__ import annotations

import sys

from briefing.store import Store

SHOWN_CANDIDATES = 10  # an ambiguous prefix lists this many ids, then "and N more"
TITLE_WIDTH = 60  # each candidate on one line of a terminal


def resolve_or_explain(store: Store, prefix: str, command: str) -> str | None:
    """The full id for `prefix`; None after telling stderr why (no match, or the candidates)."""
    from briefing.commands.listing import safe  # here: listing imports this module

    prefix = prefix.strip()
    full = store.resolve_id(prefix)
    if full is not None:
        return full
    candidates = store.ids_starting_with(prefix)
    if not candidates:
        print(
            f"briefing {command}: no article has an id starting with '{safe(prefix)}'",
            file=sys.stderr,
        )
        return None
    total = len(candidates)
    print(
        f"briefing {command}: '{safe(prefix)}' starts {total} article ids; type more of one:",
        file=sys.stderr,
    )
    for article_id in candidates[:SHOWN_CANDIDATES]:
        article = store.get(article_id)
        day = (article.published or "")[:10] or "-"
        title = safe(article.title)
        title = title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"
        print(f"  {article_id}  {day:10}  {title}", file=sys.stderr)
    if total > SHOWN_CANDIDATES:
        print(f"  ... and {total - SHOWN_CANDIDATES} more", file=sys.stderr)
    return None
