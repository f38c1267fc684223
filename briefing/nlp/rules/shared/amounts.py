"""Normalised values for amounts written in news text: "$1.2bn", "€90 miliardi", "19,3%"."""

from __future__ import annotations

import math
import re

_SCALES = {
    "k": 1e3,
    "mila": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "milione": 1e6,
    "milioni": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "mld": 1e9,
    "mlrd": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
}

_CURRENCIES = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "dollaro": "USD",
    "dollari": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "sterlina": "GBP",
    "sterline": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "₽": "RUB",
    "rub": "RUB",
    "rublo": "RUB",
    "rubli": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "₴": "UAH",
    "uah": "UAH",
    "grivna": "UAH",
    "grivne": "UAH",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "chf": "CHF",
    "franco": "CHF",
    "franchi": "CHF",
    "franc": "CHF",
    "francs": "CHF",
}

_WORD_NUMBERS = {
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "venti": 20,
    "trenta": 30,
    "cento": 100,
    "mille": 1000,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "hundred": 100,
    "thousand": 1000,
}

_NUMBER = re.compile(r"\d[\d.,'’]*\d|\d")
_WORD = re.compile(r"[^\W\d_]+|[$€£¥₽₴]", re.UNICODE)


def parse_number(text: str, lang: str = "en") -> float | None:
    """The first number in `text`, reading separators the way `lang` writes them.

    Italian writes 1.234,5 and English 1,234.5; a lone separator followed by exactly three
    digits is a thousands separator in the language that uses it that way.
    """
    match = _NUMBER.search(text)
    if match is None:
        return None
    raw = match.group().replace("'", "").replace("’", "")
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
    elif dots or commas:
        sep = "." if dots else ","
        groups = raw.split(sep)
        thousands_sep = "." if lang == "it" else ","
        looks_grouped = all(len(g) == 3 for g in groups[1:])
        if (dots + commas) > 1 or (looks_grouped and sep == thousands_sep):
            decimal = "," if sep == "." else "."
        else:
            decimal = sep
    else:
        decimal = "."
    thousands = "," if decimal == "." else "."
    try:
        number = float(raw.replace(thousands, "").replace(decimal, "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # 400 nines: too big to be an amount


def _format(number: float) -> str | None:
    if not math.isfinite(number):  # a finite number times a scale can still overflow
        return None
    return str(int(number)) if number == int(number) else f"{number:.6g}"


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def money_value(text: str, lang: str = "en") -> str | None:
    """ "$1.2bn" -> "1200000000 USD"; the currency is omitted when none is recognised."""
    number = parse_number(text, lang)
    if number is None:
        return None
    words = _words(text)
    scale = next((_SCALES[w] for w in words if w in _SCALES), 1.0)
    prefix = text.strip().lower()[:3]
    currency = "USD" if prefix.startswith("us$") else None
    currency = currency or next((_CURRENCIES[w] for w in words if w in _CURRENCIES), None)
    amount = _format(number * scale)
    if amount is None:
        return None
    return f"{amount} {currency}" if currency else amount


def percent_value(text: str, lang: str = "en") -> str | None:
    """ "19,3 per cento" -> "19.3%"."""
    number = parse_number(text, lang)
    shown = None if number is None else _format(number)
    return None if shown is None else f"{shown}%"


def quantity_value(text: str, lang: str = "en") -> str | None:
    """ "quasi 4 anni" -> "4 anni", "701 sq km" -> "701 sq km": the number and its unit."""
    number = parse_number(text, lang)
    words = _words(text)
    if number is None:
        number = next((_WORD_NUMBERS[w] for w in words if w in _WORD_NUMBERS), None)
        if number is None:
            return None
        words = words[[w in _WORD_NUMBERS for w in words].index(True) + 1 :]
    else:
        # the unit is what follows the digits
        tail = _NUMBER.split(text, maxsplit=1)[-1]
        words = _words(tail)
    unit = " ".join(words)
    shown = _format(float(number))
    return None if shown is None else f"{shown} {unit}".strip()


VALUE_PARSERS = {"money": money_value, "percent": percent_value, "quantity": quantity_value}
