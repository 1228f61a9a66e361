"""Template tags for the open data links: the JSON and CSV files of a collection, shown on its list page."""

from django import template

register = template.Library()


@register.inclusion_tag("opendata/_downloads.html")
def data_downloads(*keys):
    """A "Download this data" line with the JSON and CSV file of each collection named (e.g. "incidents")."""
    from policy_kb.opendata.catalogue import COLLECTIONS

    return {"collections": [COLLECTIONS[key] for key in keys]}
