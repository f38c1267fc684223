"""Word and name tables of the index: folded words or names to article slots, with lookups."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from briefing.query.normalize import fold, joined

_EMPTY: frozenset[int] = frozenset()
# Past this many cached lookups the cache is simply dropped: typing a filter needs a few dozen.
_CACHE_LIMIT = 512
_LAST_CHAR = chr(0x10FFFF)


class Words:
    """An inverted index from folded words to slots, with prefix lookup over a sorted vocabulary.

    `texts` holds each slot's joined text (" w1 w2 ... "), used only to confirm phrases; in
    scan mode (no postings) it holds the folded text, searched with a pattern per lookup.
    """

    def __init__(self, compact: bool, postings: bool = True) -> None:
        # Bodies use int arrays (4 bytes a posting, 100k articles fit); titles use sets,
        # which can drop a slot when an article's title or source changes.
        self.compact = compact
        # Without postings every lookup scans the texts: right for one query (the CLI), where
        # building postings would cost more than the one scan.
        self.use_postings = postings
        self.postings: dict[str, Any] = {}
        self.texts: dict[int, str] = {}
        self._vocabulary: list[str] | None = None
        self._cache: dict[tuple[tuple[str, ...], bool], set[int]] = {}
        # Slots whose text was replaced in place: their int-array postings still hold the old
        # words (arrays cannot drop one slot cheaply), so hits on them are checked on the text.
        self.replaced: set[int] = set()

    def prepare(self, text: str) -> str:
        """The form add() takes: joined words, or in scan mode just the folded text (splitting
        into words is most of the cost, and a scan does not need it)."""
        return joined(text) if self.use_postings else fold(text)

    def add(self, slot: int, text: str) -> None:
        self.texts[slot] = text
        if not self.use_postings:
            return
        postings = self.postings
        size = len(postings)
        # try/except over the common case (the word is known) halves the time of indexing
        # 30 MB of bodies compared with a get() then a branch.
        if self.compact:
            for word in set(text.split()):
                try:
                    postings[word].append(slot)
                except KeyError:
                    postings[word] = array("I", (slot,))
        else:
            for word in set(text.split()):
                try:
                    postings[word].add(slot)
                except KeyError:
                    postings[word] = {slot}
        if len(postings) != size:
            self._vocabulary = None
        self._cache.clear()

    def remove(self, slot: int) -> None:
        text = self.texts.pop(slot, None)
        if text is None:
            return
        for word in set(text.split()):
            self.postings[word].discard(slot)  # only the set postings are ever removed from
        self._cache.clear()

    def replace(self, slot: int, text: str) -> None:
        """A new text for a slot of the compact kind (an article whose body was edited)."""
        self.replaced.add(slot)
        self.add(slot, text)

    def clear_cache(self) -> None:
        self._cache.clear()

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(self.postings)
        return self._vocabulary

    def _one(self, word: str) -> Iterable[int]:
        return self.postings.get(word, _EMPTY)

    def _starting_with(self, prefix: str) -> set[int]:
        vocabulary = self.vocabulary()
        low = bisect_left(vocabulary, prefix)
        high = bisect_left(vocabulary, prefix + _LAST_CHAR, low)
        postings = [self.postings[word] for word in vocabulary[low:high]]
        if len(postings) == 1:
            return set(postings[0])
        # Longest first: a short prefix ("co") covers every article after a few words, and
        # then the other thousand need not be merged.
        postings.sort(key=len, reverse=True)
        everyone = len(self.texts)
        found: set[int] = set()
        for posting in postings:
            found.update(posting)
            if len(found) >= everyone:
                break
        return found

    def _scan(self, words: tuple[str, ...], exact: bool) -> set[int]:
        # The same match as " w1 w2" in the joined text: a word start, separators between.
        pattern = re.compile(
            r"(?<![^\W_])"
            + r"[\W_]+".join(map(re.escape, words))
            + (r"(?![^\W_])" if exact else "")
        )
        first = words[0]  # a plain substring test first: it runs at memory speed
        return {slot for slot, text in self.texts.items() if first in text and pattern.search(text)}

    def _find(self, words: tuple[str, ...], exact: bool) -> set[int]:
        last = set(self._one(words[-1])) if exact else self._starting_with(words[-1])
        found = last.intersection(*(self._one(w) for w in words[:-1]))
        needle = f" {' '.join(words)}{' ' if exact else ''}"
        if len(words) > 1 and found:
            found = {slot for slot in found if needle in self.texts.get(slot, "")}
        elif self.replaced and found:
            found -= {slot for slot in found & self.replaced if needle not in self.texts[slot]}
        return found

    def lookup(self, words: tuple[str, ...], exact: bool) -> set[int]:
        """Slots holding the words in a row; unless exact, the last may be a word's start."""
        key = (words, exact)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found = self._scan(words, exact) if not self.use_postings else self._find(words, exact)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = found
        return found


class Names:
    """Names (people, places, sources, ...) to slots; a value matches from any word start."""

    def __init__(self) -> None:
        self.slots: dict[str, set[int]] = {}  # " steve witkoff" -> slots
        self._cache: dict[str, set[int]] = {}

    def add(self, slot: int, names: Iterable[str]) -> None:
        for name in names:
            self.slots.setdefault(name, set()).add(slot)
        self._cache.clear()

    def remove(self, slot: int, names: Iterable[str]) -> None:
        for name in names:
            self.slots[name].discard(slot)
        self._cache.clear()

    def clear_cache(self) -> None:
        self._cache.clear()

    def lookup(self, value: str) -> set[int]:
        cached = self._cache.get(value)
        if cached is None:
            # A scan of the distinct names, not of articles: a few ms for 100k names.
            needle = f" {value}"
            cached = set()
            for name, slots in self.slots.items():
                if needle in name:
                    cached |= slots
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[value] = cached
        return cached
