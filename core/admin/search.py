"""Admin search that finds a word whatever the width of its letters and digits: ＩｏＴ finds what IoT finds."""

import string
import unicodedata

from django.db.models import Q
from django.utils.text import smart_split

# ASCII letters and digits → their full-width forms (A → Ａ, 1 → １), as Japanese text often writes them.
_TO_FULL_WIDTH = {ord(ch): ord(ch) + 0xFEE0 for ch in string.ascii_letters + string.digits}


def width_variants(term):
    """The forms of a search term to look for (a list of str, without repeats, the term as typed first): the term,
    its NFKC normalisation (full-width letters and digits become ASCII, half-width katakana full-width) and that
    normalisation with ASCII letters and digits written full-width."""
    normalised = unicodedata.normalize("NFKC", term)
    return list(dict.fromkeys([term, normalised, normalised.translate(_TO_FULL_WIDTH)]))


class WidthInsensitiveSearch:
    """ModelAdmin mixin (put it first in the bases): each word of the search matches in any of its width_variants(),
    in every search field; as in Django's own search, a record must match every word. Applies to the change list
    and to autocomplete fields alike."""

    def get_search_results(self, request, queryset, search_term):
        words = list(smart_split(search_term))
        if not words or not self.get_search_fields(request):
            return super().get_search_results(request, queryset, search_term)
        every = self.model._default_manager.all()
        for word in words:
            matches = Q()
            for variant in width_variants(word):
                found, _duplicates = super().get_search_results(request, every, variant)
                matches |= Q(pk__in=found.values("pk"))
            queryset = queryset.filter(matches)
        # Each word is matched in a subquery, so the rows of the list are never repeated.
        return queryset, False
