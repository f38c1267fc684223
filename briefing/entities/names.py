"""Keys for names: spelling-, case- and accent-blind, and people's names across transliterations."""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.text import fold

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
# Jr., Sr. and regnal numbers tell relatives and popes apart: kept at the key's end.
_ELIDED = re.compile(r"(?<=\w)['’](?=\w)")
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|[IVX]+)$")


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
    "volodimir"; Sergei/Sergej, Yuri/Jurij, Mikhail/Michail, Gorbachev/Gorbačëv, Yeltsin/Eltsin,
    Mahmoud/Mahmud, Aleksandr/Alexander agree too. Vowels stay (Maria and Mario Rossi are
    two people). Applied to both sides, so only the names' own letters must agree.
    """
    word = fold(word).replace("y", "i").replace("j", "i").replace("x", "ks")
    word = word.replace("kh", "ch").replace("ch", "c").replace("ou", "u").replace("gh", "g")
    word = re.sub(r"(.)\1+", r"\1", word)  # Gheddafi/Ghedafi, Zelenskyy
    word = re.sub(r"^i(?=[aeiou])", "", word)  # Yeltsin/Eltsin, Yuri/Juri
    return re.sub(r"er$", "r", word)  # Alexander/Aleksandr, Peter/Petr


def person_words(name: str) -> list[str]:
    """A person's name as spelling-normalised words; initials and middle names as one letter
    ("george", "h", "w", "bush" for George Herbert Walker Bush), never respelled; a Jr., Sr. or regnal number last, marked with a "+" ("+jr")."""
    written = name.split()
    suffix = (
        written.pop().casefold().rstrip(".")
        if len(written) > 1 and _SUFFIX.match(written[-1])
        else ""
    )
    folded = alias_key(" ".join(written)).split()
    if not any(len(w) > 1 for w in folded):
        return []  # initials alone name nobody
    start = surname_start(folded)
    # Middle names by their initial as written (spelling() may change a first letter: John)
    words = [
        w if w in PARTICLES or len(w) == 1 else w[0] if 0 < n < start else spelling(w)
        for n, w in enumerate(folded)
    ]
    return [*words, "+" + suffix] if suffix else words


@lru_cache(maxsize=1 << 15)
def fullness(name: str) -> int:
    """How many whole words a name has: "Donald J. Trump" is no fuller than "Donald Trump"."""
    return sum(1 for w in person_words(name) if len(w) > 1 and not w.startswith("+"))


def surname_start(words: list[str]) -> int:
    """Where the surname starts: the last word, with the particles just before it."""
    start = len(words) - 1
    if words and words[-1].startswith("+"):  # "Donald Trump Jr.": Trump, then the suffix
        start -= 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return max(start, 0)


def is_surname_only(words: list[str]) -> bool:
    """One word, or a surname with its particles ("von der Leyen", "Di Maio")."""
    if words and words[-1].startswith("+"):
        return False  # "Benedetto XVI", "Trump Jr.": a name of its own
    return len(words) == 1 or all(w in PARTICLES for w in words[:-1])


def person_key(words: list[str]) -> str:
    """ "per:" + first name (or its initial), the middle names' initials, surname.

    A middle name counts by its initial, so "George Herbert Walker Bush" is "George H. W. Bush"
    and stays apart from "George W. Bush"; a name without middle initials joins the one with
    them later (entities.joins), as "Donald Trump" joins "Donald J. Trump".
    """
    if is_surname_only(words):
        return "per:" + words[-1]
    if len(words) == 2 and words[-1].startswith("+"):  # "Benedetto XVI"
        return "per:" + " ".join(words)
    start = surname_start(words)
    middles = [w for w in words[1:start] if w not in PARTICLES]  # initials by person_words
    return "per:" + " ".join([words[0], *middles, *words[start:]])
