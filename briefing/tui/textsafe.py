"""Article text made safe to show: control, escape, bidi and zero-width characters neutralised.

Every replacement is one character for one character, so entity, fact and highlight offsets
computed on the stored body stay valid on the shown text.
"""

from __future__ import annotations

import re

# C0 controls (except newline and tab) become their visible "control picture" (ESC -> U+241B),
# so an ANSI or OSC sequence shows as inert text ("␛[31m") instead of reaching the terminal.
_C0 = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x0A, 0x09)}
_C0[0x7F] = "\u2421"  # DEL
_C0[0x0D] = " "  # a lone or CRLF carriage return would move the terminal cursor
# C1 controls (CSI 0x9B, OSC 0x9D, ...) act like ESC sequences in some terminals.
_C1 = {code: "\ufffd" for code in range(0x80, 0xA0)}
# Bidi overrides/isolates can reorder what the reader sees; zero-width characters can hide text.
# The joiners ZWJ and ZWNJ (U+200D, U+200C) stay: emoji sequences and Persian need them, and
# import keeps them too.
_INVISIBLE = {
    code: "\ufffd"
    for code in (
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200E,
        0x200F,
        0x061C,
        0x200B,
        0x2060,
        0xFEFF,
    )
}
_TABLE = {**_C0, **_C1, **_INVISIBLE}


def clean_body(text: str) -> str:
    """The body as it may be shown: same length, every unsafe character replaced by a visible one."""
    return text.translate(_TABLE)


LONG_LINE = 2000  # characters; the reader redraws a whole line for each of its screen rows


def break_long_lines(text: str, limit: int = LONG_LINE) -> str:
    """The text with a space turned into a line break every `limit` characters or so.

    One character for one character, so offsets hold. Only hostile or broken input has
    such lines (a 1 MB single line); without a break, every screen row of it would cost a
    pass over the whole line and the reader would freeze. A line with no space at all is cut
    where it must be (one character of it is not shown).
    """
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text
    chars = list(text)
    line_start = 0
    i = 0
    while i < len(chars):
        if chars[i] == "\n":
            line_start = i + 1
        elif i - line_start >= limit:
            cut = text.rfind(" ", line_start + limit // 2, i)
            cut = cut if cut != -1 else i
            chars[cut] = "\n"
            line_start = cut + 1
        i += 1
    return "".join(chars)


_SPACES = re.compile(r"[\n\t]+")


def clean_line(text: str | None, limit: int = 500) -> str:
    """A one-line field (title, source, tag) safe to show: newlines and tabs become spaces.

    Cut at `limit` characters: no screen line holds more, and a hostile 1 MB title would
    otherwise be measured again for every row drawn.
    """
    if not text:
        return ""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _SPACES.sub(" ", text).translate(_TABLE)
