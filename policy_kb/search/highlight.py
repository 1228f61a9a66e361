"""Highlighted snippets: the matched terms of a query marked in the original (not normalised) text, where search
matches them (Latin words whole, phrases in order)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .match import Matcher
from .text import Folded


def match_spans(text, terms):
    """Sorted, non-overlapping (start, end) spans of the original `text` where any of `terms` (normalised)
    occurs as search matches it."""
    folded = Folded(text)
    spans = sorted(folded.span(start, end) for term in terms for start, end in Matcher(term).spans(folded.text))
    out = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlight(text, terms, width=120):
    """An escaped snippet of about `width` characters around the first match, each match wrapped in <mark>."""
    spans = match_spans(text, terms)
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
