"""Citations as people type them and as texts write them, read without the database.

Search-box forms: 基本法第13条, 第十三条, サイバーセキュリティ基本法第12条第2項, 第三十条の二, 附則第二条,
平成二十八年法律第三十一号附則第一条, Basic Act Art. 12(2), art 25, Article 12, paragraph 2, item 3,
Supplementary Provisions, Article 2, 426AC1000000104, 平成二十六年法律第百四号, Act No. 104 of 2014.
White space of any width between the parts of a citation changes nothing. `parse` reads one query;
`find_in_text` finds citations in running text. Each citation keeps the name of the act it cites as written
(or "" when it names none); linking.py decides which act that is.
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
_PAREN = r"(?:[（(][^（）()]*[）)])"  # a parenthesis between an act's name and the article: its law number

JA_ARTICLE = (
    rf"第?(?P<article>{_NUM})条(?P<branches>(?:の{_NUM})*)"
    rf"(?:第?(?P<paragraph>{_NUM})項)?(?:第?(?P<item>{_NUM})号)?"
)
# A law's name ends in 法, 法律, 令 or 規則 and holds no digit, punctuation or space: サイバーセキュリティ基本法.
JA_LAW = r"(?P<law>[^\s0-9０-９第、。，．「」『』（）()・：:]*?(?:法律|法|令|規則|条例))"
JA_RE = re.compile(rf"(?:{JA_LAW}{_PAREN}?)?{JA_ARTICLE}")
# An amending act by its law number: 平成二十八年法律第三十一号, 平成28年法律第31号.
JA_AMENDING = rf"(?P<amending>(?:明治|大正|昭和|平成|令和)(?:元|{_NUM})年(?:{_NUM}月{_NUM}日)?法律第{_NUM}号)"
JA_SUPPLEMENTARY_RE = re.compile(
    rf"(?:{JA_AMENDING}|{JA_LAW})?{_PAREN}?附則{_PAREN}?"
    rf"(?:{JA_ARTICLE}|第?(?P<block_paragraph>{_NUM})項(?:第?(?P<block_item>{_NUM})号)?)"
)
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
_SUPPLEMENTARY_EN = r"(?i:suppl(?:ementary)?\.?\s*prov(?:isions?|s)?\.?)"
_ACT_NUMBER_EN = r"(?i:act\s+no\.?\s*\d+\s+of\s+\d{4})"
# "Supplementary Provisions, Article 2", "Suppl. Prov. Art. 2", "Act No. 31 of 2016, Supplementary Provisions, …"
EN_SUPPLEMENTARY_BEFORE = re.compile(
    rf"(?:(?P<amending>{_ACT_NUMBER_EN})\s*,?\s*)?(?:\(\s*)?{_SUPPLEMENTARY_EN}(?:\s*\)\s*)?\s*,?\s*$"
)
# "Article 2 of the Supplementary Provisions (Act No. 31 of 2016)"
EN_SUPPLEMENTARY_AFTER = re.compile(
    rf"\s*,?\s*(?i:of|in)\s+(?i:the\s+)?{_SUPPLEMENTARY_EN}"
    rf"(?:\s*(?:\(\s*)?(?i:of|to)?\s*(?i:the\s+)?(?P<amending>{_ACT_NUMBER_EN})\s*\)?)?"
)
BARE_RE = re.compile(r"^(?P<article>\d+)(?P<branches>(?:-\d+)*)$")
LAW_ID_RE = re.compile(r"^\d{3}[A-Z]{2}\d{10}$", re.IGNORECASE)
ENACTED_RE = re.compile(r"(制定時|原始|旧|original|as\s+enacted)", re.IGNORECASE)
IN_FORCE_RE = re.compile(r"(現行|current|in\s+force)", re.IGNORECASE)
_JA_CHAR = r"[\u3005-\u3007\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
_JA_SPACE_RE = re.compile(rf"(?<={_JA_CHAR})\s+|\s+(?={_JA_CHAR})")
_NAME_CHAR_RE = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff々〆ヶ]")


class NumeralError(ValueError):
    """A number no statute writes: 第百百条, 第十十条, 第〇一条, 012, paragraph or item 0.

    numeral: the number as written; reason: "zero" (0 or 〇), "leading_zero" (012, 〇一) or "form" (a kanji
    numeral out of statute form, a Roman numeral out of use)."""

    def __init__(self, numeral, reason):
        super().__init__(f"{numeral!r} is not a number a statute writes ({reason})")
        self.numeral, self.reason = numeral, reason


@dataclass(frozen=True)
class Citation:
    """What a citation names. article: "12", "30-2" (or "" for a paragraph of a supplementary block that has
    no articles); paragraph, item: ordinals or None; version: "enacted" (the act as enacted), "in_force" (the
    text in force) or None when not said; law: the act's name as written ("" when none); law_only: the act
    itself (law ID or number), no article; bare: a bare number, whose act and version are both open; law_id: an
    e-Gov law ID when given; supplementary: a provision of the supplementary provisions (附則); amending: the law
    number of the amending act whose supplementary provisions are cited, as written ("" when none is named)."""

    article: str | None = None
    paragraph: int | None = None
    item: int | None = None
    version: str | None = None
    law: str = ""
    law_only: bool = False
    bare: bool = False
    law_id: str = ""
    supplementary: bool = False
    amending: str = ""

    @property
    def anchor(self):
        return provision_anchor(self.paragraph, self.item)


def normalize(text):
    """NFKC, runs of white space as one space, and none beside Japanese or inside the parts of a citation:
    第十二条 第二項 = 第十二条第二項, Art. 12 ( 2 ) = Art. 12(2), Article 30 - 2 = Article 30-2."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()
    text = _JA_SPACE_RE.sub("", text)
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))
    text = re.sub(r"(?<=[\d)])\s+(?=\()", "", text)
    return re.sub(r"(?<=\d)\s*-\s*(?=\d)", "-", text)


def strict_number(text):
    """The value of an Arabic, kanji or Roman numeral as statutes write them; raises NumeralError otherwise.

    Kanji numerals must be in the statute form (十二, 百四, 三十, 千二百三十四) or positional (一〇四); 百百, 十十,
    一十, a leading zero (012, 〇一) and 0 are refused.
    """
    value = text.strip().lower()
    if value.isdigit():
        if len(value) > 1 and value[0] == "0" and int(value):
            raise NumeralError(text, "leading_zero")
        number = int(value)
    elif value in _ROMAN:
        number = _ROMAN[value]
    elif value and all(ch in KANJI_DIGITS for ch in value):
        if len(value) > 1 and value[0] == "〇" and value.strip("〇"):
            raise NumeralError(text, "leading_zero")
        number = int("".join(str(KANJI_DIGITS.index(ch)) for ch in value))
    else:
        number = _strict_kanji(value)
    if number <= 0:
        raise NumeralError(text, "zero")
    return number


def _strict_kanji(text):
    total, rest = 0, text
    for unit, value in (("千", 1000), ("百", 100), ("十", 10)):
        if unit in rest:
            head, _sep, rest = rest.partition(unit)
            if len(head) > 1 or head in ("一", "〇") or (head and head not in KANJI_DIGITS):
                raise NumeralError(text, "form")
            total += (KANJI_DIGITS.index(head) if head else 1) * value
    if len(rest) > 1 or (rest and rest not in KANJI_DIGITS[1:]):
        raise NumeralError(text, "form")
    return total + (KANJI_DIGITS.index(rest) if rest else 0)


def _article(groups):
    if groups.get("article") is None:
        return ""
    branches = [b for b in re.split(r"[の-]", groups.get("branches") or "") if b]
    return "-".join(str(strict_number(part)) for part in [groups["article"], *branches])


def _optional(value):
    return strict_number(value) if value else None


def _from_match(match, law="", version=None, supplementary=False, amending=""):
    groups = match.groupdict()
    return Citation(
        _article(groups),
        _optional(groups.get("paragraph") or groups.get("paragraph2") or groups.get("block_paragraph")),
        _optional(groups.get("item") or groups.get("item2") or groups.get("block_item")),
        version,
        law=law,
        supplementary=supplementary,
        amending=amending,
    )


def _english(text, match, window=120):
    """(law, supplementary, amending) written around an English article citation."""
    before = text[max(0, match.start() - window) : match.start()]
    if after := EN_SUPPLEMENTARY_AFTER.match(text, match.end()):
        return "", True, after.group("amending") or ""
    if suppl := EN_SUPPLEMENTARY_BEFORE.search(before):
        named = EN_LAW_BEFORE.search(before[: suppl.start()])
        return _clean_en_law(named.group("law")) if named else "", True, suppl.group("amending") or ""
    if after := EN_LAW_AFTER.match(text, match.end()):
        return _clean_en_law(after.group("law")), False, ""
    if named := EN_LAW_BEFORE.search(before):
        return _clean_en_law(_part_of_longer_name(before, named)), False, ""
    return "", False, ""


def _part_of_longer_name(before, named):
    """The name as matched, or with what precedes it when it continues a longer name ("Order for Enforcement of
    the Basic Act on Cybersecurity", "Act Partially Amending the Basic Act on Cybersecurity")."""
    head = before[: named.start()]
    if re.search(r"\b(?i:amending|of|for|to|enforcement)\s+(?:the\s+)?$", head):
        return head.rsplit(",", 1)[-1].strip() + " " + named.group("law")
    return named.group("law")


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
    if match := JA_SUPPLEMENTARY_RE.search(text):
        return _from_match(match, match.group("law") or "", version, True, match.group("amending") or "")
    if match := JA_RE.search(text):
        return _from_match(match, match.group("law") or "", version)
    if match := EN_RE.search(text):
        law, supplementary, amending = _english(text, match)
        return _from_match(match, law, version, supplementary, amending)
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


def _japanese_in_text(text):
    found, taken = [], []
    for match in JA_SUPPLEMENTARY_RE.finditer(text):
        taken.append((match.start(), match.end()))
        try:
            citation = _from_match(match, match.group("law") or "", None, True, match.group("amending") or "")
        except NumeralError:
            continue
        found.append(Found(match.start(), match.end(), citation))
    for match in JA_RE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        law = match.group("law") or ""
        if law.endswith(("同法", "本法")) and (len(law) == 2 or not _NAME_CHAR_RE.match(law[-3])):
            continue  # 同法 "the said act", 本法 "this act": which act depends on what came before
        try:
            found.append(Found(match.start(), match.end(), _from_match(match, law)))
        except NumeralError:
            continue
    return sorted(found, key=lambda item: item.start)


def find_in_text(text, language="ja"):
    """Citations inside running text, as Found spans, each with the act name written with it ("" for none).

    Japanese: 第N条 with or without a law name before it (a bare one may belong to any law: the caller
    decides); the name as matched may start with words before the act's title (…に基づくサイバーセキュリティ
    基本法): linking.py finds the title at its end; 附則第N条 is a supplementary provision. English: Art. N …,
    with an act named right after ("of the X Act") or right before ("X Act, Art. N"), or the supplementary
    provisions ("of the Supplementary Provisions"). A citation whose numbers no statute writes is skipped.
    """
    if language == "ja":
        return _japanese_in_text(text)
    found = []
    for match in EN_RE.finditer(text):
        try:
            law, supplementary, amending = _english(text, match)
            found.append(Found(match.start(), match.end(), _from_match(match, law, None, supplementary, amending)))
        except NumeralError:
            continue
    return found
