"""What every fixture loader shares: the content error, JSON reading, dates, bilingual values and sources."""

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


def get_or_create_source(data):
    """The Source for a fixture's source record (a dict) or key (a str); None for None.

    Sources are shared by key and by address; an existing one is never overwritten. Raises ContentError for an
    unknown key or an address that is not http or https.
    """
    if data is None:
        return None
    if isinstance(data, str):
        try:
            return Source.objects.get(key=data)
        except Source.DoesNotExist:
            raise ContentError(f"unknown source key {data!r}") from None
    url = data.get("url", "")
    if url and not url.startswith(("http://", "https://")):
        raise ContentError(f"source {data.get('key')!r}: only http and https addresses are accepted")
    if url and (same := Source.objects.filter(url=url).order_by("pk").first()):
        return same  # one record per address, whichever key a file gives it
    source, _created = Source.objects.get_or_create(
        key=data["key"],
        defaults={
            "url": url,
            "publisher": data.get("publisher", ""),
            "title": data.get("title") or data["key"],
            "date": parse_date(data.get("date")),
            "language": data.get("language", ""),
            "verified": bool(data.get("verified", False)),
            "note": data.get("note", ""),
        },
    )
    return source
