"""Template tags for the open data links: the JSON and CSV files of a collection, shown on its list page."""

from django import template

register = template.Library()


@register.inclusion_tag("opendata/_downloads.html")
def data_downloads(*keys):
    """A "Download this data" line with the JSON and CSV file of each collection named (e.g. "incidents")."""
    from policy_kb.opendata.catalogue import COLLECTIONS

    return {"collections": [COLLECTIONS[key] for key in keys]}


def _followed(record):
    """The Ref of a record whose feed readers may follow, or None (no record, or a draft: its feed is not found)."""
    from core.records import registry

    is_public = getattr(record, "is_public", None)
    if record is None or (callable(is_public) and not is_public()):
        return None
    return registry.ref(record)


@register.inclusion_tag("opendata/_feed_head.html")
def record_feed_link(record):
    """In <head>: the <link rel="alternate" type="application/atom+xml"> of the record's own feed (nothing for a
    draft). record: a record instance of a registered kind, its ref_related loaded."""
    return {"ref": _followed(record)}


@register.inclusion_tag("opendata/_follow.html")
def follow_link(record):
    """On a record's page: the visible "Follow" link to its Atom feed (nothing for a draft)."""
    return {"ref": _followed(record)}
