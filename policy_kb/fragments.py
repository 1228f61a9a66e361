"""The expensive parts of record pages (the links panel, the relation graph), rendered once per content version.

Both are read from the cache by policy_kb.cache.fragment, under the record's key and the reader's language, so
they follow the pages' one invalidation rule: any change of content renders them anew. An editor's preview of a
draft is rendered every time and never stored.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.records import registry

from .cache import fragment


def _cached(name, render, record, preview, *parts):
    if record is None or preview:
        return render()
    return mark_safe(fragment(name, lambda: str(render()), registry.key(record), *parts))


def record_links_html(record, groups, preview=False, language="ja", heading=None):
    """The HTML of a record's links panel (includes/_record_links.html) in `language`. groups: a callable
    returning the record's (link groups, ends) (policy_kb.relations.link_groups), called only when the panel is
    rendered; heading: the panel's heading, None for the usual one. Returns safe HTML."""

    def render():
        rows = []
        if record is not None:
            for group in groups()[0]:
                if not rows or rows[-1][0] != str(group.wording):
                    rows.append((str(group.wording), []))
                rows[-1][1].append(group)
        context = {
            "groups": rows,
            "record_key": registry.key(record) if record is not None else "",
            "LANGUAGE_CODE": language,
            "heading": heading,
        }
        return render_to_string("includes/_record_links.html", context)

    return _cached("record-links", render, record, preview, language, heading or "")


def record_graph_html(record, groups, preview=False, language="ja"):
    """The HTML of a record's relation graph (includes/_record_graph.html; no graph when `record` is None) in
    `language`. groups: as for record_links_html (the graph's first ring is the panel's read). Returns safe
    HTML."""
    from .graphs import record_graph

    def render():
        graph = record_graph(record, groups=groups(), preview=preview) if record is not None else None
        return render_to_string("includes/_record_graph.html", {"graph": graph, "LANGUAGE_CODE": language})

    return _cached("record-graph", render, record, preview, language)
