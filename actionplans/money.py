"""Kroner as exact decimals, read and written the Danish way (100.000,50 kr.)."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Whole kroner with "." between thousands, optionally ",øre": 100.000 or 100.000,50.
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
# Plain digits, optionally with a decimal comma: 100000 or 100000,50.
_PLAIN = re.compile(r"^\d+(,\d+)?$")


class NotAnAmount(ValueError):
    pass


def parse_kroner(text: str) -> Decimal | None:
    """Reads an amount as a Dane writes it; None when empty.

    A point is a thousands separator and a comma the decimal mark, so "100.5"
    is refused rather than guessed (it could mean 100,5 or 1.005).
    Negative amounts are returned as such so the caller can say why they are refused.
    """
    cleaned = (text or "").strip()
    cleaned = re.sub(r"\s*(kr\.?|dkk)$", "", cleaned, flags=re.IGNORECASE).strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    negative = cleaned.startswith(("-", "\u2212"))
    if negative:
        cleaned = cleaned[1:]
    if not (_GROUPED.match(cleaned) or _PLAIN.match(cleaned)):
        raise NotAnAmount(text)
    try:
        value = Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the patterns above admit only digits
        raise NotAnAmount(text) from error
    return -value if negative else value


def format_kroner(value, with_unit: bool = True) -> str:
    """100000 → "100.000 kr.", 100000.5 → "100.000,50 kr."; exact, never through float."""
    if value is None or value == "":
        return ""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, cents = f"{abs(amount):.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    text = f"{sign}{grouped}" if cents == "00" else f"{sign}{grouped},{cents}"
    return f"{text} kr." if with_unit else text
