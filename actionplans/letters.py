"""Initiative letters: A…Z, then AA, AB… (bijective base 26, like spreadsheet columns)."""

import re

LETTER_RE = re.compile(r"^[A-Z]{1,3}$")
MAX_NUMBER = 26 + 26**2 + 26**3  # ZZZ


def number_to_letter(number: int) -> str:
    if number < 1:
        raise ValueError("letters start at 1 (A)")
    letters = []
    while number:
        number, remainder = divmod(number - 1, 26)
        letters.append(chr(ord("A") + remainder))
    return "".join(reversed(letters))


def letter_to_number(letter: str) -> int:
    if not LETTER_RE.match(letter or ""):
        raise ValueError(f"not an initiative letter: {letter!r}")
    number = 0
    for char in letter:
        number = number * 26 + (ord(char) - ord("A") + 1)
    return number
