"""The address of a provision as one value: its page, version, anchor and labels, built and parsed in one place.

A ProvisionAddress names an article (or a paragraph or item of it) of one act in one version, or a
provision of the act's supplementary provisions (附則). It builds the language-neutral path of the page
that shows it (`/laws/<act>/articles/12/?version=original#p2-i3`), the anchor (`p2-i3`, the same in both
languages), and the Japanese and English labels (第十二条第二項第三号 / Art. 12(2)(iii)).
"""

import re
from dataclasses import dataclass

from core.numerals import int_to_kanji, roman
from core.urls import neutral_path

_ANCHOR_RE = re.compile(r"^p(?P<paragraph>[1-9]\d*)(?:-i(?P<item>[1-9]\d*))?$")
_ARTICLE_NUMBER_RE = re.compile(r"^[1-9]\d*(?:-[1-9]\d*)*$")


def is_article_number(number):
    """True for an article number as this knowledge base writes it: "12", "30-2", "30-2-3"."""
    return bool(_ARTICLE_NUMBER_RE.match(number or ""))


def article_sort_key(number):
    """Statute order of article numbers: "9" < "10" < "30" < "30-2" < "31". Returns a tuple of ints."""
    return tuple(int(part) for part in number.split("-"))


def article_label_ja(number):
    """ "30-2" → 第三十条の二 (branch numbers joined with の)."""
    main, *branches = number.split("-")
    return f"第{int_to_kanji(int(main))}条" + "".join(f"の{int_to_kanji(int(b))}" for b in branches)


def article_label_en(number):
    """ "30-2" → Art. 30-2."""
    return f"Art. {number}"


def provision_anchor(paragraph=None, item=None):
    """The page anchor of a paragraph or item, the same in both languages: p2, p2-i3; "" for the article."""
    if paragraph and item:
        return f"p{paragraph}-i{item}"
    return f"p{paragraph}" if paragraph else ""


def parse_anchor(anchor):
    """(paragraph, item) from an anchor "p2-i3" → (2, 3), "p2" → (2, None), "" → (None, None).

    Raises ValueError for anything else (p0, i without p, letters).
    """
    if not anchor:
        return None, None
    match = _ANCHOR_RE.match(anchor)
    if match is None:
        raise ValueError(f"not a provision anchor: {anchor!r}")
    item = match.group("item")
    return int(match.group("paragraph")), int(item) if item else None


def cite(number, paragraph=None, item=None, language="ja"):
    """A citation of an article, paragraph or item: 第二十五条第一項第三号 / Art. 25(1)(iii); "" without a number."""
    if not number:
        return ""
    paragraph = int(paragraph) if paragraph else None
    item = int(item) if item else None
    if language == "ja":
        text = article_label_ja(number)
        if paragraph:
            text += f"第{int_to_kanji(paragraph)}項"
        if item:
            text += f"第{int_to_kanji(item)}号"
        return text
    text = article_label_en(number)
    if paragraph:
        text += f"({paragraph})"
    if item:
        text += f"({roman(item)})"
    return text


@dataclass(frozen=True)
class ProvisionAddress:
    """Where a provision is shown.

    act: the act's slug; article: its number ("30-2"), or "" for a supplementary paragraph outside any
    article; paragraph, item: ordinal numbers or None; version: the version key, "" for the version in force
    (its page needs no ?version=); supplementary: the number of the 附則 block ("main" for the act's own,
    else the amending act's key) when the provision is in the supplementary provisions.
    """

    act: str
    article: str = ""
    paragraph: int | None = None
    item: int | None = None
    version: str = ""
    supplementary: str = ""

    @classmethod
    def in_version(cls, version, article="", paragraph=None, item=None, supplementary="", act=None):
        """The address in a Version row: its act and, unless it is the version in force today, its key.

        act: the act's slug when the caller has it (else version.act is read: load it to avoid a query).
        """
        return cls(
            act=act or version.act.slug,
            article=article,
            paragraph=paragraph,
            item=item,
            version="" if version.is_in_force() else version.key,
            supplementary=supplementary,
        )

    @property
    def anchor(self):
        """p2-i3 for a main-provision paragraph or item; s-<block>-a<article>-p<paragraph> in the supplementary
        provisions (as templates/laws/supplementary.html writes them); "" for a whole article."""
        if self.supplementary:
            parts = [f"s-{self.supplementary}"]
            if self.article:
                parts.append(f"a{self.article}")
            if self.paragraph:
                parts.append(f"p{self.paragraph}")
            return "-".join(parts)
        return provision_anchor(self.paragraph, self.item)

    @property
    def query(self):
        """ "?version=<key>" for a version other than the one in force, else ""."""
        return f"?version={self.version}" if self.version else ""

    def page(self):
        """The language-neutral path of the page, with its query but without the anchor."""
        if self.supplementary:
            return neutral_path("laws:supplementary", act=self.act) + self.query
        if not self.article:  # a chapter: the table of contents
            return neutral_path("laws:act", act=self.act) + self.query
        return neutral_path("laws:article", act=self.act, number=self.article) + self.query

    def path(self):
        """The language-neutral path with query and anchor: /laws/<act>/articles/12/?version=original#p2."""
        anchor = self.anchor
        return self.page() + (f"#{anchor}" if anchor else "")

    def label(self, language="ja"):
        """第十二条第二項 / Art. 12(2); in the supplementary provisions 附則第一条 / Suppl. Prov. Art. 1."""
        if self.supplementary:
            inner = cite(self.article, self.paragraph, self.item, language) if self.article else ""
            if language == "ja":
                return "附則" + (inner or (f"第{int_to_kanji(self.paragraph)}項" if self.paragraph else ""))
            return "Suppl. Prov." + (f" {inner}" if inner else (f" para. ({self.paragraph})" if self.paragraph else ""))
        return cite(self.article, self.paragraph, self.item, language)
