"""Citations as people type them and as texts write them, read without the database.

Search-box forms: 基本法第13条, 第十三条, サイバーセキュリティ基本法第12条第2項, 第三十条の二, Basic Act Art. 12(2),
art 25, Article 12, paragraph 2, item 3, 426AC1000000104, 平成二十六年法律第百四号, Act No. 104 of 2014.
`parse` reads one query; `find_in_text` finds citations in running text. Each citation keeps the name of
the act it cites as written (or "" when it names none); linking.py decides which act that is.
"""

import re
import unicodedata
from dataclasses import dataclass

from core.numerals import KANJI_DIGITS
from laws.address import provision_anchor

_NUM = r"[0-9〇一二三四五六七八九十百千]+"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ROMAN |= {"xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19}
_ROMAN |= {"xx": 20}

JA_ARTICLE = (
    rf"第?(?P<article>{_NUM})条(?P<branches>(?:の{_NUM})*)"
    rf"(?:第?(?P<paragraph>{_NUM})項)?(?:第?(?P<item>{_NUM})号)?"
)
# A law's name ends in 法, 法律, 令 or 規則 and holds no digit, punctuation or space: サイバーセキュリティ基本法.
JA_LAW = r"(?P<law>[^\s0-9０-９第、。，．「」『』（）()・：:]*?(?:法律|法|令|規則|条例))"
JA_RE = re.compile(rf"(?:{JA_LAW})?{JA_ARTICLE}")
EN_ARTICLE = (
    r"(?i:(?:art(?:icle)?s?\.?|§)\s*)(?P<article>\d+)(?P<branches>(?:-\d+)*)"
    r"(?:\s*\((?P<paragraph>\d+)\))?(?:\s*\((?P<item>(?i:[ivx]+)|\d+)\))?"
    r"(?:\s*,?\s*(?i:para(?:graph)?)\.?\s*\(?(?P<paragraph2>\d+)\)?)?"
    r"(?:\s*,?\s*(?i:item)\s*\(?(?P<item2>(?i:[ivx]+)|\d+)\)?)?"
)
EN_RE = re.compile(EN_ARTICLE)
# "… of the Basic Act on the Formation of a Digital Society": an act named after the article.
EN_LAW_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<law>(?:[A-Z][\w'-]*\s+)*(?:Act|Law|Code|Order)\b"
    r"(?:\s+(?:on|for|of|concerning|regarding)\s+[^,;.()\n]+)?)"
)
# An act named right before the article: "Basic Act Art. 12", "the Basic Act on Cybersecurity, Article 26".
EN_LAW_BEFORE = re.compile(
    r"(?P<law>(?:[A-Z][\w'-]*\s+)*(?:Act|Law|Code|Order)(?:\s+(?:on|for|of|concerning|regarding)\s+[^,;.()\n]+?)?)"
    r"\s*,?\s*$"
)
BARE_RE = re.compile(r"^(?P<article>\d+)(?P<branches>(?:-\d+)*)$")
LAW_ID_RE = re.compile(r"^\d{3}[A-Z]{2}\d{10}$", re.IGNORECASE)
ENACTED_RE = re.compile(r"(制定時|原始|旧|original|as\s+enacted)", re.IGNORECASE)
IN_FORCE_RE = re.compile(r"(現行|current|in\s+force)", re.IGNORECASE)
_JA_SPACE_RE = re.compile(
    r"(?<=[第条項号の0-9〇一二三四五六七八九十百千法令則])\s+(?=[第条項号の0-9〇一二三四五六七八九十百千])"
)


_NAME_CHAR_RE = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff々〆ヶ]")


class NumeralError(ValueError):
    """A number no statute writes: 第百百条, 第十十条, paragraph or item 0."""


@dataclass(frozen=True)
class Citation:
    """What a citation names. article: "12", "30-2"; paragraph, item: ordinals or None; version: "enacted"
    (the act as enacted), "in_force" (the text in force) or None when not said; law: the act's name as written
    ("" when none); law_only: the act itself (law ID or number), no article; bare: a bare number, whose act and
    version are both open; law_id: an e-Gov law ID when given."""

    article: str | None = None
    paragraph: int | None = None
    item: int | None = None
    version: str | None = None
    law: str = ""
    law_only: bool = False
    bare: bool = False
    law_id: str = ""

    @property
    def anchor(self):
        return provision_anchor(self.paragraph, self.item)


def normalize(text):
    """NFKC, runs of white space as one space, and no space between the parts of a Japanese citation."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()
    return _JA_SPACE_RE.sub("", text)


def strict_number(text):
    """The value of an Arabic, kanji or Roman numeral as statutes write them; raises NumeralError otherwise.

    Kanji numerals must be in the statute form (十二, 百四, 三十, 千二百三十四) or positional (一〇四); 百百, 十十,
    一十 and 0 are refused.
    """
    value = text.strip().lower()
    if value.isdigit():
        number = int(value)
    elif value in _ROMAN:
        number = _ROMAN[value]
    elif value and all(ch in KANJI_DIGITS for ch in value):
        number = int("".join(str(KANJI_DIGITS.index(ch)) for ch in value))
    else:
        number = _strict_kanji(value)
    if number <= 0:
        raise NumeralError(f"{text!r} is not a number a statute uses")
    return number


def _strict_kanji(text):
    total, rest = 0, text
    for unit, value in (("千", 1000), ("百", 100), ("十", 10)):
        if unit in rest:
            head, _sep, rest = rest.partition(unit)
            if len(head) > 1 or head in ("一", "〇") or (head and head not in KANJI_DIGITS):
                raise NumeralError(f"{text!r} is not a numeral in statute form")
            total += (KANJI_DIGITS.index(head) if head else 1) * value
    if len(rest) > 1 or (rest and rest not in KANJI_DIGITS[1:]):
        raise NumeralError(f"{text!r} is not a numeral in statute form")
    return total + (KANJI_DIGITS.index(rest) if rest else 0)


def _article(groups):
    branches = [b for b in re.split(r"[の-]", groups.get("branches") or "") if b]
    return "-".join(str(strict_number(part)) for part in [groups["article"], *branches])


def _optional(value):
    return strict_number(value) if value else None


def _from_match(match, law="", version=None):
    groups = match.groupdict()
    return Citation(
        _article(groups),
        _optional(groups.get("paragraph") or groups.get("paragraph2")),
        _optional(groups.get("item") or groups.get("item2")),
        version,
        law=law,
    )


def parse(query):
    """One citation from a search-box query, or None when it does not look like one.

    Raises NumeralError for a citation whose numbers no statute writes (第百百条, 第12条第0項).
    """
    text = normalize(query)
    if not text:
        return None
    version = "enacted" if ENACTED_RE.search(text) else ("in_force" if IN_FORCE_RE.search(text) else None)
    if LAW_ID_RE.match(text):
        return Citation(law_only=True, law_id=text.upper())
    if match := JA_RE.search(text):
        return _from_match(match, match.group("law") or "", version)
    if match := EN_RE.search(text):
        law = ""
        if after := EN_LAW_AFTER.match(text, match.end()):
            law = after.group("law")
        elif before := EN_LAW_BEFORE.search(text[: match.start()]):
            law = before.group("law")
        return _from_match(match, _clean_en_law(law), version)
    if match := BARE_RE.match(text):
        return Citation(_article(match.groupdict()), version=version, bare=version is None)
    if re.search(r"法律第|act\s+no\.?\s*\d+", text, re.IGNORECASE):
        return Citation(law_only=True, law=text)
    return None


def _clean_en_law(name):
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


@dataclass(frozen=True)
class Found:
    """A citation inside a text: its span [start, end) and what it cites."""

    start: int
    end: int
    citation: Citation


def find_in_text(text, language="ja"):
    """Citations inside running text, as Found spans, each with the act name written with it ("" for none).

    Japanese: 第N条 with or without a law name before it (a bare one may belong to any law: the caller
    decides); the name as matched may start with words before the act's title (…に基づくサイバーセキュリティ
    基本法): linking.py finds the title at its end. English: Art. N …, with an act named right after ("of the
    X Act") or right before ("X Act, Art. N"). A citation whose numbers no statute writes is skipped.
    """
    found = []
    if language == "ja":
        for match in JA_RE.finditer(text):
            law = match.group("law") or ""
            if law.endswith(("同法", "本法")) and (len(law) == 2 or not _NAME_CHAR_RE.match(law[-3])):
                continue  # 同法 "the said act", 本法 "this act": which act depends on what came before
            try:
                found.append(Found(match.start(), match.end(), _from_match(match, match.group("law") or "")))
            except NumeralError:
                continue
        return found
    for match in EN_RE.finditer(text):
        law = ""
        if after := EN_LAW_AFTER.match(text, match.end()):
            law = after.group("law")
        elif before := EN_LAW_BEFORE.search(text[max(0, match.start() - 120) : match.start()]):
            law = before.group("law")
        try:
            found.append(Found(match.start(), match.end(), _from_match(match, _clean_en_law(law))))
        except NumeralError:
            continue
    return found
