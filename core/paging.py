"""Pages of long lists read in one query each: the rows of the page and, in the same query, how many there are."""

import math

from django.db.models import Count, IntegerField, Subquery, Value

MAX_PAGE = 1_000_000  # past the end of every list; keeps a page's row offset within a 64-bit database integer


def page_number(value):
    """The page number asked for in a query string value: a positive int, at most MAX_PAGE (a larger number reads
    as a page past the end, which lists show as their last page), 1 for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(number, MAX_PAGE) if number > 0 else 1


def count_of(queryset):
    """The number of rows `queryset` selects, as an uncorrelated scalar subquery (an expression to annotate
    with) that the database computes once; the queryset must not use distinct()."""
    count = queryset.order_by().prefetch_related(None).annotate(_all=Value(1)).values("_all")
    return Subquery(count.annotate(_count=Count("pk")).values("_count"), output_field=IntegerField())


def with_count(queryset, name):
    """`queryset` with each row annotated `name`: the number of rows the queryset selects, ignoring any slice
    taken later (count_of). Unlike COUNT(*) OVER (), it does not make the database read and sort every selected
    row before a LIMIT, so an index serving the filter and the order reads only the rows of the page."""
    return queryset.annotate(**{name: count_of(queryset)})


class CountedPage:
    """Page `number` of `count` rows, `size` to a page, read by the caller: what templates need for the links to
    the other pages (the same names as Django's Page)."""

    def __init__(self, number, size, count):
        self.number, self.size, self.count = number, size, count
        self.num_pages = max(math.ceil(count / size), 1)

    @property
    def paginator(self):
        return self

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def has_other_pages(self):
        return self.num_pages > 1

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1

    def start_index(self):
        return (self.number - 1) * self.size + 1 if self.count else 0


class WindowPage(CountedPage):
    """Page `number` (from 1) of `size` rows of `queryset`, read with the total in one query (with_count).

    The queryset must not use distinct() (the count would include duplicates): filter through subqueries
    instead. A page past the end shows the last page (one count query more). Offers what Django's Page offers
    to templates: object_list, number, paginator.count / num_pages, has_previous, has_next, has_other_pages,
    previous_page_number, next_page_number, start_index.
    """

    def __init__(self, queryset, number, size):
        self.size = size
        self.number = page_number(number)
        rows = self._read(queryset)
        if not rows and self.number > 1:
            self.number = max(math.ceil(queryset.count() / size), 1)
            rows = self._read(queryset)
        self.object_list = rows
        super().__init__(self.number, size, rows[0].window_total if rows else 0)

    def _read(self, queryset):
        start = (self.number - 1) * self.size
        return list(with_count(queryset, "window_total")[start : start + self.size])

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def query_without_page(params):
    """The query string of `params` (a QueryDict) without its page, for the links to other pages."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()
