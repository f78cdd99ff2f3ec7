from decimal import Decimal

import pytest

from actionplans.letters import letter_to_number, number_to_letter
from actionplans.money import NotAnAmount, format_kroner, parse_kroner
from actionplans.templatetags.actionplans import kroner


@pytest.mark.parametrize(
    ("number", "letter"),
    [
        (1, "A"),
        (2, "B"),
        (26, "Z"),
        (27, "AA"),
        (28, "AB"),
        (52, "AZ"),
        (53, "BA"),
        (702, "ZZ"),
        (703, "AAA"),
    ],
)
def test_letters_go_on_after_z_like_spreadsheet_columns(number, letter):
    assert number_to_letter(number) == letter
    assert letter_to_number(letter) == number


@pytest.mark.parametrize("bad", ["", "a", "A1", "ÆB", "ABCD", "-"])
def test_not_a_letter(bad):
    with pytest.raises(ValueError):
        letter_to_number(bad)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("100.000", Decimal("100000")),
        ("100.000,50", Decimal("100000.50")),
        ("1.234.567,05", Decimal("1234567.05")),
        ("5000", Decimal("5000")),
        ("5000,5", Decimal("5000.5")),
        ("  50.000 kr. ", Decimal("50000")),
        ("50 000", Decimal("50000")),
        ("0", Decimal("0")),
        ("-100", Decimal("-100")),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_danish_amounts(text, amount):
    assert parse_kroner(text) == amount


@pytest.mark.parametrize(
    "text", ["hundrede", "100.5", "1.00.000", "100,000.50", "12e3", "1,2,3", "100.000,"]
)
def test_ambiguous_or_non_numeric_amounts_are_refused(text):
    with pytest.raises(NotAnAmount):
        parse_kroner(text)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("100000"), "100.000 kr."),
        (Decimal("100000.50"), "100.000,50 kr."),
        (Decimal("5000.00"), "5.000 kr."),
        (Decimal("0"), "0 kr."),
        (Decimal("999.99"), "999,99 kr."),
        (Decimal("1234567.8"), "1.234.567,80 kr."),
        (Decimal("-150000"), "-150.000 kr."),
        (None, ""),
    ],
)
def test_kroner_filter_danish_format(amount, text):
    assert kroner(amount) == text


def test_format_is_exact_for_sums_that_floats_get_wrong():
    total = Decimal("0.10") + Decimal("0.20")
    assert format_kroner(total) == "0,30 kr."
    assert format_kroner(Decimal("100000000000.01")) == "100.000.000.000,01 kr."
