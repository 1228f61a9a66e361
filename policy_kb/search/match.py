"""Where a query term occurs in normalised text: Japanese anywhere, Latin letters and digits as whole words, the
words of a phrase one after another in order."""

import itertools
import re
from functools import cached_property

from .text import is_cjk, is_word_char


class Matcher:
    """One normalised term (see text.query_terms) and the places it occurs in normalised text.

    A term that begins or ends with a Latin letter or digit matches only where that is the edge of a word:
    "it" is not inside "security", 第12条 is not inside 第112条. Japanese has no such edge. A phrase ("strategy
    cybersecurity") matches its words in that order, separated by white space (none needed beside Japanese).
    A term without a space is found by a substring search, several times faster than a regex on long bodies.
    """

    def __init__(self, term):
        self.term = term
        self.left_edge = bool(term) and is_word_char(term[0])
        self.right_edge = bool(term) and is_word_char(term[-1])

    @cached_property
    def _pattern(self):
        words = self.term.split(" ")
        parts = [re.escape(words[0])]
        for before, after in itertools.pairwise(words):
            if "\u30a1" <= before[-1] <= "\u30fa":  # normalize() dropped the word's trailing ー; the text may keep it
                parts.append("ー*")
            parts.append(r"\s*" if is_cjk(before[-1]) or is_cjk(after[0]) else r"\s+")
            parts.append(re.escape(after))
        return re.compile("".join(parts))

    def _candidates(self, text):
        if " " in self.term:
            position = 0
            while match := self._pattern.search(text, position):
                yield match.start(), match.end()
                position = match.start() + 1
            return
        start = text.find(self.term)
        while start != -1:
            yield start, start + len(self.term)
            start = text.find(self.term, start + 1)

    def _at_edges(self, text, start, end):
        if self.left_edge and start > 0 and is_word_char(text[start - 1]):
            return False
        return not (self.right_edge and end < len(text) and is_word_char(text[end]))

    def spans(self, text):
        """Every (start, end) where the term occurs in `text` (normalised), left to right; they may overlap."""
        for start, end in self._candidates(text):
            if self._at_edges(text, start, end):
                yield start, end

    def found(self, text):
        """True when the term occurs in `text` (normalised)."""
        return next(self.spans(text), None) is not None
