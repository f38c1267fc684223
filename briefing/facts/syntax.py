"""The dependency parse of an article, free of spaCy: tokens with their head, relation, part of
speech and morphology, in character offsets, so the fact extractors can ask who is the subject
of a verb or which clause a quote belongs to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

PUNCT = "PUNCT"


def _pos_names() -> dict[int, str]:
    from spacy.parts_of_speech import IDS

    return {value: key for key, value in IDS.items()}


_POS: dict[int, str] = {}


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    pos: str  # UD part of speech: VERB, NOUN, PROPN, PRON...
    dep: str  # UD relation to the head: nsubj, ccomp, obl, parataxis...
    head: int  # index of the head token (itself for a sentence root)
    morph: str  # "Gender=Fem|Number=Sing"
    ent: str = ""  # the entity label the token is part of ("DATE", "PER"), "" outside any

    @property
    def lower(self) -> str:
        return self.text.lower()

    def feature(self, name: str) -> str | None:
        for pair in self.morph.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


class Parse:
    """Tokens and their dependents, with lookups by character offset."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.children: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                self.children[token.head].append(token.i)
        self._starts = [t.start for t in tokens]
        self._bounds: list[tuple[int, int]] | None = None

    @classmethod
    def from_doc(cls, doc: Doc) -> Parse | None:
        """The parse of a Doc, or None when no parser ran."""
        if not doc.has_annotation("DEP"):
            return None
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, MORPH, POS
        from spacy.parts_of_speech import IDS

        # One array read and a string table: reading Token attributes one by one costs more
        # than the fact extractors that use them.
        strings = doc.vocab.strings
        pos_names = {value: key for key, value in IDS.items()}
        names: dict[int, str] = {0: ""}

        def name(key: int) -> str:
            key %= 2**64  # hashes are unsigned; the int64 view below wraps the large ones
            found = names.get(key)
            if found is None:
                found = names[key] = strings[key] if key in strings else ""
            return found

        # int64: HEAD is an offset that may be negative.
        rows = doc.to_array([IDX, POS, DEP, HEAD, MORPH, ENT_TYPE]).astype("int64").tolist()
        words = [t.text for t in doc]
        return cls(
            [
                Token(i, idx, idx + len(words[i]), words[i], pos_names.get(pos, ""), name(dep),
                      i + head, name(morph).strip("_"), name(ent))
                for i, (idx, pos, dep, head, morph, ent) in enumerate(rows)
            ]
        )  # fmt: skip

    def at(self, offset: int) -> Token | None:
        """The token holding character `offset`."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def within(self, start: int, end: int) -> list[Token]:
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [t for t in self.tokens[first:last] if t.end <= end]

    def deps(self, i: int, *relations: str) -> list[Token]:
        """Dependents of token i whose relation is one of `relations` (or a subtype: nsubj:pass)."""
        return [
            self.tokens[c]
            for c in self.children[i]
            if self.tokens[c].dep in relations or self.tokens[c].dep.split(":")[0] in relations
        ]

    def subtree(self, i: int, without: frozenset[int] = frozenset()) -> list[int]:
        """Token i and everything below it, leaving out the subtrees rooted in `without`."""
        found = []
        stack = [i]
        while stack:
            j = stack.pop()
            if j in without:
                continue
            found.append(j)
            stack.extend(self.children[j])
        return sorted(found)

    def span(self, indices: list[int]) -> tuple[int, int] | None:
        """Character span of the tokens, trimmed of punctuation at both ends."""
        kept = [self.tokens[k] for k in indices]
        while kept and kept[0].pos == PUNCT:
            kept.pop(0)
        while kept and kept[-1].pos == PUNCT:
            kept.pop()
        if not kept:
            return None
        return kept[0].start, kept[-1].end

    def head_of(self, start: int, end: int) -> Token | None:
        """The token a span hangs on: from its first token, up while the head stays inside
        ("Vladimir Putin" -> the token the name's other words depend on)."""
        token = self.at(start)
        if token is None:
            return None
        while start <= self.tokens[token.head].start < end and token.head != token.i:
            token = self.tokens[token.head]
        return token

    def sentence(self, i: int) -> tuple[int, int]:
        """First and last token index of the sentence token i belongs to (its root's tree)."""
        if self._bounds is None:
            root = list(range(len(self.tokens)))
            for token in self.tokens:
                j, seen = token.i, 0
                while self.tokens[j].head != j and seen < len(self.tokens):
                    j, seen = self.tokens[j].head, seen + 1
                root[token.i] = j
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for k, r in enumerate(root):
                first.setdefault(r, k)
                last[r] = k
            self._bounds = [(first[r], last[r]) for r in root]
        return self._bounds[i]

    def number(self, i: int) -> str | None:
        """Grammatical number of a verb from itself or its auxiliaries ("hanno detto": Plur)."""
        found = self.tokens[i].feature("Number")
        for aux in self.deps(i, "aux"):
            found = aux.feature("Number") or found
        return found
