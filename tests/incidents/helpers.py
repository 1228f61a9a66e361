"""Small HTML readers for the incident and timeline tests (the pages are server-rendered, so regexes do)."""

import re


def main_html(response):
    html = response.content.decode()
    start, end = html.index("<main"), html.index("</main>")
    return html[start:end]


def element_by_id(html, element_id, tag=None):
    """The outer HTML of the element with this id (no nesting of the same tag inside it)."""
    tag = tag or r"[a-z0-9]+"
    match = re.search(rf'<({tag})\b[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', html, re.S)
    return match.group(0) if match else None


def ids_in_order(html, prefix):
    return re.findall(rf'<li id="({re.escape(prefix)}[^"]*)"', html)


def incident_slugs(html):
    return re.findall(r'<li class="incident-item" id="incident-([^"]+)"', html)


def language_switch(html, language):
    match = re.search(rf'<a lang="{language}" hreflang="{language}" rel="alternate" href="([^"]+)"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def filter_notice_names(html, shown):
    """The page's filter notice names the set-aside value; its quotation marks are the language's own (“…” or
    「…」), so only the parts between them are compared."""
    notice = element_by_id(html, "filter-notice", "div")
    return notice is not None and all(part in notice for part in re.split(r"[“”–]", shown) if part)
