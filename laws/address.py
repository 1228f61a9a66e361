"""Addresses of provisions: article labels (第十二条 / Art. 12), citations and page anchors (p2-i3)."""

from core.numerals import int_to_kanji, roman


def article_label_ja(number):
    """ "30-2" → 第三十条の二."""
    main, _sep, branch = number.partition("-")
    label = f"第{int_to_kanji(int(main))}条"
    if branch:
        label += f"の{int_to_kanji(int(branch))}"
    return label


def article_label_en(number):
    """ "30-2" → Art. 30-2."""
    return f"Art. {number}"


def provision_anchor(paragraph=None, item=None):
    """The page anchor of a paragraph or item, the same in both languages: p2, p2-i3."""
    if paragraph and item:
        return f"p{paragraph}-i{item}"
    return f"p{paragraph}" if paragraph else ""


def article_sort_key(number):
    main, _sep, branch = number.partition("-")
    return (int(main), int(branch or 0))


def cite(number, paragraph=None, item=None, language="ja"):
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
    text = f"Art. {number}"
    if paragraph:
        text += f"({paragraph})"
    if item:
        text += f"({roman(item)})"
    return text
