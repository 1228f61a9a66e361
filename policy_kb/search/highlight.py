"""Highlighted snippets: the matched terms of a query marked in the original (not normalised) text."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe


def _normalize_with_map(text):
    """Normalised text and, for each of its characters, the index of the original character."""
    chars, positions = [], []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char).casefold():
            chars.append(piece)
            positions.append(index)
    normalized = "".join(chars)
    keep = [i for i, _m in enumerate(normalized) if not _is_dropped_long_vowel(normalized, i)]
    return "".join(normalized[i] for i in keep), [positions[i] for i in keep]


def _is_dropped_long_vowel(text, index):
    if text[index] != "ー" or index == 0:
        return False
    end = index
    while end < len(text) and text[end] == "ー":
        end += 1
    before = text[index - 1]
    if before == "ー":
        return _is_dropped_long_vowel(text, index - 1)
    after = text[end] if end < len(text) else ""
    return "\u30a1" <= before <= "\u30fa" and not ("\u30a1" <= after <= "\u30fa")


def highlight(text, terms, width=120):
    """An escaped snippet around the first match, each match wrapped in <mark>."""
    normalized, positions = _normalize_with_map(text)
    spans = []
    for term in terms:
        for match in re.finditer(re.escape(term), normalized):
            spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    spans.sort()
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    out, cursor = [], start
    for begin, finish in spans:
        if begin < cursor or finish > end:
            continue
        out.append(escape(text[cursor:begin]))
        out.append(f"<mark>{escape(text[begin:finish])}</mark>")
        cursor = finish
    out.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)
