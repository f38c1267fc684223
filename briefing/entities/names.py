"""Keys for names: spelling-, case- and accent-blind, and people's names across transliterations."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile("[\u0300-\u036f]")
_DOTTED = re.compile(r"(?<=\w)\.(?=\w|$)")  # "U.S." -> "US", "J." -> "J"
_NOT_WORD = re.compile(r"[^\w]+|_")
# Articles an extent may keep in front of a name ("la Casa Bianca", "the Kremlin").
_ARTICLES = {"the", "il", "lo", "la", "l", "i", "gli", "le", "el", "los", "las", "der", "die"}
# Particles that belong to a surname ("von der Leyen", "Di Maio", "de Gaulle").
PARTICLES = {
    "de",
    "di",
    "da",
    "del",
    "della",
    "dei",
    "van",
    "von",
    "der",
    "den",
    "du",
    "le",
    "la",
    "dos",
    "das",
    "bin",
    "al",
    "el",
    "ibn",
    "ten",
    "ter",
    "mac",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def fold(text: str) -> str:
    """Casefolded, accents stripped ("Zelenskij" and "Zelenskíj" are one)."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@lru_cache(maxsize=1 << 15)
def alias_key(text: str) -> str:
    """The key a name is listed and looked up by: folded words, no dots, no leading article."""
    words = _NOT_WORD.split(fold(_DOTTED.sub("", text.replace("’", "'"))))
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 15)
def spelling(word: str) -> str:
    """One spelling for transliteration variants of a name's word.

    Zelensky, Zelenskyy, Zelenskiy and Zelenskij all read "zelenski"; Volodymyr and Volodimir
    "volodimir". Applied to both sides, so only the names' own letters must agree.
    """
    word = fold(word).replace("y", "i")
    word = re.sub(r"i+", "i", word)
    word = re.sub(r"ij\b", "i", word)
    return word.replace("kh", "h")


def person_words(name: str) -> list[str]:
    """A person's name as spelling-normalised words, initials and Jr./Sr. left out."""
    words = [w for w in alias_key(name).split() if len(w) > 1 and w not in _SUFFIXES]
    return [spelling(w) for w in words]


def surname_start(words: list[str]) -> int:
    """Where the surname starts: the last word, with the particles just before it."""
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return max(start, 0)


def is_surname_only(words: list[str]) -> bool:
    """One word, or a surname with its particles ("von der Leyen", "Di Maio")."""
    return len(words) == 1 or all(w in PARTICLES for w in words[:-1])


def person_key(words: list[str]) -> str:
    """ "per:" + first name and surname: a middle name or initial does not split a person."""
    if is_surname_only(words):
        return "per:" + words[-1]
    return "per:" + words[0] + " " + " ".join(words[surname_start(words) :])
