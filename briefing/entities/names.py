"""Keys for names: spelling-, case- and accent-blind, and people's names across transliterations."""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.lexicon import BEFORE_NAMES, en, it
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
    "el",
    "ibn",
    "ten",
    "ter",
    "mac",
}
# Jr., Sr. and regnal numbers tell relatives and popes apart: kept at the key's end.
_ELIDED = re.compile(r"(?<=\w)['’](?=\w)")
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|[IVX]+)$")
# Forms of address and titles before a name (`lexicon.BEFORE_NAMES`) are dropped: "Mr Obama" is
# Obama, and joins Barack Obama as "Obama" would.
_LONGEST_TITLE = max(len(title.split()) for title in BEFORE_NAMES)
_ARTICLE_BEFORE_TITLE = {"the", "il", "lo", "la", "l'", "l’"}
# Chinese, Korean and Vietnamese family names, written before the given name ("Xi Jinping",
# "Kim Jong-un", "Nguyen Xuan Phuc"): the surname that a title or the name alone refers to
# ("President Xi"). Lee, Lin and Le are left out: Lee Harvey Oswald, Lin-Manuel Miranda.
_FAMILY_FIRST = frozenset(
    """
    xi hu wen li wang zhang liu chen zhou zhao huang deng jiang mao yang wu xu sun ma guo zhu
    gao luo zheng liang xie tang kim park choi jung kang cho yoon jang roh chun ban moon
    nguyen tran pham
    """.split()
)
# A given name in such syllables ("jinping", "ki moon", "xuan phuc": no "y" for a vowel, no
# doubled consonant), none of them long: Kim Kardashian, Kim Williams, Ma Rainey keep their
# order.
_SYLLABLES = re.compile(r"(?:[bcdfghjklmnpqrstvwxyz]{0,2}[aeiou]{1,3}(?:ng|n|m|l|k|p|t|r|c|h)?)+")
_DOUBLED_CONSONANT = re.compile(r"([^aeiou])\1")
_GIVEN_LETTERS = 8
# A pope's or a monarch's name is written in each language's form: with a regnal number
# (Benedetto XVI, Carlo III) or a title (Papa Francesco) it is read in English's, so that
# Giovanni Paolo II is John Paul II. Other names keep their language (Carlo Rossi).
_REGNAL_TITLES = {**it.REGNAL_TITLES, **en.REGNAL_TITLES}
_NAMES_TOO = {"re", "regina"}  # capitalised they are names: Luciano Re Cecconi, Regina Spektor
_REGNAL_NAMES = {
    "giovanni": "john", "paolo": "paul", "benedetto": "benedict", "francesco": "francis",
    "pio": "pius", "leone": "leo", "gregorio": "gregory", "clemente": "clement",
    "innocenzo": "innocent", "urbano": "urban", "giulio": "julius", "sisto": "sixtus",
    "alessandro": "alexander", "adriano": "adrian", "pietro": "peter", "carlo": "charles",
    "elisabetta": "elizabeth", "filippo": "philip", "felipe": "philip", "guglielmo": "william",
    "giorgio": "george", "enrico": "henry", "luigi": "louis", "federico": "frederick",
    "giacomo": "james", "giuseppe": "joseph", "edoardo": "edward", "caterina": "catherine",
    "maria": "mary", "anna": "anne", "vittoria": "victoria", "leopoldo": "leopold",
    "alberto": "albert", "baldovino": "baudouin", "guglielmina": "wilhelmina",
}  # fmt: skip
# Short forms of first names, as news writes them (Mike Pence, Beppe Grillo): the first name
# they stand for, so that a person is one person however the first name is written. Only the
# forms that stand for one name (not Gigi: Luigi or Gianluigi; not Don, the priest's title).
_SHORT_FIRST_NAMES = {
    "bill": "william", "billy": "william", "will": "william", "bob": "robert",
    "bobby": "robert", "rob": "robert", "robbie": "robert", "mike": "michael",
    "mick": "michael", "jim": "james", "jimmy": "james", "joe": "joseph", "joey": "joseph",
    "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "ricky": "richard", "rich": "richard", "tony": "anthony", "alex": "alexander",
    "andy": "andrew", "dave": "david", "chris": "christopher", "nick": "nicholas",
    "ben": "benjamin", "dan": "daniel", "danny": "daniel", "sam": "samuel", "matt": "matthew",
    "pete": "peter", "ed": "edward", "eddie": "edward", "ron": "ronald", "ronnie": "ronald",
    "jeff": "jeffrey", "greg": "gregory", "tim": "timothy", "larry": "lawrence",
    "jerry": "gerald", "steve": "steven", "stephen": "steven", "liz": "elizabeth",
    "sue": "susan", "jenny": "jennifer", "beppe": "giuseppe", "peppe": "giuseppe",
    "pino": "giuseppe", "gianni": "giovanni", "sandro": "alessandro",
}  # fmt: skip
# The Arabic article inside a name: "Fayez al-Sarraj" is also written "Fayez Sarraj".
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‐‑](?=\w)", re.IGNORECASE)


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

    Zelensky, Zelenskyy, Zelenskiy and Zelenskij all read "zelenski"; Volodymyr, Wolodymyr and
    Volodimir "volodimir"; Sergei/Sergej, Yuri/Jurij, Mikhail/Michail, Gorbachev/Gorbačëv,
    Yeltsin/Eltsin, Mahmoud/Mahmud, Aleksandr/Alexander/Alexandre, Khrushchev/Chruščëv,
    Zhirinovsky/Žirinovskij, Tymoshenko/Tymošenko, Kireyev/Kireev, Costner/Kostner agree too:
    the English digraphs (kh, zh, sh, shch, ch) read as the letters the Czech-style
    transliteration Italian uses folds to. Vowels stay (Maria and Mario Rossi are two people),
    and so do s and z (Rossi, Rozzi). Applied to both sides, so only the names' own letters
    must agree.
    """
    word = fold(word).replace("y", "i").replace("j", "i").replace("x", "ks")
    word = word.replace("shch", "sc").replace("sch", "s").replace("kh", "ch")
    word = word.replace("zh", "z").replace("sh", "s").replace("ch", "c")
    word = word.replace("ou", "u").replace("gh", "g").replace("w", "v").replace("ph", "f")
    word = re.sub(r"c(?![ei])", "k", word)  # Costner/Kostner; before e and i a "c" is another sound
    word = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", word)  # Kireyev/Kireev, Nazarbayev
    word = re.sub(r"(.)\1+", r"\1", word)  # Gheddafi/Ghedafi, Zelenskyy
    word = re.sub(r"^i(?=[aeiou])", "", word)  # Yeltsin/Eltsin, Yuri/Juri
    return re.sub(r"(?:er|re)$", "r", word)  # Alexander/Aleksandr/Alexandre, Peter/Petr


def _title_length(words: list[str]) -> int:
    """How many of the first words are a form of address or a title ("Prime Minister": 2)."""
    lowered = [w.casefold().rstrip(".") for w in words[:_LONGEST_TITLE]]
    for size in range(len(lowered), 0, -1):
        if " ".join(lowered[:size]) in BEFORE_NAMES:
            return size
    return 0


def untitled(written: list[str]) -> list[str]:
    """A name's written words without the forms of address and titles in front ("il ministro
    Gelmini" -> "Gelmini"; "Mr President" -> nothing) and without the Arabic article inside
    it ("Bashar al-Assad" -> "Bashar Assad"; "Al Gore" keeps his first name)."""
    words = list(written)
    while words:
        start = 1 if len(words) > 1 and words[0].casefold() in _ARTICLE_BEFORE_TITLE else 0
        size = _title_length(words[start:])
        if not size:
            break
        words = words[start + size :]
    kept = []
    for n, word in enumerate(words):
        if word.casefold() == "al" and (n > 0 or word == "al"):
            continue  # "Abu Musab al Zarqawi", "al Zarqawi"; "Al Pacino" stays
        kept.append(_ARABIC_ARTICLE.sub("", word))
    return kept


def _family_first(words: list[str], first_written: str) -> list[str]:
    """ "xi jinping" -> ["jinping", "xi"], "kim jong un" -> ["jongun", "kim"]: the family name
    last, like the surname of a name written the other way; other names as they are."""
    given = words[1:]
    if (
        words[0] in _FAMILY_FIRST
        and fold(first_written) == words[0]  # "Ma'a Nonu" is no Ma
        and 1 <= len(given) <= 2
        and all(
            len(w) <= _GIVEN_LETTERS
            and _SYLLABLES.fullmatch(w)
            and not _DOUBLED_CONSONANT.search(w)
            for w in given
        )
    ):
        return ["".join(given), words[0]]
    return words


def _is_regnal_title(word: str) -> bool:
    lowered = word.casefold()
    return lowered in _REGNAL_TITLES and (word.islower() or lowered not in _NAMES_TOO)


def person_words(name: str) -> list[str]:
    """A person's name as spelling-normalised words; initials and middle names as one letter
    ("george", "h", "w", "bush" for George Herbert Walker Bush), never respelled; a Jr., Sr. or regnal number last, marked with a "+" ("+jr")."""
    written = name.split()
    regnal = ""
    while len(written) > 1 and _is_regnal_title(written[0]):
        regnal = _REGNAL_TITLES[written.pop(0).casefold()]  # "Papa Francesco": pope Francis
    written = untitled(written)
    suffix = (
        written.pop().casefold().rstrip(".")
        if len(written) > 1 and _SUFFIX.match(written[-1])
        else ""
    )
    folded = alias_key(" ".join(written)).split()
    if not any(len(w) > 1 for w in folded):
        return []  # initials alone name nobody
    if regnal and not suffix:
        suffix = regnal  # "Pope Francis": no number, the title says who
    if regnal or (suffix and suffix not in ("jr", "sr")):
        folded = [_REGNAL_NAMES.get(w, w) for w in folded]
    folded = _family_first(folded, written[0])
    if len(folded) > 1:
        folded[0] = _SHORT_FIRST_NAMES.get(folded[0], folded[0])
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
