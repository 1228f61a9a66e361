"""Citations as people type them: 基本法第13条, 第十三条, サイバーセキュリティ基本法第12条第2項, Basic Act Art. 12(2),
art 25, 第三十条の二, 426AC1000000104 ...; the same parser finds citations inside running text."""

import re
import unicodedata
from dataclasses import dataclass

from core.numerals import kanji_to_int
from laws.address import provision_anchor

_NUM = r"[0-9〇一二三四五六七八九十百千]+"
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
    "xiv": 14,
    "xv": 15,
}

# Japanese: (法名)?第N条(のM)?(第P項)?(第Q号)?; also N条P項 without 第.
JA_RE = re.compile(
    rf"(?P<law>サイバーセキュリティ基本法|基本法|同法|本法)?"
    rf"第?(?P<article>{_NUM})条(?:の(?P<branch>{_NUM}))?"
    rf"(?:第?(?P<paragraph>{_NUM})項)?(?:第?(?P<item>{_NUM})号)?"
)
# English: Art. 12(2)(iii), Article 12, paragraph 2, item 3, art 25, Art. 30-2, §12
EN_RE = re.compile(
    r"(?P<law>(?:the\s+)?basic\s+act(?:\s+on\s+cybersecurity)?\s*,?\s*)?"
    r"(?:art(?:icle)?s?\.?|§)\s*(?P<article>\d+)(?:[-‐](?P<branch>\d+))?"
    r"(?:\s*\((?P<paragraph>\d+)\))?(?:\s*\((?P<item>[ivx]+|\d+)\))?"
    r"(?:\s*,?\s*para(?:graph)?\.?\s*\(?(?P<paragraph2>\d+)\)?)?"
    r"(?:\s*,?\s*item\s*\(?(?P<item2>[ivx]+|\d+)\)?)?",
    re.IGNORECASE,
)
BARE_RE = re.compile(r"^(?P<article>\d+)(?:-(?P<branch>\d+))?$")
LAW_ID_RE = re.compile(r"^\d{3}[A-Z]{2}\d{10}$", re.IGNORECASE)
LAW_NUMBER_RE = re.compile(
    r"(平成二十六年法律第百四号|平成26年法律第104号|act\s+no\.?\s*104\s+of\s+2014)", re.IGNORECASE
)
ORIGINAL_RE = re.compile(r"(制定時|原始|旧|original|as\s+enacted|2014\s+text)", re.IGNORECASE)
CURRENT_RE = re.compile(r"(現行|current)", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    article: str | None = None  # "12", "30-2"
    paragraph: int | None = None
    item: int | None = None
    version: str | None = None  # "original", "current" or None when not said
    law_only: bool = False  # the law itself (law ID or number), no article
    bare: bool = False  # a bare number: which version is meant is ambiguous
    law_id: str = ""

    @property
    def anchor(self):
        return provision_anchor(self.paragraph, self.item)


def normalize(text):
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", " ", text).strip()


def _number(value):
    if value is None:
        return None
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    if value in _ROMAN:
        return _ROMAN[value]
    return kanji_to_int(value)


def _article(match):
    article = _number(match.group("article"))
    branch = match.group("branch")
    return f"{article}-{_number(branch)}" if branch else str(article)


def parse(query):
    """One citation from a search-box query, or None."""
    text = normalize(query)
    if not text:
        return None
    version = "original" if ORIGINAL_RE.search(text) else ("current" if CURRENT_RE.search(text) else None)
    if LAW_ID_RE.match(text):
        return Citation(law_only=True, law_id=text.upper())
    try:
        if match := JA_RE.search(text):
            return Citation(_article(match), _number(match.group("paragraph")), _number(match.group("item")), version)
        if match := EN_RE.search(text):
            return Citation(
                _article(match),
                _number(match.group("paragraph") or match.group("paragraph2")),
                _number(match.group("item") or match.group("item2")),
                version,
            )
        if match := BARE_RE.match(text):
            return Citation(_article(match), version=version, bare=version is None)
    except ValueError:
        return None
    if LAW_NUMBER_RE.search(text):
        return Citation(law_only=True)
    return None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    citation: Citation


def find_in_text(text, language="ja"):
    """Citations of this Act inside running text, as (start, end, citation).

    Japanese text must name the Act (サイバーセキュリティ基本法第25条, 基本法第12条第1項): a bare 第13条 may
    belong to another law. English text must mention the Basic Act somewhere (…Art. 25(1)(iii) of the Basic Act).
    """
    if language == "ja":
        matches = [m for m in JA_RE.finditer(text) if m.group("law") in ("サイバーセキュリティ基本法", "基本法")]
    else:
        if not re.search(r"basic act", text, re.IGNORECASE):
            return []
        matches = list(EN_RE.finditer(text))
    found = []
    for match in matches:
        groups = match.groupdict()
        try:
            citation = Citation(
                _article(match),
                _number(groups.get("paragraph") or groups.get("paragraph2")),
                _number(groups.get("item") or groups.get("item2")),
            )
        except ValueError:
            continue
        found.append(Found(match.start(), match.end(), citation))
    return found
