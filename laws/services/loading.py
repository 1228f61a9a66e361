"""What every fixture loader shares: the content error, JSON reading, dates, bilingual values and the sources."""

import datetime
import json
from pathlib import Path

from laws.models import Source


class ContentError(ValueError):
    """Malformed fixture content: the message says which file and which record."""


def read_json(path):
    """The parsed JSON of a fixture file. Raises ContentError naming the file and line of a syntax error."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(f"{path}, line {error.lineno}: {error.msg}") from None


def parse_date(value):
    """ "2015-09-04" → datetime.date; "" or None → None. Raises ValueError for another form."""
    return datetime.date.fromisoformat(value) if value else None


def bilingual(data, *names):
    """{name_ja: …, name_en: …} for each name present (and not null) in a fixture record."""
    values = {}
    for name in names:
        for language in ("ja", "en"):
            key = f"{name}_{language}"
            if key in data and data[key] is not None:
                values[key] = data[key]
    return values


_SOURCE_FIELDS = (
    "url",
    "publisher",
    "publisher_en",
    "title",
    "title_en",
    "title_supplied",
    "date",
    "language",
    "checked",
    "cited_by",
    "note",
)


class SourceBook:
    """The sources defined by the fixtures of one load: each address and key defined once.

    `define()` records a definition with the place it was read (file, record) and returns the Source, creating it
    when missing (an existing record is never overwritten); a second definition of the same key or address is
    accepted only when it says exactly the same, otherwise ContentError names both places. `get()` returns the
    Source of a key, or of a definition given inline. Set `file` to the fixture file being read.
    """

    def __init__(self):
        self.file = ""
        self._definitions = {}  # key -> (place, fields)
        self._keys_by_url = {}
        self._records = {}
        self._created = set()

    def _place(self, where):
        return f"{self.file}: {where}" if self.file and where else self.file or where

    def define(self, data, where=""):
        """The Source of a fixture's source definition (a dict; see fixtures/README.md). Raises ContentError."""
        place = self._place(where)
        key, fields = _source_fields(data, place)
        earlier_key = (
            key if key in self._definitions else self._keys_by_url.get(fields["url"]) if fields["url"] else None
        )
        if earlier_key is not None:
            earlier_place, earlier_fields = self._definitions[earlier_key]
            if earlier_key != key:
                raise ContentError(
                    f"the address {fields['url']} is defined as source {earlier_key!r} at {earlier_place} and again as "
                    f"{key!r} at {place}: define each source once and refer to it by its key"
                )
            if earlier_fields != fields:
                differing = ", ".join(name for name in _SOURCE_FIELDS if earlier_fields[name] != fields[name])
                raise ContentError(
                    f"source {key!r} is defined at {earlier_place} and differently at {place} ({differing}): "
                    "define each source once and refer to it by its key"
                )
            return self._records[key]
        self._definitions[key] = (place, fields)
        if fields["url"]:
            self._keys_by_url[fields["url"]] = key
        self._records[key] = self._create(key, fields)
        return self._records[key]

    def get(self, value, where=""):
        """The Source of a key (str), of an inline definition (dict), or None for None or "".

        Raises ContentError for a key that is neither defined in this load nor stored already."""
        if not value:
            return None
        if isinstance(value, dict):
            return self.define(value, where)
        if value in self._records:
            return self._records[value]
        source = Source.objects.filter(key=value).first()
        if source is None:
            raise ContentError(f"{where}: unknown source key {value!r}" if where else f"unknown source key {value!r}")
        self._records[value] = source
        return source

    def _create(self, key, fields):
        existing = Source.objects.filter(key=key).first()
        if existing is None and fields["url"]:
            existing = Source.objects.filter(url=fields["url"]).order_by("pk").first()
        if existing is not None:
            return existing
        values = {name: value for name, value in fields.items() if name != "cited_by"}
        self._created.add(key)
        return Source.objects.create(key=key, **values)

    def link_citations(self):
        """Set `cited_by` on the sources created in this load. Raises ContentError for an unknown key."""
        for key in sorted(self._created):
            place, fields = self._definitions[key]
            if fields["cited_by"]:
                source = self._records[key]
                source.cited_by = self.get(fields["cited_by"], place)
                source.save(update_fields=["cited_by"])


def _source_fields(data, place):
    """(key, {field: value}) of a fixture's source definition, checked. Raises ContentError."""
    key = data.get("key")
    if not key:
        raise ContentError(f"{place}: a source needs a key")
    url = data.get("url", "") or ""
    if url and not url.startswith(("http://", "https://")):
        raise ContentError(f"{place}: source {key!r}: only http and https addresses are accepted")
    checked = data.get("checked", Source.Checked.UNCHECKED)
    if checked not in Source.Checked.values:
        raise ContentError(f"{place}: source {key!r}: checked must be one of {', '.join(Source.Checked.values)}")
    if checked == Source.Checked.CITED and not (data.get("cited_by") or data.get("note")):
        raise ContentError(f"{place}: source {key!r} is cited by another source: name it (cited_by) or explain (note)")
    try:
        date = parse_date(data.get("date"))
    except ValueError:
        raise ContentError(f"{place}: source {key!r}: date {data.get('date')!r} is not YYYY-MM-DD") from None
    return key, {
        "url": url,
        "publisher": data.get("publisher", ""),
        "publisher_en": data.get("publisher_en", ""),
        "title": data.get("title") or key,
        "title_en": data.get("title_en", ""),
        "title_supplied": bool(data.get("title_supplied", False)),
        "date": date,
        "language": data.get("language", ""),
        "checked": checked,
        "cited_by": data.get("cited_by") or "",
        "note": data.get("note", ""),
    }


def load_sources(*, data, book):
    """Define every source of fixtures/sources.json in `book` (a SourceBook) and link the citing sources.

    Returns the number of sources defined. Raises ContentError for a malformed or repeated definition."""
    entries = data.get("sources", [])
    for index, entry in enumerate(entries):
        book.define(entry, f"sources[{index}] ({entry.get('key', '?')})")
    book.link_citations()
    return len(entries)
