"""Grouping articles into stories: incremental assign of one article, full regroup of many.

Two articles are alike by the weighted Jaccard of their distinctive words plus half that of
their entity identities (which carry across languages: Mosca and Moscow are one id; words do
not), each key weighed by its rarity, so "Putin" counts more than "country:US". Across
languages the names' Jaccard stands alone; two articles that both name their actors and share
none keep half their words' likeness (four football qualifiers of one day share their words);
names count only when at least two are shared and not all of them are countries.
An article joins the story it is most alike (its best and its average likeness to the
story's articles within `WINDOW_DAYS`), when that reaches `JOIN`; otherwise it starts one.
An undated article matches any day, unless its title and the other's name different years
(the Palio of 2012 and of 2013: two editions of a recurring subject) or places in different
countries (an earthquake in Japan and one in Chile; a town stands for its country, so Sendai
and Japan are one place), or when they give one person ages two years apart (`ages.py`: Ciampi
at 90 and at his death). These rules part only pairs where one article is undated: dated
articles are parted by their days.
Candidates come from posting lists, so assigning one article costs the lengths of its rarer
keys' lists, not the size of the store.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.stories.ages import different_ages
from briefing.stories.background import Background, background
from briefing.stories.features import ArticleFeatures

WINDOW_DAYS = 14  # an article joins a story with an article at most this far apart
JOIN = 0.1  # score at which an article joins a story
IDENTITY_SHARE = 0.5  # identities' part of the likeness, beside the words' whole Jaccard
LINK_MEAN = 0.5  # the average likeness's part in a story's score, beside the best one
NO_SHARED_NAMES = 0.5  # words' likeness kept when both articles name actors but none alike
MIN_SHARED_IDENTITIES = 2  # one shared name (a country, a capital) alone is no story;
# a town and its own country count as one (`_place_said_once`), and countries alone, however
# many, add nothing to the words (`_only_countries`)
# Keys in more articles than this share (and at least COMMON_MIN) say nothing about a story
# and would make every assign walk a long list.
COMMON_SHARE = 0.05
COMMON_MIN = 40


def story_id_for(article_id: str) -> str:
    """A story is named after the article that started it: stable across regroups."""
    return "s" + article_id


@dataclass(frozen=True)
class Match:
    article_id: str  # the most alike earlier article, or None
    likeness: float


class Grouper:
    """Stories being built: `assign` one article at a time, in publication order ideally."""

    def __init__(
        self,
        frequencies: dict[str, int] | None = None,
        total: int = 0,
        *,
        counting: bool | None = None,
        priors: Callable[[str | None], Background] = background,
    ) -> None:
        # Key frequencies: fixed when a full regroup counted them all up front; else counted
        # as articles are added (`counting`), from `frequencies` when a keeper loads them.
        self._counts: dict[str, int] = dict(frequencies or {})
        self._total_count = total
        self._counting = frequencies is None if counting is None else counting
        # each language's news, whose counts are added to the store's (`background.py`)
        self._priors = priors
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._days: dict[str, int | None] = {}
        self._years: dict[str, frozenset[int]] = {}
        self._title_countries: dict[str, frozenset[str]] = {}
        self._ages: dict[str, frozenset[tuple[str, int]]] = {}
        self._langs: dict[str, str | None] = {}
        self._keys: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        # article -> weight of its (identities, words), computed when first compared: loading
        # 10,000 grouped articles then costs only their posting lists
        self._weights: dict[str, tuple[float, float]] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self.story_of)

    def _count(self, key: str) -> int:
        return self._counts.get(key, 0)

    def _total(self) -> int:
        return self._total_count

    def _weight(self, key: str, total: int, prior: Background) -> float:
        """Rarer keys weigh more, counted in the store and in the language's news; keys too
        common to tell stories apart weigh nothing."""
        more, articles = prior.prior(key)
        count = self._count(key) + more
        total += articles
        if count > max(COMMON_MIN, COMMON_SHARE * total):
            return 0.0
        return math.log(1 + (total + 1) / (count + 1))

    def likenesses(self, features: ArticleFeatures) -> dict[str, float]:
        """Likeness (0..~1.5) to every earlier article within the window sharing a key."""
        total = self._total()
        prior = self._priors(features.lang)
        shared = [defaultdict(float), defaultdict(float)]  # weighted intersections
        shared_names: dict[str, set[str]] = defaultdict(set)
        own = [0.0, 0.0]
        for kind, keys in enumerate((features.identities, features.words)):
            prefix = "i:" if kind == 0 else "w:"
            for key in keys:
                weight = self._weight(prefix + key, total, prior)
                if not weight:
                    continue
                own[kind] += weight
                for other in self._postings.get(prefix + key, ()):
                    if not self._near(features, other):
                        continue
                    shared[kind][other] += weight
                    if kind == 0:
                        shared_names[other].add(_place_said_once(key))
        found = {}
        for other in shared[0].keys() | shared[1].keys():
            if self._other_years(features, other):
                continue
            theirs = self._weights.get(other) or self._weigh(other, total)
            likeness = _jaccard(shared[1].get(other, 0.0), own[1], theirs[1])
            if (
                not shared_names.get(other)
                and min(len(features.identities), len(self._keys[other][0]))
                >= MIN_SHARED_IDENTITIES
            ):
                likeness *= NO_SHARED_NAMES  # both name their actors, and none is the same
            said = shared_names.get(other, ())
            if len(said) >= MIN_SHARED_IDENTITIES and not _only_countries(said):
                names = _jaccard(shared[0][other], own[0], theirs[0])
                if features.lang != self._langs[other]:  # words cannot match: names alone
                    likeness = max(likeness, names)
                else:
                    likeness += IDENTITY_SHARE * names
            found[other] = likeness
        return found

    def best_match(self, features: ArticleFeatures) -> Match | None:
        """The story this article is most alike, by its best and its average likeness to the
        story's articles (`LINK_MEAN`): one alike article is not enough to join a big story."""
        found = self.likenesses(features)
        by_story: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for other, likeness in found.items():
            by_story[self.story_of[other]].append((likeness, other))
        best: Match | None = None
        for story, alike in by_story.items():
            top, article = max(alike)
            mean = sum(x for x, _ in alike) / len(self.members[story])
            score = (1 - LINK_MEAN) * top + LINK_MEAN * mean
            if score >= JOIN and (
                best is None or (score, article) > (best.likeness, best.article_id)
            ):
                best = Match(article, score)
        return best

    def assign(self, features: ArticleFeatures) -> str:
        """Put one article in the story of its most alike earlier article, or in a new one."""
        if features.id in self.story_of:
            return self.story_of[features.id]
        match = self.best_match(features)
        story = self.story_of[match.article_id] if match else story_id_for(features.id)
        self._add(features, story)
        return story

    def place(self, features: ArticleFeatures, story: str) -> None:
        """Record an article already in `story` (loaded from the store), so later ones can join."""
        self._add(features, story)

    def adopt(self, groups: dict[str, list[str]]) -> None:
        """Take the stories' memberships as they are, without the members' keys: a keeper
        indexes (`index`) only the members near the days of the articles it assigns."""
        for story, ids in groups.items():
            self.members[story] = list(ids)
            for article_id in ids:
                self.story_of[article_id] = story

    def index(self, features: ArticleFeatures) -> None:
        """Make an adopted article a candidate for later ones (its keys are counted already)."""
        if features.id in self._keys:
            return
        self._index_keys(features)

    def _weigh(self, article_id: str, total: int) -> tuple[float, float]:
        identities, found = self._keys[article_id]
        prior = self._priors(self._langs[article_id])
        weights = (
            sum(self._weight("i:" + k, total, prior) for k in identities),
            sum(self._weight("w:" + k, total, prior) for k in found),
        )
        self._weights[article_id] = weights
        return weights

    def _add(self, features: ArticleFeatures, story: str) -> None:
        self._index_keys(features)
        if self._counting:
            for prefix, keys in (("i:", features.identities), ("w:", features.words)):
                for key in keys:
                    self._counts[prefix + key] = self._counts.get(prefix + key, 0) + 1
            self._total_count += 1
        self.story_of[features.id] = story
        self.members[story].append(features.id)

    def _index_keys(self, features: ArticleFeatures) -> None:
        for prefix, keys in (("i:", features.identities), ("w:", features.words)):
            for key in keys:
                self._postings[prefix + key].append(features.id)
        self._keys[features.id] = (features.identities, features.words)
        self._days[features.id] = features.day
        if features.years:
            self._years[features.id] = features.years
        if features.title_countries:
            self._title_countries[features.id] = features.title_countries
        if features.ages:
            self._ages[features.id] = features.ages
        self._langs[features.id] = features.lang

    def _other_years(self, features: ArticleFeatures, other: str) -> bool:
        """One of the two is undated and they give one person ages two years apart: the
        window cannot part a birthday from an obituary, the ages can."""
        if features.day is not None and self._days[other] is not None:
            return False
        return different_ages(features.ages, self._ages.get(other, frozenset()))

    def _near(self, features: ArticleFeatures, other: str) -> bool:
        """Within the window of days; without a day, titles naming different years (two
        editions of a recurring subject) or different countries (two earthquakes, two
        humanitarian trips) are apart."""
        day, theirs = features.day, self._days[other]
        if day is not None and theirs is not None:
            return abs(day - theirs) <= WINDOW_DAYS
        years = self._years.get(other)
        if features.years and years and not features.years & years:
            return False
        countries = self._title_countries.get(other)
        return not (
            features.title_countries and countries and not features.title_countries & countries
        )


@lru_cache(maxsize=65536)
def _place_said_once(identity: str) -> str:
    """A town stands for its country when counting shared names: Britain and London shared
    are one place said twice, not two things two articles have in common."""
    if not identity.startswith("geo:"):
        return identity
    from briefing.entities.registry import registry

    found = registry().get(identity)
    return f"country:{found.cc}" if found is not None and found.cc else identity


def _only_countries(said: Iterable[str]) -> bool:
    """Shared countries (and towns standing for them) are where a story happens, not who is
    in it: a hijack report and a report on fighting in Iraq both name Britain and Iraq."""
    return all(name.startswith("country:") for name in said)


def _jaccard(shared: float, mine: float, theirs: float) -> float:
    union = mine + theirs - shared
    return shared / union if union > 0 else 0.0


def in_order(features: Iterable[ArticleFeatures]) -> list[ArticleFeatures]:
    """Publication order (undated last), then id: the order regroup assigns in."""
    return sorted(features, key=lambda f: (f.day is None, f.day or 0, f.id))


def regroup(features: Iterable[ArticleFeatures]) -> Grouper:
    """Group every article from scratch, key weights counted over all of them first."""
    ordered = in_order(features)
    counts: dict[str, int] = defaultdict(int)
    for f in ordered:
        for key in f.identities:
            counts["i:" + key] += 1
        for key in f.words:
            counts["w:" + key] += 1
    grouper = Grouper(dict(counts), len(ordered))
    for f in ordered:
        grouper.assign(f)
    return grouper
