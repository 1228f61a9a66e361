"""Japanese and Roman numerals as statutes write them: 十二, 百四, 三十; (iii) for item 3 in English."""

import re
import unicodedata

KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
_ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def int_to_kanji(number):
    """The statute form of a positive integer: 12 → 十二, 104 → 百四, 30 → 三十.

    Raises ValueError for 0 and negative numbers, which no statute numbers.
    """
    if number <= 0:
        raise ValueError("only positive numbers have a statute form")
    out = []
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        count, number = divmod(number, unit_value)
        if count:
            out.append(("" if count == 1 else KANJI_DIGITS[count]) + unit)
    if number:
        out.append(KANJI_DIGITS[number])
    return "".join(out)


def kanji_to_int(text):
    """The integer of a kanji numeral: 十二 → 12, 百四 → 104; the positional form 三〇 → 30 is accepted too.

    Raises ValueError for an empty string or a character that is not a kanji numeral.
    """
    if not text:
        raise ValueError("empty numeral")
    if all(ch in KANJI_DIGITS for ch in text):
        return int("".join(str(KANJI_DIGITS.index(ch)) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in KANJI_DIGITS:
            current = KANJI_DIGITS.index(ch)
        elif ch in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a kanji numeral: {text!r}")
    return total + current


_KANJI_NUMBER_RE = re.compile(r"[〇一二三四五六七八九十百千]+")


def law_number_key(text):
    """A law number compared across writings: 平成二十六年法律第百四号 and 平成26年法律第104号 give the same key
    (a str: NFKC, casefolded, without spaces, kanji numbers as Arabic)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace(" ", "")
    return _KANJI_NUMBER_RE.sub(lambda m: str(kanji_to_int(m.group())), text)


def to_halfwidth_digits(text):
    """Full-width digits and letters as ASCII (NFKC): "１２" → "12". Returns a str."""
    return unicodedata.normalize("NFKC", text)


def roman(number):
    """Lower-case Roman numeral of a positive integer, as English statute translations number items: 3 → iii."""
    out = ""
    for value, numeral in _ROMAN:
        while number >= value:
            out += numeral
            number -= value
    return out
