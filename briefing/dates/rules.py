"""The date/time patterns of each language, in priority order, and the checks on their matches."""

from __future__ import annotations

import re

from briefing.dates import handlers as h
from briefing.dates.lexicon import (
    AMBIGUOUS_EN,
    DAY,
    DAY2,
    MONTH,
    MONTHS,
    NUM,
    UNIT,
    UNITS,
    WD,
    WD2,
    WEEKDAY_PREFIX,
    WEEKDAYS,
    YEAR,
)
from briefing.dates.reckoning import Handler

_B = r"(?<![\w@#/-])"  # start boundary: not inside a word, handle, path or number
_E = r"(?![\w-])"


def _rule(pattern: str, handler: Handler, flags: int = re.I) -> tuple[re.Pattern, Handler]:
    return re.compile(_B + pattern + _E, flags), handler


_SHARED = [
    _rule(
        r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?:T(?P<time>\d{2}:\d{2})(?::\d{2})?)?", h.iso
    ),
    _rule(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})", h.numeric),
    _rule(
        rf"{WEEKDAY_PREFIX}{DAY}\s*(?:-|–|/)\s*{DAY2}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
        h.day_month_range,
    ),
    _rule(
        rf"{WEEKDAY_PREFIX}(?:the\s+)?{DAY}\s+(?:of\s+|de\s+)?{MONTH}(?:,?\s+{YEAR})?",
        h.day_month,
    ),
    _rule(
        rf"{WEEKDAY_PREFIX}{MONTH}\s+{DAY}\s*(?:-|–)\s*{DAY2}(?:,?\s+{YEAR})?",
        h.day_month_range,
    ),
    _rule(rf"{WEEKDAY_PREFIX}{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", h.day_month),
    _rule(rf"{MONTH}\s+(?:(?:del|of)\s+)?{YEAR}", h.month_year),
    _rule(
        r"(?P<h>[01]?\d|2[0-4])[:](?P<mi>[0-5]\d)(?:\s*(?:GMT|UTC|CET|CEST|ET|EST|EDT|PT|BST))?",
        h.clock,
    ),
    _rule(r"(?:mezzogiorno|mezzanotte|midday|noon|midnight)", h.noon),
    _rule(rf"\({YEAR}\)", h.year),
]

_IT = [
    _rule(
        r"(?:(?:(?:lo|il|nel|nello|dello|del)\s+)?(?P<dir>scorso|prossimo|passato|quest[oa'’]|sto|il|lo|nel|nello|dello|del)(?:(?<=['’])\s*|\s+))?fine\s*settimana(?:\s+(?P<dir2>scorso|prossimo|passato))?",
        h.weekend,
    ),
    _rule(
        # words need a space between them; only an elided "quest'" may touch the next one
        r"(?:(?P<dir>scors[oa]|prossim[oa]|quest[oa'’]|passat[oa])(?:(?<=['’])\s*|\s+))(?P<unit>settimana|mese|anno)",
        h.period,
    ),
    _rule(
        r"(?:(?:la|il|l'|l’)\s*)?(?P<unit>settimana|mese|anno)\s+(?P<dir2>scors[oa]|prossim[oa]|passat[oa])",
        h.period,
    ),
    _rule(r"(?:quest|quest'|quest’)\s*(?P<unit>anno|settimana|mese)", h.period),
    _rule(rf"{NUM}\s+{UNIT}\s+fa", h.ago),
    _rule(rf"(?:tra|fra)\s+{NUM}\s+{UNIT}", h.later),
    _rule(
        rf"(?:(?P<dir>quest[oa]|scors[oa]|prossim[oa])\s+)?{WD}(?:\s+(?P<dir2>scors[oa]|prossim[oa]|passat[oa]))?",
        h.weekday,
    ),
    _rule(rf"(?:(?:nella\s+)?notte\s+)?tra\s+{WD}\s+e\s+{WD2}", h.weekday_pair),
    _rule(
        rf"(?:(?P<dir>scors[oa]|prossim[oa]|quest[oa])\s+)?{MONTH}(?:\s+(?P<dir2>scors[oa]|prossim[oa]))?",
        h.month_alone,
    ),
    _rule(
        r"(?:l['’]\s*altro\s*ieri|l['’]altroieri|altroieri|dopodomani|"
        r"(?:ieri|domani)(?:\s+(?:mattina|sera|pomeriggio))?|oggi(?:\s+pomeriggio)?|"
        r"stamattina|stamane|stamani|stasera|stanotte|questa\s+(?:mattina|sera)|questo\s+pomeriggio)",
        h.day_word,
    ),
    _rule(
        # Placed only against another event: found for the timeline, with no ISO value.
        r"(?:poche|alcune|qualche|diverse)\s+(?:ore|giorni|settimane|mesi)\s+(?:dopo|prima|più\s+tardi)"
        r"|"
        # "negli anni" alone is no time at all: a modifier must place it.
        r"(?:nei|negli)\s+(?:ultimi|prossimi)\s+(?:giorni|mesi|anni|settimane)"
        r"|(?:nei|negli)\s+(?:giorni|mesi|anni|settimane)\s+(?:scorsi|passati|prossimi)",
        h.vague,
    ),
    _rule(
        r"(?:alle|dalle|ore|entro\s+le|verso\s+le|fino\s+alle)\s+(?:ore\s+)?(?P<h>[01]?\d|2[0-4])(?:[.:](?P<mi>[0-5]\d))?(?:\s+(?:del|di)\s+(?P<part>mattina|mattino|pomeriggio|sera|notte))?",
        h.hour_it,
    ),
    _rule(rf"(?:nel|del|dal|al|entro\s+il|fino\s+al|dell['’]anno)\s+{YEAR}", h.year),
    # "le elezioni 2013", "i Mondiali 2026", "la manovra 2025": a year naming an event.
    _rule(
        r"(?:elezioni|europee|politiche|regionali|amministrative|comunali|presidenziali|"
        rf"mondiali|olimpiadi|giochi|bilancio|manovra|campionato|stagione|edizione)\s+{YEAR}",
        h.year,
    ),
]

_EN = [
    _rule(
        r"(?:(?P<dir>this|last|next|the\s+coming|the\s+past|the|over\s+the)\s+)?weekend", h.weekend
    ),
    _rule(
        r"(?:earlier\s+|later\s+)?(?P<dir>this|last|next|past)\s+(?P<unit>week|month|year)",
        h.period,
    ),
    _rule(rf"{NUM}\s+{UNIT}\s+ago", h.ago),
    _rule(rf"(?:in|within)\s+{NUM}\s+{UNIT}(?:'?s)?(?:\s+time)?", h.later),
    _rule(rf"(?:(?P<dir>this|last|next|this\s+coming|this\s+past)\s+)?{WD}", h.weekday),
    _rule(rf"between\s+{WD}\s+and\s+{WD2}", h.weekday_pair),
    _rule(rf"(?:(?P<dir>last|next|this|this\s+past)\s+)?{MONTH}", h.month_alone),
    _rule(
        r"(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening))?|today|tonight|last\s+night|"
        r"this\s+(?:morning|afternoon|evening))",
        h.day_word,
    ),
    _rule(
        r"(?:a\s+few|several|some)\s+(?:hours|days|weeks|months)\s+(?:later|earlier|before|after)|"
        r"(?:in\s+)?recent\s+(?:days|weeks|months|years)|in\s+the\s+(?:coming|past|last)\s+(?:few\s+)?(?:days|weeks|months|years)",
        h.vague,
    ),
    _rule(r"(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)", h.ampm),
    _rule(rf"(?:in|since|by|until|of|from|during|early|late|mid-?)\s*{YEAR}", h.year),
    # "the 2016 election", "election 2016": a year naming an event.
    _rule(
        rf"{YEAR}(?=\s+(?:presidential\s+|general\s+|midterm\s+)?(?:elections?|campaign|race|"
        r"season|budget|olympics|world\s+cup|census|summit)\b)",
        h.year,
    ),
    _rule(rf"(?:elections?|campaign|season|budget|olympics|census)\s+{YEAR}", h.year),
]

_RULES = {"it": _SHARED + _IT, "en": _SHARED + _EN}


def _trie(words: set[str]) -> str:
    """One regex for many words, sharing their prefixes: Python's re tries the branches of a
    flat alternation one by one at every position, a trie's only down one path."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# Every rule's match holds a digit or a word starting with one of these (the month, weekday,
# unit or day word it is built on), so the rules need only run near them. Prefixes suffice:
# "settimana" covers "settimane", "night" stays whole inside "tonight" as its own entry.
_TRIGGER_WORDS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | set(UNITS)
    | {"weekend", "finesettimana", "ore", "hours", "mezzogiorno", "mezzanotte"}
    | {"midday", "noon", "midnight", "ieri", "altroieri", "domani", "dopodomani", "oggi"}
    | {"stamattina", "stamane", "stamani", "stasera", "stanotte", "mattina", "sera"}
    | {"pomeriggio", "yesterday", "tomorrow", "today", "tonight", "night", "morning"}
    | {"afternoon", "evening"}
)
TRIGGER = re.compile(r"\d|(?<!\w)" + _trie(_TRIGGER_WORDS) + r"(?!\w)", re.I)
# How far a rule's match reaches beyond its trigger words: "nella notte tra " lunedì (16
# characters) is the longest prefix, " più tardi" the longest tail; measured on both dev sets
# and 300 synthetic articles, no match reached further than 14.
REACH = 24

# Bare months and weekdays that are ordinary English words unless capitalised.
_CASE_SENSITIVE_HANDLERS = {h.month_alone, h.weekday, h.day_month, h.month_year}


def rules_for(lang: str) -> list[tuple[re.Pattern, Handler]]:
    # Unknown languages get both lexicons: dates in other scripts are out of reach anyway.
    return _RULES.get(lang, _SHARED + _IT + _EN)


def plausible(m: re.Match, handler: Handler) -> bool:
    if handler not in _CASE_SENSITIVE_HANDLERS:
        return True
    for group in ("month", "wd"):
        word = m.groupdict().get(group)
        if word and word.lower().rstrip(".") in AMBIGUOUS_EN and not word[0].isupper():
            return False
    # A three-letter abbreviation without a number beside it is too often a plain word.
    if handler is h.month_alone and len(m["month"].rstrip(".")) <= 3:
        return False
    if handler is h.weekday and len(m["wd"]) <= 4 and not m["wd"][0].isupper():
        return False
    return True


def strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article/preposition that the patterns allow but a span should not show."""
    lead = re.match(
        r"(?:(?:il|lo|la|l['’]|nel|nello|dello|del|the|over\s+the)\s+|l['’])", text[start:end], re.I
    )
    if lead and not re.match(r"(?:the\s+day|l['’]\s*altro)", text[start:end], re.I):
        start += lead.end()
    return start, end
