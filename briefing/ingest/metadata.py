"""Metadata helpers shared by every importer: decoding, cleaning, dates, language, titles, boilerplate."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from functools import lru_cache
from itertools import islice

from briefing.text import one_line

# Languages whose month and day names we expect in dates; dateparser is much faster and
# less error-prone when told which languages to try instead of guessing among 200.
DATE_LANGUAGES = ["it", "en", "pt", "es", "fr", "de"]

# ----------------------------------------------------------------------------- decoding

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a media file",
}


# Control bytes that plain text does not hold (tab, newlines, form feed and escape are fine).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def binary_kind(data: bytes) -> str | None:
    """Say what a binary blob looks like, or None when it looks like text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text full of NULs
    if utf16_without_bom(data):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if head and controls / len(head) > 0.05:
        return "binary data"
    return None


_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish",
}  # fmt: skip


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text with no byte-order mark.

    Latin text in UTF-16 has a NUL in every other byte, always on the same side; binary
    data has its NULs anywhere. The head must also decode to printable text.
    """
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.02 * len(other):
            try:
                sample = head.decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c in "\n\r\t" for c in sample) >= 0.95 * len(sample):
                return codec
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Bytes to text, never failing: BOM, declared charset, UTF-8, then charset detection."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    if codec := utf16_without_bom(data):
        return data.decode(codec, errors="replace")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a lying header is common; fall through to what the bytes say
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    # More well-formed multi-byte characters than bad bytes: damaged UTF-8, not another charset
    # (in Latin-1 text every accented letter is a bad byte and none is well formed).
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if ord(c) > 127) - bad
    if good > bad:
        return lenient
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    codec = best.encoding if best is not None else "cp1252"
    # On short texts the detector often picks a rare Latin code page (cp1258, mac_latin2) for
    # what is plain Western European Latin-1/cp1252 text; prefer the common one when it fits.
    if codec in _LATIN_FAMILY and any(
        m.encoding in ("cp1252", "latin_1", "iso8859_15") for m in matches
    ):
        codec = "cp1252"
    try:
        return data.decode(codec, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


# ----------------------------------------------------------------------------- cleaning

# Terminal escape sequences (CSI, OSC with BEL or ST, other two-byte escapes): article text
# must never be able to move the cursor, set the window title or write the clipboard.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# Other C0/C1 controls, bidi overrides/isolates (the "Trojan Source" trick) and invisible
# zero-width characters; ZWJ/ZWNJ stay because emoji and Persian need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def clean_text(text: str) -> str:
    """Remove escape sequences and invisible controls, unify newlines, normalise to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """One line of metadata (title, author...): cleaned, whitespace collapsed."""
    return one_line(clean_text(text))


def tidy_body(lines: list[str]) -> str:
    """Join kept lines, collapsing runs of blank lines to one."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# ----------------------------------------------------------------------------- dates

_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "janeiro|fevereiro|março|abril|maio|junho|julho|setembro|outubro|dezembro|"
    "enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "januar|februar|märz|juni|juli|oktober|dezember|"
    "gen|feb|mar|apr|mag|giu|lug|ago|set|sett|ott|nov|dic|jan|jun|jul|aug|sep|sept|oct|dec|"
    "fev|abr|mai|out|dez|ene|dic|janv|févr|avr|juil|déc|okt"
)
_WEEKDAYS = (
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lunedi|martedi|mercoledi|giovedi|venerdi|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "segunda(?:-feira)?|terça(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?|"
    "sábado|domingo|lunes|martes|miércoles|jueves|viernes|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    "lun|mar|mer|gio|ven|sab|dom|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    "seg|ter|qua|qui|sex|sáb|mié|jue|vie"
)
# Words that may sit next to a date on a date line ("Pubblicato il", "Updated at", "ore").
_DATE_FILLER = (
    "il|del|di|alle|ore|h|at|on|the|of|a|de|do|da|le|am|um|um|"
    "pubblicato|aggiornato|aggiornamento|ultimo|published|updated|posted|last|notizia|"
    "publicado|atualizado|publié|mis|à|jour|veröffentlicht|aktualisiert|utc|gmt|cet|cest|est|edt|pst|bst"
)
_DATE_TOKEN = re.compile(
    rf"(?:\d{{1,4}}(?:st|nd|rd|th|°|º)?|\b(?:{_MONTHS}|{_WEEKDAYS}|{_DATE_FILLER})\b\.?"
    r"|[+-]\d{2}:?\d{2}|\b[ap]\.?m\b\.?|[,./:|()\-–—\s])",
    re.IGNORECASE,
)
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?![./-]\d)")
# Dates inside running text: "14 Gennaio 2020", "January 14, 2020", "19.01.2020", "2020-01-14".
_DATE_IN_TEXT = re.compile(
    rf"\b\d{{1,2}}(?:º|°)?\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


# The common worded date forms of the two first-class languages, read here ("18 Dicembre
# 2025", "Dec 18, 2025 10:30", "giovedì 18 dicembre 2025 ore 9.05"): dateparser's search
# through its locales costs ~8 ms a date line, this a few microseconds. Words of one language
# only; anything else, or mixed, is left to dateparser (tests/ingest/test_date_fast_path.py
# checks both read the same).
_DATE_WORDS = {
    "it": (
        "gennaio gen|febbraio feb|marzo mar|aprile apr|maggio mag|giugno giu|luglio lug|"
        "agosto ago|settembre set|ottobre ott|novembre nov|dicembre dic",
        "lunedì lunedi lun martedì martedi mar mercoledì mercoledi mer giovedì giovedi gio "
        "venerdì venerdi ven sabato sab domenica dom",
        "ore alle",
    ),
    "en": (
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|"
        "september sep sept|october oct|november nov|december dec",
        "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday "
        "sat sunday sun",
        "at",
    ),
}
_MONTH_NUMBERS: dict[str, int] = {}
_LANGUAGES_OF: dict[tuple[int, str], set[str]] = {}  # (role, word) -> its languages
for _lang, _words in _DATE_WORDS.items():
    for _number, _names in enumerate(_words[0].split("|"), 1):
        _MONTH_NUMBERS.update(dict.fromkeys(_names.split(), _number))
    for _role, _group in enumerate(_words):
        for _word in _group.replace("|", " ").split():
            _LANGUAGES_OF.setdefault((_role, _word), set()).add(_lang)


def _words_of(group: int) -> str:
    words = {w for v in _DATE_WORDS.values() for w in v[group].replace("|", " ").split()}
    return "|".join(sorted(words, key=len, reverse=True))


_WORDED_DATE = re.compile(
    rf"(?:(?P<wd>{_words_of(1)}),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_words_of(0)})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_words_of(0)})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))"
    rf"(?:,?\s+(?:(?P<filler>{_words_of(2)})\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d))?",
    re.IGNORECASE,
)


def _worded_date(text: str) -> str | None:
    """The common worded forms without dateparser; None when the text is not one of them."""
    found = _WORDED_DATE.fullmatch(text)
    if found is None:
        return None
    name = (found["m1"] or found["m2"]).lower()
    words = [(role, w.lower()) for role, w in enumerate((name, found["wd"], found["filler"])) if w]
    if not set.intersection(*(_LANGUAGES_OF[w] for w in words)):
        return None  # "Monday 18 dicembre 2025": two languages, dateparser decides
    month = _MONTH_NUMBERS[name]
    day, year = int(found["d1"] or found["d2"]), int(found["y1"] or found["y2"])
    hour, minute = (int(found["h"]), int(found["mi"])) if found["h"] else (0, 0)
    try:
        value = datetime(year, month, day, hour, minute)
    except ValueError:
        return None  # "31 febbraio": dateparser has its say
    return _iso(value, found["h"] is not None) if _plausible(value) else None


def looks_like_date_line(line: str) -> bool:
    """True for a short line that is only a date ("18 Dicembre 2025", "Sáb, 13 Nov, 10:30")."""
    if len(line) > 70 or not any(c.isdigit() for c in line):
        return False
    if not (_HAS_MONTH.search(line) or _NUMERIC_DATE.search(line)):
        return False
    return _DATE_TOKEN.sub("", line).strip() == ""


def _plausible(value: datetime) -> bool:
    return 1900 <= value.year <= 2100


def _iso(value: datetime, with_time: bool) -> str:
    if not with_time:
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def parse_date(text: str, languages: list[str] | None = None) -> str | None:
    """An ISO date ("2025-12-18") or datetime (when a time is written) from a date string."""
    text = clean_line(text)
    if not text or len(text) > 100 or not any(c.isdigit() for c in text):
        return None
    iso = re.fullmatch(
        r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?)?", text
    )
    if iso:
        try:
            value = datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            return None
        return _iso(value, iso.group(2) is not None) if _plausible(value) else None
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if numeric:  # European order: day first
        day, month, year = (int(g) for g in numeric.groups())
        try:
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            return None
    if not (_HAS_MONTH.search(text) or _NUMERIC_DATE.search(text)):
        return None  # "12", "2025" or "3 hours ago" name no day we can trust
    worded = _worded_date(text) if languages is None else None  # its months: DATE_LANGUAGES
    return worded or _dateparser_date(text, languages)


def _dateparser_date(text: str, languages: list[str] | None) -> str | None:
    """The fallback for every form _worded_date does not read."""
    import dateparser  # slow to import: only when a worded date turns up

    # No relative dates: "2 ore fa" in a saved file says nothing about when it was published.
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    try:
        value = dateparser.parse(text, languages=languages or DATE_LANGUAGES, settings=settings)
    except (ValueError, OverflowError, TypeError, re.error):
        value = None
    if value is None:
        # Filler words ("Notizia del", "Pubblicato il") can confuse dateparser: retry on the date.
        found = _DATE_IN_TEXT.search(text)
        if found and found.group(0) != text:
            return parse_date(found.group(0), languages)
        return None
    return _iso(value, bool(_TIME.search(text))) if _plausible(value) else None


def find_date_in_text(text: str, languages: list[str] | None = None) -> str | None:
    """The first date written in running text ("Notizia del 14 Gennaio 2020"), as ISO."""
    for found in _DATE_IN_TEXT.finditer(text[:5000]):
        value = parse_date(found.group(0), languages)
        if value:
            return value
    return None


# ----------------------------------------------------------------------------- language


# ----------------------------------------------------------------------------- boilerplate

# Generic site furniture in Italian and English, in two strengths. Phrases that only site
# furniture uses are looked for in any line up to 300 characters; phrases an article sentence
# might also use ("privacy policy", "sign up") only in lines of at most 12 words.
_FURNITURE = re.compile(
    r"|".join(
        [
            # social and messaging channels
            r"\b(?:è|e') anche su (?:whatsapp|telegram|facebook|instagram|google news|x)\b",
            r"\b(?:è|e') su (?:whatsapp|telegram|google news)\b",
            r"\bis (?:also )?on (?:whatsapp|telegram|google news)\b",
            r"\bclicca qui\b|\bclick here\b",
            r"\biscriv(?:iti|ersi|erti)\b.{0,60}\b(?:newsletter|canale|canali|whatsapp|telegram|notifiche)\b",
            r"\bseguici (?:su|anche)\b|\bfollow us (?:on|at)\b",
            r"\bsubscribe (?:to|for) our\b|^subscribe\b",
            r"\bdownload (?:our|the) app\b|\bscarica (?:la nostra |l')app\b",
            # "read more" and related-content headings
            r"^(?:leggi|vedi|guarda) anche\b",
            r"^(?:leggi|scopri) (?:tutto|di più|l'articolo)\b",
            r"^continua a leggere\b",
            r"^read (?:more|next|also|the full story)\b",
            r"^(?:see|watch) also\b",
            r"^(?:articoli|notizie|post) (?:recenti|correlati|più letti|simili)\s*:?$",
            r"^(?:potrebbe interessarti|ti potrebbe interessare|i? ?più letti|ultime notizie|ultim'ora)\s*:?$",
            r"^(?:related|recommended|more from \w+(?: \w+)?|recent posts|most (?:read|popular)|top stories|trending)"
            r"(?: (?:articles|stories|content|news|links|topics|now))?\s*:?$",
            r"^(?:pubblicità|advertisement|advertising|sponsored|contenuto sponsorizzato|annuncio)\s*:?$",
            r"^(?:share|tweet|condividi|email|e-mail|print|stampa|commenta|comments?)(?:\s+(?:on|su)\s+\w+)?\s*:?$",
            r"^(?:share (?:this|on)|condividi (?:su|questo|l'articolo))\b",
            # cookies and legal footers
            r"\bcookie policy\b|\bcookie settings\b|\bimpostazioni (?:dei )?cookie\b",
            r"\b(?:utilizza|usa|usiamo|we use|uses|use of|accetta|accept(?: all)?)\s+(?:i\s+)?cookies?\b",
            r"\btestata giornalistica (?:registrata|iscritta)\b",
            r"\breg\. ?trib\.|\bregistrazione (?:del|presso il) tribunale\b",
            r"\bp\. ?iva\b|\bpartita iva\b",
            r"^direttore responsabile\b|\bdirettore responsabile\s*:",
            r"\briproduzione riservata\b|\btutti i diritti riservati\b|\ball rights reserved\b",
            r"^copyright\b|©|\(c\) ?\d{4}",
            # page furniture around the headline
            r"^\d+ (?:comments?|commenti|comentários|comentarios)$",
            r"^(?:from the section|dalla sezione|in the section)\b",
        ]
    ),
    re.IGNORECASE,
)
_FURNITURE_SHORT = re.compile(
    r"\bsign up\b.*\b(?:newsletter|updates|alerts)\b"
    r"|\bnewsletter\b.*\b(?:sign up|subscribe|iscriv)"
    r"|\bsubscribe (?:now|today|here)\b"
    r"|\b(?:terms of (?:use|service)|privacy policy|informativa (?:sulla )?privacy|codice fiscale)\b"
    r"|\b(?:è|e') su (?:facebook|instagram)\b",
    re.IGNORECASE,
)

# Photo credits: "Fonte: X @handle", "Foto: Ansa", "(Photo by Jane Doe/Getty Images)".
_CREDIT_STRONG = re.compile(
    r"\b(?:foto|photo|photograph|immagine|image|picture|credit|credits|crediti|ph)\s*(?::|©)"
    r"|\((?:photo|foto|image)\b[^)]*\)\s*$"
    r"|/\s*(?:getty images|afp|reuters|ap|ansa|lapresse|epa|shutterstock|ipa)\s*\)?\s*$"
    r"|^(?:foto|photo)\s+(?:ansa|lapresse|afp|reuters|ap|getty|epa|ipa|imagoeconomica)\b",
    re.IGNORECASE,
)
_CREDIT_HEADER = re.compile(r"\bfonte\s*:|\bsource\s*:|@\w{2,}", re.IGNORECASE)

_BYLINE = re.compile(
    r"^(?i:di|by|a cura di|por|par|von)\s+((?:[A-ZÀ-Ý][\w'’.-]+)(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|de|di|da|del|van|von)){0,4})\s*$"
)

END_PUNCT = tuple(".!?…\"”»'’:;")


def is_boilerplate(line: str) -> bool:
    """A short line of site furniture: newsletter/social prompts, read-more, cookies, legal footer."""
    line = line.strip()
    if not line or len(line) > 300:
        return False
    return _is_furniture(line)


@lru_cache(maxsize=4096)
def _is_furniture(line: str) -> bool:
    # Remembered: a site's furniture lines come back in each of its articles, and the ends of a
    # text are judged twice (strip_lines, site_from_furniture); the two patterns try each of
    # their ~40 phrases at every position of the line (~20 µs a line).
    if _FURNITURE.search(line):
        return True
    return len(line.split()) <= 12 and _FURNITURE_SHORT.search(line) is not None


def is_credit(line: str, *, in_header: bool = False) -> bool:
    """A photo-credit line; in the header of a text "Fonte: ..." and @handles count too."""
    line = line.strip()
    if not line or len(line) > 160:
        return False
    if _CREDIT_STRONG.search(line):
        return True
    return (
        in_header and _CREDIT_HEADER.search(line) is not None and not line.endswith((".", "!", "?"))
    )


def byline_author(line: str) -> str | None:
    """The name in a byline ("Di Mario Rossi", "By Jane Doe"), else None."""
    found = _BYLINE.match(line.strip())
    return found.group(1) if found else None


_SITE_IN_FURNITURE = (
    re.compile(
        r"^(?P<name>[A-Z][\w'’ .&-]{1,40}?) (?:è|e'|is) (?:anche |also )?(?:su|on) (?:whatsapp|telegram|facebook|instagram|google news)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"©\s*(?:\d{4}\s*[-–—,]?\s*)?(?P<name>[A-Z][\w'’&-]*"
        r"(?:\s+(?:[A-Z][\w'’&-]*|d['’]\w+|di|del|della|de|of|the|and|e|&)){0,5})"
    ),
)


def site_from_furniture(lines: list[str]) -> str | None:
    """The publication named by its own footer ("X è anche su Whatsapp", "© 2025 - X"), if any."""
    for line in lines:
        if not is_boilerplate(line):
            continue
        for pattern in _SITE_IN_FURNITURE:
            found = pattern.search(line.strip())
            if found:
                return found.group("name").strip(" .-")
    return None


def is_trailing_furniture(line: str) -> bool:
    """A short line without sentence punctuation at the end of a text: link lists, tags, menus.

    A trailing "Also on HuffPost:" counts too: what it introduced has been dropped.
    """
    text = line.rstrip()
    if not text or (text.endswith(END_PUNCT) and not text.endswith(":")):
        return False
    # words holding a letter, counted only as far as the seventh (a last paragraph is long)
    words = (w for w in text.split() if any(c.isalpha() for c in w))
    return sum(1 for _ in islice(words, 7)) <= 6


# Legal tails glued to the last paragraph: "... Ultimo aggiornamento: 22:07 © RIPRODUZIONE RISERVATA".
_LEGAL_TAIL = re.compile(
    r"\s*(?:(?:ultimo aggiornamento|last updated|updated)\s*:?\s*[\d:./ ]+)?\s*"
    r"(?:©|\(c\))?\s*(?:riproduzione riservata|tutti i diritti riservati|all rights reserved)\.?\s*$",
    re.IGNORECASE,
)
# Every legal tail holds one of these: a cheap look before the regex, which tries every start.
_LEGAL_HINT = re.compile(r"riservat|rights reserved", re.IGNORECASE)


_LIST_MARKER = re.compile(r"^\s*(?:[-•*·]\s+)")


def _bare(line: str) -> str:
    """A line without a leading list marker ("- 24 July 2015" reads as "24 July 2015")."""
    return _LIST_MARKER.sub("", line)


def strip_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop boilerplate lines anywhere and furniture at the end; return (kept, credits)."""
    credits: list[str] = []
    kept: list[str] = []
    for line in lines:
        # only the end of a line can carry a legal tail; looking no further keeps this linear
        head, tail = line[:-200], line[-200:]
        if _LEGAL_HINT.search(tail) and _LEGAL_TAIL.search(tail):
            line = head + _LEGAL_TAIL.sub("", tail)
            if not line.strip():
                continue
        bare = _bare(line)
        if is_boilerplate(bare):
            continue
        if is_credit(bare):
            credits.append(bare.strip())
            continue
        if len(kept) < 6 and looks_like_date_line(bare):
            continue  # a dateline above the text is metadata, not body
        kept.append(line)
    # Only strip the tail once it holds no sentence: "Articoli Recenti", "(01 Aug 04 | Business)".
    end = len(kept)
    while end > 0 and (not kept[end - 1].strip() or is_trailing_furniture(kept[end - 1])):
        end -= 1
    if any(line.strip() for line in kept[:end]):
        kept = kept[:end]
    return kept, credits


# ----------------------------------------------------------------------------- titles

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’']?\s+(?=[\"“«‘'(]?[A-ZÀ-Ý0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sig|Sen|Gov|St|Jr|Sr|Dott|Ing|Avv|On|vs|ca|ecc|etc|n|No)\.$"
)
TITLE_MAX = 180


def first_sentence(text: str, limit: int = TITLE_MAX) -> str:
    """The first sentence of a text, cut at a word boundary (with "…") when longer than limit."""
    text = " ".join(text[: limit * 8].split())
    start = 0
    for found in _SENTENCE_END.finditer(text):
        candidate = text[: found.start()].rstrip()
        if _ABBREVIATION.search(candidate):
            continue  # "Mr. Hu" or "J. Smith" do not end a sentence
        if len(candidate) >= 20 or start:
            text = candidate
            break
        start = found.end()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")


def _squash(text: str) -> str:
    return re.sub(r"[^\w]", "", text.casefold())


def has_parts(title: str) -> bool:
    """Whether a title has separated parts (a site name, a date) clean_title could drop: a
    title without them is kept as it is, whatever the sites."""
    return len(_TITLE_SEPARATORS.split(clean_line(title))) >= 2


def clean_title(title: str, sites: list[str] | tuple[str, ...] = ()) -> str:
    """Remove a site name or date glued to a headline ("Headline - BBC News", "X | DW | 19.01.2020")."""
    title = clean_line(title)
    names = [_squash(s) for s in sites if s and len(_squash(s)) >= 2]
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def removable(part: str) -> bool:
        squashed = _squash(part)
        if not squashed:
            return True
        if looks_like_date_line(part) or re.fullmatch(r"[\d./-]+", part.strip()):
            return True
        if squashed in names:
            return True
        if len(part.split()) > 6:
            return (
                False  # a long segment is part of the headline unless it is the site's exact name
            )
        return any(squashed in name or name in squashed for name in names)

    while len(parts) > 1 and removable(parts[-1]):
        parts.pop()
    while len(parts) > 1 and removable(parts[0]):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATORS.split(title)):
        return title  # nothing removed: keep the original separators exactly
    # Rebuild from the original text so inner separators keep their own characters.
    first, last = parts[0], parts[-1]
    begin = title.find(first)
    finish = title.rfind(last) + len(last)
    return title[begin:finish].strip()
