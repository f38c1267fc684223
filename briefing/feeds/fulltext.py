"""The full article for an entry that carries only a summary: its linked page, by the HTML importer."""

from __future__ import annotations

from dataclasses import replace

from briefing.ingest import import_url
from briefing.models import Article

# Pages fetched per feed and refresh: a first refresh of a long summary-only feed must not
# fetch hundreds of pages from one site; the rest keep their summaries.
PAGES_PER_REFRESH = 30


def with_full_text(entry_article: Article, link: str, *, allow_local_urls: bool) -> Article:
    """The page's text under the entry's title, date and source; the summary when the page
    cannot be read or holds less than the summary."""
    page = next(
        (r for r in import_url(link, allow_local_urls=allow_local_urls) if isinstance(r, Article)),
        None,
    )
    if page is None or len(page.body or "") <= len(entry_article.body or ""):
        return entry_article
    return replace(
        page,
        title=entry_article.title or page.title,
        published=entry_article.published or page.published,
        source=entry_article.source or page.source,
        author=page.author or entry_article.author,
        url=link,
        origin=entry_article.origin,
    )
