"""The shape of a published collection: its columns, each with a type, and how rows are read from the database.

A Collection is declared once (policy_kb/opendata/collections.py) and read by the CSV and JSON exports and by
the read API, so a file and an API response always carry the same fields under the same names.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q

from core.records import registry


@dataclass(frozen=True)
class Column:
    """One field of a row.

    name: the CSV header and JSON key ("title_ja"); type: str, int, bool, datetime.date, list[str], or a
    Collection whose rows this column nests (JSON and API only); get(obj) → the value (None when unknown);
    link: "ja" or "en" for a column holding a language-neutral path, which readers get as an absolute URL of
    the page in that language, "data" for the path of a data file, given as an absolute URL; csv: False
    for a column left out of the CSV (nested rows); optional: True when the value may be None.
    """

    name: str
    type: object
    get: Callable[[object], object]
    link: str = ""
    csv: bool = True
    optional: bool = False


@dataclass(frozen=True)
class Collection:
    """A published collection.

    key: its name in addresses ("incidents"); label: lazily translated title; columns: Columns in order;
    rows(**scope) → the public rows in a stable order (scope: e.g. act and version for provisions);
    id_column: the column holding each row's stable identifier (a record key or slug, never a database id);
    kind: the record kind its rows are, "" for other rows; date_column: the column the API's date_from /
    date_to filter reads, "" when rows have no date; scoped: True when rows() needs act and version.

    For the read API, which reads one page at a time in the database: rows() returns a QuerySet unless `page` is
    given; date_field: the database path of date_column (default: the same name); lookup(identifier) → a Q
    selecting the row with that identifier in rows(), or None when none can have it (default for a record kind:
    the record the kind's registry lookup finds; otherwise `id_column` = identifier); page(start, stop) →
    (number of rows, the rows from start to stop), for rows that one queryset cannot page (typed links).
    """

    key: str
    label: object
    columns: tuple
    rows: Callable[..., Iterable]
    id_column: str = "key"
    kind: str = ""
    date_column: str = ""
    scoped: bool = False
    description: object = ""
    date_field: str = ""
    lookup: Callable[[str], object] | None = None
    page: Callable[[int, int], tuple] | None = None

    def where(self, identifier):
        """A Q selecting the row whose id_column is `identifier` in rows(), or None when no row can have it."""
        if self.lookup is not None:
            return self.lookup(identifier)
        if self.kind:
            prefix, _sep, rest = identifier.partition(":")
            record = registry.kinds[self.kind].lookup(rest) if prefix == self.kind and rest else None
            return Q(pk=record.pk) if record is not None else None
        return Q(**{self.id_column: identifier})

    def dated(self, date_from, date_to):
        """A Q keeping the rows dated within [date_from, date_to] (either None: open); rows without a date are
        kept only when both are None."""
        name = self.date_field or self.date_column
        condition = Q()
        if date_from is not None:
            condition &= Q(**{f"{name}__gte": date_from})
        if date_to is not None:
            condition &= Q(**{f"{name}__lte": date_to})
        return condition

    @property
    def csv_columns(self):
        return [column for column in self.columns if column.csv]


def text(name, attribute=None, optional=False):
    """A str column read from an attribute (default: the column's name); "" for None unless optional."""
    attribute = attribute or name

    def get(obj):
        value = getattr(obj, attribute)
        return value if value is not None or optional else ""

    return Column(name, str, get, optional=optional)


def translated(field_name):
    """The two columns of a translated field: <field>_ja and <field>_en ("" when not translated)."""
    return tuple(
        Column(f"{field_name}_{language}", str, lambda obj, a=f"{field_name}_{language}": getattr(obj, a) or "")
        for language in ("ja", "en")
    )


def pages(path):
    """The url_ja and url_en columns of a row whose page is at the language-neutral path path(obj)."""
    return (Column("url_ja", str, path, link="ja"), Column("url_en", str, path, link="en"))


def absolute(base, language, path):
    """The absolute URL of a language-neutral path in a language (base + /ja + path), or of a data file's
    path when language is "data" (base + path); "" for no path."""
    if not path:
        return ""
    return f"{base}{path}" if language == "data" else f"{base}/{language}{path}"


def plain(column, obj, base):
    """The value of a column for a row as JSON and the API carry it (nested rows as lists of dicts)."""
    value = column.get(obj)
    if column.link:
        return absolute(base, column.link, value)
    if isinstance(column.type, Collection):
        return [row_dict(column.type, child, base) for child in value]
    return value


def row_dict(collection, obj, base):
    """A row as a dict: {column name: value} in column order; dates stay datetime.date."""
    return {column.name: plain(column, obj, base) for column in collection.columns}


def csv_value(value):
    """A value as a CSV cell: "" for None, ISO dates, true/false, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(part) for part in value)
    return str(value)


def record_key(obj):
    """The record key of a record instance ("incident:opm-2015"); None for None and for a record readers may not
    see (a draft, by its is_public(): a public record's reference to a draft is left empty)."""
    if obj is None:
        return None
    is_public = getattr(obj, "is_public", None)
    return registry.key(obj) if is_public is None or is_public() else None


def ref_path(obj):
    """The language-neutral path of a record's page."""
    return registry.ref(obj).url


def date(name):
    """An optional date column read from the attribute of the same name."""
    return Column(name, datetime.date, lambda obj: getattr(obj, name), optional=True)


def reference(name, attribute=None):
    """A column holding the record key of a related record (None when there is none)."""
    attribute = attribute or name
    return Column(name, str, lambda obj: record_key(getattr(obj, attribute)), optional=True)
