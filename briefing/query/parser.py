"""The filter language's lexer and parser: text in, a tree of nodes (see nodes.py) out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.query import nodes
from briefing.query.dates import DateValueError, date_range, period
from briefing.query.normalize import fold, words

# A value of these matches a name from the start of any of its words: person:witk finds
# "Steve Witkoff", person:"steve witkoff" too. feed: matches a subscription's id, name or site.
PREFIX_FIELDS = ("person", "org", "place", "entity", "quote", "source", "feed")
# A value of these matches the whole tag or language code, folded.
EXACT_FIELDS = ("tag", "lang")
IS_VALUES = ("unread", "read", "starred", "annotated")
YES = {"yes", "y", "true", "si", "1"}
NO = {"no", "n", "false", "0"}
# Every field, in the order error messages list them.
FIELDS = (*EXACT_FIELDS, *PREFIX_FIELDS, "story", "anonymous", "is", "date", "after", "before")
# Opening quote -> the quotes that close it; typographic quotes arrive from pasted text.
QUOTES = {'"': '"', "\u201c": '\u201d"', "\u00ab": '\u00bb"'}
# Nesting deeper than this is no real query; refusing it keeps recursion bounded.
MAX_DEPTH = 64
_FIELD = re.compile(r"([A-Za-z]+):")


class QueryError(ValueError):
    """A query that cannot be understood: `message` says why, `position` where (0-based)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.message = message
        self.position = position

    def pointer(self, text: str) -> str:
        """The query and a caret under the faulty character, for terminals."""
        line = text.replace("\n", " ").replace("\t", " ")
        return f"{line}\n{' ' * min(self.position, len(line))}^"


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "phrase", "field", "(", ")", "OR", "AND", "NOT"
    position: int
    text: str = ""
    field: str = ""
    quoted: bool = False


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The text inside the quotes opening at `start`, and the index after the closing quote."""
    closing = QUOTES[text[start]]
    end = start + 1
    while end < len(text) and text[end] not in closing:
        end += 1
    if end >= len(text):
        raise QueryError("this quote is never closed", start)
    return text[start + 1 : end], end + 1


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not (text[end].isspace() or text[end] in '()"\u201c\u00ab'):
        end += 1
    return end


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens; a leading '-' on a term becomes a NOT token."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char, i))
            i += 1
        elif char in QUOTES:
            value, i = _read_quoted(text, i)
            tokens.append(Token("phrase", i - len(value) - 2, value, quoted=True))
        elif char == "-" and i + 1 < len(text) and not text[i + 1].isspace():
            tokens.append(Token("NOT", i))
            i += 1
        else:
            i = _lex_word(text, i, tokens)
    return tokens


def _lex_word(text: str, start: int, tokens: list[Token]) -> int:
    end = _word_end(text, start)
    word = text[start:end]
    field = _FIELD.match(word)
    if field is None:
        kind = word if word in ("OR", "AND", "NOT") else "word"
        tokens.append(Token(kind, start, word))
        return end
    name = field[1].lower()
    if name not in FIELDS:
        known = ", ".join(f"{f}:" for f in FIELDS)
        raise QueryError(
            f"unknown field '{field[1]}:' (known: {known}); put text with ':' in quotes", start
        )
    value = word[field.end() :]
    quoted = False
    if not value and end < len(text) and text[end] in QUOTES:
        value, end = _read_quoted(text, end)
        quoted = True
    if not value.strip():
        raise QueryError(f"'{name}:' needs a value", start)
    tokens.append(Token("field", start, value, field=name, quoted=quoted))
    return end


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary+; unary := (NOT|-) unary | primary."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.open_groups = 0  # '(' seen and not yet closed

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def at_end_of_group(self) -> bool:
        token = self.peek()
        return token is None or token.kind in ("OR", ")")

    def parse(self) -> nodes.Node:
        if not self.tokens:
            return nodes.MatchAll()
        node = self.parse_or()
        token = self.peek()
        if token is not None:  # only a ')' can stop parse_or early
            raise QueryError("this ')' has no matching '('", token.position)
        return node

    def parse_or(self) -> nodes.Node:
        parts = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.i += 1
            if self.at_end_of_group():
                raise QueryError("OR needs a term after it", token.position)
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else nodes.Or(tuple(parts))

    def parse_and(self) -> nodes.Node:
        parts: list[nodes.Node] = []
        while not self.at_end_of_group():
            token = self.peek()
            if token.kind == "AND":
                self.i += 1
                if not parts or self.at_end_of_group():
                    raise QueryError("AND needs a term on both sides", token.position)
                continue
            parts.append(self.parse_unary())
        if not parts:
            token = self.peek()
            if token is None:
                raise QueryError("a search term is missing at the end", len(self.text))
            if token.kind == ")" and self.open_groups == 0:
                raise QueryError("this ')' has no matching '('", token.position)
            raise QueryError(f"a search term is missing before '{token.kind}'", token.position)
        return parts[0] if len(parts) == 1 else nodes.And(tuple(parts))

    def parse_unary(self) -> nodes.Node:
        token = self.peek()
        if token.kind != "NOT":
            return self.parse_primary()
        self.i += 1
        if self.at_end_of_group() or self.peek().kind == "AND":
            raise QueryError("nothing to negate after NOT or '-'", token.position)
        return nodes.Not(self.nested(self.parse_unary, token))

    def nested(self, parse, token: Token) -> nodes.Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError("the query is nested too deeply", token.position)
        try:
            return parse()
        finally:
            self.depth -= 1

    def parse_primary(self) -> nodes.Node:
        token = self.tokens[self.i]
        self.i += 1
        if token.kind == "(":
            close = self.peek()
            if close is None:
                raise QueryError("this '(' is never closed", token.position)
            if close.kind == ")":
                raise QueryError("empty parentheses", token.position)
            self.open_groups += 1
            node = self.nested(self.parse_or, token)
            self.open_groups -= 1
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError("this '(' is never closed", token.position)
            self.i += 1
            return node
        if token.kind == "word":
            return _text(token.text, exact=False)
        if token.kind == "phrase":
            return _text(token.text, exact=True)
        return _field(token)


def _text(text: str, exact: bool) -> nodes.Node:
    found = tuple(words(text))
    # Punctuation alone ("–", "...") carries nothing to search for: it matches everything.
    return nodes.Text(found, exact) if found else nodes.MatchAll()


def _field(token: Token) -> nodes.Node:
    name, value = token.field, token.text
    # Where the value starts, for pointing at a bad date inside it.
    start = token.position + len(name) + 1 + (1 if token.quoted else 0)
    if name in EXACT_FIELDS:
        return nodes.Field(name, fold(value).strip())
    if name in PREFIX_FIELDS:
        found = words(value)
        return nodes.Field(name, " ".join(found)) if found else nodes.MatchAll()
    key = fold(value).strip()
    if name == "story":  # an id (or its start) or words of the title
        return nodes.Story(key) if key else nodes.MatchAll()
    if name == "is":
        if key not in IS_VALUES:
            raise QueryError(f"is: takes {', '.join(IS_VALUES)}", start)
        return nodes.Flag(key)
    if name == "anonymous":
        if key in YES:
            return nodes.Flag("anonymous")
        if key in NO:
            return nodes.Not(nodes.Flag("anonymous"))
        raise QueryError("anonymous: takes yes or no", start)
    try:
        if name == "date":
            low, high = date_range(value.strip())
        elif name == "after":
            low, high = _shift(period(value.strip())[1], +1), None
        else:  # before
            low, high = None, _shift(period(value.strip())[0], -1)
    except DateValueError as error:
        raise QueryError(error.message, start + error.offset) from None
    return nodes.DateRange(low, high)


def _shift(day: str, days: int) -> str:
    """after: and before: exclude the period they name: after:2025-12 starts in January."""
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    except OverflowError:  # before:0001 or after:9999: nothing can match
        return "0000-00-00" if days < 0 else "9999-99-99"


def parse(text: str) -> nodes.Query:
    """Parse a query once; "" (or only spaces) matches every article. Raises QueryError."""
    if not isinstance(text, str):
        raise QueryError("a query must be text", 0)
    return nodes.Query(text, _Parser(text).parse())
