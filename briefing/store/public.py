"""The Store everyone codes against: the core plus the article, annotation, analysis, feed, story
and search-index mixins."""

from __future__ import annotations

from briefing.store.analyses import AnalysesMixin
from briefing.store.annotations import AnnotationsMixin
from briefing.store.articles import ArticlesMixin
from briefing.store.core import StoreCore
from briefing.store.feeds import FeedsMixin
from briefing.store.people import PeopleMixin
from briefing.store.searching import SearchMixin
from briefing.store.stories import StoriesMixin


class Store(
    ArticlesMixin,
    AnnotationsMixin,
    AnalysesMixin,
    FeedsMixin,
    StoriesMixin,
    PeopleMixin,
    SearchMixin,
    StoreCore,
):
    """Open with Store.open(); every mutating method returns once the change is durable."""
