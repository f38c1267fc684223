"""Normalised values of amounts: separators read the way each language writes them."""

from __future__ import annotations

import pytest

from briefing.nlp.rules.shared.amounts import (
    money_value,
    parse_number,
    percent_value,
    quantity_value,
)


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("1.234,5", "it", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.200", "it", 1200),
        ("1,200", "en", 1200),
        ("19,3", "it", 19.3),
        ("19.3", "it", 19.3),
        ("1.2", "en", 1.2),
        ("12.000.000", "it", 12_000_000),
        ("no digits", "en", None),
    ],
)
def test_parse_number(text, lang, number):
    assert parse_number(text, lang) == number


def test_money_scales_and_currencies():
    assert money_value("$1.2bn", "en") == "1200000000 USD"
    assert money_value("€90bn", "en") == "90000000000 EUR"
    assert money_value("4 miliardi di euro", "it") == "4000000000 EUR"
    assert money_value("US$5m", "en") == "5000000 USD"
    assert money_value("300 rubli", "it") == "300 RUB"


def test_percent_and_quantity():
    assert percent_value("19,3 per cento", "it") == "19.3%"
    assert quantity_value("701 sq km", "en") == "701 sq km"
    assert quantity_value("quasi 4 anni", "it") == "4 anni"
    assert quantity_value("four years", "en") == "4 years"
