"""The dependency parse of an article, free of spaCy: tokens with their head, relation, part of
speech and morphology, in character offsets, so the fact extractors can ask who is the subject
of a verb or which clause a quote belongs to."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc

PUNCT = "PUNCT"


class Token(NamedTuple):
    """A word of the parse. A named tuple: an article makes thousands, and a frozen dataclass
    is several times slower to build (building them was a fifth of the facts' time)."""

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
        import numpy
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LENGTH, MORPH, POS
        from spacy.parts_of_speech import IDS

        # Column by column from one array read, each distinct value named once: reading Token
        # attributes one by one costs more than the fact extractors that use them.
        strings = doc.vocab.strings
        pos_names = {value: key for key, value in IDS.items()}

        def name(key: int) -> str:
            key %= 2**64  # hashes are unsigned; the int64 view below wraps the large ones
            return strings[key] if key and key in strings else ""

        def names(column, spell) -> list[str]:
            values, where = numpy.unique(column, return_inverse=True)
            spelled = [spell(value) for value in values.tolist()]
            return [spelled[k] for k in where.tolist()]

        # int64: HEAD is an offset that may be negative.
        rows = doc.to_array([IDX, LENGTH, POS, DEP, HEAD, MORPH, ENT_TYPE]).astype("int64")
        if not len(rows):
            return cls([])
        text = doc.text
        heads = (numpy.arange(len(rows)) + rows[:, 4]).tolist()
        deps = names(rows[:, 3], name)
        _subjects_off_auxiliaries(heads, deps)
        starts = rows[:, 0].tolist()
        ends = (rows[:, 0] + rows[:, 1]).tolist()
        return cls(
            list(
                map(
                    Token,
                    range(len(starts)),
                    starts,
                    ends,
                    [text[start:end] for start, end in zip(starts, ends, strict=True)],
                    names(rows[:, 2], lambda pos: pos_names.get(pos, "")),
                    deps,
                    heads,
                    names(rows[:, 5], lambda morph: name(morph).strip("_")),
                    names(rows[:, 6], name),
                )
            )
        )

    def at(self, offset: int) -> Token | None:
        """The token holding character `offset`."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def after(self, offset: int, count: int) -> list[Token]:
        """The first `count` tokens starting at or after character `offset`."""
        first = bisect.bisect_left(self._starts, offset)
        return self.tokens[first : first + count]

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

    def active_subject(self, i: int) -> Token | None:
        """Token i's subject when it is an active one (nsubj, not nsubj:pass)."""
        return next((t for t in self.deps(i, "nsubj") if t.dep == "nsubj"), None)

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
            # Each token's root, remembered along the way up: every path is walked once.
            tokens = self.tokens
            root = [-1] * len(tokens)
            for token in tokens:
                path, j = [], token.i
                while root[j] < 0 and tokens[j].head != j and len(path) <= len(tokens):
                    path.append(j)
                    j = tokens[j].head
                top = root[j] if root[j] >= 0 else j
                for k in path:
                    root[k] = top
                root[j] = top
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


def _subjects_off_auxiliaries(heads: list[int], deps: list[str]) -> None:
    """In UD an auxiliary or a copula has no dependents of its own: a subject the parser hung
    on one ("the United States has imposed", "States" under "has") is its verb's."""
    for i, dep in enumerate(deps):
        if not dep.startswith("nsubj"):
            continue
        aux = heads[i]
        verb = heads[aux]
        if aux != i and deps[aux].split(":")[0] in {"aux", "cop"} and verb not in {aux, i}:
            heads[i] = verb
